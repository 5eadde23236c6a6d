"""Officials' decisions (viranhaltijapäätökset) published by staff."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from councils import services
from councils.models import Office
from councils.staff.common import answer
from councils.staff.forms import OfficialDecisionForm
from portal.lib.htmx import HtmxHttpRequest
from portal.lib.once import once_per_form


def may_publish_official_decisions(user: AbstractBaseUser | AnonymousUser) -> bool:
    return Office.objects.publishable_by(user).exists()


@login_required
@require_http_methods(["GET", "POST"])
@once_per_form
def official_decision_new(request: HtmxHttpRequest) -> HttpResponse:
    offices = Office.objects.publishable_by(request.user)
    if not offices.exists():
        raise Http404("holds no office with decision power and publishes for none")
    own = offices.filter(holder__user=request.user.pk).first()
    form = OfficialDecisionForm(
        request.POST if request.method == "POST" else None,
        offices=offices,
        initial={"office": own.pk if own else None},
    )
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            decision = services.official_decision_publish(
                office=data["office"],
                title=data["title"],
                decided_on=data["decided_on"],
                text=data["text"],
                appeal_type=data["appeal_type"],
                case=data["case_query"],
                number=data["number"],
                by=request.user,
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
