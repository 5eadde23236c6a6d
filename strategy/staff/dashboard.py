"""What the chairs' and the board's dashboard shows: one row per goal and programme.

Reads only; a constant number of queries however many goals there are (the indicators'
data is prefetched, the updates of both periods and this year's links come in one query
each).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from strategy import rules, services
from strategy.choices import Status
from strategy.models import (
    Goal,
    GoalLink,
    Indicator,
    Programme,
    ReportingPeriod,
    StatusUpdate,
    Strategy,
)

# Never colour only: each status has a symbol and its word (Status.label).
SYMBOLS = {
    Status.ON_TRACK: "✓",
    Status.AT_RISK: "!",
    Status.OFF_TRACK: "✗",
    Status.DONE: "★",
    Status.NOT_STARTED: "○",
}


@dataclass(frozen=True)
class Badge:
    status: str  # "" when there is none

    @property
    def symbol(self) -> str:
        return SYMBOLS.get(Status(self.status), "") if self.status else "–"

    @property
    def label(self) -> str | Promise:
        return Status(self.status).label if self.status else _("no status")

    def __str__(self) -> str:
        return f"{self.symbol} {self.label}"


@dataclass
class Row:
    kind: str  # "goal" or "programme"
    subject: Goal | Programme
    code: str
    title: str
    current: Badge  # the manual status of this period ("" if not reported yet)
    previous: Badge
    suggestion: Badge
    reported: bool
    overdue: list[Indicator] = field(default_factory=list)
    no_decision_this_year: bool | None = None  # None for programmes (they have no links)
    order: int = 0

    @property
    def effective(self) -> str:
        """The status the row is sorted and compared by: manual, else the suggestion."""
        return self.current.status or self.suggestion.status

    @property
    def differs(self) -> bool:
        return self.reported and rules.reason_required(
            status=self.current.status, suggested=self.suggestion.status
        )

    @property
    def change(self) -> str:
        """ "up" (better), "down" (worse), "same" or "" (nothing to compare)."""
        now, before = self.effective, self.previous.status
        if not now or not before:
            return ""
        rank_now, rank_before = rules.SEVERITY.index(now), rules.SEVERITY.index(before)  # type: ignore[arg-type]
        if rank_now == rank_before:
            return "same"
        # SEVERITY is worst first: a larger index is a better status.
        return "up" if rank_now > rank_before else "down"

    @property
    def change_text(self) -> str | Promise:
        return {
            "up": _("↑ better"),
            "down": _("↓ worse"),
            "same": _("= unchanged"),
        }.get(self.change, _("– no comparison"))

    @property
    def urgency(self) -> int:
        """Off track first, then at risk, then the rest in the strategy's order."""
        return {Status.OFF_TRACK: 0, Status.AT_RISK: 1}.get(self.effective, 2)  # type: ignore[call-overload]


@dataclass
class Dashboard:
    strategy: Strategy | None
    period: ReportingPeriod | None
    previous: ReportingPeriod | None
    today: date
    rows: list[Row]

    @property
    def overdue_count(self) -> int:
        return len({indicator.pk for row in self.rows for indicator in row.overdue})


def current_strategy(today: date) -> Strategy | None:
    return Strategy.objects.in_force(today).first() or Strategy.objects.first()


def current_period(strategy: Strategy, today: date) -> ReportingPeriod | None:
    """The open period running today, else the earliest open one, else the latest."""
    periods = strategy.periods.all()
    return (
        periods.open().containing(today).first()
        or periods.open().order_by("start").first()
        or periods.order_by("-start").first()
    )


def previous_period(period: ReportingPeriod) -> ReportingPeriod | None:
    return (
        ReportingPeriod.objects.filter(strategy_id=period.strategy_id, start__lt=period.start)
        .order_by("-start")
        .first()
    )


def dashboard_build(*, today: date, strategy: Strategy | None = None) -> Dashboard:
    strategy = strategy or current_strategy(today)
    if strategy is None:
        return Dashboard(None, None, None, today, [])
    period = current_period(strategy, today)
    previous = previous_period(period) if period else None
    judged_on = period.judged_on(today) if period else today
    updates: dict[tuple[int, int | None, int | None], StatusUpdate] = {
        (u.period_id, u.goal_id, u.programme_id): u
        for u in StatusUpdate.objects.filter(
            period_id__in=[p.pk for p in (period, previous) if p is not None]
        ).only("period_id", "goal_id", "programme_id", "status", "suggested_status")
    }
    linked = set(
        GoalLink.objects.filter(
            goal__strategy=strategy, agenda_item__meeting__start__year=today.year
        ).values_list("goal_id", flat=True)
    )

    def status_of(p: ReportingPeriod | None, goal: int | None, programme: int | None) -> str:
        update = updates.get((p.pk, goal, programme)) if p else None
        return update.status if update else ""

    rows: list[Row] = []
    goals = list(services.goals_with_data(strategy.pk))
    for order, goal in enumerate(goals):
        goal.strategy = strategy  # the links need its slug; no query per row
        indicators = goal.all_indicators()
        children = [child.pk for child in goal.children.all()]
        rows.append(
            Row(
                kind="goal",
                subject=goal,
                code=goal.code,
                title=goal.title,
                current=Badge(status_of(period, goal.pk, None)),
                previous=Badge(status_of(previous, goal.pk, None)),
                suggestion=Badge(goal.suggestion(judged_on).status or ""),
                reported=period is not None and (period.pk, goal.pk, None) in updates,
                overdue=[i for i in indicators if i.next_due and i.next_due < today],
                no_decision_this_year=not ({goal.pk, *children} & linked),
                order=order,
            )
        )
    for order, programme in enumerate(services.programmes_with_data(strategy.pk), len(goals)):
        programme.strategy = strategy
        indicators = list(programme.indicators.all())
        rows.append(
            Row(
                kind="programme",
                subject=programme,
                code="",
                title=programme.name,
                current=Badge(status_of(period, None, programme.pk)),
                previous=Badge(status_of(previous, None, programme.pk)),
                suggestion=Badge(programme.suggestion(judged_on).status or ""),
                reported=period is not None and (period.pk, None, programme.pk) in updates,
                overdue=[i for i in indicators if i.next_due and i.next_due < today],
                order=order,
            )
        )
    rows.sort(key=lambda row: (row.urgency, row.order))
    return Dashboard(strategy, period, previous, today, rows)
