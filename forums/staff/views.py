"""The organisations coordinator's pages, and the chairs' forum's yearly follow-up.

The coordinator (permission forums.manage_organisations, forums/rules.py) manages
organisations, their representatives and the associations' registrations; anyone else
signed in gets 403. The follow-up belongs to the clerks of the chairs' forum (the
councils Body.clerks scoping): a clerk of another body gets 404. Forum secretaries
prepare their forums' meetings and memos with councils' own clerk tools.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from councils.models import Body, Meeting, MeetingState, Membership
from councils.staff.common import answer
from forums import rules, services
from forums.models import (
    CooperationAgreement,
    CooperationLevel,
    FollowUp,
    Organisation,
    OrganisationStatus,
    Registration,
    RegistrationState,
    Representative,
)
from forums.staff.forms import (
    FollowUpForm,
    FollowUpYearForm,
    OrganisationForm,
    RejectForm,
    RepresentativeForm,
)
from portal.lib.htmx import HtmxHttpRequest

View = Callable[..., HttpResponse]


def coordinator_required(view: View) -> View:
    """Signed in (else the sign-in page) as the organisations coordinator (else 403)."""

    @wraps(view)
    def check(request: HtmxHttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not rules.may_manage_organisations(request.user):
            raise PermissionDenied("not the organisations coordinator")
        return view(request, *args, **kwargs)

    return login_required(check)


def _organisation_for(request: HtmxHttpRequest, pk: int) -> Organisation:
    return get_object_or_404(
        Organisation.objects.manageable_by(request.user)
        .exclude(status=OrganisationStatus.REJECTED)
        .select_related("home_municipality"),
        pk=pk,
    )


def _registration_for(request: HtmxHttpRequest, pk: int) -> Registration:
    return get_object_or_404(
        Registration.objects.reviewable_by(request.user).select_related(
            "organisation__home_municipality", "decided_by"
        ),
        pk=pk,
    )


def _forum_bodies() -> Any:
    """The bodies an organisation can take a seat in: those whose members represent one."""
    return [
        body
        for body in Body.objects.active().order_by("order", "name")
        if body.rules.members_represent_organisations
    ]


@coordinator_required
@require_GET
def dashboard(request: HtmxHttpRequest) -> HttpResponse:
    """Registrations to decide, and the directory with links to edit each organisation."""
    return render(
        request,
        "forums/staff/dashboard.html",
        {
            "awaiting": list(
                Registration.objects.awaiting_decision()
                .select_related("organisation")
                .order_by("confirmed_at")
            ),
            "unconfirmed": Registration.objects.filter(state=RegistrationState.UNCONFIRMED).count(),
            "organisations": list(
                Organisation.objects.public()
                .select_related("home_municipality")
                .order_by("kind", "name")
            ),
            "section": "staff",
        },
    )


@coordinator_required
@require_GET
def registration_review(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    registration = _registration_for(request, pk)
    return render(
        request,
        "forums/staff/registration.html",
        {
            "registration": registration,
            "organisation": registration.organisation,
            "fields": list(registration.organisation.activity_fields.all()),
            "reject_form": RejectForm(),
            "section": "staff",
        },
    )


@coordinator_required
@require_POST
def registration_approve(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    registration = _registration_for(request, pk)
    try:
        organisation = services.registration_approve(
            registration=registration, decided_by=request.user
        )
    except services.RuleViolation as exc:
        return answer(request, url=_url("forums_staff:registration_review", pk), error=str(exc))
    return answer(
        request,
        url=_url("forums_staff:dashboard"),
        message=_("%(name)s is now in the directory; the applicant has been told.")
        % {"name": organisation.name},
    )


@coordinator_required
@require_http_methods(["POST"])
def registration_reject(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    registration = _registration_for(request, pk)
    form = RejectForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "forums/staff/registration.html",
            {
                "registration": registration,
                "organisation": registration.organisation,
                "fields": list(registration.organisation.activity_fields.all()),
                "reject_form": form,
                "section": "staff",
            },
            status=400,
        )
    try:
        services.registration_reject(
            registration=registration,
            decided_by=request.user,
            reason=form.cleaned_data["reason"],
        )
    except services.RuleViolation as exc:
        return answer(request, url=_url("forums_staff:registration_review", pk), error=str(exc))
    return answer(
        request,
        url=_url("forums_staff:dashboard"),
        message=_("The registration was rejected; the applicant has been told why."),
    )


def _url(name: str, *args: Any) -> str:
    return reverse(name, args=args)


def _initial(organisation: Organisation) -> dict[str, Any]:
    return {
        "name": organisation.name,
        "kind": organisation.kind,
        "home_municipality": organisation.home_municipality_id,
        "business_id": organisation.business_id,
        "website": organisation.website,
        "email": organisation.email,
        "phone": organisation.phone,
        "address": organisation.address,
        "description": organisation.description,
        "activity_fields": list(organisation.activity_fields.values_list("field", flat=True)),
    }


@coordinator_required
@require_http_methods(["GET", "POST"])
def organisation_new(request: HtmxHttpRequest) -> HttpResponse:
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.organisation_create(data=form.organisation_data())
        except services.RuleViolation as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Saved: %(name)s.") % {"name": organisation.name})
            return redirect("forums_staff:organisation_edit", pk=organisation.pk)
    return render(
        request,
        "forums/staff/organisation_edit.html",
        {"form": form, "organisation": None, "section": "staff"},
        status=400 if form.is_bound else 200,
    )


@coordinator_required
@require_http_methods(["GET", "POST"])
def organisation_edit(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    organisation = _organisation_for(request, pk)
    form = OrganisationForm(request.POST or None, initial=_initial(organisation))
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_update(organisation=organisation, data=form.organisation_data())
        except services.RuleViolation as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Saved: %(name)s.") % {"name": form.cleaned_data["name"]})
            return redirect("forums_staff:organisation_edit", pk=organisation.pk)
    return render(
        request,
        "forums/staff/organisation_edit.html",
        {
            "form": form,
            "organisation": organisation,
            "representatives": list(
                organisation.representatives.select_related("person").order_by(
                    "order", "person__last_name"
                )
            ),
            "seats": list(
                Membership.objects.filter(representation__organisation=organisation)
                .select_related("person", "body")
                .order_by("-start")
            ),
            "representative_form": RepresentativeForm(forums=_forum_queryset()),
            "section": "staff",
        },
        status=400 if form.is_bound else 200,
    )


def _forum_queryset() -> Any:
    return Body.objects.filter(pk__in=[body.pk for body in _forum_bodies()]).order_by(
        "order", "name"
    )


@coordinator_required
@require_POST
def representative_add(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    organisation = _organisation_for(request, pk)
    url = _url("forums_staff:organisation_edit", organisation.pk) + "#representatives"
    form = RepresentativeForm(request.POST, forums=_forum_queryset())
    if not form.is_valid():
        errors = " ".join(str(e) for errors in form.errors.values() for e in errors)
        return answer(request, url=url, error=errors)
    data = form.cleaned_data
    try:
        representative = services.representative_add(
            organisation=organisation,
            person=data["person"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            title=data["title"],
            body=data["body"],
            role=data["role"] or "member",
            start=data["start"],
        )
    except services.RuleViolation as exc:
        return answer(request, url=url, error=str(exc))
    return answer(
        request,
        url=url,
        message=_("%(name)s represents %(organisation)s.")
        % {"name": representative.person.full_name, "organisation": organisation.name},
    )


@coordinator_required
@require_POST
def representative_remove(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    representative = get_object_or_404(
        Representative.objects.filter(
            organisation__in=Organisation.objects.manageable_by(request.user)
        ).select_related("person", "organisation"),
        pk=pk,
    )
    organisation = representative.organisation
    services.representative_remove(representative=representative)
    return answer(
        request,
        url=_url("forums_staff:organisation_edit", organisation.pk) + "#representatives",
        message=_("%(name)s no longer represents %(organisation)s; their seats ended today.")
        % {"name": representative.person.full_name, "organisation": organisation.name},
    )


def _errors(forms: list[Any]) -> list[tuple[str, str]]:
    """(link target, message) for one error summary over several forms on a page."""
    found = []
    for form in forms:
        goal = getattr(form, "goal", None)
        for error in form.non_field_errors():
            found.append(("", str(error)))
        for field in form:
            for error in field.errors:
                label = f"{goal.title}: {field.label}" if goal else str(field.label)
                found.append((field.auto_id, f"{label}: {error}"))
    return found


# --- The chairs' forum's yearly follow-up of the agreement ---------------------------------------


def _follow_up_agreement(request: HtmxHttpRequest, pk: int) -> tuple[CooperationAgreement, Body]:
    """The agreement, if the user is a clerk of its chairs' forum (404 otherwise)."""
    agreement = get_object_or_404(CooperationAgreement, pk=pk)
    body = (
        Body.objects.editable_by(request.user)
        .filter(forum__agreement=agreement, forum__level=CooperationLevel.CHAIRS)
        .first()
    )
    if body is None:
        raise Http404("not a clerk of the agreement's chairs' forum")
    return agreement, body


@login_required
@require_http_methods(["GET", "POST"])
def follow_up(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    agreement, body = _follow_up_agreement(request, pk)
    goals = list(agreement.goals.all())
    meetings = Meeting.objects.filter(body=body).exclude(state=MeetingState.CANCELLED)
    try:
        year = int(request.GET.get("vuosi") or timezone.localdate().year)
    except ValueError:
        raise Http404("bad year") from None
    if not 2020 <= year <= 2100:
        raise Http404("year out of range")
    existing = {f.goal_id: f for f in FollowUp.objects.filter(goal__in=goals, year=year)}
    data = request.POST if request.method == "POST" else None
    year_form = FollowUpYearForm(
        data,
        meetings=meetings,
        initial={"year": year, "meeting": next((f.meeting_id for f in existing.values()), None)},
    )
    forms = [
        FollowUpForm(
            data,
            goal=goal,
            initial={
                "assessment": existing[goal.pk].assessment if goal.pk in existing else "",
                "summary": existing[goal.pk].summary if goal.pk in existing else "",
            },
        )
        for goal in goals
    ]
    if data is not None and year_form.is_valid() and all(form.is_valid() for form in forms):
        saved_year = year_form.cleaned_data["year"]
        try:
            for form in forms:
                if form.cleaned_data["assessment"]:
                    services.follow_up_record(
                        goal=form.goal,
                        year=saved_year,
                        assessment=form.cleaned_data["assessment"],
                        summary=form.cleaned_data["summary"],
                        meeting=year_form.cleaned_data["meeting"],
                    )
        except services.RuleViolation as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request, _("The follow-up of %(year)s is saved.") % {"year": saved_year}
            )
            return redirect(_url("forums_staff:follow_up", agreement.pk) + f"?vuosi={saved_year}")
    return render(
        request,
        "forums/staff/follow_up.html",
        {
            "agreement": agreement,
            "body": body,
            "year": year,
            "year_form": year_form,
            "forms": forms,
            "errors": _errors([year_form, *forms]),
            "section": "staff",
        },
        status=400 if data is not None else 200,
    )
