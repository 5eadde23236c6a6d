"""Minutes: drafted by the clerk, approved by the two checkers, published, corrected."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from councils import services
from councils.models import Meeting
from councils.record import record_for, record_prefetches
from councils.staff.common import answer, item_for, meeting_for
from councils.staff.forms import CorrectionForm, MinutesForm
from portal.lib.htmx import HtmxHttpRequest
from portal.lib.once import once_per_form
from portal.lib.sanitize import html_to_editable


@login_required
@require_POST
@once_per_form
def minutes_draft(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    meeting = meeting_for(request, pk)
    url = reverse("staff:meeting", args=[meeting.pk]) + "#minutes"
    form = MinutesForm(request.POST, attendees=services.attendees(meeting))
    if not form.is_valid():
        return answer(
            request, url=url, error=_("Choose the checkers from the people who attended.")
        )
    try:
        services.minutes_draft(meeting=meeting, **form.cleaned_data)
    except services.RuleViolation as exc:
        return answer(request, url=url, error=str(exc))
    return answer(request, url=url, message=_("The minutes are drafted and wait for the checkers."))


def _reviewable(request: HtmxHttpRequest, pk: int) -> Meeting:
    """A clerk of the body, or one of the two checkers of these minutes."""
    person = getattr(request.user, "person", None)
    allowed = Q(pk__in=Meeting.objects.editable_by(request.user).values("pk"))
    if person is not None:
        allowed |= Q(minutes__checker_1=person) | Q(minutes__checker_2=person)
    return get_object_or_404(
        Meeting.objects.filter(allowed).select_related(
            "body", "minutes__checker_1", "minutes__checker_2"
        ),
        pk=pk,
    )


@login_required
@require_GET
def minutes_review(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """What a checker approves: every item with its handling and decision, in full."""
    meeting = _reviewable(request, pk)
    items = list(
        meeting.items.select_related("handling", "case")
        .prefetch_related(*record_prefetches())
        .order_by("section")
    )
    records = [(item, record_for(item)) for item in items]
    person = getattr(request.user, "person", None)
    minutes = getattr(meeting, "minutes", None)
    can_approve = bool(
        person
        and minutes
        and meeting.state == "minutes_drafted"
        and (
            (person.pk == minutes.checker_1_id and not minutes.checker_1_approved_at)
            or (person.pk == minutes.checker_2_id and not minutes.checker_2_approved_at)
        )
    )
    return render(
        request,
        "councils/staff/minutes_review.html",
        {
            "meeting": meeting,
            "minutes": minutes,
            "records": records,
            "problems": [p for _item, record in records if record for p in record.problems],
            "attendances": list(
                meeting.attendances.select_related("person").order_by("role", "person__last_name")
            ),
            "can_approve": can_approve,
            "section": "staff",
        },
    )


@login_required
@require_POST
@once_per_form
def minutes_approve(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    meeting = _reviewable(request, pk)
    url = reverse("staff:minutes_review", args=[meeting.pk])
    person = getattr(request.user, "person", None)
    if person is None:
        return answer(
            request,
            url=url,
            error=_("Only the two checkers named in the minutes can approve them."),
        )
    try:
        services.minutes_approve(meeting=meeting, checker=person)
    except services.RuleViolation as exc:
        return answer(request, url=url, error=str(exc))
    return answer(
        request, url=url, message=_("Thank you: your approval of the minutes is recorded.")
    )


@login_required
@require_POST
@once_per_form
def minutes_publish(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    meeting = meeting_for(request, pk)
    url = reverse("staff:meeting", args=[meeting.pk]) + "#minutes"
    try:
        services.minutes_publish(meeting=meeting, published_by=request.user)
    except services.RuleViolation as exc:
        return answer(request, url=url, error=str(exc))
    return answer(
        request,
        url=url,
        message=_(
            "The minutes are published with the appeal dates; the documents are being rendered."
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
@once_per_form
def decision_correct(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    item = item_for(request, pk)
    handling = getattr(item, "handling", None)
    form = CorrectionForm(
        request.POST or None,
        initial={"decision": html_to_editable(handling.decision) if handling else ""},
    )
    if request.method == "POST" and form.is_valid():
        try:
            version = services.decision_correct(
                item=item, corrected_by=request.user, **form.cleaned_data
            )
        except services.RuleViolation as exc:
            form.add_error(None, str(exc))
        else:
            return answer(
                request,
                url=item.get_absolute_url(),
                message=_("The correction is published as version %(number)s.")
                % {"number": version.number},
            )
    return render(
        request,
        "councils/staff/correction.html",
        {"item": item, "meeting": item.meeting, "form": form, "section": "staff"},
        status=400 if form.is_bound and form.errors else 200,
    )
