"""The strategy model's own rules: two goal levels, constraints, suggestions, pages."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from strategy.models import Direction, Status, StatusUpdate
from tests.factories import (
    AgendaItemFactory,
    GoalFactory,
    GoalLinkFactory,
    IndicatorFactory,
    IndicatorTargetFactory,
    IndicatorValueFactory,
    ProgrammeFactory,
    PublishedMeetingFactory,
    ReportingPeriodFactory,
    StatusUpdateFactory,
    StrategyFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():  # type: ignore[no-untyped-def]
    """The messages are asserted in English, the code's source language."""
    with translation.override("en"):
        yield


def test_it_refuses_a_third_level_of_goals():
    main = GoalFactory(code="1")
    sub = GoalFactory(parent=main, code="1.1")
    with pytest.raises(ValidationError):
        GoalFactory(parent=sub, code="1.1.1")
    third = GoalFactory.build(strategy=main.strategy, parent=sub, code="1.2")
    with pytest.raises(ValidationError, match="two levels"):
        third.clean()


def test_a_sub_goal_code_starts_with_its_main_goals_code():
    main = GoalFactory(code="2")
    with pytest.raises(ValidationError, match="starts with"):
        GoalFactory.build(strategy=main.strategy, parent=main, code="3.1").clean()
    with pytest.raises(ValidationError):
        GoalFactory.build(strategy=main.strategy, parent=main, code="2.1.1").full_clean()


def test_the_database_refuses_a_main_goal_with_a_dotted_code():
    strategy = StrategyFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        GoalFactory(strategy=strategy, code="1.1")


def test_goal_codes_are_unique_within_a_strategy_only():
    first = GoalFactory(code="1")
    GoalFactory(code="1")  # another strategy
    with pytest.raises(IntegrityError), transaction.atomic():
        GoalFactory(strategy=first.strategy, code="1")


def test_an_indicator_measures_a_goal_or_a_programme():
    IndicatorFactory(goal=None, programme=ProgrammeFactory())
    with pytest.raises(IntegrityError), transaction.atomic():
        IndicatorFactory(goal=None, programme=None)


def test_a_county_value_is_unique_per_day_also_without_a_municipality():
    value = IndicatorValueFactory(municipality="")
    IndicatorValueFactory(indicator=value.indicator, municipality="Lahti")
    with pytest.raises(IntegrityError), transaction.atomic():
        IndicatorValueFactory(indicator=value.indicator, municipality="")


def test_a_municipality_must_be_one_of_the_ten():
    value = IndicatorValueFactory.build(indicator=IndicatorFactory(), municipality="Helsinki")
    with pytest.raises(ValidationError, match="municipality"):
        value.full_clean()


def test_a_status_update_is_for_exactly_one_goal_or_programme():
    update = StatusUpdateFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        StatusUpdate.objects.create(
            period=update.period,
            goal=update.goal,
            programme=ProgrammeFactory(strategy=update.period.strategy),
            status=Status.ON_TRACK,
        )


def test_the_database_refuses_a_differing_status_without_a_reason():
    with pytest.raises(IntegrityError), transaction.atomic():
        StatusUpdateFactory(status=Status.ON_TRACK, suggested_status=Status.OFF_TRACK, reason="")
    StatusUpdateFactory(status=Status.ON_TRACK, suggested_status="", reason="")


def test_the_period_slug_follows_its_code():
    period = ReportingPeriodFactory(code="T3/2026")
    assert period.slug == "t3-2026"


def test_a_main_goal_is_judged_by_its_sub_goals_indicators_too():
    main = GoalFactory(code="1")
    sub = GoalFactory(parent=main, code="1.1")
    good = IndicatorFactory(goal=main)
    IndicatorTargetFactory(indicator=good, due=date(2026, 12, 31), value=40)
    IndicatorValueFactory(indicator=good, measured_on=date(2026, 6, 30), value=35)
    bad = IndicatorFactory(goal=sub, direction=Direction.DOWN, baseline_value=50)
    IndicatorTargetFactory(indicator=bad, due=date(2026, 12, 31), value=10)
    IndicatorValueFactory(indicator=bad, measured_on=date(2026, 6, 30), value=49)
    # A municipality's value does not count for the county.
    IndicatorValueFactory(
        indicator=bad, measured_on=date(2026, 7, 31), value=5, municipality="Sysmä"
    )
    today = date(2026, 8, 31)
    assert good.suggestion(today).status == Status.ON_TRACK
    assert sub.suggestion(today).status == Status.OFF_TRACK
    assert main.suggestion(today).status == Status.OFF_TRACK
    assert bad.latest_value() is not None and bad.latest_value().value == Decimal(49)


def test_the_first_pages_answer(client):
    main = GoalFactory(code="1", title="Saavutettavat palvelut")
    sub = GoalFactory(parent=main, code="1.2", title="Integroidut palvelut")
    programme = ProgrammeFactory(strategy=main.strategy, name="Digi- ja dataohjelma")
    programme.goals.add(sub)
    indicator = IndicatorFactory(goal=sub, name="Digitaalisen asioinnin osuus")
    period = ReportingPeriodFactory(strategy=main.strategy)
    item = AgendaItemFactory(meeting=PublishedMeetingFactory(), title="Digi- ja dataohjelma")
    GoalLinkFactory(goal=sub, agenda_item=item)
    hidden = AgendaItemFactory(title="Salainen asia", is_public=False, secrecy_basis="JulkL 24.1 §")
    GoalLinkFactory(goal=sub, agenda_item=hidden)

    page = client.get(sub.get_absolute_url()).content.decode()
    assert "1.2 Integroidut palvelut" in page
    assert "Digi- ja dataohjelma" in page and "Salainen asia" not in page
    assert "Digitaalisen asioinnin osuus" in page
    for url in (
        main.strategy.get_absolute_url(),
        programme.get_absolute_url(),
        indicator.get_absolute_url(),
        period.get_absolute_url(),
        f"/strategia/{main.strategy.slug}/raportit/",
    ):
        assert client.get(url).status_code == 200, url
    assert client.get(f"/strategia/{main.strategy.slug}/tavoitteet/9.9/").status_code == 404
    assert client.get("/strategia/").status_code == 302
