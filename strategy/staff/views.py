"""The strategy staff's pages: the chairs' dashboard, measured values (one by one or by CSV
import), the period's status updates, closing a period and its report PDF.

Who: every view needs a signed-in user (anonymous users go to the sign-in page) with
the permission named on it (others get the 403 page); see strategy/staff/groups.py.
"""

from __future__ import annotations

import csv
from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from councils.models import AgendaItem, Document, DocumentKind, DocumentState, MeetingState
from councils.services import RuleViolation
from portal.lib.htmx import HtmxHttpRequest
from portal.lib.once import once_per_form
from portal.lib.sendfile import send_file
from strategy import services
from strategy.models import Goal, Indicator, Programme, ReportingPeriod, StatusUpdate
from strategy.staff import csv_import
from strategy.staff.dashboard import Badge, current_strategy, dashboard_build
from strategy.staff.forms import AttachForm, CloseForm, ImportForm, StatusUpdateForm, ValueForm
from strategy.staff.groups import ADD_VALUE, CHANGE_STATUS, CLOSE_PERIOD, VIEW_DASHBOARD
from strategy.staff.report import period_reports

IMPORT_SESSION_KEY = "strategy-import"


def _needs(permission: str) -> Any:
    """Signed in (else the sign-in page) with `permission` (else 403)."""

    def decorate(view: Any) -> Any:
        return login_required(permission_required(permission, raise_exception=True)(view))

    return decorate


def _period(pk: int) -> ReportingPeriod:
    return get_object_or_404(ReportingPeriod.objects.select_related("strategy"), pk=pk)


# --- The dashboard -----------------------------------------------------------------------


@_needs(VIEW_DASHBOARD)
@require_GET
def dashboard(request: HtmxHttpRequest) -> HttpResponse:
    board = dashboard_build(today=timezone.localdate())
    context = {"board": board, "section": "strategy"}
    return render(request, "strategy/staff/dashboard.html", context)


CSV_COLUMNS = [
    "tyyppi",
    "koodi",
    "nimi",
    "tila tällä kaudella",
    "tila edellisellä kaudella",
    "muutos",
    "mittareiden ehdotus",
    "poikkeaa ehdotuksesta",
    "myöhässä olevat mittarit",
    "ei kytkettyä päätöstä tänä vuonna",
]


@_needs(VIEW_DASHBOARD)
@require_GET
def dashboard_csv(request: HtmxHttpRequest) -> HttpResponse:
    """The dashboard's rows as CSV: UTF-8 with a BOM and semicolons, so that Excel in
    Finnish opens it with the letters and columns right."""
    board = dashboard_build(today=timezone.localdate())
    code = board.period.code if board.period else "ei-kautta"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="strategia-tilannekuva-{slugify(code.replace("/", "-"))}.csv"'
    )
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow(CSV_COLUMNS)
    for row in board.rows:
        writer.writerow(
            [
                "tavoite" if row.kind == "goal" else "ohjelma",
                row.code,
                _csv_cell(row.title),
                str(row.current),
                str(row.previous),
                str(row.change_text),
                str(row.suggestion),
                "kyllä" if row.differs else "ei",
                ", ".join(_csv_cell(i.name) for i in row.overdue),
                {True: "kyllä", False: "ei", None: ""}[row.no_decision_this_year],
            ]
        )
    return response


def _csv_cell(text: str) -> str:
    """Keep spreadsheet programs from running a cell as a formula (CSV injection)."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@") else text


# --- A period: its updates, closing it, its report ---------------------------------------


def _period_context(request: HtmxHttpRequest, period: ReportingPeriod) -> dict[str, Any]:
    goals = list(period.strategy.goals.order_by("order", "code"))
    programmes = list(period.strategy.programmes.order_by("order", "name"))
    updates = {(u.goal_id, u.programme_id): u for u in period.updates.all()}
    subjects: list[tuple[str, Goal | Programme, StatusUpdate | None]] = [
        ("goal", g, updates.get((g.pk, None))) for g in goals
    ] + [("programme", p, updates.get((None, p.pk))) for p in programmes]
    reports = period_reports(period)
    return {
        "period": period,
        "strategy": period.strategy,
        "subjects": [(kind, s, u, Badge(u.status if u else "")) for kind, s, u in subjects],
        "reports": reports,
        "pending": any(d.state in (DocumentState.QUEUED, DocumentState.RENDERING) for d in reports),
        "attach_form": AttachForm(items=_attachable_items(request)),
        "section": "strategy",
    }


def _attachable_items(request: HtmxHttpRequest) -> Any:
    """Items the user may attach a report to: their bodies' coming or recent meetings."""
    since = timezone.now() - timedelta(days=60)
    return (
        AgendaItem.objects.editable_by(request.user)
        .filter(meeting__start__gte=since)
        .exclude(meeting__state__in=[MeetingState.MINUTES_PUBLISHED, MeetingState.CANCELLED])
        .select_related("meeting__body")
        .order_by("meeting__start", "section")
    )


@_needs(VIEW_DASHBOARD)
@require_GET
def period_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    period = _period(pk)
    template = "strategy/staff/period.html"
    if request.htmx:
        template += "#reports"
    return render(request, template, _period_context(request, period))


@_needs(CLOSE_PERIOD)
@require_http_methods(["GET", "POST"])
@once_per_form
def period_close(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    period = _period(pk)
    form = CloseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.period_close_with_report(period=period, user=request.user)
        except services.StrategyRuleViolation as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                _("The period %(code)s is closed. Its report is being rendered.")
                % {"code": period.code},
            )
            return redirect("strategy_staff:period_detail", pk=period.pk)
    context = _period_context(request, period) | {"form": form}
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "strategy/staff/period_close.html", context, status=status)


@_needs(CHANGE_STATUS)
@require_POST
@once_per_form
def report_queue(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    period = _period(pk)
    services.period_report_queue(period=period)
    messages.success(request, _("The report is queued for rendering."))
    return redirect(reverse("strategy_staff:period_detail", args=[period.pk]) + "#reports")


def _report(pk: int) -> Document:
    document = get_object_or_404(
        Document.objects.filter(kind=DocumentKind.REPORT, meeting__isnull=True), pk=pk
    )
    if not isinstance(document.owner, ReportingPeriod):
        raise Http404("not a period report")
    return document


@_needs(VIEW_DASHBOARD)
@require_GET
def report_file(request: HtmxHttpRequest, pk: int) -> HttpResponse | FileResponse:
    document = _report(pk)
    if document.state != DocumentState.READY or not document.file:
        raise Http404("the report is not ready")
    try:
        response = send_file(
            document.file, content_type="application/pdf", filename=document.filename
        )
    except FileNotFoundError:
        raise Http404("file missing") from None
    response["Cache-Control"] = "private, max-age=0"
    return response


@_needs(VIEW_DASHBOARD)
@require_POST
@once_per_form
def report_attach(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    document = _report(pk)
    form = AttachForm(request.POST, items=_attachable_items(request))
    url = reverse("strategy_staff:period_detail", args=[document.owner_id]) + "#reports"
    if not form.is_valid():
        messages.error(request, _("Choose an agenda item of your bodies from the list."))
        return redirect(url)
    item = form.cleaned_data["agenda_item"]
    try:
        services.period_report_attach(document=document, agenda_item=item, user=request.user)
    except (services.StrategyRuleViolation, RuleViolation, PermissionDenied) as exc:
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


# --- Status updates ----------------------------------------------------------------------


def _subject(period: ReportingPeriod, code: str | None, slug: str | None) -> Goal | Programme:
    if code is not None:
        return get_object_or_404(Goal, strategy_id=period.strategy_id, code=code)
    return get_object_or_404(Programme, strategy_id=period.strategy_id, slug=slug)


@_needs(CHANGE_STATUS)
@require_http_methods(["GET", "POST"])
def status_update_edit(
    request: HtmxHttpRequest, pk: int, code: str | None = None, slug: str | None = None
) -> HttpResponse:
    period = _period(pk)
    subject = _subject(period, code, slug)
    goal = subject if isinstance(subject, Goal) else None
    programme = subject if isinstance(subject, Programme) else None
    update = StatusUpdate.objects.filter(period=period, goal=goal, programme=programme).first()
    conflict = None
    form = StatusUpdateForm(
        request.POST if request.method == "POST" else None, initial=_initial(update)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.status_update_save_checked(
                period=period,
                expected=data.pop("token"),
                author=request.user,
                goal=goal,
                programme=programme,
                **data,
            )
        except services.EditConflict as exc:
            conflict = exc.current
            form = _conflict_form(request, conflict)
        except services.ReasonRequired as exc:
            form.add_error("reason", str(exc))
        except services.StrategyRuleViolation as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request, _("The status update of %(name)s is saved.") % {"name": subject}
            )
            return redirect("strategy_staff:period_detail", pk=period.pk)
    context = _update_context(period, subject, update, form, conflict)
    status = 409 if conflict else 400 if form.is_bound and form.errors else 200
    return render(request, "strategy/staff/status_update.html", context, status=status)


def _initial(update: StatusUpdate | None) -> dict[str, Any]:
    if update is None:
        return {"token": ""}
    fields = ("status", "reason", "narrative", "risks", "next_steps")
    return {name: getattr(update, name) for name in fields} | {
        "token": services.status_update_token(update)
    }


def _conflict_form(request: HtmxHttpRequest, current: StatusUpdate) -> StatusUpdateForm:
    """What the user typed stays; the token moves on, so saving again is on purpose."""
    data = request.POST.copy()
    data["token"] = services.status_update_token(current)
    form = StatusUpdateForm(data)
    form.is_valid()
    return form


def _update_context(
    period: ReportingPeriod,
    subject: Goal | Programme,
    update: StatusUpdate | None,
    form: StatusUpdateForm,
    conflict: StatusUpdate | None,
) -> dict[str, Any]:
    data: Goal | Programme
    if isinstance(subject, Goal):
        data = services.goals_with_data(period.strategy_id).get(pk=subject.pk)
    else:
        data = services.programmes_with_data(period.strategy_id).get(pk=subject.pk)
    suggestion = data.suggestion(period.judged_on(timezone.localdate()))
    return {
        "period": period,
        "subject": subject,
        "update": update,
        "form": form,
        "conflict": conflict,
        "suggestion": suggestion,
        "suggestion_badge": Badge(suggestion.status or ""),
        "saved_badge": Badge(update.status if update else ""),
        "section": "strategy",
    }


# --- Measured values ---------------------------------------------------------------------


def _strategy_indicators() -> Any:
    strategy = current_strategy(timezone.localdate())
    if strategy is None:
        return Indicator.objects.none()
    return Indicator.objects.filter(
        Q(goal__strategy=strategy) | Q(programme__strategy=strategy)
    ).select_related("goal", "programme")


@_needs(ADD_VALUE)
@require_GET
def indicator_list(request: HtmxHttpRequest) -> HttpResponse:
    indicators = _strategy_indicators().order_by("goal__code", "order", "name")
    strategy = current_strategy(timezone.localdate())
    open_periods = strategy.periods.open().order_by("start") if strategy else []
    context = {
        "indicators": indicators,
        "today": timezone.localdate(),
        "open_periods": open_periods,
        "section": "strategy",
    }
    return render(request, "strategy/staff/indicators.html", context)


@_needs(ADD_VALUE)
@require_http_methods(["GET", "POST"])
@once_per_form
def value_add(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    indicator = get_object_or_404(_strategy_indicators(), pk=pk)
    form = ValueForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            value = services.indicator_value_add(
                indicator=indicator, entered_by=request.user, **data
            )
        except services.StrategyRuleViolation as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                _("Saved: %(indicator)s %(value)s on %(day)s.")
                % {
                    "indicator": indicator.name,
                    "value": csv_import.plain_number(value.value),
                    "day": formats.date_format(value.measured_on, "SHORT_DATE_FORMAT"),
                },
            )
            return redirect("strategy_staff:value_add", pk=indicator.pk)
    recent = indicator.values.order_by("-measured_on", "municipality")[:12]
    context = {"indicator": indicator, "form": form, "recent": recent, "section": "strategy"}
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "strategy/staff/value_add.html", context, status=status)


@_needs(ADD_VALUE)
@require_http_methods(["GET", "POST"])
def value_import(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Upload → a preview of every row (nothing saved) → confirm (value_import_confirm)."""
    period = _period(pk)
    if period.is_closed:
        messages.error(request, _("The period is closed; values are imported into open periods."))
        return redirect("strategy_staff:period_detail", pk=period.pk)
    form = ImportForm(*((request.POST, request.FILES) if request.method == "POST" else ()))
    preview, token = None, ""
    if request.method == "POST" and form.is_valid():
        try:
            preview = csv_import.preview_build(form.cleaned_data["file"].read(), period=period)
        except csv_import.ImportFileError as exc:
            form.add_error("file", str(exc))
        else:
            if not preview.errors:
                data = csv_import.rows_to_json(preview.valid)
                token = csv_import.rows_token(period, data)
                request.session[IMPORT_SESSION_KEY] = {
                    "token": token,
                    "period": period.pk,
                    "rows": data,
                }
    context = {
        "period": period,
        "form": form,
        "preview": preview,
        "token": token,
        "section": "strategy",
    }
    status = 400 if form.is_bound and (form.errors or (preview and preview.errors)) else 200
    return render(request, "strategy/staff/import.html", context, status=status)


@_needs(ADD_VALUE)
@require_POST
@once_per_form
def value_import_confirm(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Save the previewed rows once: the session entry is taken away before saving, so
    a second click (or a reload) finds nothing to save."""
    period = _period(pk)
    stored = request.session.get(IMPORT_SESSION_KEY) or {}
    if stored.get("token") != request.POST.get("token") or stored.get("period") != period.pk:
        messages.error(
            request, _("This import was already saved or has expired. Upload the file again.")
        )
        return redirect("strategy_staff:value_import", pk=period.pk)
    del request.session[IMPORT_SESSION_KEY]
    request.session.save()
    try:
        count = services.indicator_values_import(
            rows=csv_import.rows_from_json(stored["rows"]), entered_by=request.user
        )
    except services.StrategyRuleViolation as exc:
        messages.error(request, _("Nothing was saved: %(error)s") % {"error": exc})
        return redirect("strategy_staff:value_import", pk=period.pk)
    messages.success(
        request,
        ngettext("%(count)s value saved.", "%(count)s values saved.", count) % {"count": count},
    )
    return redirect("strategy_staff:period_detail", pk=period.pk)
