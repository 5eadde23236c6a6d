"""A query whose SQL is built once per process (portal/lib/precompiled.py): the item page's.

What a resident gets must be what the ORM's own get() gives: the same item, the same
related objects, the same flags for the lists the page shows, and a 404 where get()
finds nothing.
"""

from __future__ import annotations

import threading
from datetime import timedelta
from typing import Any
from unittest import mock

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, connections
from django.db.models import Q, prefetch_related_objects
from django.db.models.sql.compiler import SQLCompiler
from django.test import Client
from django.test.utils import CaptureQueriesContext

from councils.models import (
    AgendaItem,
    Disqualification,
    DisqualificationGround,
    Dissent,
    Election,
    ElectionCandidate,
    MeetingState,
)
from councils.record import record_for, record_prefetch, record_prefetches
from councils.views import _ITEM_PAGE, _item_page
from portal.lib.precompiled import Precompiled, Shapes
from tests.factories import (
    AgendaItemFactory,
    AttachmentFactory,
    BallotFactory,
    GoalLinkFactory,
    HandlingFactory,
    OfficialDecisionFactory,
    PersonFactory,
    PublishedMeetingFactory,
    VoteFactory,
)

pytestmark = pytest.mark.django_db


def _as_read(item: AgendaItem, depth: int = 0) -> dict[str, Any]:
    """An instance's fields and annotations, and those of the related objects read with it."""
    read: dict[str, Any] = {
        name: value
        for name, value in vars(item).items()
        if name not in ("_state", "_prefetched_objects_cache")
    }
    if depth < 3:
        for name, related in item._state.fields_cache.items():
            read[f"related {name}"] = None if related is None else _as_read(related, depth + 1)
    return read


def _items() -> list[AgendaItem]:
    decided = HandlingFactory(decision="<p>Hyväksyttiin.</p>")
    vote = VoteFactory(handling=decided)
    BallotFactory(vote=vote, choice="yes")
    AttachmentFactory(item=decided.item, is_public=True)
    later = HandlingFactory(item__case=decided.item.case)  # the case's other handling
    meeting = PublishedMeetingFactory()
    confidential = AgendaItemFactory(meeting=meeting, is_public=False, secrecy_basis="JulkL 24 §")
    undecided = AgendaItemFactory(meeting=meeting)
    not_out = AgendaItemFactory(meeting__state=MeetingState.PLANNED)
    return [decided.item, later.item, confidential, undecided, not_out]


def test_it_gives_each_item_as_the_orm_does_and_nothing_where_the_orm_finds_nothing():
    items = _items()
    keys = [item.pk for item in items] + [0, -1, 10**9, 2**63, -(2**63) - 1]
    found = 0
    for pk in keys:
        try:
            expected = _as_read(_item_page().get(pk=pk))
        except AgendaItem.DoesNotExist:
            with pytest.raises(AgendaItem.DoesNotExist):
                _ITEM_PAGE.get(pk)
            continue
        assert _as_read(_ITEM_PAGE.get(pk)) == expected, pk
        found += 1
    assert found == 4  # the item whose agenda is not out is not on the page
    decided = _ITEM_PAGE.get(items[0].pk)
    assert decided.handling.decision == "<p>Hyväksyttiin.</p>"
    assert (decided.has_votes, decided.has_attachments, decided.has_history) == (True, True, True)
    assert decided.meeting.body.name == items[0].meeting.body.name


def test_its_sql_is_built_once_and_then_only_run():
    first, second, *_ = _items()
    query = Precompiled(lambda pk: _item_page().filter(pk=pk))
    built = mock.patch.object(SQLCompiler, "as_sql", autospec=True, side_effect=SQLCompiler.as_sql)
    with built as as_sql:
        assert query.get(first.pk).title == first.title
        building = as_sql.call_count  # the query and its subqueries (the lists' flags)
        assert building > 1
        assert query.get(second.pk).title == second.title
        with pytest.raises(AgendaItem.DoesNotExist):
            query.get(10**9)
        assert as_sql.call_count == building


def test_the_item_page_answers_404_for_an_item_it_does_not_show(client):
    not_out = AgendaItemFactory(meeting__state=MeetingState.PLANNED)
    shown = AgendaItemFactory(meeting=PublishedMeetingFactory(), title="Näkyvä asia")
    assert "Näkyvä asia" in client.get(f"/pykalat/{shown.pk}/").content.decode()
    for pk in (not_out.pk, 10**9, 99999999999999999999):
        assert client.get(f"/pykalat/{pk}/").status_code == 404, pk


@pytest.mark.django_db(transaction=True)
def test_another_thread_runs_it_on_its_own_connection():
    """The SQL was built on this thread's connection; a server's other thread has its own."""
    item = AgendaItemFactory(meeting=PublishedMeetingFactory(), title="Säikeen asia")
    query = Precompiled(lambda pk: _item_page().filter(pk=pk))
    assert query.get(item.pk).title == "Säikeen asia"
    seen: list[object] = []

    def other() -> None:
        try:
            seen.append(query.get(item.pk).title)
            seen.append(connections["default"] is not connection)
        finally:
            connections.close_all()

    thread = threading.Thread(target=other)
    thread.start()
    thread.join()
    assert seen == ["Säikeen asia", True]


def test_a_key_may_stand_in_several_places_but_must_stand_somewhere():
    item = AgendaItemFactory(meeting=PublishedMeetingFactory(), title="Kahdesti")
    twice = Precompiled(
        lambda pk: AgendaItem.objects.filter(Q(pk=pk) | Q(meeting_id=pk, section__lt=0))
    )
    assert twice.get(item.pk).title == "Kahdesti"
    nowhere = Precompiled(lambda pk: AgendaItem.objects.filter(title="Kahdesti"))
    with pytest.raises(ImproperlyConfigured, match="value 0 is not among"):
        nowhere.get(item.pk)


def test_the_record_read_from_written_sql_is_the_record_the_orm_prefetches():
    """Every list of the handling record (councils/record.py), each with rows and with
    a vote's ballots and an election's candidates in their own order."""
    decided = HandlingFactory(decision="<p>Valittiin.</p>")
    for _ in range(2):
        vote = VoteFactory(handling=decided)
        for last_name in ("Virtanen", "Aho", "Nieminen"):
            BallotFactory(vote=vote, person__last_name=last_name, choice="no")
    election = Election.objects.create(handling=decided, position="Tarkastuslautakunta", seats=2)
    for votes in (3, 9, 5):
        ElectionCandidate.objects.create(election=election, person=PersonFactory(), votes=votes)
    Dissent.objects.create(handling=decided, person=PersonFactory(), reasons="Eri mieltä.")
    Disqualification.objects.create(
        item=decided.item, person=PersonFactory(), ground=DisqualificationGround.choices[0][0]
    )
    bare = HandlingFactory()  # a record with none of the lists

    def read(item: AgendaItem) -> Any:
        record = record_for(item)
        assert record is not None
        return (
            [(line.proposal.pk, line.label, line.status, line.won) for line in record.proposals],
            [
                (line.vote.pk, [(b.pk, b.person.last_name) for b in line.ballots])
                for line in record.votes
            ],
            [(e.pk, [(c.pk, c.votes) for c in e.candidates.all()]) for e in record.elections],
            [(d.pk, d.person.last_name) for d in record.dissents],
            [(d.pk, d.person.last_name) for d in record.disqualifications],
        )

    for handling in (decided, bare):
        by_orm = AgendaItem.objects.select_related("handling").get(pk=handling.item_id)
        prefetch_related_objects([by_orm], *record_prefetches())
        written = AgendaItem.objects.select_related("handling").get(pk=handling.item_id)
        record_prefetch(written)
        with CaptureQueriesContext(connection) as queries:
            assert read(written) == read(by_orm)
        # Everything the record reads was fetched (the ORM's copy asks nothing either).
        assert len(queries) == 0
    proposals, votes, elections, dissents, disqualifications = read(written_of(decided))
    assert (len(proposals), len(votes), len(dissents), len(disqualifications)) == (4, 2, 1, 1)
    assert [b[1] for b in votes[0][1]] == ["Aho", "Nieminen", "Virtanen"]
    assert [c[1] for c in elections[0][1]] == [9, 5, 3]


def written_of(handling: Any) -> AgendaItem:
    item = AgendaItem.objects.select_related("handling").get(pk=handling.item_id)
    record_prefetch(item)
    return item


def test_a_worker_keeps_only_the_shapes_it_ran_last():
    """Each page of a search is a shape: asking for page after page must not make a
    worker hold them all."""
    items = [AgendaItemFactory(meeting=PublishedMeetingFactory()) for _ in range(3)]
    pages = Shapes(
        lambda bottom, pk: AgendaItem.objects.filter(pk__gte=pk).order_by("pk")[bottom:],
        AgendaItem,
        keep=2,
    )
    first = items[0].pk
    assert [i.pk for i in pages.rows(0, first)] == [i.pk for i in items]
    assert [i.pk for i in pages.rows(1, first)] == [i.pk for i in items[1:]]
    assert [i.pk for i in pages.rows(2, first)] == [items[2].pk]
    assert len(pages._written) == 2
    built = mock.patch.object(SQLCompiler, "as_sql", autospec=True, side_effect=SQLCompiler.as_sql)
    with built as as_sql:
        assert [i.pk for i in pages.rows(2, first)] == [items[2].pk]  # kept
        assert as_sql.call_count == 0
        assert [i.pk for i in pages.rows(0, first)] == [i.pk for i in items]  # built again
        assert as_sql.call_count == 1


def test_values_of_each_kind_and_a_shape_that_can_have_no_rows():
    item = AgendaItemFactory(meeting=PublishedMeetingFactory(), title="Arvot")
    start = item.meeting.start
    by_title_and_time = Shapes(
        lambda _shape, title, after: AgendaItem.objects.filter(
            title=title, meeting__start__gt=after
        ),
        AgendaItem,
    )
    assert [i.pk for i in by_title_and_time.rows((), "Arvot", start - timedelta(days=1))] == [
        item.pk
    ]
    assert by_title_and_time.rows((), "Arvot", start) == []
    assert by_title_and_time.rows((), "Muut", start - timedelta(days=1)) == []
    among = Shapes(lambda count, *pks: AgendaItem.objects.filter(pk__in=pks), AgendaItem)
    assert among.rows(0) == []  # `__in` nothing: no SQL at all
    assert [i.pk for i in among.rows(2, item.pk, 10**9)] == [item.pk]
    for value in (True, None, object(), start.replace(tzinfo=None)):
        with pytest.raises(ImproperlyConfigured):
            among.rows(1, value)


def test_a_decision_page_runs_sql_it_wrote_before():
    """The second decision page a worker serves builds no SQL: the item, its record's
    lists, attachments, the case's other handlings and officials' decisions, and the
    goals it advances all run from SQL written for the first."""
    pages = []
    for n in range(2):
        decided = HandlingFactory(decision=f"<p>Päätös {n}.</p>")
        vote = VoteFactory(handling=decided)
        BallotFactory(vote=vote, person__last_name=f"Äänestäjä {n}")
        AttachmentFactory(item=decided.item, is_public=True, title=f"Liite {n}")
        HandlingFactory(
            item__case=decided.item.case, item__meeting__body__name=f"Aiempi lautakunta {n}"
        )
        OfficialDecisionFactory(case=decided.item.case, title=f"Viranhaltijan päätös {n}")
        GoalLinkFactory(agenda_item=decided.item, goal__title=f"Tavoite {n}")
        pages.append(f"/pykalat/{decided.item.pk}/")
    client = Client()
    assert client.get(pages[0]).status_code == 200
    built = mock.patch.object(SQLCompiler, "as_sql", autospec=True, side_effect=SQLCompiler.as_sql)
    with built as as_sql:
        html = client.get(pages[1]).content.decode()
    for shown in ("Päätös 1.", "Äänestäjä 1", "Liite 1", "Aiempi lautakunta 1", "Tavoite 1"):
        assert shown in html, shown
    assert "Viranhaltijan päätös 1" in html
    assert as_sql.call_count == 0
