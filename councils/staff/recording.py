"""Recording a meeting: attendance with the quorum, and each item's handling and votes."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from councils import services
from councils.models import (
    SEATED_ROLES,
    AgendaItem,
    AttendanceRole,
    Meeting,
    Membership,
    MembershipRole,
    Person,
    Presence,
    Proposal,
    ProposalKind,
    Vote,
)
from councils.record import record_for, record_prefetches
from councils.staff.common import answer, item_for, meeting_for
from councils.staff.forms import (
    AttendanceForm,
    ChairForm,
    CounterProposalForm,
    CounterSettleForm,
    DisqualificationForm,
    DissentForm,
    ElectionForm,
    HandlingForm,
    TakeUpForm,
    VoteForm,
)
from portal.lib.htmx import HtmxHttpRequest
from portal.lib.once import once_per_form
from portal.lib.sanitize import html_to_editable

MEMBERSHIP_TO_ATTENDANCE: dict[str, str] = {
    MembershipRole.CHAIR: AttendanceRole.CHAIR,
    MembershipRole.VICE_CHAIR: AttendanceRole.MEMBER,
    MembershipRole.MEMBER: AttendanceRole.MEMBER,
    MembershipRole.DEPUTY: AttendanceRole.DEPUTY,
    MembershipRole.PRESENTER: AttendanceRole.PRESENTER,
    MembershipRole.SECRETARY: AttendanceRole.SECRETARY,
    MembershipRole.EXPERT: AttendanceRole.EXPERT,
}


def _attendance_roster(meeting: Meeting) -> tuple[list[dict[str, Any]], dict[int, str], int | None]:
    """The attendance list's rows, each person's role, and who chairs (recorded or the body's).

    One row per current member, deputy, presenter and secretary, and per person already
    recorded. The role comes from the membership (or from what was recorded for someone
    who is not a member), never from the form.
    """
    recorded = {a.person_id: a for a in meeting.attendances.select_related("person")}
    day = timezone.localtime(meeting.start).date()
    rows: dict[int, dict[str, Any]] = {}
    roles: dict[int, str] = {}
    chair: int | None = None
    for membership in (
        Membership.objects.current(day)
        .filter(body=meeting.body)
        .select_related("person")
        .order_by("role", "person__last_name")
    ):
        role = MEMBERSHIP_TO_ATTENDANCE.get(membership.role, AttendanceRole.OTHER)
        rows.setdefault(membership.person_id, {"person": membership.person, "presence": ""})
        roles.setdefault(membership.person_id, role)
        if role == AttendanceRole.CHAIR and chair is None:
            chair = membership.person_id
    for person_id, attendance in recorded.items():
        rows[person_id] = {
            "person": attendance.person,
            "presence": attendance.presence,
            "arrived_at": attendance.arrived_at,
            "left_at": attendance.left_at,
        }
        roles.setdefault(person_id, attendance.role)
        if attendance.role == AttendanceRole.CHAIR:
            chair = person_id
    labels = dict(AttendanceRole.choices)
    order = list(AttendanceRole.values)
    for person_id, row in rows.items():
        row["role_label"] = labels.get(roles[person_id], roles[person_id])
    ranked = sorted(
        rows.items(),
        key=lambda pair: (
            order.index(roles[pair[0]]) if roles[pair[0]] in order else len(order),
            pair[1]["person"].last_name,
        ),
    )
    return [row for _pk, row in ranked], roles, chair


def _role_at_meeting(person_id: int, roles: dict[int, str], chair_id: int | None) -> str:
    """The chair of the meeting is who the chair field names; the body's chair otherwise sits."""
    if person_id == chair_id:
        return AttendanceRole.CHAIR
    role = roles.get(person_id, AttendanceRole.OTHER)
    return AttendanceRole.MEMBER if role == AttendanceRole.CHAIR else role


def _quorum_from(meeting: Meeting, rows: list[dict[str, Any]]) -> dict[str, Any]:
    present = sum(
        1
        for row in rows
        if row.get("role") in SEATED_ROLES and row.get("presence") in ("present", "remote")
    )
    needed = meeting.body.quorum
    return {"present": present, "needed": needed, "quorate": present >= needed}


@login_required
@require_http_methods(["GET", "POST"])
def attendance(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    meeting = meeting_for(request, pk)
    initial, roles, chair_id = _attendance_roster(meeting)
    people = Person.objects.filter(pk__in=list(roles))
    seated = people.filter(
        pk__in=[pid for pid, role in roles.items() if role in SEATED_ROLES]
    ).order_by("last_name", "first_name")
    data = request.POST if request.method == "POST" else None
    # At most one form per row: a forged TOTAL_FORMS cannot make the server build thousands.
    formset_class = forms.formset_factory(
        AttendanceForm,
        extra=0,
        max_num=len(initial),
        absolute_max=len(initial),
        validate_max=True,
    )
    formset = formset_class(data, initial=initial, prefix="a", form_kwargs={"people": people})
    chair_form = ChairForm(data, seated=seated, initial={"chair": chair_id})
    if request.method == "POST" and formset.is_valid() and chair_form.is_valid():
        chair = chair_form.cleaned_data["chair"]
        everyone = bool(request.POST.get("everyone_present"))
        rows: list[dict[str, Any]] = []
        for form in formset:
            row = dict(form.cleaned_data)
            if everyone and not row.get("presence"):
                row["presence"] = Presence.PRESENT
            if row.get("presence"):
                row["role"] = _role_at_meeting(row["person"].pk, roles, chair.pk if chair else None)
                rows.append(row)
        if request.POST.get("preview") and request.htmx:
            # The live quorum: counted from the form as it is, nothing saved.
            return render(
                request,
                "councils/staff/attendance.html#quorum",
                {"meeting": meeting, "quorum": _quorum_from(meeting, rows)},
            )
        if chair is not None and not any(
            row["person"].pk == chair.pk and row["presence"] != Presence.ABSENT for row in rows
        ):
            return answer(
                request,
                url=request.path,
                error=_("%(name)s is named the chair but not recorded present.")
                % {"name": chair.full_name},
            )
        try:
            services.attendance_record(
                meeting=meeting,
                rows=[
                    services.AttendanceRow(
                        person=row["person"],
                        role=row["role"],
                        presence=row["presence"],
                        arrived_at=row.get("arrived_at"),
                        left_at=row.get("left_at"),
                    )
                    for row in rows
                ],
            )
        except services.RuleViolation as exc:
            return answer(request, url=request.path, error=str(exc))
        return answer(
            request,
            url=reverse("staff:meeting", args=[meeting.pk]) + "#recording",
            message=_("Attendance saved."),
        )
    shown = []
    for form in formset:
        row = dict(form.cleaned_data) if form.is_bound and form.is_valid() else dict(form.initial)
        if row.get("person") is not None:
            row["role"] = _role_at_meeting(row["person"].pk, roles, chair_id)
        shown.append(row)
    return render(
        request,
        "councils/staff/attendance.html",
        {
            "meeting": meeting,
            "formset": formset,
            "chair_form": chair_form,
            "quorum": _quorum_from(meeting, shown),
            "section": "staff",
        },
        status=400 if formset.is_bound else 200,
    )


def _members(item: AgendaItem) -> Any:
    return Person.objects.filter(pk__in=[a.person_id for a in services.voters_for(item)]).order_by(
        "last_name", "first_name"
    )


def _open_counters(item: AgendaItem) -> QuerySet[Proposal]:
    """Seconded counter-proposals still to be voted on (not withdrawn, adopted or voted)."""
    return (
        Proposal.objects.filter(
            handling__item=item, kind=ProposalKind.COUNTER, seconder__isnull=False, resolution=""
        )
        .exclude(pk__in=Vote.objects.filter(handling__item=item).values("no_proposal"))
        .select_related("proposer")
    )


def _record_context(item: AgendaItem, **forms: Any) -> dict[str, Any]:
    item = (
        AgendaItem.objects.select_related("meeting__body", "handling", "presenter")
        .prefetch_related(*record_prefetches())
        .get(pk=item.pk)
    )
    handling = getattr(item, "handling", None)
    record = record_for(item)
    voters = [a.person for a in services.voters_for(item)]
    members = _members(item)
    open_counters = _open_counters(item)
    present, needed, quorate = services.item_quorum(item)
    return {
        "item": item,
        "meeting": item.meeting,
        "handling": handling,
        "record": record,
        "quorum": {"present": present, "needed": needed, "quorate": quorate},
        "handling_form": forms.get("handling_form")
        or HandlingForm(
            initial={
                "outcome": handling.outcome if handling else "as_proposed",
                "decision": html_to_editable(handling.decision if handling else item.proposal),
                "notes": html_to_editable(handling.notes) if handling else "",
            }
        ),
        "counter_form": forms.get("counter_form") or CounterProposalForm(members=members),
        "take_up_form": forms.get("take_up_form")
        or TakeUpForm(initial={"decision": item.take_up or None}, prefix="otto"),
        "take_up_needed": item.is_supplementary and not item.supplementary_on_time(),
        "open_counters": list(open_counters),
        "vote_form": forms.get("vote_form") or VoteForm(proposals=open_counters, voters=voters),
        "disqualification_form": forms.get("disqualification_form")
        or DisqualificationForm(members=services.attendees(item.meeting), prefix="esteellisyys"),
        "dissent_form": forms.get("dissent_form") or DissentForm(members=members, prefix="eriava"),
        "election_form": forms.get("election_form")
        or ElectionForm(candidates=Person.objects.order_by("last_name", "first_name")),
        "history": list(
            handling.history.select_related("history_user").order_by("-history_date")[:20]
        )
        if handling
        else [],
        "section": "staff",
    }


@login_required
@require_http_methods(["GET"])
def item_record(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    item = item_for(request, pk)
    return render(request, "councils/staff/item_record.html", _record_context(item))


def _record_answer(
    request: HtmxHttpRequest, item: AgendaItem, *, error: str = "", message: str = "", **forms: Any
) -> HttpResponse:
    """Answer a recording form: the page region for htmx, the page for plain forms."""
    item = item_for(request, item.pk)
    if any(form.errors for form in forms.values()):
        template = "councils/staff/item_record.html"
        if request.htmx:
            template += "#recording"
        return render(
            request, template, _record_context(item, **forms), status=422 if request.htmx else 400
        )
    return answer(
        request,
        url=reverse("staff:item_record", args=[item.pk]),
        message=message,
        error=error,
        partial="councils/staff/item_record.html#recording",
        context=_record_context(item),
    )


@login_required
@require_POST
def handling_save(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    item = item_for(request, pk)
    form = HandlingForm(request.POST)
    if not form.is_valid():
        return _record_answer(request, item, handling_form=form)
    try:
        services.handling_record(item=item, **form.cleaned_data)
    except services.RuleViolation as exc:
        return _record_answer(request, item, error=str(exc))
    return _record_answer(
        request,
        item,
        message=_("The handling of § %(section)s is saved.") % {"section": item.section},
    )


@login_required
@require_POST
@once_per_form
def counter_proposal_add(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    item = item_for(request, pk)
    form = CounterProposalForm(request.POST, members=_members(item))
    if not form.is_valid():
        return _record_answer(request, item, counter_form=form)
    try:
        proposal = services.counter_proposal_add(item=item, **form.cleaned_data)
    except services.RuleViolation as exc:
        return _record_answer(request, item, error=str(exc))
    if proposal.seconder_id is None:
        message = _("The counter-proposal is recorded; without a seconder it lapsed.")
    else:
        message = _(
            "The seconded counter-proposal is recorded; it goes to the vote unless it is "
            "withdrawn or adopted unanimously."
        )
    return _record_answer(request, item, message=message)


@login_required
@require_POST
@once_per_form
def take_up_save(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Whether the body took up an item added to the supplementary agenda too late."""
    item = item_for(request, pk)
    form = TakeUpForm(request.POST, prefix="otto")
    if not form.is_valid():
        return _record_answer(request, item, take_up_form=form)
    try:
        item = services.item_take_up_record(item=item, decision=form.cleaned_data["decision"])
    except services.RuleViolation as exc:
        return _record_answer(request, item, error=str(exc))
    return _record_answer(
        request,
        item,
        message=_("Recorded for § %(section)s: %(decision)s.")
        % {"section": item.section, "decision": item.get_take_up_display()},
    )


@login_required
@require_POST
@once_per_form
def counter_proposal_settle(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    item = item_for(request, pk)
    form = CounterSettleForm(request.POST, proposals=_open_counters(item))
    if not form.is_valid():
        return _record_answer(
            request,
            item,
            error=_(
                "Choose a seconded counter-proposal that is still open, and whether it was "
                "withdrawn or adopted unanimously."
            ),
        )
    try:
        proposal = services.counter_proposal_settle(item=item, **form.cleaned_data)
    except services.RuleViolation as exc:
        return _record_answer(request, item, error=str(exc))
    return _record_answer(
        request,
        item,
        message=_("Recorded: %(proposal)s was %(resolution)s.")
        % {"proposal": proposal.label, "resolution": proposal.get_resolution_display()},
    )


@login_required
@require_POST
@once_per_form
def vote_save(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    item = item_for(request, pk)
    form = VoteForm(
        request.POST,
        proposals=_open_counters(item),
        voters=[a.person for a in services.voters_for(item)],
    )
    extra = {key for key in request.POST if key.startswith("ballot_") and key not in form.fields}
    if extra:
        return _record_answer(
            request,
            item,
            error=_(
                "The vote has ballots from people who cannot vote in this item (%(count)s extra); nothing was saved."
            )
            % {"count": len(extra)},
        )
    if not form.is_valid():
        return _record_answer(request, item, vote_form=form)
    try:
        vote = services.vote_record(
            item=item,
            counter_proposal=form.cleaned_data["counter_proposal"],
            ballots=form.ballots(),
            chair=form.cleaned_data["chair"],
            method=form.cleaned_data["method"],
        )
    except services.RuleViolation as exc:
        return _record_answer(request, item, error=str(exc))
    result = vote.result
    return _record_answer(
        request,
        item,
        message=_("Vote recorded: Yes %(yes)s, No %(no)s. Winner: %(winner)s.")
        % {"yes": result.yes, "no": result.no, "winner": vote.winning_proposal.label}
        if result and vote.winning_proposal
        else _("Vote recorded."),
    )


@login_required
@require_POST
@once_per_form
def disqualification_add(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    item = item_for(request, pk)
    # Prefixed: the dissent form on the same page also has a member field.
    form = DisqualificationForm(
        request.POST, members=services.attendees(item.meeting), prefix="esteellisyys"
    )
    if not form.is_valid():
        return _record_answer(request, item, disqualification_form=form)
    try:
        services.disqualification_record(item=item, **form.cleaned_data)
    except services.RuleViolation as exc:
        return _record_answer(request, item, error=str(exc))
    return _record_answer(request, item, message=_("The disqualification is recorded."))


@login_required
@require_POST
@once_per_form
def dissent_add(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    item = item_for(request, pk)
    form = DissentForm(request.POST, members=_members(item), prefix="eriava")
    if not form.is_valid():
        return _record_answer(request, item, dissent_form=form)
    try:
        services.dissent_record(item=item, **form.cleaned_data)
    except services.RuleViolation as exc:
        return _record_answer(request, item, error=str(exc))
    return _record_answer(request, item, message=_("The dissenting opinion is recorded."))


@login_required
@require_POST
@once_per_form
def election_add(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    item = item_for(request, pk)
    form = ElectionForm(request.POST, candidates=Person.objects.order_by("last_name", "first_name"))
    if not form.is_valid():
        return _record_answer(request, item, election_form=form)
    data = form.cleaned_data
    try:
        services.election_record(
            item=item,
            position=data["position"],
            seats=data["seats"],
            votes=data["votes"],
            lot_winner=data["lot_winner"],
        )
    except services.RuleViolation as exc:
        return _record_answer(request, item, error=str(exc))
    return _record_answer(request, item, message=_("The election is recorded."))
