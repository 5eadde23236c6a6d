"""Where a signed-in user lands: the page where their work is."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_GET

from councils.models import Body, Meeting, MeetingState, Office

# The strategy app's dashboard permission, named here without importing that app.
STRATEGY_DASHBOARD = "strategy.view_dashboard"


def minutes_to_check(user: AbstractBaseUser | AnonymousUser) -> list[Meeting]:
    """Drafted minutes that this user, as one of the two checkers, has not yet approved."""
    person = getattr(user, "person", None)
    if person is None:
        return []
    return list(
        Meeting.objects.filter(state=MeetingState.MINUTES_DRAFTED)
        .filter(
            Q(minutes__checker_1=person, minutes__checker_1_approved_at__isnull=True)
            | Q(minutes__checker_2=person, minutes__checker_2_approved_at__isnull=True)
        )
        .select_related("body")
        .order_by("start")
    )


def landing_url(user: AbstractBaseUser | AnonymousUser) -> str:
    """A clerk's dashboard; a checker's minutes; a chair's strategy dashboard; an official's
    decisions; the dashboard (which says what there is) for anyone else."""
    if Body.objects.editable_by(user).exists():
        return reverse("staff:dashboard")
    to_check = minutes_to_check(user)
    if to_check:
        return reverse("staff:minutes_review", args=[to_check[0].pk])
    if getattr(user, "has_perm", None) and user.has_perm(STRATEGY_DASHBOARD):  # type: ignore[union-attr]
        return reverse("strategy_staff:dashboard")
    if Office.objects.current().filter(holder__user=user.pk).exists():
        return reverse("staff:dashboard") + "#official-decisions"
    return reverse("staff:dashboard")


@login_required
@require_GET
def staff_home(request: HttpRequest) -> HttpResponse:
    return redirect(landing_url(request.user))
