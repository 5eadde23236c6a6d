"""Officials' decisions (viranhaltijapäätökset) published by staff."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from councils import services
from councils.models import Body, Person
from councils.staff.common import answer
from councils.staff.forms import OfficialDecisionForm
from portal.lib.htmx import HtmxHttpRequest


def officials_for(user: AbstractBaseUser | AnonymousUser) -> QuerySet[Person] | None:
    """Whom this user may publish officials' decisions for; None if nobody.

    An administrator or a clerk of any body publishes for any official (a person without
    a political group); an official with a staff account publishes only for themselves.
    """
    if not user.is_authenticated or not user.is_active:
        return None
    if getattr(user, "is_superuser", False) or Body.objects.editable_by(user).exists():
        return Person.objects.filter(political_group="").order_by("last_name", "first_name")
    own = Person.objects.filter(user=user.pk)
    return own if own.exists() else None


@login_required
@require_http_methods(["GET", "POST"])
def official_decision_new(request: HtmxHttpRequest) -> HttpResponse:
    officials = officials_for(request.user)
    if officials is None:
        raise Http404("not an official, a clerk or an administrator")
    initial = {}
    own = Person.objects.filter(user=request.user.pk).first()
    if own is not None and officials.filter(pk=own.pk).exists():
        initial = {"official": own.pk, "official_title": own.title}
    form = OfficialDecisionForm(
        request.POST if request.method == "POST" else None, officials=officials, initial=initial
    )
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            decision = services.official_decision_publish(
                official=data["official"],
                official_title=data["official_title"],
                title=data["title"],
                decided_on=data["decided_on"],
                text=data["text"],
                appeal_type=data["appeal_type"],
                case=data["case_query"],
                number=data["number"],
            )
        except services.RuleViolation as exc:
            form.add_error(None, str(exc))
        else:
            return answer(
                request,
                url=decision.get_absolute_url(),
                message=_("The decision “%(title)s” is published.") % {"title": decision.title},
            )
    return render(
        request,
        "councils/staff/official_decision_new.html",
        {"form": form, "section": "staff"},
        status=400 if form.is_bound and form.errors else 200,
    )
