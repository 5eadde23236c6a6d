"""The computed status suggestion (strategy/rules.py) on its edges."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation

from strategy.choices import Direction, Status
from strategy.rules import (
    Point,
    Suggestion,
    aggregate,
    leg,
    path_value,
    reason_required,
    suggest_status,
)


@pytest.fixture(autouse=True)
def _english():  # type: ignore[no-untyped-def]
    """The messages are asserted in English, the code's source language."""
    with translation.override("en"):
        yield


def p(day: str, value: str | int) -> Point:
    return Point(date.fromisoformat(day), Decimal(value))


# A deficit in M€ (lower is better): 56 at the end of 2023, 30 due by the end of 2024,
# 0 (the zero-deficit target) by the end of 2025.
DEFICIT_BASELINE = p("2023-12-31", 56)
DEFICIT_TARGETS = [p("2024-12-31", 30), p("2025-12-31", 0)]

# Digital service use in % (higher is better): 20 % at the start of 2024, 40 % by the end of 2025.
DIGI_BASELINE = p("2024-01-01", 20)
DIGI_TARGETS = [p("2025-12-31", 40)]


def deficit(values: list[Point], today: str, targets: list[Point] | None = None) -> Suggestion:
    return suggest_status(
        values=values,
        targets=DEFICIT_TARGETS if targets is None else targets,
        direction=Direction.DOWN,
        today=date.fromisoformat(today),
        baseline=DEFICIT_BASELINE,
    )


def digi(values: list[Point], today: str, baseline: Point | None = DIGI_BASELINE) -> Suggestion:
    return suggest_status(
        values=values,
        targets=DIGI_TARGETS,
        direction=Direction.UP,
        today=date.fromisoformat(today),
        baseline=baseline,
    )


# --- No values yet, no target -------------------------------------------------------------


def test_it_suggests_nothing_before_any_value_is_measured():
    suggestion = digi([], "2024-06-30")
    assert suggestion.status is None
    assert str(suggestion.reason) == "No values measured yet."


def test_it_ignores_values_dated_after_the_day_judged():
    # A period closed on 30.4. is judged on what was known by then.
    assert digi([p("2024-05-15", 35)], "2024-04-30").status is None


def test_it_suggests_nothing_without_a_target():
    suggestion = suggest_status(
        values=[p("2024-03-31", 25)], targets=[], direction=Direction.UP, today=date(2024, 4, 30)
    )
    assert suggestion.status is None
    assert str(suggestion.reason) == "No target set."


# --- The path from the baseline to the next target ----------------------------------------


def test_it_is_on_track_exactly_on_the_path():
    # Half-way through 2024 the path from 56 to 30 passes 43 (to the day: 30.6. is 182/366).
    expected = path_value(DEFICIT_BASELINE, DEFICIT_TARGETS[0], date(2024, 6, 30))
    assert deficit([Point(date(2024, 6, 30), expected)], "2024-08-31").status == Status.ON_TRACK


def test_it_is_on_track_ahead_of_the_path_when_lower_is_better():
    assert deficit([p("2024-06-30", 40)], "2024-08-31").status == Status.ON_TRACK


def test_a_higher_deficit_than_the_path_is_behind_when_lower_is_better():
    # Path ≈ 43.07; planned change 26, tolerance 6.5: 48 is 4.9 behind (at risk), 52 is 8.9 (off).
    assert deficit([p("2024-06-30", 48)], "2024-08-31").status == Status.AT_RISK
    assert deficit([p("2024-06-30", 52)], "2024-08-31").status == Status.OFF_TRACK


def test_direction_up_mirrors_direction_down():
    # Half-way to 40 % from 20 % is about 30 % at the end of 2024.
    assert digi([p("2024-12-31", 31)], "2024-12-31").status == Status.ON_TRACK
    assert digi([p("2024-12-31", 27)], "2024-12-31").status == Status.AT_RISK  # 3 behind ≤ 5
    assert digi([p("2024-12-31", 22)], "2024-12-31").status == Status.OFF_TRACK  # 8 behind


def test_the_boundary_of_the_tolerance_is_still_at_risk():
    # Planned change 20 points, tolerance 25 % = 5 points; 5 behind the path is at risk.
    expected = path_value(DIGI_BASELINE, DIGI_TARGETS[0], date(2024, 12, 31))
    value = expected - Decimal(5)
    assert digi([Point(date(2024, 12, 31), value)], "2024-12-31").status == Status.AT_RISK
    value = expected - Decimal("5.001")
    assert digi([Point(date(2024, 12, 31), value)], "2024-12-31").status == Status.OFF_TRACK


def test_the_second_leg_starts_from_the_previous_target_not_the_baseline():
    # In 2025 the path runs from 30 (end of 2024) to 0: on 2.7. it passes 14.96.
    assert deficit([p("2025-07-02", "14.9")], "2025-08-31").status == Status.ON_TRACK
    assert deficit([p("2025-07-02", 20)], "2025-08-31").status == Status.AT_RISK
    assert deficit([p("2025-07-02", 25)], "2025-08-31").status == Status.OFF_TRACK


def test_only_the_latest_value_counts():
    values = [p("2024-03-31", 60), p("2024-06-30", 40)]
    assert deficit(values, "2024-08-31").status == Status.ON_TRACK
    assert deficit(list(reversed(values)), "2024-08-31").status == Status.ON_TRACK


def test_without_a_baseline_the_next_target_itself_is_the_bar():
    # 40 % is the bar; 25 % of 40 is 10 points of tolerance.
    assert digi([p("2024-12-31", 40)], "2024-12-31", baseline=None).status == Status.ON_TRACK
    assert digi([p("2024-12-31", 31)], "2024-12-31", baseline=None).status == Status.AT_RISK
    assert digi([p("2024-12-31", 29)], "2024-12-31", baseline=None).status == Status.OFF_TRACK


def test_a_level_to_hold_allows_no_shortfall():
    # The 14-day care guarantee is the target two years running: 15 days is off track.
    targets = [p("2025-12-31", 14), p("2026-12-31", 14)]
    assert deficit([p("2026-06-30", 15)], "2026-08-31", targets).status == Status.OFF_TRACK
    assert deficit([p("2026-06-30", 14)], "2026-08-31", targets).status == Status.ON_TRACK


# --- Targets reached, and values past the last target ---------------------------------------


def test_reaching_the_final_target_early_is_on_track_not_done():
    suggestion = digi([p("2025-03-31", 41)], "2025-04-30")
    assert suggestion.status == Status.ON_TRACK
    assert str(suggestion.reason) == "The final target is already reached."


def test_reaching_the_final_target_by_its_date_is_done():
    assert digi([p("2025-12-31", 40)], "2025-12-31").status == Status.DONE
    assert deficit([p("2025-12-31", 0)], "2026-04-30").status == Status.DONE


def test_a_surplus_meets_a_zero_deficit_target():
    assert deficit([p("2025-12-31", -3)], "2026-01-31").status == Status.DONE


def test_a_value_measured_after_the_last_target_date_that_misses_it_is_off_track():
    suggestion = digi([p("2026-03-31", 38)], "2026-04-30")
    assert suggestion.status == Status.OFF_TRACK
    assert "passed" in str(suggestion.reason)


def test_a_value_measured_after_the_last_target_date_that_meets_it_is_done():
    assert deficit([p("2026-03-31", 0)], "2026-04-30").status == Status.DONE


def test_a_missed_deadline_is_off_track_even_when_no_new_value_came():
    # The last value was on the path in 2025, but the final target's date has gone by.
    assert digi([p("2025-06-30", 35)], "2026-01-15").status == Status.OFF_TRACK


def test_a_single_target_on_the_day_of_the_value_is_judged_on_that_day():
    assert digi([p("2025-12-31", 39)], "2025-12-31").status == Status.AT_RISK


def test_the_leg_is_the_first_target_due_on_or_after_the_day():
    start, target = leg(DEFICIT_TARGETS, DEFICIT_BASELINE, date(2024, 12, 31))
    assert (start, target) == (DEFICIT_BASELINE, DEFICIT_TARGETS[0])
    start, target = leg(DEFICIT_TARGETS, DEFICIT_BASELINE, date(2025, 1, 1))
    assert (start, target) == (DEFICIT_TARGETS[0], DEFICIT_TARGETS[1])
    with pytest.raises(ValueError):
        leg(DEFICIT_TARGETS, DEFICIT_BASELINE, date(2026, 1, 1))


# --- A goal's suggestion from its indicators ---------------------------------------------------


def s(status: Status | None) -> Suggestion:
    return Suggestion(status, "")


def test_the_worst_indicator_decides_a_goal():
    assert aggregate([s(Status.ON_TRACK), s(Status.OFF_TRACK), s(Status.AT_RISK)]).status == (
        Status.OFF_TRACK
    )
    assert aggregate([s(Status.DONE), s(Status.AT_RISK)]).status == Status.AT_RISK
    assert aggregate([s(Status.DONE), s(Status.ON_TRACK)]).status == Status.ON_TRACK


def test_a_goal_is_done_only_when_every_indicator_is_done():
    assert aggregate([s(Status.DONE), s(Status.DONE)]).status == Status.DONE


def test_indicators_without_a_suggestion_do_not_vote():
    assert aggregate([s(None), s(Status.ON_TRACK)]).status == Status.ON_TRACK
    assert aggregate([s(None), s(Status.DONE)]).status == Status.DONE


def test_a_goal_without_indicators_or_data_has_no_suggestion():
    assert aggregate([]).status is None
    assert aggregate([s(None)]).status is None


def test_a_reason_is_needed_only_when_the_status_differs_from_a_suggestion():
    assert reason_required(status="at_risk", suggested="on_track")
    assert not reason_required(status="on_track", suggested="on_track")
    assert not reason_required(status="at_risk", suggested="")
    assert not reason_required(status="at_risk", suggested=None)
