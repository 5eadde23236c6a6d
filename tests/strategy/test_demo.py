"""The strategy demo (strategy/demo.py), loaded after the councils demo."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from django.apps import apps
from django.db import transaction

from strategy.demo import DEMO_TODAY, MISSION, VISION, load_strategy_demo
from strategy.models import (
    Goal,
    GoalLink,
    Indicator,
    IndicatorValue,
    ReportingPeriod,
    Status,
    Strategy,
)
from tests.demo_snapshot import load_demo

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: Any) -> Iterator[str]:
    with django_db_blocker.unblock(), transaction.atomic():
        yield load_demo()
        transaction.set_rollback(True)


def _counts() -> list[tuple[str, int]]:
    return [
        (m._meta.label, m._default_manager.count())
        for m in apps.get_app_config("strategy").get_models()
    ]


def test_it_loads_the_countys_strategy_with_the_councils_approval(demo):
    assert "Strategy: 9 goals, 7 programmes" in demo
    strategy = Strategy.objects.get()
    assert [v.name for v in strategy.values.all()] == [
        "Luottamus",
        "Rohkeus",
        "Välittäminen",
        "Oikeudenmukaisuus",
    ]
    assert strategy.mission == MISSION and strategy.vision == VISION
    assert "hyvinvoivat asukkaat turvallisessa" in strategy.vision.lower()
    assert strategy.approved_by is not None
    assert strategy.approved_by.meeting.body.slug == "aluevaltuusto"
    assert strategy.approved_by.meeting.start.date() == date(2022, 6, 13)


def test_it_has_three_main_goals_six_sub_goals_and_seven_programmes(demo):
    strategy = Strategy.objects.get()
    assert list(strategy.goals.main().values_list("code", flat=True)) == ["1", "2", "3"]
    assert sorted(strategy.goals.sub().values_list("code", flat=True)) == [
        "1.1",
        "1.2",
        "2.1",
        "2.2",
        "3.1",
        "3.2",
    ]
    assert strategy.goals.get(code="2.1").title == (
        "Alan paras julkinen työpaikka Suomessa tarjotaan Päijät-Hämeessä"
    )
    names = set(strategy.programmes.values_list("name", flat=True))
    assert names == {
        "Henkilöstöohjelma",
        "Digi- ja dataohjelma",
        "Toimitilaohjelma",
        "Omavalvontaohjelma",
        "Monituottajuusohjelma",
        "Viestintäohjelma",
        "Osallisuusohjelma",
    }
    for programme in strategy.programmes.all():
        assert programme.goals.exists(), programme
        assert programme.approved_by is not None, programme


def test_every_sub_goal_has_demo_indicators_with_targets_and_values(demo):
    for goal in Goal.objects.sub():
        indicators = goal.indicators.all()
        assert 2 <= len(indicators) <= 3, goal
        for indicator in indicators:
            assert indicator.is_demo
            assert indicator.targets.count() == 4
            assert indicator.values.filter(measured_on__year=2023).exists()
            assert indicator.values.filter(measured_on__year=2026).exists()
    deficit = Indicator.objects.get(name__startswith="Talouden alijäämä")
    assert deficit.direction == "down" and deficit.unit == "M€"
    assert deficit.targets.get(due=date(2025, 12, 31)).value == 0
    municipalities = set(
        IndicatorValue.objects.exclude(municipality="").values_list("municipality", flat=True)
    )
    assert len(municipalities) == 10


def test_closed_periods_have_snapshots_and_an_update_for_every_goal(demo):
    closed = ReportingPeriod.objects.closed()
    assert [p.code for p in closed.order_by("start")] == [
        "T1/2025",
        "T2/2025",
        "T3/2025",
        "T1/2026",
        "T2/2026",
    ]
    for period in closed:
        assert period.updates.for_goals().count() == 9
        assert len(period.snapshot["goals"]) == 9
        assert all(g["status"] for g in period.snapshot["goals"])
    current = ReportingPeriod.objects.open().get()
    assert current.code == "T3/2026" and current.start <= DEMO_TODAY <= current.end
    statuses = set(
        current.updates.filter(goal__parent__isnull=False).values_list("status", flat=True)
    )
    assert {Status.AT_RISK, Status.OFF_TRACK} <= statuses


def test_some_reports_differ_from_the_suggestion_and_say_why(demo):
    differing = [
        u
        for u in ReportingPeriod.objects.get(code="T3/2026").updates.all()
        if u.differs_from_suggestion
    ]
    assert differing and all(u.reason for u in differing)


def test_decided_public_items_are_linked_to_sub_goals(demo):
    links = GoalLink.objects.select_related("goal", "agenda_item")
    assert links.count() >= 10
    assert GoalLink.objects.public().count() == links.count()
    assert all(not link.goal.is_main for link in links)
    titles = set(links.filter(goal__code="2.1").values_list("agenda_item__title", flat=True))
    assert "Henkilöstöohjelma 2023–2025" in titles


def test_running_it_again_changes_nothing(demo):
    before = _counts()
    snapshot = ReportingPeriod.objects.get(code="T1/2025").snapshot
    load_strategy_demo()
    assert _counts() == before
    assert ReportingPeriod.objects.get(code="T1/2025").snapshot == snapshot
