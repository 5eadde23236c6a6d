"""Public pages of the strategy: the strategy at a glance, goals, programmes, indicators and
the reporting periods with their frozen reports.

Every page makes a fixed number of queries, however many goals, indicators, values,
status updates or linked decisions it shows (tests/strategy/test_pages.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from strategy import extensions
from strategy.charts import format_snapshot_value
from strategy.models import (
    Goal,
    GoalLink,
    Indicator,
    Programme,
    ReportingPeriod,
    StatusUpdate,
    Strategy,
)
from strategy.rules import SEVERITY

INDICATOR_DATA = ("indicators__targets", "indicators__values")
SUB_GOALS = Prefetch("children", queryset=Goal.objects.order_by("order", "code"))


# A closed period's snapshot (~11 kB of JSON) is read by its report only; every status
# update selects its period, so the pages that list updates leave the snapshot behind.
NO_SNAPSHOT = ("period__snapshot",)
STRATEGY_TEXTS = ("title", "slug", "period_start", "period_end", "vision", "mission", "description")


def _strategy(slug: str) -> Strategy:
    return get_object_or_404(Strategy, slug=slug)


def _latest_updates(updates: Iterable[StatusUpdate]) -> dict[tuple[str, int], StatusUpdate]:
    """Each goal's and programme's latest status update: {("goal", pk): update, ...}.

    `updates` must come oldest period first, with `period` selected.
    """
    latest: dict[tuple[str, int], StatusUpdate] = {}
    for update in updates:
        if update.goal_id is not None:
            latest[("goal", update.goal_id)] = update
        elif update.programme_id is not None:
            latest[("programme", update.programme_id)] = update
    return latest


def _latest_in(periods: list[ReportingPeriod]) -> dict[tuple[str, int], StatusUpdate]:
    """`_latest_updates` in `periods` (any order) from one query of the few columns that a
    latest status shows: a strategy's page shows one update per goal of the many it has."""
    starts = {period.pk: period for period in periods}
    rows = StatusUpdate.objects.filter(period__in=list(starts)).values_list(
        "pk", "period_id", "goal_id", "programme_id", "status", "suggested_status"
    )
    latest = {
        ("goal", row[2]) if row[2] is not None else ("programme", row[3]): row
        for row in sorted(rows, key=lambda row: starts[row[1]].start)
    }
    return {
        key: StatusUpdate(
            pk=pk,
            period=starts[period_id],
            goal_id=goal_id,
            programme_id=programme_id,
            status=status,
            suggested_status=suggested,
        )
        for key, (pk, period_id, goal_id, programme_id, status, suggested) in latest.items()
    }


def _public_links(goals: Iterable[Goal]) -> QuerySet[GoalLink]:
    return (
        GoalLink.objects.public()
        .filter(goal__in=[goal.pk for goal in goals])
        .select_related("agenda_item__meeting__body", "agenda_item__handling", "goal")
        .order_by("-agenda_item__meeting__start", "agenda_item__section")
    )


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """The strategy in force today; a list when several have been published; or a notice."""
    strategies = list(Strategy.objects.all())
    in_force = Strategy.objects.in_force(timezone.localdate()).first()
    if len(strategies) == 1:
        return redirect(strategies[0])
    context = {"strategies": strategies, "in_force": in_force, "section": "strategy"}
    return render(request, "strategy/index.html", context)


@require_GET
def strategy_detail(request: HttpRequest, strategy: str) -> HttpResponse:
    """The strategy at a glance: values, mission, vision, goals with their latest status."""
    obj = get_object_or_404(
        # The approving decision is a link and a date: not the item's texts.
        Strategy.objects.select_related("approved_by__meeting").only(
            *STRATEGY_TEXTS, "approved_by__meeting__start"
        ),
        slug=strategy,
    )
    goals = list(obj.goals.select_related("parent").order_by("order", "code"))
    programmes = list(obj.programmes.order_by("order", "name"))
    periods = list(obj.periods.defer("snapshot").order_by("-start"))
    latest = _latest_in(periods)
    for goal in goals:
        goal.latest_update = latest.get(("goal", goal.pk))  # type: ignore[attr-defined]
    for programme in programmes:
        programme.latest_update = latest.get(("programme", programme.pk))  # type: ignore[attr-defined]
    main_goals = [
        (goal, [sub for sub in goals if sub.parent_id == goal.pk])
        for goal in goals
        if goal.parent_id is None
    ]
    today = timezone.localdate()
    current = next(
        (p for p in periods if p.start <= today <= p.end), periods[0] if periods else None
    )
    context = {
        "strategy": obj,
        "in_force": obj.period_start <= today,
        "values": list(obj.values.order_by("order", "name")),
        "main_goals": main_goals,
        "programmes": programmes,
        "current_period": current,
        "closed_count": sum(1 for p in periods if p.is_closed),
        "section": "strategy",
    }
    return render(request, "strategy/strategy_detail.html", context)


@require_GET
def goal_detail(request: HttpRequest, strategy: str, code: str) -> HttpResponse:
    """A goal: its status now and in each period, sub-goals, indicators, linked decisions."""
    goal = get_object_or_404(
        Goal.objects.select_related("strategy", "parent", "responsible_body").prefetch_related(
            *INDICATOR_DATA,
            SUB_GOALS,
            *(f"children__{lookup}" for lookup in INDICATOR_DATA),
            Prefetch("programmes", queryset=Programme.objects.order_by("order", "name")),
        ),
        strategy__slug=strategy,
        code=code,
    )
    children = list(goal.children.all())
    updates = list(
        StatusUpdate.objects.filter(goal__in=[goal, *children])
        .select_related("period")
        .defer(*NO_SNAPSHOT)
        .order_by("period__start")
    )
    latest = _latest_updates(updates)
    for child in children:
        child.latest_update = latest.get(("goal", child.pk))  # type: ignore[attr-defined]
    history = [u for u in reversed(updates) if u.goal_id == goal.pk]
    today = timezone.localdate()
    context = {
        "strategy": goal.strategy,
        "goal": goal,
        "children": children,
        "latest_update": history[0] if history else None,
        "history": history,
        "suggestion": goal.suggestion(today),
        "indicator_groups": [(None, list(goal.indicators.all()))]
        + [(child, list(child.indicators.all())) for child in children],
        "links": list(_public_links([goal, *children])),
        # What other apps add (the cooperation agreement's follow-up): strategy/extensions.py
        "goal_panels": extensions.goal_panels_for(goal),
        "section": "strategy",
    }
    return render(request, "strategy/goal_detail.html", context)


@require_GET
def programme_detail(request: HttpRequest, strategy: str, slug: str) -> HttpResponse:
    """A programme: description, the goals it serves, its indicators and status history."""
    programme = get_object_or_404(
        Programme.objects.select_related(
            "strategy", "responsible_body", "approved_by__meeting__body"
        ).prefetch_related(
            Prefetch("goals", queryset=Goal.objects.order_by("order", "code")), *INDICATOR_DATA
        ),
        strategy__slug=strategy,
        slug=slug,
    )
    goals = list(programme.goals.all())
    updates = list(
        StatusUpdate.objects.filter(programme=programme)
        .select_related("period")
        .defer(*NO_SNAPSHOT)
        .order_by("-period__start")
    )
    goal_updates = _latest_updates(
        StatusUpdate.objects.filter(goal__in=goals)
        .select_related("period")
        .defer(*NO_SNAPSHOT)
        .order_by("period__start")
    )
    for goal in goals:
        goal.latest_update = goal_updates.get(("goal", goal.pk))  # type: ignore[attr-defined]
    context = {
        "strategy": programme.strategy,
        "programme": programme,
        "goals": goals,
        "latest_update": updates[0] if updates else None,
        "history": updates,
        "suggestion": programme.suggestion(timezone.localdate()),
        "indicators": list(programme.indicators.all()),
        "section": "strategy",
    }
    return render(request, "strategy/programme_detail.html", context)


@require_GET
def indicator_detail(request: HttpRequest, strategy: str, pk: int) -> HttpResponse:
    """An indicator: chart and table of the county's values, and each municipality's latest."""
    obj = _strategy(strategy)
    indicator = get_object_or_404(
        Indicator.objects.select_related("goal__strategy", "programme__strategy").prefetch_related(
            "targets", "values"
        ),
        pk=pk,
    )
    owner = indicator.goal or indicator.programme
    if owner is None or owner.strategy_id != obj.pk:
        raise Http404("the indicator belongs to another strategy")
    by_municipality: dict[str, Any] = {}
    for value in indicator.values.all():  # ordered by date: the last one per area wins
        if value.municipality:
            by_municipality[value.municipality] = value
    context = {
        "strategy": obj,
        "indicator": indicator,
        "municipalities": sorted(by_municipality.values(), key=lambda v: v.municipality),
        "section": "strategy",
    }
    return render(request, "strategy/indicator_detail.html", context)


def _counts(statuses: Iterable[str | None]) -> list[tuple[str, int]]:
    """How many goals had each status, worst first (for a period's summary)."""
    counter = Counter(status or "" for status in statuses)
    ordered = [str(s) for s in SEVERITY if counter.get(str(s))]
    return [(status, counter[status]) for status in ordered] + (
        [("", counter[""])] if counter.get("") else []
    )


@require_GET
def period_list(request: HttpRequest, strategy: str) -> HttpResponse:
    """The reporting periods: the open one with its reports so far, the closed ones frozen."""
    obj = _strategy(strategy)
    periods = list(obj.periods.order_by("-start"))
    open_updates = StatusUpdate.objects.filter(
        period__in=[p for p in periods if not p.is_closed], goal__isnull=False
    ).only("period_id", "status")
    by_period: dict[int, list[str]] = {}
    for update in open_updates:
        by_period.setdefault(update.period_id, []).append(update.status)
    for period in periods:
        if period.is_closed:
            statuses = [g.get("status") for g in (period.snapshot or {}).get("goals", [])]
        else:
            statuses = by_period.get(period.pk, [])
        period.status_counts = _counts(statuses)  # type: ignore[attr-defined]
    context = {"strategy": obj, "periods": periods, "section": "strategy"}
    return render(request, "strategy/period_list.html", context)


def _iso_date(text: object) -> date | None:
    try:
        return date.fromisoformat(str(text))
    except (TypeError, ValueError):
        return None


@require_GET
def period_detail(request: HttpRequest, strategy: str, slug: str) -> HttpResponse:
    """A period's report: from its frozen snapshot once closed, from the live updates before."""
    period = get_object_or_404(
        ReportingPeriod.objects.select_related("strategy", "closed_by"),
        strategy__slug=strategy,
        slug=slug,
    )
    context: dict[str, Any] = {"strategy": period.strategy, "period": period, "section": "strategy"}
    if period.is_closed:
        snapshot = period.snapshot or {}
        indicators = snapshot.get("indicators", [])
        # The figures are the snapshot's; only how many decimals to show is looked up.
        decimals = dict(
            Indicator.objects.filter(pk__in=[row.get("id") for row in indicators]).values_list(
                "pk", "decimals"
            )
        )
        for row in indicators:
            unit, shown = row.get("unit", ""), decimals.get(row.get("id"))
            row["latest_text"] = format_snapshot_value(row.get("latest"), unit, shown)
            row["target_text"] = format_snapshot_value(row.get("next_target"), unit, shown)
            row["latest_day"] = _iso_date((row.get("latest") or {}).get("date"))
            row["target_day"] = _iso_date((row.get("next_target") or {}).get("date"))
        goal_names = {
            g.get("id"): f"{g.get('code')} {g.get('title')}" for g in snapshot.get("goals", [])
        }
        programme_names = {p.get("id"): p.get("name") for p in snapshot.get("programmes", [])}
        for row in indicators:
            row["owner"] = goal_names.get(row.get("goal_id")) or programme_names.get(
                row.get("programme_id"), ""
            )
        context.update(
            goals=snapshot.get("goals", []),
            programmes=snapshot.get("programmes", []),
            indicators=indicators,
            judged_on=_iso_date(snapshot.get("judged_on")),
        )
    else:
        updates = _latest_updates(
            period.updates.select_related("period").defer(*NO_SNAPSHOT).order_by("period__start")
        )
        goals = list(period.strategy.goals.order_by("order", "code"))
        programmes = list(period.strategy.programmes.order_by("order", "name"))
        context.update(
            live_goals=[(goal, updates.get(("goal", goal.pk))) for goal in goals],
            live_programmes=[(p, updates.get(("programme", p.pk))) for p in programmes],
        )
    return render(request, "strategy/period_detail.html", context)
