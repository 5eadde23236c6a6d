"""Lists: keyset paging, the date filters at their edges, bad parameters."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from urllib.parse import quote

import pytest
from django.utils import timezone

from councils.models import Meeting
from tests.factories import MeetingFactory
from tests.oparl.conftest import BODY, Api, Record

pytestmark = pytest.mark.django_db


def _ids(page: dict) -> list[str]:
    return [obj["id"] for obj in page["data"]]


def test_it_pages_by_keys_through_next_prev_and_last(api: Api, record: Record) -> None:
    everything = _ids(api.json(BODY + "meeting/"))
    assert len(everything) == 4  # the planned meeting is not public

    first = api.json(BODY + "meeting/?limit=3")
    assert first["pagination"] == {
        "totalElements": 4,
        "elementsPerPage": 3,
        "totalPages": 2,
        "currentPage": 1,
    }
    second = api.json(first["links"]["next"])
    assert _ids(first) + _ids(second) == everything
    assert "next" not in second["links"]
    assert _ids(api.json(second["links"]["prev"])) == _ids(first)
    last = api.json(first["links"]["last"])
    assert _ids(last) == everything[3:]
    assert last["pagination"]["currentPage"] == 2
    # The filters and the page size travel with every link.
    assert "limit=3" in first["links"]["next"] and "limit=3" in first["links"]["last"]


def test_it_crosses_from_one_source_to_the_next_in_the_organization_list(
    api: Api, record: Record
) -> None:
    pages, url = [], BODY + "organization/?limit=2"
    while url:
        page = api.json(url)
        pages.append(_ids(page))
        url = page["links"].get("next")
    ids = [i for page in pages for i in page]
    # Three bodies, then two political groups, then the two partner organisations.
    assert len(ids) == len(set(ids)) == 7
    assert all("/organization/body-" in i for i in ids[:3])
    assert all("/organization/group-" in i for i in ids[3:5])
    assert all("/organization/partner-" in i for i in ids[5:])


def _modified(meeting: Meeting, at: datetime) -> None:
    Meeting.objects.filter(pk=meeting.pk).update(modified_at=at)


def test_it_includes_an_object_modified_exactly_at_either_boundary(
    api: Api, record: Record
) -> None:
    boundary = datetime(2026, 1, 5, 4, 0, tzinfo=UTC)
    for meeting in Meeting.objects.all():
        _modified(meeting, boundary - timedelta(days=1))
    _modified(record.old_meeting, boundary)

    def found(**params: str) -> list[str]:
        query = "&".join(f"{k}={quote(v)}" for k, v in params.items())
        return _ids(api.json(BODY + "meeting/?" + query))

    old = f"http://testserver/oparl/v1/meeting/{record.old_meeting.pk}/"
    # The same instant written in three time zones.
    for since in ("2026-01-05T04:00:00Z", "2026-01-05T06:00:00+02:00", "2026-01-05T05:00:00+01:00"):
        assert found(modified_since=since) == [old]
    assert old in found(modified_until="2026-01-05T06:00:00+02:00")
    assert old not in found(modified_since="2026-01-05T04:00:01Z")
    assert old not in found(modified_until="2026-01-05T03:59:59Z")
    assert found(modified_since="2026-01-05T04:00:00Z", modified_until="2026-01-05T04:00:00Z") == [
        old
    ]


def test_it_reads_an_unencoded_plus_that_arrived_as_a_space(api: Api, record: Record) -> None:
    _modified(record.old_meeting, datetime(2030, 1, 1, tzinfo=UTC))
    page = api.json(BODY + "meeting/?modified_since=2030-01-01T02:00:00+02:00")
    assert _ids(page) == [f"http://testserver/oparl/v1/meeting/{record.old_meeting.pk}/"]


def test_it_filters_by_creation_and_keeps_the_filter_on_the_next_page(
    api: Api, record: Record
) -> None:
    cutoff = timezone.now() + timedelta(days=365)
    new = [MeetingFactory(body=record.council) for _ in range(3)]
    Meeting.objects.filter(pk__in=[m.pk for m in new]).update(created_at=cutoff)
    page = api.json(BODY + f"meeting/?limit=2&created_since={quote(cutoff.isoformat())}")
    assert page["pagination"]["totalElements"] == 3
    rest = api.json(page["links"]["next"])
    assert len(_ids(page) + _ids(rest)) == 3
    assert "created_since=" in page["links"]["next"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("modified_since=yesterday", "modified_since must be a date and time"),
        ("modified_since=2026-01-05", "modified_since needs a time zone"),
        ("created_until=2026-01-05T10:00:00", "created_until needs a time zone"),
        ("modified_since=2026-02-30T10:00:00Z", "modified_since must be a date and time"),
        ("modified_since=99999-01-01T10:00:00Z", "modified_since must be a date and time"),
        ("modified_since=0001-01-01T10:00:00Z", "modified_since is out of range"),
        ("limit=100000", "limit must be a whole number from 1 to 1000"),
        ("limit=0", "limit must be a whole number from 1 to 1000"),
        ("limit=-5", "limit must be a whole number from 1 to 1000"),
        ("limit=%D9%A3", "limit must be a whole number from 1 to 1000"),  # an Arabic-Indic 3
        ("after=x7", "after is not a position in this list"),
        ("after=1&before=5", "Give at most one of after, before and last"),
        # Refused before the view, for every request (portal.middleware.CleanInputMiddleware).
        ("modified_since=2026-01-05T10:00:00Z%00", "contains a NUL character"),
        ("after=1%00", "contains a NUL character"),
        ("limit=1%00", "contains a NUL character"),
    ],
)
def test_it_answers_a_bad_parameter_with_a_400_that_says_why(
    api: Api, record: Record, query: str, message: str
) -> None:
    response = api.get(BODY + "meeting/?" + query, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert message in json.loads(response.content)["error"]["message"]


@pytest.mark.parametrize(
    "url",
    [
        "/oparl/v1/meeting/999999/",
        "/oparl/v1/meeting/body-1/",
        "/oparl/v1/organization/body-999999/",
        "/oparl/v1/organization/nobody-1/",
        "/oparl/v1/unknown/1/",
        "/oparl/v1/body/somewhere/",
        "/oparl/v1/body/paijat-hame/nonsense/",
        "/oparl/v1/organization/group-1/meeting/",
        "/oparl/v1/file/attachment-999/access/",
        "/oparl/v1/no/such/thing/",
        "/oparl/v1/meeting/99999999999999999999999/",
    ],
)
def test_it_answers_an_unknown_address_with_a_json_404(api: Api, record: Record, url: str) -> None:
    response = api.get(url)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert json.loads(response.content)["error"]["status"] == 404


def test_a_nul_character_in_the_address_gets_a_json_400(api: Api, record: Record) -> None:
    response = api.get("/oparl/v1/meeting/1%00/")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "NUL character" in json.loads(response.content)["error"]["message"]


def test_it_answers_a_planned_meeting_and_its_case_with_404(api: Api, record: Record) -> None:
    assert api.get(f"/oparl/v1/meeting/{record.planned_meeting.pk}/").status_code == 404
    assert api.get(f"/oparl/v1/agendaitem/{record.planned_item.pk}/").status_code == 404
    assert api.get(f"/oparl/v1/paper/{record.hidden_case.pk}/").status_code == 404


def test_it_lists_an_organizations_meetings(api: Api, record: Record) -> None:
    org = api.json(f"/oparl/v1/organization/body-{record.council.pk}/")
    meetings = api.json(org["meeting"])
    assert sorted(_ids(meetings)) == sorted(
        f"http://testserver/oparl/v1/meeting/{m.pk}/"
        for m in (record.old_meeting, record.agenda_meeting)
    )


def test_it_answers_in_finnish_unless_the_client_asks_otherwise(api: Api, record: Record) -> None:
    finnish = json.loads(api.get(BODY + "meeting/?limit=0").content)
    assert finnish["error"]["message"].startswith("limit on annettava kokonaislukuna")
    swedish = json.loads(api.get(BODY + "meeting/?limit=0", HTTP_ACCEPT_LANGUAGE="sv").content)
    assert swedish["error"]["message"].startswith("limit ska vara ett heltal")
