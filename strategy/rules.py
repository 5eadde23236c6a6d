"""The computed status suggestion: how a goal is doing, judged by its indicators.

Pure functions of plain values (no database), one rule each, so they can be tested on
their edges and called from the pages, the status form, the period close and the PDF.

An indicator's suggestion, for a day `today` (the end of the reporting period, or today
while the period runs), from its county-wide measured values, its targets and its
baseline:

1. No value measured on or before `today`: no suggestion ("no data yet"). A missing
   measurement says nothing about whether the work has started, so the rule does not
   claim "not started"; the person reporting chooses that status by hand.
2. No target: no suggestion ("no target set"); there is nothing to measure against.
3. The latest value meets the final target and the final target's date has come: done.
4. The latest value was measured after the last target's date (or `today` is past it)
   and misses the final target: off track, the deadline has gone.
5. Otherwise the latest value is compared with the straight path from the previous
   target (or the baseline) to the next target: at least on the path is on track; behind
   it by at most TOLERANCE of that leg's planned change is at risk; further behind is off
   track. With no baseline and no earlier target there is no path: the value must meet
   the next target to be on track, and may fall short by TOLERANCE of the target to be
   at risk. Meeting the final target before its date is on track (it can still slip).
   A flat leg (a level to hold, e.g. the 14-day care guarantee in two years running)
   has no planned change and so no tolerance: any shortfall from it is off track.

"Meets" and "behind" follow the indicator's direction: for a deficit or waiting time
(lower is better) a smaller value is better.

A goal's or programme's suggestion aggregates its indicators' suggestions: the worst
wins (off track > at risk > on track), done only when every indicator with a suggestion
is done, and no suggestion when none of them has one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from strategy.choices import Direction, Status

# How far behind the planned path a value may be and still count as "at risk" rather
# than "off track", as a share of the planned change over the current leg.
TOLERANCE = Decimal("0.25")

# Worst first: the order in which a goal's indicators outvote each other.
SEVERITY = [Status.OFF_TRACK, Status.AT_RISK, Status.ON_TRACK, Status.NOT_STARTED, Status.DONE]


@dataclass(frozen=True)
class Point:
    """A dated value: a measurement, a target or the baseline."""

    on: date
    value: Decimal


@dataclass(frozen=True)
class Suggestion:
    """A computed status (None: no suggestion) and why, in words for the page."""

    status: Status | None
    reason: str | Promise
    expected: Decimal | None = None  # the value on the path on the latest value's date


def is_better_or_equal(value: Decimal, than: Decimal, direction: str) -> bool:
    """Whether `value` is at least as good as `than` for an indicator moving `direction`."""
    return value >= than if direction == Direction.UP else value <= than


def shortfall(value: Decimal, expected: Decimal, direction: str) -> Decimal:
    """How far `value` is behind `expected` (0 when it is ahead or on it)."""
    gap = expected - value if direction == Direction.UP else value - expected
    return max(gap, Decimal(0))


def path_value(start: Point, end: Point, on: date) -> Decimal:
    """The value on the straight line from `start` to `end` on day `on` (clamped to the ends)."""
    if on <= start.on:
        return start.value
    if on >= end.on or end.on <= start.on:
        return end.value
    share = Decimal((on - start.on).days) / Decimal((end.on - start.on).days)
    return start.value + (end.value - start.value) * share


def latest(values: Iterable[Point], today: date) -> Point | None:
    """The latest value measured on or before `today`."""
    known = [point for point in values if point.on <= today]
    return max(known, key=lambda point: point.on) if known else None


def leg(targets: Sequence[Point], baseline: Point | None, on: date) -> tuple[Point | None, Point]:
    """The stretch of the plan that day `on` falls in: (start, next target).

    The next target is the first one due on or after `on`; the start is the target before
    it, or the baseline for the first leg (None when there is no baseline). Callers make
    sure `on` is not after the last target.
    """
    ordered = sorted(targets, key=lambda point: point.on)
    for index, target in enumerate(ordered):
        if target.on >= on:
            start = ordered[index - 1] if index > 0 else baseline
            return start, target
    raise ValueError("the day is after the last target")


def judge_against_path(
    value: Decimal, expected: Decimal, planned_change: Decimal, direction: str
) -> Status:
    """On track on or ahead of the path; at risk within TOLERANCE of the planned change."""
    behind = shortfall(value, expected, direction)
    if behind == 0:
        return Status.ON_TRACK
    allowed = TOLERANCE * abs(planned_change)
    return Status.AT_RISK if behind <= allowed else Status.OFF_TRACK


def suggest_status(
    *,
    values: Iterable[Point],
    targets: Sequence[Point],
    direction: str,
    today: date,
    baseline: Point | None = None,
) -> Suggestion:
    """The suggested status of one indicator on `today` (rules 1–5 of the module docstring)."""
    current = latest(values, today)
    if current is None:
        return Suggestion(None, _("No values measured yet."))
    if not targets:
        return Suggestion(None, _("No target set."))
    final = max(targets, key=lambda point: point.on)
    if is_better_or_equal(current.value, final.value, direction):
        if today >= final.on:
            return Suggestion(Status.DONE, _("The final target is reached."), final.value)
        return Suggestion(Status.ON_TRACK, _("The final target is already reached."), final.value)
    if current.on > final.on or today > final.on:
        return Suggestion(
            Status.OFF_TRACK,
            _("The date of the last target has passed and it was missed."),
            final.value,
        )
    start, target = leg(targets, baseline, current.on)
    if start is None:
        status = judge_against_path(current.value, target.value, target.value, direction)
        return Suggestion(status, _("Compared with the next target (no baseline)."), target.value)
    expected = path_value(start, target, current.on)
    status = judge_against_path(current.value, expected, target.value - start.value, direction)
    reasons = {
        Status.ON_TRACK: _("The latest value is on the path to the next target."),
        Status.AT_RISK: _("The latest value is a little behind the path to the next target."),
        Status.OFF_TRACK: _("The latest value is well behind the path to the next target."),
    }
    return Suggestion(status, reasons[status], expected)


def aggregate(suggestions: Iterable[Suggestion]) -> Suggestion:
    """A goal's or programme's suggestion from its indicators': the worst wins."""
    known = [s.status for s in suggestions if s.status is not None]
    if not known:
        return Suggestion(None, _("No indicator has a suggestion yet."))
    worst = min(known, key=SEVERITY.index)
    if worst == Status.DONE:
        return Suggestion(Status.DONE, _("Every indicator has reached its final target."))
    reasons = {
        Status.OFF_TRACK: _("At least one indicator is off track."),
        Status.AT_RISK: _("At least one indicator is at risk."),
        Status.ON_TRACK: _("The indicators are on track."),
        Status.NOT_STARTED: _("The indicators have not started."),
    }
    return Suggestion(worst, reasons[worst])


def reason_required(*, status: str, suggested: str | None) -> bool:
    """A manual status that differs from the computed suggestion needs a written reason."""
    return bool(suggested) and status != suggested
