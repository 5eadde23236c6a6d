"""The staff's work on initiatives: the queue, each step, and the yearly report.

Who may do what is forums/rules.py: the registry (group Kirjaamo) and the organisations
coordinator work on every initiative; the clerk of a body on those addressed or routed
to it (`Initiative.objects.manageable_by`), so an initiative outside one's bodies is a
404. Someone with no part in initiatives at all gets 403 for the queue and the report.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from councils.models import (
    AgendaItem,
    BodyKind,
    Document,
    DocumentKind,
    MeetingState,
)
from forums import initiatives as services
from forums import rules
from forums.initiative_forms import (
    AnswerForm,
    CloseForm,
    HearingForm,
    InitiativeRecordForm,
    RegisterForm,
    ReportAttachForm,
    ReportForm,
    RouteForm,
)
from forums.initiative_report import report_documents
from forums.models import (
    Initiative,
    InitiativeReport,
    InitiativeState,
)
from portal.lib.htmx import HtmxHttpRequest
from portal.lib.once import once_per_form

View = Callable[..., HttpResponseBase]


def _needs(rule: Callable[[Any], bool]) -> Callable[[View], View]:
    """Signed in (else the sign-in page) and allowed by `rule` (else 403)."""

    def decorate(view: View) -> View:
        @wraps(view)
        def check(request: HtmxHttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not rule(request.user):
                raise PermissionDenied("no part in initiatives")
            return view(request, *args, **kwargs)

        return login_required(check)

    return decorate


def _initiative_for(request: HtmxHttpRequest, pk: int) -> Initiative:
    return get_object_or_404(
        Initiative.objects.manageable_by(request.user)
        .with_support_count()
        .select_related(
            "addressed_to",
            "case",
            "handling_body",
            "answer_item__meeting__body",
            "answer_decision",
            "made_at__meeting__body",
        ),
        pk=pk,
    )


@_needs(rules.may_work_on_initiatives)
@require_GET
def initiative_queue(request: HtmxHttpRequest) -> HttpResponse:
    """The initiatives this user works on: to route (one-month deadline), in handling, to
    close, and lately closed."""
    today = timezone.localdate()
    mine = Initiative.objects.manageable_by(request.user).select_related(
        "addressed_to", "handling_body", "case"
    )
    waiting = list(mine.awaiting_routing().order_by("received_at"))
    return render(
        request,
        "forums/staff/initiative_queue.html",
        {
            "waiting": [
                (i, i.acknowledgement_due(), i.acknowledgement_overdue(today)) for i in waiting
            ],
            "handling": list(
                mine.filter(state__in=[InitiativeState.ROUTED, InitiativeState.HEARING]).order_by(
                    "answer_due"
                )
            ),
            "answered": list(mine.filter(state=InitiativeState.ANSWERED).order_by("received_at")),
            "closed": list(mine.filter(state=InitiativeState.CLOSED).order_by("-closed_at")[:20]),
            "today": today,
            "may_record": rules.may_manage_all_initiatives(request.user),
            "may_report": rules.may_report_initiatives(request.user),
            "section": "staff",
        },
    )


def _answer_items(initiative: Initiative) -> Any:
    """Decided, public agenda items a clerk may name as the answer: of the addressed or the
    handling body, newest first."""
    bodies = [b for b in (initiative.addressed_to_id, initiative.handling_body_id) if b]
    return (
        AgendaItem.objects.decided()
        .filter(meeting__body_id__in=bodies)
        .select_related("meeting__body")
        .order_by("-meeting__start", "-section")
    )


def _page(
    request: HtmxHttpRequest,
    initiative: Initiative,
    *,
    forms: dict[str, Any] | None = None,
    status: int = 200,
) -> HttpResponse:
    data = {
        "register_form": RegisterForm(),
        "route_form": RouteForm(
            initial={
                "handling_body": initiative.handling_body_id,
                "handling_unit": initiative.handling_unit,
                "answer_due": initiative.answer_due or initiative.statutory_answer_due(),
                "handling_contact": initiative.handling_contact,
            }
        ),
        "hearing_form": HearingForm(),
        "answer_form": AnswerForm(items=_answer_items(initiative)),
        "close_form": CloseForm(),
    } | (forms or {})
    state = initiative.state
    may_act = services.may_act(request.user, initiative)
    return render(
        request,
        "forums/staff/initiative.html",
        {
            "initiative": initiative,
            "steps": list(initiative.steps.select_related("by").order_by("at", "pk")),
            "acknowledgement_due": initiative.acknowledgement_due(),
            "overdue": initiative.acknowledgement_overdue(),
            "statutory_due": initiative.statutory_answer_due(),
            "can_register": state == InitiativeState.RECEIVED
            and rules.may_register_initiative(
                request.user, addressed_to_id=initiative.addressed_to_id
            ),
            "can_route": may_act and state in (InitiativeState.REGISTERED, InitiativeState.ROUTED),
            "can_hear": may_act and state == InitiativeState.ROUTED,
            "can_answer": may_act
            and (
                state == InitiativeState.HEARING
                or (state == InitiativeState.ROUTED and not services.hearing_required(initiative))
            ),
            "hearing_required": services.hearing_required(initiative),
            "can_close": may_act and state == InitiativeState.ANSWERED,
            "section": "staff",
            # The form that was refused, for the error summary at the top.
            "failed_form": next(iter((forms or {}).values()), None),
            **data,
        },
        status=status,
    )


@login_required
@require_GET
def initiative_manage(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    return _page(request, _initiative_for(request, pk))


def _done(request: HtmxHttpRequest, initiative: Initiative, message: str) -> HttpResponse:
    messages.success(request, message)
    return redirect("forums_staff:initiative", pk=initiative.pk)


def _act(
    request: HtmxHttpRequest,
    pk: int,
    *,
    name: str,
    form: Any,
    write: Callable[[Initiative, dict[str, Any]], Any],
    done: str,
    register: bool = False,
) -> HttpResponse:
    """One step: check the right, validate, call the service, and answer."""
    initiative = _initiative_for(request, pk)
    allowed = (
        rules.may_register_initiative(request.user, addressed_to_id=initiative.addressed_to_id)
        if register
        else services.may_act(request.user, initiative)
    )
    if not allowed:
        raise PermissionDenied("not this initiative's registry or clerk")
    if form.is_valid():
        try:
            write(initiative, form.cleaned_data)
        except services.RuleViolation as exc:
            form.add_error(None, str(exc))
        else:
            return _done(request, initiative, done)
    return _page(request, initiative, forms={name: form}, status=400)


@login_required
@require_POST
@once_per_form
def initiative_register(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        name="register_form",
        form=RegisterForm(request.POST),
        register=True,
        write=lambda initiative, data: services.initiative_register(
            initiative=initiative, diary_number=data["diary_number"], by=request.user
        ),
        done=_("Registered; the initiators have been told the diary number."),
    )


@login_required
@require_POST
@once_per_form
def initiative_route(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        name="route_form",
        form=RouteForm(request.POST),
        write=lambda initiative, data: services.initiative_route(
            initiative=initiative, by=request.user, **data
        ),
        done=_("Routed; the initiators have been told where it is handled and by when."),
    )


@login_required
@require_POST
@once_per_form
def initiative_hearing(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        name="hearing_form",
        form=HearingForm(request.POST),
        write=lambda initiative, data: services.initiative_hearing_record(
            initiative=initiative, by=request.user, **data
        ),
        done=_("The hearing is recorded."),
    )


@login_required
@require_POST
@once_per_form
def initiative_answer(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    initiative = _initiative_for(request, pk)
    return _act(
        request,
        pk,
        name="answer_form",
        form=AnswerForm(request.POST, items=_answer_items(initiative)),
        write=lambda initiative, data: services.initiative_answer(
            initiative=initiative, by=request.user, **data
        ),
        done=_("The answer is recorded; the initiators have been told the measures."),
    )


@login_required
@require_POST
@once_per_form
def initiative_close(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        name="close_form",
        form=CloseForm(request.POST),
        write=lambda initiative, data: services.initiative_close(
            initiative=initiative, by=request.user, **data
        ),
        done=_("The initiative is closed."),
    )


@_needs(rules.may_manage_all_initiatives)
@require_http_methods(["GET", "POST"])
@once_per_form
def initiative_record_new(request: HtmxHttpRequest) -> HttpResponse:
    """The registry records a council member's or an advisory council's initiative."""
    form = InitiativeRecordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        # A day is recorded; noon Helsinki time keeps it the same day in every zone.
        received = datetime.combine(
            data["received_on"], time(12), tzinfo=timezone.get_default_timezone()
        )
        try:
            initiative = services.initiative_record(
                data=form.initiative_data(),
                received_at=min(received, timezone.now()),
                by=request.user,
                contact_name=data["contact_name"],
                contact_email=data["contact_email"],
            )
        except services.RuleViolation as exc:
            form.add_error(None, str(exc))
        else:
            return _done(request, initiative, _("The initiative is recorded as received."))
    return render(
        request,
        "forums/staff/initiative_new.html",
        {"form": form, "section": "staff"},
        status=400 if form.is_bound else 200,
    )


# --- The yearly report ---------------------------------------------------------------------------


def _report_document(pk: int) -> Document:
    document = get_object_or_404(
        Document.objects.filter(kind=DocumentKind.REPORT, meeting__isnull=True), pk=pk
    )
    if not isinstance(document.owner, InitiativeReport):
        raise Http404("not a yearly report of initiatives")
    return document


def _attachable_items(request: HtmxHttpRequest) -> Any:
    """The council's items, of meetings this user prepares, whose minutes are not out."""
    return (
        AgendaItem.objects.editable_by(request.user)
        .filter(meeting__body__kind=BodyKind.COUNCIL)
        .exclude(meeting__state__in=[MeetingState.MINUTES_PUBLISHED, MeetingState.CANCELLED])
        .select_related("meeting__body")
        .order_by("meeting__start", "section")
    )


def _report_page(request: HtmxHttpRequest, form: ReportForm, status: int = 200) -> HttpResponse:
    reports = list(InitiativeReport.objects.order_by("-year"))
    items = _attachable_items(request)
    return render(
        request,
        "forums/staff/initiative_report.html",
        {
            "form": form,
            "reports": [(report, report_documents(report)) for report in reports],
            "attach_form": ReportAttachForm(items=items),
            "may_attach": items.exists(),
            "section": "staff",
        },
        status=status,
    )


@_needs(rules.may_report_initiatives)
@require_http_methods(["GET", "POST"])
@once_per_form
def initiative_report(request: HtmxHttpRequest) -> HttpResponse:
    """Make the yearly report of a chosen year (a new PDF version each time)."""
    form = ReportForm(request.POST or None, initial={"year": timezone.localdate().year - 1})
    if request.method == "POST":
        if not form.is_valid():
            return _report_page(request, form, status=400)
        year = form.cleaned_data["year"]
        try:
            services.initiative_report_queue(year=year)
        except services.RuleViolation as exc:
            form.add_error("year", str(exc))
            return _report_page(request, form, status=400)
        messages.success(
            request, _("The report of %(year)s is being made; it appears below.") % {"year": year}
        )
        return redirect("forums_staff:initiative_report")
    return _report_page(request, form)


@_needs(rules.may_report_initiatives)
@require_GET
def initiative_report_file(request: HtmxHttpRequest, pk: int) -> FileResponse:
    document = _report_document(pk)
    if document.state != "ready" or not document.file:
        raise Http404("the report is not ready")
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404("file missing") from None
    response = FileResponse(handle, content_type="application/pdf", filename=document.filename)
    response["Cache-Control"] = "private, no-store"
    return response


@_needs(rules.may_report_initiatives)
@require_POST
@once_per_form
def initiative_report_attach(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    document = _report_document(pk)
    form = ReportAttachForm(request.POST, items=_attachable_items(request))
    url = reverse("forums_staff:initiative_report")
    if not form.is_valid():
        messages.error(request, _("Choose an agenda item of the council's meetings from the list."))
        return redirect(url)
    item = form.cleaned_data["agenda_item"]
    try:
        services.initiative_report_attach(document=document, agenda_item=item, user=request.user)
    except (services.RuleViolation, PermissionDenied) as exc:
        messages.error(request, str(exc))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("The report is attached to § %(section)s %(title)s.")
            % {"section": item.section, "title": item.title},
        )
    return redirect(url)
