"""Bulk CSV by year (streamed) and the nightly JSON Lines dump."""

from __future__ import annotations

import csv
import gzip
import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from portal.oparl import tasks
from tests.oparl.conftest import Api, Record

pytestmark = pytest.mark.django_db


def _csv(api: Api, url: str) -> list[dict[str, str]]:
    response = api.get(url)
    assert response.status_code == 200, response.status_code
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    text = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def _year(record: Record) -> int:
    return record.old_meeting.year


def test_it_exports_a_years_decisions_with_confidential_ones_by_title(
    api: Api, record: Record
) -> None:
    rows = _csv(api, f"/avoin-data/csv/paatokset-{_year(record)}.csv")
    by_title = {row["title"]: row for row in rows}

    public = by_title[record.decided.title]
    assert public["decision"] == "Valtuusto hyväksyi uudistuksen."
    assert public["diary_number"] == record.case.diary_number
    assert public["outcome"] == "as_proposed"
    secret = by_title["Virkasuhteen päättäminen"]
    assert (secret["confidential"], secret["secrecy_basis"]) == ("1", "JulkL 24.1 § 25 k")
    assert secret["decision"] == "" and secret["outcome"] == ""
    # An item only on an agenda is no decision yet.
    assert record.on_agenda.title not in by_title


def test_it_exports_meetings_attendance_and_each_ballot(api: Api, record: Record) -> None:
    year = _year(record)
    meetings = _csv(api, f"/avoin-data/csv/kokoukset-{year}.csv")
    ids = {int(row["meeting_id"]) for row in meetings}
    assert record.old_meeting.pk in ids and record.planned_meeting.pk not in ids

    attendance = _csv(api, f"/avoin-data/csv/lasnaolot-{year}.csv")
    assert {
        row["person"] for row in attendance if int(row["meeting_id"]) == record.old_meeting.pk
    } == {p.full_name for p in (record.chair, record.member, record.other)}
    votes = _csv(api, f"/avoin-data/csv/aanestykset-{year}.csv")
    assert sorted((row["person"], row["ballot"]) for row in votes) == sorted(
        [
            (record.chair.full_name, "yes"),
            (record.member.full_name, "no"),
            (record.other.full_name, "no"),
        ]
    )


@pytest.mark.parametrize(
    "url", ["/avoin-data/csv/paatokset-1850.csv", "/avoin-data/csv/muut-2025.csv"]
)
def test_it_answers_404_for_an_unknown_year_or_file(api: Api, record: Record, url: str) -> None:
    assert api.get(url).status_code == 404


def test_it_limits_bulk_downloads_per_hour(api: Api, record: Record, settings) -> None:  # type: ignore[no-untyped-def]
    settings.OPARL_BULK_RATE_LIMIT = 2
    url = f"/avoin-data/csv/kokoukset-{_year(record)}.csv"
    assert [api.get(url).status_code for _ in range(3)] == [200, 200, 429]
    assert int(api.get(url)["Retry-After"]) > 0


def test_it_writes_the_dump_and_serves_it_only_when_it_changed(
    api: Api, record: Record, media: Path
) -> None:
    assert api.get("/avoin-data/raati-oparl.jsonl.gz").status_code == 404

    written = tasks.write_dump()

    response = api.get("/avoin-data/raati-oparl.jsonl.gz")
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    lines = [json.loads(line) for line in gzip.decompress(content).splitlines()]
    assert len(lines) == written["lines"]
    types = {obj["type"].rsplit("/", 1)[1] for obj in lines}
    assert {"System", "Body", "Organization", "Person", "Meeting", "Paper", "Location"} <= types
    meeting = next(o for o in lines if o["id"].endswith(f"/meeting/{record.old_meeting.pk}/"))
    assert len(meeting["agendaItem"]) == 2
    assert any(o.get("deleted") and "/file/document-" in o["id"] for o in lines)
    assert "Salainen" not in gzip.decompress(content).decode()

    again = api.get("/avoin-data/raati-oparl.jsonl.gz", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    since = api.get(
        "/avoin-data/raati-oparl.jsonl.gz", HTTP_IF_MODIFIED_SINCE=response["Last-Modified"]
    )
    assert since.status_code == 304


def test_it_writes_the_dump_from_the_command_line(record: Record, media: Path) -> None:
    out = io.StringIO()
    call_command("oparl_dump", stdout=out)
    assert "objects" in out.getvalue()
    assert (media / "avoin-data" / "raati-oparl.jsonl.gz").exists()
