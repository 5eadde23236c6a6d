"""Bulk CSV files of the public record, a year at a time, streamed.

/avoin-data/csv/paatokset-2025.csv (decisions), kokoukset-2025.csv (meetings),
lasnaolot-2025.csv (attendance) and aanestykset-2025.csv (votes, one row per ballot):
UTF-8, comma-separated, a header row, RFC 4180 quoting. The rows come from the same
querysets as the pages, so a confidential item is its title and secrecy basis only, and
tagged personal data is left out once its time is up. The response is streamed from a
database iterator, so a year of a million items never sits in memory.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterator
from typing import Any

from django.http import Http404, HttpRequest, StreamingHttpResponse
from django.utils import timezone
from django.views.decorators.http import condition, require_GET

from councils import search_index
from councils.models import AgendaItem, Attendance, Ballot, Meeting
from councils.models.meetings import public_record_q
from portal.lib.textdiff import html_to_text
from portal.oparl.http import bulk_limited

CHUNK = 2000


class _Echo:
    def write(self, value: str) -> str:
        return value


def _local(value: Any) -> str:
    return timezone.localtime(value).isoformat(timespec="seconds") if value else ""


def _decisions(year: int, site: str) -> Iterator[list[Any]]:
    yield [
        "item_id",
        "url",
        "body",
        "meeting_id",
        "meeting_date",
        "section",
        "diary_number",
        "task_class",
        "title",
        "confidential",
        "secrecy_basis",
        "outcome",
        "appeal_type",
        "appeal_last_day",
        "minutes_published",
        "decision",
    ]
    today = timezone.localdate()
    items = (
        AgendaItem.objects.decided()
        .filter(meeting__year=year)
        .select_related("meeting__body", "meeting__minutes", "case", "handling")
        .order_by("meeting__start", "meeting_id", "section")
    )
    for item in items.iterator(chunk_size=CHUNK):
        meeting = item.meeting
        dates = item.appeal_dates() if item.is_public else None
        yield [
            item.pk,
            site + item.get_absolute_url(),
            meeting.body.name,
            meeting.pk,
            timezone.localtime(meeting.start).date().isoformat(),
            item.section,
            item.case.diary_number if item.case else "",
            item.case.task_class if item.case else "",
            item.title,
            "" if item.is_public else "1",
            "" if item.is_public else item.secrecy_basis,
            item.handling.outcome if item.is_public else "",
            item.appeal_type if item.is_public else "",
            dates.last_day.isoformat() if dates else "",
            _local(meeting.minutes_published_at),
            html_to_text(item.public_html(item.handling.decision, today=today)).strip()
            if item.is_public
            else "",
        ]


def _meetings(year: int, site: str) -> Iterator[list[Any]]:
    yield [
        "meeting_id",
        "url",
        "body",
        "number",
        "year",
        "start",
        "end",
        "place",
        "mode",
        "state",
        "cancelled",
        "notice_published",
        "agenda_published",
        "minutes_published",
    ]
    meetings = (
        Meeting.objects.public()
        .filter(year=year)
        .select_related("body", "minutes")
        .order_by("start", "pk")
    )
    for m in meetings.iterator(chunk_size=CHUNK):
        yield [
            m.pk,
            site + m.get_absolute_url(),
            m.body.name,
            m.number,
            m.year,
            _local(m.start),
            _local(m.end),
            m.place,
            m.mode,
            m.state,
            "1" if m.state == "cancelled" else "",
            _local(m.notice_published_at),
            _local(m.agenda_published_at),
            _local(m.minutes_published_at),
        ]


def _attendance(year: int, site: str) -> Iterator[list[Any]]:
    yield [
        "meeting_id",
        "meeting_date",
        "body",
        "person_id",
        "person",
        "political_group",
        "role",
        "presence",
        "deputy_for_id",
        "arrived_during_section",
        "left_during_section",
    ]
    rows = (
        Attendance.objects.filter(meeting__in=Meeting.objects.minutes_public().filter(year=year))
        .select_related("meeting__body", "person")
        .order_by("meeting__start", "meeting_id", "role", "person__last_name", "person_id")
    )
    for a in rows.iterator(chunk_size=CHUNK):
        yield [
            a.meeting_id,
            timezone.localtime(a.meeting.start).date().isoformat(),
            a.meeting.body.name,
            a.person_id,
            a.person.full_name,
            a.person.political_group,
            a.role,
            a.presence,
            a.deputy_for_id or "",
            a.arrived_at if a.arrived_at is not None else "",
            a.left_at if a.left_at is not None else "",
        ]


def _votes(year: int, site: str) -> Iterator[list[Any]]:
    yield [
        "item_id",
        "url",
        "meeting_date",
        "body",
        "section",
        "title",
        "vote_id",
        "vote_order",
        "method",
        "yes_proposal",
        "no_proposal",
        "person_id",
        "person",
        "political_group",
        "ballot",
    ]
    ballots = (
        # Only the votes of public items whose minutes are out (rule 1).
        Ballot.objects.filter(
            public_record_q("vote__handling__item__"), vote__handling__item__meeting__year=year
        )
        .select_related(
            "person",
            "vote__yes_proposal__proposer",
            "vote__no_proposal__proposer",
            "vote__handling__item__meeting__body",
        )
        .order_by(
            "vote__handling__item__meeting__start",
            "vote__handling__item_id",
            "vote__order",
            "person__last_name",
            "person_id",
        )
    )
    for b in ballots.iterator(chunk_size=CHUNK):
        vote = b.vote
        item = vote.handling.item
        yield [
            item.pk,
            site + item.get_absolute_url(),
            timezone.localtime(item.meeting.start).date().isoformat(),
            item.meeting.body.name,
            item.section,
            item.title,
            vote.pk,
            vote.order,
            vote.method,
            vote.yes_proposal.label,
            vote.no_proposal.label,
            b.person_id,
            b.person.full_name,
            b.person.political_group,
            b.choice,
        ]


KINDS = {
    "paatokset": _decisions,
    "kokoukset": _meetings,
    "lasnaolot": _attendance,
    "aanestykset": _votes,
}


def _etag(request: HttpRequest, kind: str, year: str) -> str | None:
    generation = search_index.generation()
    if not generation:
        return None
    path = hashlib.sha256(request.path.encode()).hexdigest()[:16]
    return f'"{generation}-{timezone.localdate():%Y%m%d}-{path}"'


@require_GET
@bulk_limited
@condition(etag_func=_etag)
def csv_year(request: HttpRequest, kind: str, year: str) -> StreamingHttpResponse:
    number = int(year)
    if not 1990 <= number <= 2100:
        raise Http404("no such year")
    site = f"{request.scheme}://{request.get_host()}"
    writer = csv.writer(_Echo())
    rows = (writer.writerow(row) for row in KINDS[kind](number, site))
    response = StreamingHttpResponse(rows, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="raati-{kind}-{number}.csv"'
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=3600"
    return response
