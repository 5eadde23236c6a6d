"""Server time and SQL queries of the public pages on the Päijät-Häme demo data.

Runs on SQLite unless DATABASE_URL is set. Run: make bench
"""

from __future__ import annotations

from io import StringIO

from harness import measure_page, print_table, test_database


def main() -> None:
    with test_database():
        from django.core.management import call_command

        from councils.models import AgendaItem, Vote

        call_command("load_demo", documents=False, stdout=StringIO())
        vote = Vote.objects.select_related("handling__item__meeting__body").first()
        assert vote is not None
        item: AgendaItem = vote.handling.item
        pages = [
            "/",
            "/saavutettavuusseloste/",
            "/paatoksenteko/",
            item.meeting.body.get_absolute_url(),
            item.meeting.get_absolute_url(),
            item.get_absolute_url(),
            item.case.get_absolute_url() if item.case else "/",
            "/paatokset/",
            "/paatokset/?sivu=10",
            "/viranhaltijapaatokset/",
            "/kalenteri/?kuukausi=2022-06",
            "/osallistu/",
            "/yhteistyo/",
            "/yhteistyo/yhteistyopoytakirja-2023/",
            "/yhteistyo/valmistelu-2021/",
            "/organisaatiot/",
            "/organisaatiot/?laji=association&ala=social_health",
            "/organisaatiot/lahden-kaupunki/",
            "/toimielimet/jarjestoneuvottelukunta/",
        ]
        print_table([(url, measure_page(url)) for url in pages])


if __name__ == "__main__":
    main()
