"""The open-data page /avoin-data/ in three languages, linked from every page's footer."""

from __future__ import annotations

import pytest

from tests.oparl.conftest import Api, Record

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("prefix", "heading", "licence"),
    [
        ("", "Avoin data", "Creative Commons Nimeä 4.0 (CC BY 4.0)"),
        ("/sv", "Öppna data", "Creative Commons Erkännande 4.0 (CC BY 4.0)"),
        ("/en", "Open data", "Creative Commons Attribution 4.0 (CC BY 4.0)"),
    ],
)
def test_it_explains_the_open_data_in_each_language(
    api: Api,
    record: Record,
    settings,
    prefix: str,
    heading: str,
    licence: str,  # type: ignore[no-untyped-def]
) -> None:
    settings.OPARL_RATE_LIMIT, settings.OPARL_BULK_RATE_LIMIT = 600, 60
    response = api.get(prefix + "/avoin-data/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f"<h1>{heading}</h1>" in html
    assert licence in html
    assert "http://testserver/oparl/v1/" in html  # the entry point, to copy
    assert "raati-extensions.json" in html
    assert " 600 " in html and " 60 " in html  # the rate limits


def test_it_links_each_years_bulk_files_and_they_answer(api: Api, record: Record) -> None:
    html = api.get("/avoin-data/").content.decode()
    year = record.old_meeting.year
    for kind in ("paatokset", "kokoukset", "lasnaolot", "aanestykset"):
        url = f"/avoin-data/csv/{kind}-{year}.csv"
        assert f'href="{url}"' in html
        assert api.get(url).status_code == 200
    # The nightly file is linked once it has been written; until then the page says when.
    assert 'href="/avoin-data/raati-oparl.jsonl.gz"' not in html
    assert "Ensimmäinen tiedosto kirjoitetaan tänä yönä." in html


def test_it_links_the_nightly_file_once_written(
    api: Api, record: Record, settings, tmp_path
) -> None:
    from portal.oparl import dump

    settings.OPARL_DUMP_DIR = str(tmp_path)
    dump.write_dump()
    html = api.get("/avoin-data/").content.decode()
    assert 'href="/avoin-data/raati-oparl.jsonl.gz"' in html
    assert api.get("/avoin-data/raati-oparl.jsonl.gz").status_code == 200


def test_every_page_links_it_from_the_footer(api: Api, record: Record) -> None:
    assert 'href="/avoin-data/"' in api.get("/").content.decode()
    assert 'href="/en/avoin-data/"' in api.get("/en/paatoksenteko/").content.decode()


def test_it_serves_the_extension_schema(api: Api, record: Record) -> None:
    schema = api.json("/oparl/v1/schema/raati-extensions.json")
    assert "raati:diaryNumber" in schema["$defs"]["AgendaItem"]["properties"]
