"""portal.lib.prefetch.attach: each owner gets its own rows, in order, in one query."""

from __future__ import annotations

import pytest

from councils.models import AgendaItem, Attachment
from portal.lib.prefetch import attach
from tests.factories import AgendaItemFactory, AttachmentFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def test_each_owner_gets_its_rows_in_the_querysets_order(django_assert_num_queries):
    meeting = MeetingFactory()
    first, second, bare = AgendaItemFactory.create_batch(3, meeting=meeting)
    AttachmentFactory(item=first, title="B", order=2)
    AttachmentFactory(item=first, title="A", order=1)
    AttachmentFactory(item=second, title="C", order=1)
    AttachmentFactory(title="someone else's")
    items = list(AgendaItem.objects.filter(meeting=meeting).order_by("section"))
    first, second, bare = items

    with django_assert_num_queries(1):
        rows = attach(items, Attachment.objects.order_by("order"), via="item", to_attr="loaded")
        # Each row's item is its owner, not a new query.
        owners = {row.title: row.item for row in rows}

    assert [a.title for a in first.loaded] == ["A", "B"]
    assert [a.title for a in second.loaded] == ["C"]
    assert bare.loaded == []
    assert sorted(owners) == ["A", "B", "C"]
    assert owners["C"] is second


def test_no_owners_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert attach([], Attachment.objects.all(), via="item", to_attr="loaded") == []


def test_the_querysets_filter_still_applies():
    item = AgendaItemFactory()
    AttachmentFactory(item=item, title="julkinen", is_public=True)
    AttachmentFactory(item=item, title="salainen", is_public=False)
    attach([item], Attachment.objects.filter(is_public=True), via="item", to_attr="public")
    assert [a.title for a in item.public] == ["julkinen"]
