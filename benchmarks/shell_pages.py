"""Latency and queries of the site shell's pages on the demo data (SQLite unless DATABASE_URL).

Run: make bench  (or: .venv/bin/python benchmarks/shell_pages.py)
"""

from __future__ import annotations

from harness import measure_page, print_table, test_database

PAGES = ["/", "/sv/", "/saavutettavuusseloste/", "/kirjaudu/"]


def main() -> None:
    with test_database():
        from django.core.management import call_command

        call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
        print_table([(url, measure_page(url)) for url in PAGES])


if __name__ == "__main__":
    main()
