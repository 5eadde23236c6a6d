"""The uncached pages that cost most: each asks only for what it shows, once."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import BallotFactory, HandlingFactory, StatusUpdateFactory

pytestmark = pytest.mark.django_db


def _sql(client, url: str) -> list[str]:  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in context.captured_queries]


def test_a_plain_decision_page_asks_nothing_for_the_lists_it_does_not_have(client):
    item = HandlingFactory(item__case=None).item
    page = client.get(item.get_absolute_url())
    assert "Lautakunta hyväksyi suunnitelman." in page.content.decode()
    # The item with which lists have rows, the strategy goals, and the initiatives made at
    # or answered by it (forums' item panel; a plain item has no case, so the consultations'
    # panel asks nothing). An uncorrected decision's one version is not read.
    assert len(_sql(client, item.get_absolute_url() + "?again")) == 3


def test_a_decision_with_a_vote_asks_for_the_vote_and_its_ballots(client):
    ballot = BallotFactory(person__last_name="Äänestäjä")
    item = ballot.vote.handling.item
    assert "Äänestäjä" in client.get(item.get_absolute_url()).content.decode()
    # + the proposals, the votes and their ballots, and the case's consultations; still
    # none for elections or dissents.
    statements = _sql(client, item.get_absolute_url() + "?again")
    assert len(statements) == 7
    assert not any("councils_election" in sql.split(" FROM ")[-1][:40] for sql in statements)


def test_a_ranked_search_counts_and_pages_in_one_scan(client):
    for number in range(30):
        HandlingFactory(item__title=f"Palveluverkon muutos {number}")
    page = client.get("/haku/?q=palveluverkko")
    assert "30 tulosta" in page.content.decode()
    statements = _sql(client, "/haku/?q=palveluverkko&again")
    # The page's rows carry the total: no second scan of the candidates to count them.
    assert len([sql for sql in statements if "OVER ()" in sql]) == 1
    assert not any(sql.startswith("SELECT COUNT(") for sql in statements)
    assert "30 tulosta" in client.get("/haku/?q=palveluverkko&sivu=2").content.decode()


def test_the_strategy_page_leaves_the_closed_periods_snapshots_unread(client):
    from strategy import services as strategy_services
    from tests.strategy.staff_helpers import arrange

    world = arrange(goals=3)
    for goal in (world.on_track, world.off_track):
        StatusUpdateFactory(period=world.previous, goal=goal)
    strategy_services.period_close(period=world.previous, user=None)
    url = reverse("strategy:strategy_detail", kwargs={"strategy": world.strategy.slug})
    assert world.on_track.title in client.get(url).content.decode()
    statements = _sql(client, url + "?again")
    assert len(statements) == 6
    assert not any('"snapshot"' in sql for sql in statements)
