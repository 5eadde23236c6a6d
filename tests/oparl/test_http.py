"""HTTP: JSON and CORS on every answer, conditional GETs, the rate limit, queries per page."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from councils.models import Attachment, Meeting
from tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    HandlingFactory,
    MeetingFactory,
    MembershipFactory,
    PersonFactory,
)
from tests.oparl.conftest import BODY, PDF, Api, Record

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/oparl/v1/", BODY, BODY + "meeting/", "/oparl/v1/meeting/0/"])
def test_it_answers_json_in_utf8_open_to_every_origin(api: Api, record: Record, url: str) -> None:
    response = api.get(url)
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    # UTF-8 as it is, not escaped (OParl 1.1, JSON output).
    assert "\\u00e4" not in response.content.decode()


def test_it_refuses_a_write_method(api: Api, record: Record) -> None:
    response = api.client.post("/oparl/v1/")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


def test_it_answers_304_to_a_client_that_has_the_current_version(api: Api, record: Record) -> None:
    url = f"/oparl/v1/meeting/{record.old_meeting.pk}/"
    first = api.get(url)
    etag = first["ETag"]

    again = api.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again["Access-Control-Allow-Origin"] == "*"

    meeting = Meeting.objects.get(pk=record.old_meeting.pk)
    meeting.place = "Valtuustosali"
    meeting.save(update_fields=["place"])
    changed = api.get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert json.loads(changed.content)["location"]["description"] == "Valtuustosali"


def test_it_limits_requests_per_address_with_retry_after(
    api: Api, record: Record, settings
) -> None:  # type: ignore[no-untyped-def]
    settings.OPARL_RATE_LIMIT = 3
    statuses = [api.get("/oparl/v1/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    limited = api.get("/oparl/v1/")
    assert 0 < int(limited["Retry-After"]) <= 60
    assert limited["Access-Control-Allow-Origin"] == "*"
    assert json.loads(limited.content)["error"]["status"] == 429
    # Another address has its own allowance.
    assert api.get("/oparl/v1/", REMOTE_ADDR="192.0.2.7").status_code == 200


def _queries(api: Api, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert api.get(url).status_code == 200
    return len(queries)


def test_it_reads_a_meeting_in_the_same_queries_with_one_item_and_with_thirty(
    api: Api, record: Record
) -> None:
    small = MeetingFactory(body=record.council, state="minutes_published")
    HandlingFactory(item=AgendaItemFactory(meeting=small, section=1))
    big = MeetingFactory(body=record.council, state="minutes_published")
    for section in range(1, 31):
        HandlingFactory(item=AgendaItemFactory(meeting=big, section=section))

    assert _queries(api, f"/oparl/v1/meeting/{small.pk}/") == _queries(
        api, f"/oparl/v1/meeting/{big.pk}/"
    )


def _more(record: Record, oparl_type: str) -> None:
    """50 more public objects of the type, each with what it shows."""
    for n in range(50):
        if oparl_type == "organization":
            BodyFactory()
        elif oparl_type == "person":
            PersonFactory(political_group=f"Ryhmä {n}")
        elif oparl_type == "meeting":
            meeting = MeetingFactory(body=record.council, state="minutes_published")
            HandlingFactory(item=AgendaItemFactory(meeting=meeting, section=1))
        elif oparl_type == "membership":
            MembershipFactory(body=record.committee, start=date(2025, 6, 1) + timedelta(days=n))
        elif oparl_type == "file":
            attachment = Attachment(item=record.decided, title=f"Liite {n}", size=len(PDF))
            attachment.file.save(f"liite-{n}.pdf", ContentFile(PDF), save=False)
            attachment.save()
        else:
            HandlingFactory(item=AgendaItemFactory(meeting=record.old_meeting, section=100 + n))


@pytest.mark.parametrize(
    "oparl_type", ["meeting", "agendaitem", "paper", "person", "file", "organization", "membership"]
)
def test_it_reads_a_list_in_the_same_queries_with_a_few_rows_and_with_fifty_more(
    api: Api,
    record: Record,
    django_assert_max_num_queries,  # type: ignore[no-untyped-def]
    oparl_type: str,
) -> None:
    url = BODY + f"{oparl_type}/?limit=1000"
    api.get(url)  # the count is cached per publication generation
    few = _queries(api, url)
    _more(record, oparl_type)
    api.get(url)
    with django_assert_max_num_queries(few):
        assert len(json.loads(api.get(url).content)["data"]) >= 50
