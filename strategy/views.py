"""Public pages of the strategy: minimal first versions that later work replaces."""

from __future__ import annotations

from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from strategy.models import (
    Goal,
    GoalLink,
    Indicator,
    Programme,
    ReportingPeriod,
    Strategy,
)

INDICATOR_DATA = ("indicators__targets", "indicators__values")


def _strategy(slug: str) -> Strategy:
    return get_object_or_404(Strategy, slug=slug)


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """The strategy in force today, or a page saying there is none yet."""
    current = Strategy.objects.in_force(timezone.localdate()).first() or Strategy.objects.first()
    if current is not None:
        return redirect(current)
    return render(request, "strategy/index.html", {"section": "strategy"})


@require_GET
def strategy_detail(request: HttpRequest, strategy: str) -> HttpResponse:
    obj = _strategy(strategy)
    goals = (
        obj.goals.main()
        .prefetch_related(Prefetch("children", queryset=Goal.objects.order_by("order", "code")))
        .order_by("order", "code")
    )
    context = {
        "strategy": obj,
        "values": obj.values.all(),
        "goals": goals,
        "programmes": obj.programmes.all(),
        "section": "strategy",
    }
    return render(request, "strategy/strategy_detail.html", context)


@require_GET
def goal_detail(request: HttpRequest, strategy: str, code: str) -> HttpResponse:
    goal = get_object_or_404(
        Goal.objects.select_related("strategy", "parent", "responsible_body").prefetch_related(
            *INDICATOR_DATA, *(f"children__{lookup}" for lookup in INDICATOR_DATA)
        ),
        strategy__slug=strategy,
        code=code,
    )
    links = (
        GoalLink.objects.public()
        .filter(goal=goal)
        .select_related("agenda_item__meeting__body")
        .order_by("-agenda_item__meeting__start")
    )
    context = {
        "strategy": goal.strategy,
        "goal": goal,
        "suggestion": goal.suggestion(timezone.localdate()),
        "links": links,
        "section": "strategy",
    }
    return render(request, "strategy/goal_detail.html", context)


@require_GET
def programme_detail(request: HttpRequest, strategy: str, slug: str) -> HttpResponse:
    programme = get_object_or_404(
        Programme.objects.select_related("strategy", "responsible_body").prefetch_related(
            "goals", *INDICATOR_DATA
        ),
        strategy__slug=strategy,
        slug=slug,
    )
    context = {"strategy": programme.strategy, "programme": programme, "section": "strategy"}
    return render(request, "strategy/programme_detail.html", context)


@require_GET
def indicator_detail(request: HttpRequest, strategy: str, pk: int) -> HttpResponse:
    obj = _strategy(strategy)
    indicator = get_object_or_404(
        Indicator.objects.select_related("goal", "programme").prefetch_related("targets", "values"),
        pk=pk,
    )
    owner = indicator.goal or indicator.programme
    if owner is None or owner.strategy_id != obj.pk:
        raise Http404("the indicator belongs to another strategy")
    context = {"strategy": obj, "indicator": indicator, "section": "strategy"}
    return render(request, "strategy/indicator_detail.html", context)


@require_GET
def period_list(request: HttpRequest, strategy: str) -> HttpResponse:
    obj = _strategy(strategy)
    context = {"strategy": obj, "periods": obj.periods.all(), "section": "strategy"}
    return render(request, "strategy/period_list.html", context)


@require_GET
def period_detail(request: HttpRequest, strategy: str, slug: str) -> HttpResponse:
    period = get_object_or_404(
        ReportingPeriod.objects.select_related("strategy"), strategy__slug=strategy, slug=slug
    )
    updates = period.updates.select_related("goal", "programme")
    context = {
        "strategy": period.strategy,
        "period": period,
        "updates": updates,
        "section": "strategy",
    }
    return render(request, "strategy/period_detail.html", context)
