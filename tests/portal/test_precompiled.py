"""A query whose SQL is built once per process (portal/lib/precompiled.py): the item page's.

What a resident gets must be what the ORM's own get() gives: the same item, the same
related objects, the same flags for the lists the page shows, and a 404 where get()
finds nothing.
"""

from __future__ import annotations

import threading
from typing import Any
from unittest import mock

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, connections
from django.db.models import Q
from django.db.models.sql.compiler import SQLCompiler

from councils.models import AgendaItem, MeetingState
from councils.views import _ITEM_PAGE, _item_page
from portal.lib.precompiled import Precompiled
from tests.factories import (
    AgendaItemFactory,
    AttachmentFactory,
    BallotFactory,
    HandlingFactory,
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
