"""Shared arrangements of the strategy staff tests: users with each permission, and a
strategy whose open period runs today."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth.models import Group
from django.utils import timezone

from strategy.models import Goal, Indicator, ReportingPeriod, Strategy
from strategy.staff.groups import CHAIRS, STRATEGY_TEAM, staff_groups_ensure
from tests.factories import (
    GoalFactory,
    IndicatorFactory,
    IndicatorTargetFactory,
    IndicatorValueFactory,
    ReportingPeriodFactory,
    StrategyFactory,
    UserFactory,
)


def user_in(group: str, username: str):  # type: ignore[no-untyped-def]
    staff_groups_ensure()
    user = UserFactory(username=username)
    user.groups.add(Group.objects.get(name=group))
    return user


def chair():  # type: ignore[no-untyped-def]
    return user_in(CHAIRS, "puheenjohtaja")


def strategist():  # type: ignore[no-untyped-def]
    return user_in(STRATEGY_TEAM, "strategia")


def outsider():  # type: ignore[no-untyped-def]
    return UserFactory(username="ulkopuolinen")


@dataclass
class Arranged:
    strategy: Strategy
    period: ReportingPeriod
    previous: ReportingPeriod
    on_track: Goal
    off_track: Goal
    indicator: Indicator  # of the on-track goal
    today: date


def arrange(*, goals: int = 0) -> Arranged:
    """A strategy with an open period around today and a closed one before it; goal 1 is
    on track, goal 2 off track; `goals` more goals with an indicator each."""
    today = timezone.localdate()
    strategy = StrategyFactory(
        period_start=today - timedelta(days=400), period_end=today + timedelta(days=1000)
    )
    period = ReportingPeriodFactory(
        strategy=strategy,
        code="T9/2099",
        start=today - timedelta(days=30),
        end=today + timedelta(days=30),
    )
    previous = ReportingPeriodFactory(
        strategy=strategy,
        code="T8/2099",
        start=today - timedelta(days=90),
        end=today - timedelta(days=31),
    )
    on_track = GoalFactory(strategy=strategy, code="1", title="Hyvät palvelut", order=1)
    off_track = GoalFactory(strategy=strategy, code="2", title="Tasapainoinen talous", order=2)
    indicator = _indicator(on_track, behind=False, today=today, name="Asiakastyytyväisyys")
    _indicator(off_track, behind=True, today=today, name="Alijäämä")
    for number in range(goals):
        goal = GoalFactory(strategy=strategy, code=str(10 + number), order=10 + number)
        _indicator(goal, behind=False, today=today, name=f"Mittari {number}")
    return Arranged(strategy, period, previous, on_track, off_track, indicator, today)


def _indicator(goal: Goal, *, behind: bool, today: date, name: str) -> Indicator:
    """Baseline 20 a year ago, target 40 a year ahead: on the path is ~30 today."""
    indicator = IndicatorFactory(
        goal=goal, name=name, baseline_value=20, baseline_date=today - timedelta(days=365)
    )
    IndicatorTargetFactory(indicator=indicator, due=today + timedelta(days=365), value=40)
    IndicatorValueFactory(
        indicator=indicator, measured_on=today - timedelta(days=2), value=21 if behind else 31
    )
    return indicator


def fi(message: str, **params: object) -> str:
    """A message as the Finnish interface shows it (translated once the catalogue has it)."""
    from django.utils import translation

    with translation.override("fi"):
        text = translation.gettext(message)
    return text % params if params else text


def badge(status: str) -> str:
    """A status badge's symbol and word as the pages show them."""
    from strategy.models import Status
    from strategy.staff.dashboard import SYMBOLS

    return f'<span aria-hidden="true">{SYMBOLS[Status(status)]}</span> {fi(Status(status).label)}'
