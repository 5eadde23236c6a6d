"""A client walks the whole API from System and every object validates against OParl 1.1."""

from __future__ import annotations

import pytest

from tests.oparl.conftest import Api, Record
from tests.oparl.walker import validate, walk

pytestmark = pytest.mark.django_db


def _fetch(api: Api):  # type: ignore[no-untyped-def]
    def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
        response = api.get(url)
        body = (
            b"".join(response.streaming_content)
            if getattr(response, "streaming", False)
            else response.content
        )
        return response.status_code, dict(response.headers), body

    return fetch


def test_it_walks_every_list_page_and_object_and_each_one_validates(
    api: Api, record: Record
) -> None:
    seen = walk(
        "http://testserver/oparl/v1/", _fetch(api), api_prefix="http://testserver/oparl/v1/"
    )

    assert [str(p) for p in seen.problems] == [], "\n".join(map(str, seen.problems))
    assert seen.count("System") == 1 and seen.count("Body") == 1
    # Our three bodies, the two political groups (KOK, SDP) and the partner organisations
    # in the directory are the Organizations; a registration awaiting approval is not.
    names = {o["name"] for o in seen.objects["Organization"].values()}
    assert {
        "Aluevaltuusto",
        "Tarkastuslautakunta",
        "Järjestöneuvottelukunta",
        "KOK",
        "SDP",
        "Hollolan kunta",
        "Hollolan Eläkeläiset ry",
    } <= names
    assert "Odottava yhdistys ry" not in names
    # The planned meeting and its case stay internal; the cancelled one is listed as such.
    meetings = seen.objects["Meeting"]
    assert f"http://testserver/oparl/v1/meeting/{record.planned_meeting.pk}/" not in meetings
    assert meetings[f"http://testserver/oparl/v1/meeting/{record.cancelled_meeting.pk}/"][
        "cancelled"
    ]
    assert f"http://testserver/oparl/v1/paper/{record.hidden_case.pk}/" not in seen.objects["Paper"]
    # A case handled twice is one Paper with two Consultations.
    paper = seen.objects["Paper"][f"http://testserver/oparl/v1/paper/{record.case.pk}/"]
    assert len(paper["consultation"]) == 2
    # Files were fetched through both their URLs: the attachment, the agenda, the minutes.
    assert len(seen.files) == 6
    # The minutes' original, replaced by its redacted copy, is listed as deleted.
    assert len(seen.deleted["File"]) == 1


def test_it_reports_an_object_that_breaks_the_schema() -> None:
    problems = validate(
        {
            "id": "http://testserver/oparl/v1/meeting/1/",
            "type": "https://schema.oparl.org/1.1/Meeting",
            "start": "2026-01-01T10:00:00",  # no time zone
            "agendaItem": [{"id": "x", "type": "https://schema.oparl.org/1.1/AgendaItem"}],
            "raati:mode": "by carrier pigeon",
        },
        where="test",
    )

    messages = " ".join(p.message for p in problems)
    assert "start" in messages  # the date-time without a zone
    assert "'order' is a required property" in messages  # the embedded item
    assert "raati:mode" in messages  # the extension's own schema
