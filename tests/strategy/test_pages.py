"""The strategy's public pages: content, status badges, charts, snapshots, queries per page.

Pages are requested in English (/en/...) so that the assertions hold whatever the
Finnish catalogue says.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from itertools import count

import pytest
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext

from councils.models import MeetingState
from councils.publication import publication_changed
from strategy import services
from strategy.models import Goal, Status
from tests.factories import (
    AgendaItemFactory,
    GoalFactory,
    GoalLinkFactory,
    IndicatorFactory,
    IndicatorTargetFactory,
    IndicatorValueFactory,
    MeetingFactory,
    ProgrammeFactory,
    PublishedMeetingFactory,
    ReportingPeriodFactory,
    StatusUpdateFactory,
    StrategyFactory,
)

pytestmark = pytest.mark.django_db


def en(url: str) -> str:
    return f"/en{url}"


def _queries(client, url: str) -> int:
    # The page as rendered, not as the page cache (portal/public_cache.py) would give it.
    publication_changed()
    reset_queries()
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    return len(context)


def assert_constant_queries(client, url: str, add_rows: Callable[[int], None], limit: int) -> int:
    """The page makes the same number of queries with 1 row as with 50, and at most `limit`."""
    add_rows(1)
    with_one = _queries(client, url)
    add_rows(49)
    with_fifty = _queries(client, url)
    assert with_one == with_fifty, f"{with_one} queries with 1 row, {with_fifty} with 50"
    assert 0 < with_fifty <= limit, with_fifty
    return with_fifty


@pytest.fixture
def world():
    """A strategy with goal 1 and sub-goal 1.2 at risk, an indicator, a period, a decision."""
    strategy = StrategyFactory(title="Hyvinvointialuestrategia", slug="strategia")
    strategy.values.create(name="Luottamus", order=1)
    main = GoalFactory(strategy=strategy, code="1", title="Saavutettavat palvelut")
    sub = GoalFactory(parent=main, code="1.2", title="Integroidut palvelut")
    indicator = IndicatorFactory(goal=sub, name="Digitaalisen asioinnin osuus", unit="%")
    IndicatorTargetFactory(indicator=indicator, due=date(2026, 12, 31), value=40)
    IndicatorValueFactory(indicator=indicator, measured_on=date(2026, 6, 30), value="27.5")
    period = ReportingPeriodFactory(strategy=strategy, code="T2/2026")
    StatusUpdateFactory(
        period=period,
        goal=sub,
        status=Status.ON_TRACK,
        suggested_status=Status.AT_RISK,
        reason="Syksyn luvut paranevat uuden sovelluksen myötä.",
    )
    item = AgendaItemFactory(
        meeting=PublishedMeetingFactory(body__name="Aluehallitus"),
        section=42,
        title="Asiointisovelluksen hankinta",
    )
    GoalLinkFactory(goal=sub, agenda_item=item)
    return {"strategy": strategy, "main": main, "sub": sub, "indicator": indicator,
            "period": period, "item": item}  # fmt: skip


# --- the strategy at a glance ---


def test_the_index_redirects_to_the_only_strategy(client, world):
    response = client.get(en("/strategia/"))
    assert response.status_code == 302
    assert response["Location"].endswith("/strategia/strategia/")


def test_the_index_lists_several_strategies_and_marks_the_one_in_force(client, world):
    StrategyFactory(
        title="Tuleva strategia", period_start=date(2099, 1, 1), period_end=date(2100, 12, 31)
    )
    html = client.get(en("/strategia/")).content.decode()
    assert "Tuleva strategia" in html and "Hyvinvointialuestrategia" in html
    assert html.count(">in force<") == 1


def test_the_index_without_a_strategy_says_so(client):
    assert "No strategy has been published yet." in client.get(en("/strategia/")).content.decode()


def test_the_overview_shows_values_mission_vision_and_goals_with_their_status(client, world):
    html = client.get(en("/strategia/strategia/")).content.decode()
    for text in ("Luottamus", "Tuemme asukkaiden hyvinvointia.", "Hyvinvoivat asukkaat."):
        assert text in html
    assert "Saavutettavat palvelut" in html and "Integroidut palvelut" in html
    # Symbol and word, never colour alone; the period; the differing suggestion.
    assert (
        '<span class="status status--on_track"><span class="status__symbol" aria-hidden="true">✔</span> On track</span>'
        in html
    )
    assert "T2/2026" in html
    assert "indicators suggest" in html and "status--at_risk" in html
    assert "Not reported yet" in html  # the main goal has no update
    assert "/strategia/strategia/raportit/" in html


def test_the_overview_shows_each_goals_update_of_the_latest_period_not_of_the_newest_row(
    client, world
):
    # The later period's update was written first: the period's start decides, not the row.
    later = ReportingPeriodFactory(
        strategy=world["strategy"], code="T3/2026", start=date(2026, 9, 1), end=date(2026, 12, 31)
    )
    StatusUpdateFactory(period=later, goal=world["main"], status=Status.DONE)
    earlier = ReportingPeriodFactory(
        strategy=world["strategy"], code="T1/2026", start=date(2026, 1, 1), end=date(2026, 4, 30)
    )
    StatusUpdateFactory(period=earlier, goal=world["main"], status=Status.OFF_TRACK)
    html = client.get(en("/strategia/strategia/")).content.decode()
    card = html[html.index(f'id="goal-{world["main"].pk}"') :]
    card = card[: card.index("</p>")]
    assert "status--done" in card and "T3/2026" in card, card
    assert "status--off_track" not in card and "T1/2026" not in card, card


def test_the_overview_queries_do_not_grow_with_goals_and_updates(client, world):
    strategy, period = world["strategy"], world["period"]
    codes = count(10)

    def add(n: int) -> None:
        for _ in range(n):
            main = GoalFactory(strategy=strategy, code=str(next(codes)))
            sub = GoalFactory(parent=main, code=f"{main.code}.1")
            StatusUpdateFactory(period=period, goal=sub)
            programme = ProgrammeFactory(strategy=strategy)
            StatusUpdateFactory(period=period, goal=None, programme=programme)

    assert_constant_queries(client, en("/strategia/strategia/"), add, limit=6)


# --- goal page ---


def test_the_goal_page_shows_the_chart_the_table_the_status_and_the_decisions(client, world):
    html = client.get(en("/strategia/strategia/tavoitteet/1.2/")).content.decode()
    assert "1.2</span> Integroidut palvelut" in html
    assert '<svg class="chart"' in html and 'role="img"' in html
    assert "Latest 27.5\u00a0% (06/30/2026). Target 40.0\u00a0% by 12/31/2026." in html
    assert "<caption>Digitaalisen asioinnin osuus: measured values and targets</caption>" in html
    # The manual status, the differing suggestion and the reason.
    assert "status--on_track" in html and "status--at_risk" in html
    assert "Syksyn luvut paranevat uuden sovelluksen myötä." in html
    # Status history by period, and the decisions linked to it with body, date and §.
    assert "Status of 1.2 by reporting period" in html
    assert "Asiointisovelluksen hankinta" in html
    assert "Aluehallitus 7.9.2026 § 42" in html
    assert f"/en/pykalat/{world['item'].pk}/" in html


def test_the_goal_page_hides_decisions_residents_may_not_see(client, world):
    sub = world["sub"]
    confidential = AgendaItemFactory(
        meeting=PublishedMeetingFactory(),
        title="Salainen asia",
        is_public=False,
        secrecy_basis="JulkL 24.1 § 25 k.",
    )
    unpublished = AgendaItemFactory(
        meeting=MeetingFactory(state=MeetingState.PLANNED, agenda_published_at=None),
        title="Valmisteilla oleva asia",
    )
    GoalLinkFactory(goal=sub, agenda_item=confidential)
    GoalLinkFactory(goal=sub, agenda_item=unpublished)
    html = client.get(en("/strategia/strategia/tavoitteet/1.2/")).content.decode()
    assert "Asiointisovelluksen hankinta" in html
    assert "Salainen asia" not in html and "Valmisteilla oleva asia" not in html


def test_a_main_goal_page_shows_its_sub_goals_their_indicators_and_decisions(client, world):
    html = client.get(en("/strategia/strategia/tavoitteet/1/")).content.decode()
    assert "Sub-goals" in html and "Integroidut palvelut" in html
    assert "Digitaalisen asioinnin osuus" in html and '<svg class="chart"' in html
    assert "Asiointisovelluksen hankinta" in html and "sub-goal 1.2" in html
    assert "No status has been reported for this goal yet." in html
    assert "The indicators suggest today" in html


def test_an_indicator_without_values_says_so_instead_of_a_chart(client, world):
    IndicatorFactory(goal=world["sub"], name="Uusi mittari")
    html = client.get(en("/strategia/strategia/tavoitteet/1.2/")).content.decode()
    assert html.count('<svg class="chart"') == 1
    assert "No measured values yet." in html


def test_unknown_goals_and_foreign_indicators_are_404(client, world):
    assert client.get(en("/strategia/strategia/tavoitteet/9.9/")).status_code == 404
    assert client.get(en("/strategia/muu/tavoitteet/1/")).status_code == 404
    other = IndicatorFactory()
    assert client.get(en(f"/strategia/strategia/mittarit/{other.pk}/")).status_code == 404


def test_the_goal_page_queries_do_not_grow_with_indicators_values_updates_or_links(client, world):
    sub, period = world["sub"], world["period"]

    def add(n: int) -> None:
        for index in range(n):
            indicator = IndicatorFactory(goal=sub)
            IndicatorTargetFactory(indicator=indicator)
            IndicatorValueFactory(indicator=indicator)
            later = ReportingPeriodFactory(
                strategy=period.strategy,
                code=f"P{indicator.pk}",
                start=date(2020, 1, 1) + timedelta(days=index),
                end=date(2020, 1, 1) + timedelta(days=index),
            )
            StatusUpdateFactory(period=later, goal=sub)
            GoalLinkFactory(
                goal=sub, agenda_item=AgendaItemFactory(meeting=PublishedMeetingFactory())
            )

    # 8 of the page's own and 1 of the goal panels (forums: the cooperation agreement it serves).
    assert_constant_queries(client, en("/strategia/strategia/tavoitteet/1.2/"), add, limit=9)


def test_the_main_goal_page_queries_do_not_grow_with_sub_goals(client, world):
    main = world["main"]
    codes = count(10)

    def add(n: int) -> None:
        for _ in range(n):
            sub = GoalFactory(parent=main, code=f"1.{next(codes)}")
            IndicatorValueFactory(indicator=IndicatorFactory(goal=sub))
            GoalLinkFactory(
                goal=sub, agenda_item=AgendaItemFactory(meeting=PublishedMeetingFactory())
            )

    # 9 of the page's own and 1 of the goal panels (forums: the cooperation agreement it serves).
    assert_constant_queries(client, en("/strategia/strategia/tavoitteet/1/"), add, limit=10)


# --- programme and indicator pages ---


def test_the_programme_page_shows_goals_indicators_and_status_history(client, world):
    programme = ProgrammeFactory(
        strategy=world["strategy"],
        slug="digi",
        name="Digi- ja dataohjelma",
        description="Digitaalinen asiointi.",
    )
    programme.goals.add(world["sub"])
    world["indicator"].programme = programme
    world["indicator"].save(update_fields=["programme"])
    StatusUpdateFactory(
        period=world["period"],
        goal=None,
        programme=programme,
        status=Status.AT_RISK,
        narrative="Hankinta viivästyi.",
    )
    html = client.get(en("/strategia/strategia/ohjelmat/digi/")).content.decode()
    assert "Digitaalinen asiointi." in html and "Integroidut palvelut" in html
    assert '<svg class="chart"' in html
    assert "Status of Digi- ja dataohjelma by reporting period" in html
    assert "Hankinta viivästyi." in html


def test_the_programme_page_queries_do_not_grow_with_indicators(client, world):
    programme = ProgrammeFactory(strategy=world["strategy"], slug="digi")
    codes = count(10)

    def add(n: int) -> None:
        for _ in range(n):
            indicator = IndicatorFactory(goal=None, programme=programme)
            IndicatorValueFactory(indicator=indicator)
            programme.goals.add(GoalFactory(strategy=world["strategy"], code=str(next(codes))))

    assert_constant_queries(client, en("/strategia/strategia/ohjelmat/digi/"), add, limit=7)


def test_the_indicator_page_shows_each_municipalitys_latest_value(client, world):
    indicator = world["indicator"]
    IndicatorValueFactory(
        indicator=indicator, measured_on=date(2026, 3, 31), value=19, municipality="Sysmä"
    )
    IndicatorValueFactory(
        indicator=indicator, measured_on=date(2026, 6, 30), value=22, municipality="Sysmä"
    )
    html = client.get(en(f"/strategia/strategia/mittarit/{indicator.pk}/")).content.decode()
    assert "Sysmä" in html and "22.0 %" in html and "19.0" not in html
    assert '<svg class="chart"' in html


# --- reporting periods ---


def _closed(world) -> None:
    services.period_close(period=world["period"], user=None, today=date(2026, 9, 14))


def test_a_closed_period_shows_its_frozen_snapshot_not_live_data(client, world):
    _closed(world)
    Goal.objects.filter(pk=world["sub"].pk).update(title="Uusi otsikko")
    IndicatorValueFactory(indicator=world["indicator"], measured_on=date(2026, 9, 30), value=90)
    html = client.get(en("/strategia/strategia/raportit/t2-2026/")).content.decode()
    assert "Integroidut palvelut" in html and "Uusi otsikko" not in html
    assert "27.5\u00a0%" in html and "90.0" not in html
    assert "This report is frozen" in html
    assert "Syksyn luvut paranevat uuden sovelluksen myötä." in html  # the reason


def test_an_open_period_shows_the_live_reports(client, world):
    html = client.get(en("/strategia/strategia/raportit/t2-2026/")).content.decode()
    assert "This period is still open" in html
    assert "Integroidut palvelut" in html and "Not reported yet" in html


def test_the_period_list_counts_statuses_from_snapshots_and_live_updates(client, world):
    _closed(world)
    ReportingPeriodFactory(
        strategy=world["strategy"], code="T3/2026", start=date(2026, 9, 1), end=date(2026, 12, 31)
    )
    html = client.get(en("/strategia/strategia/raportit/")).content.decode()
    assert "T2/2026" in html and "T3/2026" in html
    assert "closed" in html and ">open<" in html
    assert "status--on_track" in html  # from the snapshot
    assert "No status updates yet." in html  # the open T3


def test_the_period_pages_queries_do_not_grow_with_goals(client, world):
    strategy, period = world["strategy"], world["period"]
    codes = count(10)

    def add(n: int) -> None:
        for _ in range(n):
            goal = GoalFactory(strategy=strategy, code=str(next(codes)))
            StatusUpdateFactory(period=period, goal=goal)

    assert_constant_queries(client, en("/strategia/strategia/raportit/t2-2026/"), add, limit=6)
    days = count(1)

    def add_periods(n: int) -> None:
        for _ in range(n):
            day = date(2020, 1, 1) + timedelta(days=next(days))
            done = ReportingPeriodFactory(strategy=strategy, code=f"P{day}", start=day, end=day)
            StatusUpdateFactory(period=done, goal=world["sub"])
            services.period_close(period=done, user=None, today=day)
            StatusUpdateFactory(
                period=ReportingPeriodFactory(strategy=strategy, code=f"Q{day}"), goal=world["sub"]
            )

    assert_constant_queries(client, en("/strategia/strategia/raportit/"), add_periods, limit=6)
    _closed(world)
    assert_constant_queries(
        client, en("/strategia/strategia/raportit/t2-2026/"), lambda n: None, limit=6
    )


def test_the_pages_are_public_and_answer_without_data(client):
    StrategyFactory(slug="tyhja")
    for url in ("/strategia/tyhja/", "/strategia/tyhja/raportit/"):
        assert client.get(en(url)).status_code == 200
    assert "No goals yet." in client.get(en("/strategia/tyhja/")).content.decode()
