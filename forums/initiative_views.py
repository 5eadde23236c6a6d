"""The public pages of initiatives: the list, an initiative, submitting and supporting.

Submitting and supporting need no account: the e-mail address is confirmed by a link
(double opt-in, forums/participation.py) whose page has a button, because mail scanners
fetch links. Both forms have a honeypot and rate limits per client address (and per
initiative), and say what is kept and for how long. Everything works without JavaScript.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, OuterRef, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from councils.models import AgendaItem, Case, OfficialDecision
from forums import initiatives as services
from forums.identity import IdentityError, identity_provider
from forums.initiative_forms import InitiativeFilterForm, InitiativeForm, SupportForm
from forums.models import (
    PUBLIC_STATES,
    Initiative,
    InitiativeState,
    Municipality,
    Supporter,
)
from forums.participation import (
    OPT_IN_DAYS,
    PERSONAL_DATA_KEPT_DAYS,
    RateLimit,
    opt_in_read,
    rate_limited,
)
from portal.lib.htmx import HtmxHttpRequest
from portal.lib.once import once_per_form

PAGE_SIZE = 50
# Names shown on an initiative's page; the count covers everyone.
NAMES_SHOWN = 500
SUBMIT_LIMIT = RateLimit(bucket="initiative-submit", per_address=5, window=3600)
SUPPORT_LIMIT = RateLimit(bucket="initiative-support", per_address=10, window=3600, per_target=1000)


def _page(request: HttpRequest, queryset: QuerySet[Initiative]) -> Page:
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
def initiative_list(request: HtmxHttpRequest) -> HttpResponse:
    """Every initiative, newest first, filtered by state, body and kind, with supporters."""
    form = InitiativeFilterForm(request.GET or None)
    initiatives = (
        Initiative.objects.public()
        .with_support_count()
        .select_related("addressed_to", "case")
        .order_by("-received_at", "-pk")
    )
    status = 200
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data["tila"]:
            initiatives = initiatives.filter(state=data["tila"])
        if data["toimielin"]:
            initiatives = initiatives.filter(addressed_to=data["toimielin"])
        if data["laji"]:
            initiatives = initiatives.filter(kind=data["laji"])
    elif form.is_bound:
        initiatives = initiatives.none()
        status = 400
    query = request.GET.copy()
    query.pop("sivu", None)
    template = "forums/initiatives/list.html"
    if request.htmx:
        template += "#results"
    return render(
        request,
        template,
        {
            "form": form,
            "page": _page(request, initiatives),
            "query": query.urlencode(),
            "section": "participate",
        },
        status=status,
    )


def _public_initiative(pk: int) -> Initiative:
    """The initiative with what its page shows, in one query: decisions and the case are
    linked only when public (the councils querysets decide)."""
    return get_object_or_404(
        Initiative.objects.public()
        .with_support_count()
        .select_related(
            "addressed_to",
            "case",
            "handling_body",
            "answer_item__meeting__body",
            "answer_decision",
            "made_at__meeting__body",
        )
        .annotate(
            case_public=Exists(Case.objects.public().filter(pk=OuterRef("case_id"))),
            answer_item_public=Exists(
                AgendaItem.objects.decided().filter(pk=OuterRef("answer_item_id"))
            ),
            answer_decision_public=Exists(
                OfficialDecision.objects.published().filter(pk=OuterRef("answer_decision_id"))
            ),
            made_at_public=Exists(
                AgendaItem.objects.on_public_agenda().filter(pk=OuterRef("made_at_id"))
            ),
        ),
        pk=pk,
    )


def _detail(
    request: HttpRequest, initiative: Initiative, form: SupportForm, status: int = 200
) -> HttpResponse:
    supporters = Supporter.objects.filter(initiative=initiative)
    names = list(supporters.public_names().order_by("confirmed_at", "pk")[:NAMES_SHOWN])
    labels = dict(Municipality.choices)
    by_municipality = [
        (labels.get(row["municipality"], _("not known")), row["n"])
        for row in supporters.confirmed()
        .values("municipality")
        .annotate(n=Count("pk"))
        .order_by("-n", "municipality")
    ]
    steps = list(initiative.steps.order_by("at", "pk"))
    reached = {step.state for step in steps}
    return render(
        request,
        "forums/initiatives/detail.html",
        {
            "initiative": initiative,
            "steps": steps,
            # Council members and advisory councils speak in their own bodies: no hearing step.
            "path": [
                (state, state in reached or state == initiative.state)
                for state in PUBLIC_STATES
                if state != InitiativeState.HEARING or services.hearing_required(initiative)
            ],
            "names": names,
            "hidden_names": initiative.support_count - len(names),  # type: ignore[attr-defined]
            "by_municipality": by_municipality,
            "form": form,
            "acknowledgement_due": initiative.acknowledgement_due(),
            "statutory_due": initiative.statutory_answer_due(),
            "opt_in_days": OPT_IN_DAYS,
            "kept_days": PERSONAL_DATA_KEPT_DAYS,
            "section": "participate",
        },
        status=status,
    )


@require_GET
def initiative_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, _public_initiative(pk), SupportForm())


def _refuse_flood(form: InitiativeForm | SupportForm, wait: int) -> None:
    form.is_valid()  # add_error needs the cleaned form
    form.add_error(
        None,
        _("Too many submissions from your address: try again in %(minutes)s minutes.")
        % {"minutes": max(1, -(-wait // 60))},
    )


@require_http_methods(["GET", "POST"])
@once_per_form
def initiative_new(request: HttpRequest) -> HttpResponse:
    form = InitiativeForm(request.POST or None)
    context: dict[str, object] = {
        "form": form,
        "kept_days": PERSONAL_DATA_KEPT_DAYS,
        "opt_in_days": OPT_IN_DAYS,
        "section": "participate",
    }
    if request.method == "POST":
        wait = rate_limited(request, SUBMIT_LIMIT)
        if wait:
            _refuse_flood(form, wait)
            response = render(request, "forums/initiatives/new.html", context, status=429)
            response["Retry-After"] = str(wait)
            return response
        if form.is_valid():
            try:
                identity = identity_provider().identify(request, form.eligibility())
                services.initiative_submit(
                    data=form.initiative_data(),
                    identity=identity,
                    contact_name=form.cleaned_data["contact_name"],
                    contact_email=form.cleaned_data["contact_email"],
                    language=get_language() or "fi",
                )
            except IdentityError:
                form.add_error("declaration", _("Declare your right to make the initiative."))
            except services.RuleViolation as exc:
                form.add_error(None, str(exc))
            else:
                return redirect("forums:initiative_sent")
        elif form.caught_in_honeypot:
            return redirect("forums:initiative_sent")  # as if all went well; nothing stored
    return render(
        request, "forums/initiatives/new.html", context, status=400 if form.is_bound else 200
    )


@require_GET
def initiative_sent(request: HttpRequest) -> HttpResponse:
    """The same answer whatever happened, so the page reveals nothing about an address."""
    return render(
        request,
        "forums/initiatives/sent.html",
        {"what": "initiative", "days": OPT_IN_DAYS, "section": "participate"},
    )


@require_http_methods(["GET", "POST"])
def initiative_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The e-mailed link shows a button; only the POST confirms (mail scanners fetch links)."""
    opt_in = opt_in_read(token, purpose=services.SUBMIT_PURPOSE)
    initiative = Initiative.objects.filter(pk=opt_in.pk).first() if opt_in else None
    if opt_in is None or initiative is None or not opt_in.matches(initiative.contact_email):
        return render(
            request, "forums/initiatives/invalid_link.html", {"section": "participate"}, status=404
        )
    if request.method == "POST":
        services.initiative_confirm(initiative=initiative)
        return redirect(request.path)
    return render(
        request,
        "forums/initiatives/confirm.html",
        {
            "initiative": initiative,
            "confirmed": initiative.state != InitiativeState.UNCONFIRMED,
            "section": "participate",
        },
    )


@require_POST
@once_per_form
def support(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = _public_initiative(pk)
    form = SupportForm(request.POST)
    wait = rate_limited(request, SUPPORT_LIMIT, target=f"initiative:{initiative.pk}")
    if wait:
        _refuse_flood(form, wait)
        response = _detail(request, initiative, form, status=429)
        response["Retry-After"] = str(wait)
        return response
    if form.is_valid():
        try:
            identity = identity_provider().identify(request, form.eligibility())
            services.support_request(
                initiative=initiative,
                identity=identity,
                email=form.cleaned_data["email"],
                publish_name=form.cleaned_data["publish_name"],
                language=get_language() or "fi",
            )
        except IdentityError:
            form.add_error("declaration", _("Declare that you may support the initiative."))
        except services.RuleViolation as exc:
            form.add_error(None, str(exc))
        else:
            return redirect("forums:support_sent", pk=initiative.pk)
    elif form.caught_in_honeypot:
        return redirect("forums:support_sent", pk=initiative.pk)
    return _detail(request, initiative, form, status=400)


@require_GET
def support_sent(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = get_object_or_404(Initiative.objects.public(), pk=pk)
    return render(
        request,
        "forums/initiatives/sent.html",
        {
            "what": "support",
            "initiative": initiative,
            "days": OPT_IN_DAYS,
            "section": "participate",
        },
    )


@require_http_methods(["GET", "POST"])
def support_confirm(request: HttpRequest, token: str) -> HttpResponse:
    opt_in = opt_in_read(token, purpose=services.SUPPORT_PURPOSE)
    supporter = (
        Supporter.objects.select_related("initiative").filter(pk=opt_in.pk).first()
        if opt_in
        else None
    )
    if opt_in is None or supporter is None or not opt_in.matches(supporter.email):
        return render(
            request, "forums/initiatives/invalid_link.html", {"section": "participate"}, status=404
        )
    if request.method == "POST":
        try:
            services.support_confirm(supporter=supporter)
        except services.RuleViolation as exc:
            messages.error(request, str(exc))
        return redirect(request.path)
    return render(
        request,
        "forums/initiatives/support_confirm.html",
        {
            "supporter": supporter,
            "initiative": supporter.initiative,
            "confirmed": supporter.is_confirmed,
            "kept_days": PERSONAL_DATA_KEPT_DAYS,
            "section": "participate",
        },
    )
