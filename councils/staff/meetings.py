"""Preparing a meeting: the dashboard, a new meeting, its agenda, publishing notice and agenda."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from councils import extensions, rules, services
from councils.models import (
    AgendaItem,
    Body,
    Document,
    DocumentState,
    Meeting,
    MeetingState,
    OfficialDecision,
)
from councils.staff.common import answer, item_for, meeting_for
from councils.staff.documents import documents_context
from councils.staff.forms import (
    CancelForm,
    ItemAddForm,
    MeetingForm,
    MeetingMoveForm,
    MinutesForm,
)
from councils.staff.home import minutes_to_check
from portal.lib.htmx import HtmxHttpRequest
from portal.lib.once import once_per_form


@login_required
@require_GET
def dashboard(request: HtmxHttpRequest) -> HttpResponse:
    """My bodies, my next meetings, and what is due."""
    user = request.user
    bodies = list(Body.objects.editable_by(user).order_by("order", "name"))
    meetings = Meeting.objects.editable_by(user).select_related("body")
    today = timezone.localdate()
    upcoming = list(
        meetings.filter(start__gte=timezone.now() - timedelta(hours=12))
        .exclude(state__in=[MeetingState.CANCELLED, MeetingState.MINUTES_PUBLISHED])
        .order_by("start")[:20]
    )
    notices_due = [
        (
            meeting,
            rules.notice_last_day(
                meeting_day=timezone.localtime(meeting.start).date(),
                notice_days=meeting.body.notice_days,
            ),
        )
        for meeting in upcoming
        if meeting.state == MeetingState.PLANNED
    ]
    to_record = list(
        meetings.filter(
            state__in=[MeetingState.NOTICE_PUBLISHED, MeetingState.HELD], start__lt=timezone.now()
        ).order_by("start")[:20]
    )
    awaiting_checkers = list(
        meetings.filter(state=MeetingState.MINUTES_DRAFTED).select_related(
            "minutes__checker_1", "minutes__checker_2"
        )[:20]
    )
    to_check = minutes_to_check(user)
    ready_to_publish = list(
        meetings.filter(state=MeetingState.MINUTES_CHECKED).select_related(
            "minutes__checker_1", "minutes__checker_2"
        )[:20]
    )
    appeals_ending = list(
        AgendaItem.objects.editable_by(user)
        .filter(appeal_last_day__gte=today, appeal_last_day__lte=today + timedelta(days=7))
        .select_related("meeting__body")
        .order_by("appeal_last_day")[:20]
    )
    failed_documents = list(
        Document.objects.filter(meeting__in=meetings, state=DocumentState.FAILED)
        .select_related("meeting__body", "item")
        .order_by("-created_at")[:20]
    )
    return render(
        request,
        "councils/staff/dashboard.html",
        {
            "panels": extensions.dashboard_panels_for(user),
            "failed_documents": failed_documents,
            "bodies": bodies,
            "upcoming": upcoming,
            "notices_due": notices_due,
            "to_record": to_record,
            "awaiting_checkers": awaiting_checkers,
            "to_check": to_check,
            "ready_to_publish": ready_to_publish,
            "appeals_ending": appeals_ending,
            "today": today,
            "own_decisions": list(
                OfficialDecision.objects.filter(official__user=user.pk).order_by("-decided_on")[:10]
            ),
            "section": "staff",
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
@once_per_form
def meeting_new(request: HtmxHttpRequest) -> HttpResponse:
    bodies = Body.objects.editable_by(request.user).active()
    if not bodies.exists():
        raise Http404("a clerk of no body")
    form = MeetingForm(
        request.POST or None, bodies=bodies, initial={"body": request.GET.get("toimielin")}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meeting = services.meeting_create(
                body=data["body"],
                start=data["start"],
                end=data["end"],
                place=data["place"],
                mode=data["mode"],
                stream_url=data["stream_url"],
            )
        except services.RuleViolation as exc:
            form.add_error(None, str(exc))
        else:
            return answer(
                request,
                url=reverse("staff:meeting", args=[meeting.pk]),
                message=_("Meeting %(meeting)s created.") % {"meeting": meeting},
            )
    return render(
        request,
        "councils/staff/meeting_new.html",
        {"form": form, "section": "staff"},
        status=400 if form.is_bound and form.errors else 200,
    )


def _movable(meeting: Meeting) -> bool:
    """Whether the meeting can still move (services.meeting_move has the rule and message)."""
    return (
        meeting.state in (MeetingState.PLANNED, MeetingState.NOTICE_PUBLISHED)
        and meeting.start > timezone.now()
    )


def _move_initial(meeting: Meeting) -> dict[str, object]:
    start = timezone.localtime(meeting.start)
    end = timezone.localtime(meeting.end) if meeting.end else None
    return {
        "day": start.date(),
        "start_time": start.time().replace(second=0, microsecond=0),
        "end_time": end.time().replace(second=0, microsecond=0) if end else None,
        "place": meeting.place,
        "mode": meeting.mode,
    }


@login_required
@require_http_methods(["GET", "POST"])
@once_per_form
def meeting_move(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Change a meeting's date, time, place or form, with the reason residents see."""
    meeting = meeting_for(request, pk)
    # An empty POST is an error shown on the form, not a fresh form.
    form = MeetingMoveForm(
        request.POST if request.method == "POST" else None, initial=_move_initial(meeting)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            move = services.meeting_move(
                meeting=meeting,
                start=data["start"],
                end=data["end"],
                place=data["place"],
                mode=data["mode"],
                reason=data["reason"],
                moved_by=request.user,
            )
        except services.RuleViolation as exc:
            form.add_error(None, str(exc))
        else:
            start = timezone.localtime(move.new_start)
            message = _("The meeting now starts on %(date)s at %(time)s.") % {
                "date": formats.date_format(start.date(), "SHORT_DATE_FORMAT"),
                "time": formats.time_format(start, "G.i"),
            }
            if move.after_notice:
                message += " " + _(
                    "Residents see the change on the meeting's page, subscribed calendars move "
                    "the event, and followers of the body hear of it in the next daily digest."
                )
            return answer(request, url=reverse("staff:meeting", args=[meeting.pk]), message=message)
    today = timezone.localdate()
    return render(
        request,
        "councils/staff/meeting_move.html",
        {
            "meeting": meeting,
            "form": form,
            "moves": list(meeting.moves.select_related("moved_by")),
            "movable": _movable(meeting),
            "earliest_day": today + timedelta(days=meeting.body.notice_days),
            "section": "staff",
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
@require_POST
@once_per_form
def supplementary_item_add(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Add an item to the supplementary agenda (lisäesityslista) of a published agenda."""
    meeting = meeting_for(request, pk)
    form = ItemAddForm(request.POST, prefix="lisa")
    if not form.is_valid():
        context = _workspace_context(meeting) | {"supplementary_form": form}
        template = (
            "councils/staff/meeting.html#agenda" if request.htmx else "councils/staff/meeting.html"
        )
        return render(request, template, context, status=422 if request.htmx else 400)
    data = form.cleaned_data
    try:
        item = services.item_add_supplementary(
            meeting=meeting,
            title=data["title"],
            case=data["case"],
            diary_number=data["diary_number"],
            case_title=data["title"],
        )
    except (services.RuleViolation, ValidationError) as exc:
        message = exc.messages[0] if isinstance(exc, ValidationError) else str(exc)
        return _agenda_answer(request, meeting, error=message)
    if item.supplementary_on_time():
        note = _("It was added within the notice period, so it is part of the notice.")
    else:
        note = _(
            "It was added after the notice period: at the meeting, record whether the body "
            "takes the matter up."
        )
    return _agenda_answer(
        request,
        meeting,
        message=_("§ %(section)s %(title)s is on the supplementary agenda and public now.")
        % {"section": item.section, "title": item.title}
        + " "
        + note,
    )


def _workspace_context(meeting: Meeting) -> dict[str, object]:
    items = list(meeting.items.select_related("case", "handling", "presenter").order_by("section"))
    meeting_day = timezone.localtime(meeting.start).date()
    return {
        "meeting": meeting,
        "items": items,
        "notice_last_day": rules.notice_last_day(
            meeting_day=meeting_day, notice_days=meeting.body.notice_days
        ),
        "add_form": ItemAddForm(),
        "supplementary_form": ItemAddForm(prefix="lisa"),
        "supplementary_open": meeting.agenda_published_at is not None
        and meeting.state == MeetingState.NOTICE_PUBLISHED,
        "movable": _movable(meeting),
        "moves": list(meeting.moves.all()),
        "cancel_form": CancelForm(),
        "minutes_form": MinutesForm(attendees=services.attendees(meeting)),
        "started": rules.recording_open(start=meeting.start, now=timezone.now()),
        "recording_opens": services.recording_opens_message(meeting),
        **documents_context(meeting),
        "history": list(
            meeting.history.select_related("history_user").order_by("-history_date")[:30]
        ),
        "editable_agenda": meeting.agenda_published_at is None
        and meeting.state in (MeetingState.PLANNED, MeetingState.NOTICE_PUBLISHED),
        "section": "staff",
    }


@login_required
@require_GET
def meeting_workspace(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    meeting = meeting_for(request, pk)
    return render(request, "councils/staff/meeting.html", _workspace_context(meeting))


def _agenda_answer(request: HtmxHttpRequest, meeting: Meeting, **kwargs: str) -> HttpResponse:
    meeting.refresh_from_db()
    return answer(
        request,
        url=reverse("staff:meeting", args=[meeting.pk]) + "#agenda",
        partial="councils/staff/meeting.html#agenda",
        context=_workspace_context(meeting),
        **kwargs,
    )


@login_required
@require_POST
@once_per_form
def item_add(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    meeting = meeting_for(request, pk)
    form = ItemAddForm(request.POST)
    if not form.is_valid():
        context = _workspace_context(meeting) | {"add_form": form}
        template = (
            "councils/staff/meeting.html#agenda" if request.htmx else "councils/staff/meeting.html"
        )
        return render(request, template, context, status=422 if request.htmx else 400)
    data = form.cleaned_data
    try:
        item = services.item_add(
            meeting=meeting,
            title=data["title"],
            case=data["case"],
            diary_number=data["diary_number"],
            case_title=data["title"],
        )
    except (services.RuleViolation, ValidationError) as exc:
        message = exc.messages[0] if isinstance(exc, ValidationError) else str(exc)
        return _agenda_answer(request, meeting, error=message)
    return _agenda_answer(
        request,
        meeting,
        message=_("§ %(section)s %(title)s added.")
        % {"section": item.section, "title": item.title},
    )


@login_required
@require_POST
def item_move(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    item = item_for(request, pk)
    try:
        moved = services.item_move(item=item, up=request.POST.get("direction") == "up")
    except services.RuleViolation as exc:
        return _agenda_answer(request, item.meeting, error=str(exc))
    return _agenda_answer(
        request,
        item.meeting,
        message=_("“%(title)s” is now § %(section)s.")
        % {"title": moved.title, "section": moved.section},
    )


@login_required
@require_POST
def item_remove(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    item = item_for(request, pk)
    meeting = item.meeting
    try:
        services.item_remove(item=item)
    except services.RuleViolation as exc:
        return _agenda_answer(request, meeting, error=str(exc))
    return _agenda_answer(
        request, meeting, message=_("“%(title)s” removed.") % {"title": item.title}
    )


def _transition(request: HtmxHttpRequest, pk: int, action: str) -> HttpResponse:
    meeting = meeting_for(request, pk)
    url = reverse("staff:meeting", args=[meeting.pk])
    try:
        if action == "notice":
            services.meeting_publish_notice(meeting=meeting)
            message = _("The notice is published.")
        elif action == "agenda":
            services.meeting_publish_agenda(meeting=meeting)
            message = _("The agenda is published; residents can read it now.")
        elif action == "held":
            services.meeting_mark_held(meeting=meeting)
            message = _("The meeting is marked held.")
        else:
            form = CancelForm(request.POST)
            if not form.is_valid():
                return answer(
                    request, url=url, error=_("Give the reason for cancelling; residents see it.")
                )
            services.meeting_cancel(meeting=meeting, reason=form.cleaned_data["reason"])
            message = _("The meeting is cancelled.")
    except services.RuleViolation as exc:
        return answer(request, url=url, error=str(exc))
    return answer(request, url=url, message=message)


@login_required
@require_POST
@once_per_form
def meeting_publish_notice(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    return _transition(request, pk, "notice")


@login_required
@require_POST
@once_per_form
def meeting_publish_agenda(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    return _transition(request, pk, "agenda")


@login_required
@require_POST
@once_per_form
def meeting_mark_held(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    return _transition(request, pk, "held")


@login_required
@require_POST
@once_per_form
def meeting_cancel(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    return _transition(request, pk, "cancel")


@login_required
@require_GET
def agenda_preview(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The agenda exactly as residents will see it once published."""
    from councils.views import meeting_context

    meeting = meeting_for(request, pk)
    return render(
        request,
        "councils/meeting_detail.html",
        meeting_context(meeting, preview=True) | {"section": "staff"},
    )
