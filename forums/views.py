"""The public pages of participation: Osallistu, cooperation, organisations, registration."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import groupby

from django.contrib import messages
from django.core.paginator import Page, Paginator
from django.db.models import F, Prefetch, QuerySet, Window
from django.db.models.functions import RowNumber
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers

from councils.models import AgendaItem, Body, BodyKind
from forums import reads, services
from forums.forms import OrganisationFilterForm, RegistrationForm
from forums.models import (
    FOUR_LEVELS,
    AgreementGoal,
    Consultation,
    CooperationAgreement,
    CooperationLevel,
    FollowUp,
    Forum,
    Organisation,
    Registration,
    RegistrationState,
    Representation,
)
from forums.models.cooperation import LEVEL_DESCRIPTIONS
from portal.lib.htmx import HtmxHttpRequest

PAGE_SIZE = 50


@dataclass(frozen=True)
class Level:
    value: str
    label: str
    description: str
    forums: list[Forum]


def _levels(forums: list[Forum]) -> list[Level]:
    """The four levels top down, each with its forums (an empty level is still shown)."""
    by_level: dict[str, list[Forum]] = defaultdict(list)
    for forum in forums:
        by_level[forum.level].append(forum)
    return [
        Level(
            value=level.value,
            label=str(level.label),
            description=str(LEVEL_DESCRIPTIONS[level]),
            forums=by_level.get(level, []),
        )
        for level in FOUR_LEVELS
    ]


@require_GET
def participate(request: HttpRequest) -> HttpResponse:
    """Osallistu: the front door of participation."""
    advisory = list(Body.objects.active().filter(kind=BodyKind.ADVISORY_COUNCIL))
    # What the councils have said: the matters they handled (statements, initiatives,
    # each a case with a diary number), not their meetings' own procedural items.
    said = (
        AgendaItem.objects.decided()
        .filter(meeting__body__in=advisory, is_public=True, case__isnull=False)
        .select_related("meeting__body", "handling")
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=F("meeting__body_id"),
                order_by=[F("meeting__start").desc(), F("section").desc()],
            )
        )
        .filter(rank__lte=3)
        .order_by("meeting__body__order", "-meeting__start", "-section")
    )
    lately: dict[int, list[AgendaItem]] = defaultdict(list)
    for item in said:
        lately[item.meeting.body_id].append(item)
    forums = list(Forum.objects.of_levels().select_related("body"))
    return render(
        request,
        "forums/participate.html",
        {
            "advisory": [(body, lately.get(body.pk, [])) for body in advisory],
            "levels": _levels(forums),
            "organisation_count": Organisation.objects.public().count(),
            "open_consultations": list(
                Consultation.objects.running(timezone.now()).order_by("closes_at")[:5]
            ),
            "section": "participate",
        },
    )


def _forum_context(forums: list[Forum]) -> dict[str, object]:
    bodies = [forum.body for forum in forums]
    members = reads.members_by_organisation(bodies)
    upcoming = reads.next_meetings(bodies)
    memos = reads.latest_memos(bodies)
    for forum in forums:
        forum.seats = members.get(forum.body_id, [])  # type: ignore[attr-defined]
        forum.next_meeting = upcoming.get(forum.body_id)  # type: ignore[attr-defined]
        forum.memos = memos.get(forum.body_id, [])  # type: ignore[attr-defined]
    return {"levels": _levels(forums)}


@require_GET
def cooperation(request: HttpRequest) -> HttpResponse:
    """Yhteistyö: the four levels at a glance, each forum, and the agreement."""
    forums = list(
        Forum.objects.of_levels()
        .select_related("body")
        .prefetch_related("topics")
        .order_by("order", "body__name")
    )
    agreement = (
        CooperationAgreement.objects.select_related("approved_by__meeting__body")
        .prefetch_related("goals", "rules", "signatories__organisation")
        .first()
    )
    return render(
        request,
        "forums/cooperation.html",
        {
            **_forum_context(forums),
            "agreement": agreement,
            "has_preparation": Forum.objects.preparation().exists(),
            "section": "participate",
        },
    )


@require_GET
def preparation(request: HttpRequest) -> HttpResponse:
    """The 2021 preparation: the political steering group and the working groups."""
    forums = list(
        Forum.objects.preparation().select_related("body").order_by("order", "body__name")
    )
    if not forums:
        raise Http404("no preparation groups")
    _forum_context(forums)
    return render(request, "forums/preparation.html", {"forums": forums, "section": "participate"})


@require_GET
def agreement_detail(request: HttpRequest, slug: str) -> HttpResponse:
    agreement = get_object_or_404(
        CooperationAgreement.objects.select_related(
            "approved_by__meeting__body", "strategy_goal__strategy"
        ).prefetch_related(
            Prefetch(
                "goals",
                queryset=AgreementGoal.objects.prefetch_related(
                    Prefetch(
                        "follow_ups",
                        queryset=FollowUp.objects.select_related("meeting__body").order_by("-year"),
                    )
                ),
            ),
            "rules",
            "signatories__organisation",
            Prefetch("forums", queryset=Forum.objects.select_related("body")),
        ),
        slug=slug,
    )
    goals = list(agreement.goals.all())
    years = sorted({f.year for goal in goals for f in goal.follow_ups.all()}, reverse=True)
    return render(
        request,
        "forums/agreement_detail.html",
        {
            "agreement": agreement,
            "goals": goals,
            "years": years,
            # The chairs' forum's secretary records the follow-up (forums.staff.views).
            "may_follow_up": Body.objects.editable_by(request.user)
            .filter(forum__agreement=agreement, forum__level=CooperationLevel.CHAIRS)
            .exists(),
            "section": "participate",
        },
    )


def _page(request: HttpRequest, queryset: QuerySet[Organisation]) -> Page:
    try:
        number = int(request.GET.get("sivu", "1"))
    except ValueError:
        raise Http404("bad page number") from None
    paginator = Paginator(queryset, PAGE_SIZE, allow_empty_first_page=True)
    if number < 1 or number > paginator.num_pages:
        raise Http404("no such page")
    return paginator.page(number)


@require_GET
@vary_on_headers("HX-Request")
def organisation_list(request: HtmxHttpRequest) -> HttpResponse:
    """The directory, filtered by kind, home municipality and field of activity."""
    form = OrganisationFilterForm(request.GET or None)
    organisations = (
        Organisation.objects.public()
        .select_related("home_municipality")
        .prefetch_related("activity_fields")
        .order_by("name")
    )
    status = 200
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data["haku"]:
            organisations = organisations.filter(name__icontains=data["haku"].strip())
        if data["laji"]:
            organisations = organisations.filter(kind=data["laji"])
        if data["kunta"]:
            organisations = organisations.filter(home_municipality=data["kunta"])
        if data["ala"]:
            organisations = organisations.filter(activity_fields__field=data["ala"])
    elif form.is_bound:
        organisations = organisations.none()
        status = 400
    query = request.GET.copy()
    query.pop("sivu", None)
    template = "forums/organisation_list.html"
    if request.htmx:
        template += "#results"
    return render(
        request,
        template,
        {
            "form": form,
            "page": _page(request, organisations),
            "query": query.urlencode(),
            "section": "participate",
        },
        status=status,
    )


@require_GET
def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(
        Organisation.objects.public()
        .select_related("home_municipality")
        .prefetch_related("activity_fields"),
        slug=slug,
    )
    today = timezone.localdate()
    representations = list(
        Representation.objects.filter(organisation=organisation)
        .select_related("membership__person", "membership__body")
        .order_by("membership__body__order", "membership__body__name", "-membership__start")
    )
    current = [
        r
        for r in representations
        if r.membership.start <= today and (r.membership.end is None or r.membership.end >= today)
    ]
    past = [r for r in representations if r not in current]
    return render(
        request,
        "forums/organisation_detail.html",
        {
            "organisation": organisation,
            "representatives": list(
                organisation.representatives.select_related("person").order_by(
                    "order", "person__last_name"
                )
            ),
            "seats": [
                (body, list(group))
                for body, group in groupby(current, key=lambda r: r.membership.body)
            ],
            "past_seats": past,
            "agreements": list(
                organisation.signed_agreements.select_related("agreement").order_by(
                    "-agreement__signed_on"
                )
            ),
            "domiciled_count": Organisation.objects.public()
            .filter(home_municipality=organisation)
            .count(),
            "section": "participate",
        },
    )


# --- Registration (double opt-in, no account) ---------------------------------------------------


@require_http_methods(["GET", "POST"])
def register(request: HttpRequest) -> HttpResponse:
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not form.is_spam:
            try:
                services.registration_submit(
                    data=form.organisation_data(),
                    contact_name=form.cleaned_data["contact_name"],
                    contact_email=form.cleaned_data["contact_email"],
                    message=form.cleaned_data["message"],
                    language=get_language() or "fi",
                )
            except services.RuleViolation as exc:
                form.add_error(None, str(exc))
        if not form.errors:
            return redirect("forums:register_sent")
    return render(
        request,
        "forums/register.html",
        {"form": form, "section": "participate"},
        status=400 if form.is_bound else 200,
    )


@require_GET
def register_sent(request: HttpRequest) -> HttpResponse:
    """The same answer whatever happened, so the page reveals nothing about an address."""
    return render(request, "forums/register_sent.html", {"section": "participate"})


def _registration_for(token: str) -> Registration | None:
    if len(token) > 64:
        return None
    registration = Registration.objects.select_related("organisation").filter(token=token).first()
    if registration is None or registration.is_expired(timezone.now()):
        return None
    return registration


@require_http_methods(["GET", "POST"])
def register_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The e-mailed link shows a button (mail scanners fetch links); only the POST confirms."""
    registration = _registration_for(token)
    if registration is None:
        return render(
            request, "forums/register_invalid.html", {"section": "participate"}, status=404
        )
    if request.method == "POST":
        try:
            services.registration_confirm(registration=registration)
        except services.RuleViolation as exc:
            messages.error(request, str(exc))
        return redirect(reverse("forums:register_confirm", kwargs={"token": token}))
    return render(
        request,
        "forums/register_confirm.html",
        {
            "registration": registration,
            "confirmed": registration.state != RegistrationState.UNCONFIRMED,
            "section": "participate",
        },
    )
