"""The strategy's writes: status updates, values, links to decisions, closing a period."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from strategy import services
from strategy.models import GoalLink, IndicatorValue, Status, StatusUpdate
from tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    GoalFactory,
    IndicatorFactory,
    IndicatorTargetFactory,
    IndicatorValueFactory,
    MeetingFactory,
    ProgrammeFactory,
    ReportingPeriodFactory,
    StatusUpdateFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():  # type: ignore[no-untyped-def]
    """The messages are asserted in English, the code's source language."""
    with translation.override("en"):
        yield


IN_PERIOD = date(2026, 7, 15)  # inside the factory's T2/2026 (May–August)


@pytest.fixture
def goal_off_track():
    """A goal whose one indicator is far behind its path: 20 → 40 % in 2026, at 21 % in June."""
    period = ReportingPeriodFactory()
    goal = GoalFactory(strategy=period.strategy, code="1")
    indicator = IndicatorFactory(goal=goal)
    IndicatorTargetFactory(indicator=indicator, due=date(2026, 12, 31), value=40)
    IndicatorValueFactory(indicator=indicator, measured_on=date(2026, 6, 30), value=21)
    return period, goal


def test_it_stores_the_suggestion_next_to_an_agreeing_status(goal_off_track):
    period, goal = goal_off_track
    update = services.status_update_save(
        period=period, goal=goal, status=Status.OFF_TRACK, author=None, today=IN_PERIOD
    )
    assert update.suggested_status == Status.OFF_TRACK
    assert update.reason == ""


def test_a_status_differing_from_the_suggestion_needs_a_reason(goal_off_track):
    period, goal = goal_off_track
    with pytest.raises(services.ReasonRequired, match="suggest “off track”"):
        services.status_update_save(
            period=period,
            goal=goal,
            status=Status.ON_TRACK,
            author=None,
            reason="  ",
            today=IN_PERIOD,
        )
    assert not StatusUpdate.objects.exists()
    update = services.status_update_save(
        period=period,
        goal=goal,
        status=Status.ON_TRACK,
        reason="The summer figures lag; the autumn recruitment has already filled the posts.",
        author=UserFactory(),
        today=IN_PERIOD,
    )
    assert update.differs_from_suggestion
    assert update.author is not None


def test_saving_again_replaces_the_periods_update(goal_off_track):
    period, goal = goal_off_track
    services.status_update_save(
        period=period, goal=goal, status=Status.OFF_TRACK, author=None, today=IN_PERIOD
    )
    services.status_update_save(
        period=period,
        goal=goal,
        status=Status.OFF_TRACK,
        narrative="Toinen versio.",
        author=None,
        today=IN_PERIOD,
    )
    assert StatusUpdate.objects.get().narrative == "Toinen versio."
    assert StatusUpdate.history.count() == 2


def test_without_indicators_any_status_goes_without_a_reason():
    period = ReportingPeriodFactory()
    programme = ProgrammeFactory(strategy=period.strategy)
    update = services.status_update_save(
        period=period, programme=programme, status=Status.NOT_STARTED, author=None
    )
    assert update.suggested_status == ""


def test_an_unknown_status_is_refused_with_a_message():
    period = ReportingPeriodFactory()
    goal = GoalFactory(strategy=period.strategy)
    with pytest.raises(services.StrategyRuleViolation, match="Choose a status"):
        services.status_update_save(period=period, goal=goal, status="great", author=None)


def test_a_value_is_recorded_for_the_county_or_a_member_municipality():
    indicator = IndicatorFactory()
    user = UserFactory()
    value = services.indicator_value_add(
        indicator=indicator, measured_on=date(2026, 3, 31), value="12,5", entered_by=user
    )
    assert value.value == Decimal("12.5") and value.municipality == "" and value.entered_by == user
    services.indicator_value_add(
        indicator=indicator,
        measured_on=date(2026, 3, 31),
        value="14",
        municipality="Hartola",
        entered_by=user,
    )
    assert IndicatorValue.objects.count() == 2


@pytest.mark.parametrize(
    ("value", "municipality", "message"),
    [
        ("paljon", "", "must be a number"),
        ("NaN", "", "must be a number"),
        ("1e20", "", "must be a number"),
        ("3", "Tampere", "not a member municipality"),
    ],
)
def test_a_bad_value_is_refused_with_a_message(value, municipality, message):
    with pytest.raises(services.StrategyRuleViolation, match=message):
        services.indicator_value_add(
            indicator=IndicatorFactory(),
            measured_on=date(2026, 3, 31),
            value=value,
            municipality=municipality,
            entered_by=None,
        )


def test_a_second_value_for_the_same_day_is_refused_not_a_crash():
    existing = IndicatorValueFactory(measured_on=date(2026, 3, 31))
    with pytest.raises(services.StrategyRuleViolation, match="already has a value"):
        services.indicator_value_add(
            indicator=existing.indicator, measured_on=date(2026, 3, 31), value=1, entered_by=None
        )


def test_only_a_clerk_of_the_items_body_may_link_it_to_a_goal():
    body = BodyFactory()
    clerk, other_clerk = UserFactory(), UserFactory()
    body.clerks.add(clerk)
    BodyFactory().clerks.add(other_clerk)
    item = AgendaItemFactory(meeting=MeetingFactory(body=body))
    goal = GoalFactory()
    for outsider in (other_clerk, UserFactory(), None):
        with pytest.raises(PermissionDenied):
            services.goal_link_add(goal=goal, agenda_item=item, user=outsider or AnonymousUser())
    link = services.goal_link_add(goal=goal, agenda_item=item, user=clerk, note="Rahoittaa.")
    again = services.goal_link_add(goal=goal, agenda_item=item, user=clerk)
    assert again == link and GoalLink.objects.count() == 1
    assert link.created_by == clerk
    with pytest.raises(PermissionDenied):
        services.goal_link_remove(link=link, user=other_clerk)
    services.goal_link_remove(link=link, user=clerk)
    assert not GoalLink.objects.exists()


def test_an_administrator_may_link_any_item():
    admin = UserFactory(is_superuser=True, is_staff=True)
    link = services.goal_link_add(goal=GoalFactory(), agenda_item=AgendaItemFactory(), user=admin)
    assert GoalLink.objects.filter(pk=link.pk).exists()


def test_closing_a_period_freezes_a_snapshot_and_the_updates(goal_off_track):
    period, goal = goal_off_track
    sub = GoalFactory(strategy=period.strategy, parent=goal, code="1.1")
    services.status_update_save(
        period=period,
        goal=goal,
        status=Status.OFF_TRACK,
        risks="Rekrytointi.",
        author=None,
        today=IN_PERIOD,
    )
    closer = UserFactory()
    with pytest.raises(services.StrategyRuleViolation, match="runs until"):
        services.period_close(period=period, user=closer, today=date(2026, 8, 30))

    closed = services.period_close(period=period, user=closer, today=date(2026, 9, 15))
    snapshot = closed.snapshot
    assert closed.is_closed and closed.closed_by == closer
    assert snapshot["code"] == "T2/2026" and snapshot["judged_on"] == "2026-08-31"
    by_code = {g["code"]: g for g in snapshot["goals"]}
    assert by_code["1"]["status"] == "off_track" and by_code["1"]["risks"] == "Rekrytointi."
    assert by_code["1.1"]["status"] is None and by_code["1.1"]["parent_code"] == "1"
    (indicator,) = snapshot["indicators"]
    assert indicator["latest"] == {"date": "2026-06-30", "value": "21.000"}
    assert indicator["next_target"] == {"date": "2026-12-31", "value": "40.000"}

    # A value entered later does not change the frozen report.
    IndicatorValueFactory(indicator_id=indicator["id"], measured_on=date(2026, 8, 31), value=39)
    closed.refresh_from_db()
    assert closed.snapshot == snapshot

    with pytest.raises(services.StrategyRuleViolation, match="closed"):
        services.status_update_save(period=period, goal=sub, status=Status.ON_TRACK, author=None)
    with pytest.raises(services.StrategyRuleViolation, match="closed"):
        services.period_close(period=period, user=closer, today=date(2026, 9, 16))


def test_a_closed_periods_update_fails_model_validation():
    update = StatusUpdateFactory()
    services.period_close(period=update.period, user=None, today=date(2026, 12, 1))
    update.refresh_from_db()
    update.narrative = "Muokattu jälkikäteen."
    with pytest.raises(ValidationError, match="closed"):
        update.full_clean()
