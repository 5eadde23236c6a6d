"""Every write of decision making: one function per change, each in one transaction.

A function checks the legal rule (councils/rules.py) and the meeting's lifecycle before
it writes; a clerk who breaks a rule gets a RuleViolation whose message names the rule,
and nothing already saved is lost. Side effects (documents to render, feeds to refresh)
are announced with signals after the transaction commits. The audit trail is written by
django-simple-history on every save, with the signed-in user from the request.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction
from django.db.models import Max, QuerySet
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from councils import rules
from councils.models import (
    CONTINUING_OUTCOMES,
    SEATED_ROLES,
    AgendaItem,
    AppealType,
    Attendance,
    Ballot,
    Body,
    Case,
    CounterResolution,
    DecisionVersion,
    Disqualification,
    Dissent,
    Election,
    ElectionCandidate,
    Handling,
    Meeting,
    MeetingMode,
    MeetingMove,
    MeetingState,
    Minutes,
    Office,
    OfficialDecision,
    Outcome,
    Person,
    Presence,
    Proposal,
    ProposalKind,
    TakeUp,
    Vote,
    parse_diary_number,
)
from councils.record import (
    decision_is_presenters,
    record_for,
    record_prefetches,
    supplementary_problem,
    supplementary_problem_message,
    winning_proposal,
)
from councils.signals import agenda_published, meeting_changed, minutes_published
from portal.lib.sanitize import text_to_html
from portal.lib.textdiff import html_to_text

User = AbstractBaseUser | AnonymousUser


class RuleViolation(Exception):
    """An action the law or the meeting's lifecycle forbids. The message names the rule."""


class EditConflict(Exception):
    """The item changed after the clerk opened it; `current` is what is saved now."""

    def __init__(self, current: AgendaItem) -> None:
        super().__init__("the item was changed by someone else")
        self.current = current


def _date(value: date) -> str:
    return formats.date_format(value, "SHORT_DATE_FORMAT")


def _require_state(meeting: Meeting, *states: str, action: str) -> None:
    if meeting.state not in states:
        raise RuleViolation(
            _("%(action)s is not possible while the meeting is “%(state)s”.")
            % {"action": action, "state": meeting.get_state_display()}
        )


def _time(value: datetime) -> str:
    return formats.time_format(timezone.localtime(value), "H.i")


def recording_opens_message(meeting: Meeting) -> str:
    """Why nothing of the meeting can be recorded yet, with its start (rules.recording_open)."""
    start = timezone.localtime(meeting.start)
    return _("Recording opens when the meeting starts on %(date)s at %(time)s.") % {
        "date": _date(start.date()),
        "time": _time(start),
    }


def _require_started(meeting: Meeting) -> None:
    if not rules.recording_open(start=meeting.start, now=timezone.now()):
        raise RuleViolation(recording_opens_message(meeting))


def _locked(meeting: Meeting) -> Meeting:
    """The meeting row, locked for this transaction: two clerks act one after the other."""
    return Meeting.objects.select_for_update(of=("self",)).select_related("body").get(pk=meeting.pk)


# --- Preparing a meeting ---------------------------------------------------------------


@transaction.atomic
def meeting_create(
    *,
    body: Body,
    start: datetime,
    end: datetime | None = None,
    place: str = "",
    mode: str = MeetingMode.IN_PERSON,
    stream_url: str = "",
) -> Meeting:
    """A planned meeting, numbered after the body's last meeting of the year."""
    if start <= timezone.now():
        raise RuleViolation(_("A new meeting must start in the future."))
    latest = rules.meeting_latest_day(today=timezone.localdate())
    if timezone.localtime(start).date() > latest:
        raise RuleViolation(
            _("A meeting can be planned at most %(years)s years ahead, until %(day)s.")
            % {"years": rules.MEETING_YEARS_AHEAD, "day": _date(latest)}
        )
    if end is not None and end < start:
        raise RuleViolation(_("The meeting cannot end before it starts."))
    year = timezone.localtime(start).year
    Body.objects.select_for_update().filter(pk=body.pk).first()  # numbers are handed out in turn
    last = Meeting.objects.filter(body=body, year=year).aggregate(n=Max("number"))["n"] or 0
    return Meeting.objects.create(
        body=body,
        year=year,
        number=last + 1,
        start=start,
        end=end,
        place=place,
        mode=mode,
        stream_url=stream_url,
    )


def _next_section(meeting: Meeting) -> int:
    """§ numbers run on through the year per body, as in the county's minutes."""
    earlier = AgendaItem.objects.filter(
        meeting__body_id=meeting.body_id,
        meeting__year=meeting.year,
        meeting__start__lte=meeting.start,
    ).aggregate(n=Max("section"))["n"]
    return (earlier or 0) + 1


def _latest_handling_of(case: Case) -> AgendaItem | None:
    return (
        AgendaItem.objects.filter(case=case)
        .select_related("handling")
        .order_by("-meeting__start", "-section")
        .first()
    )


@transaction.atomic
def item_add(
    *,
    meeting: Meeting,
    title: str = "",
    case: Case | None = None,
    diary_number: str = "",
    case_title: str = "",
) -> AgendaItem:
    """Add an item at the end of the agenda, on an existing case or a new one.

    A case that was tabled or returned comes back with its earlier texts, so the history
    continues on the new agenda.
    """
    meeting = _locked(meeting)
    if meeting.agenda_published_at is not None or meeting.state not in (
        MeetingState.PLANNED,
        MeetingState.NOTICE_PUBLISHED,
    ):
        raise RuleViolation(
            _(
                "Items can be added to the agenda only until it is published; after that, "
                "add them to the supplementary agenda."
            )
        )
    item = _new_item(
        meeting, title=title, case=case, diary_number=diary_number, case_title=case_title
    )
    item.save()
    return item


def _new_item(
    meeting: Meeting, *, title: str, case: Case | None, diary_number: str, case_title: str
) -> AgendaItem:
    """An unsaved item at the end of the agenda, on an existing case or a new one."""
    if case is None and diary_number:
        number, _task_class, year = parse_diary_number(diary_number)
        if Case.objects.filter(year=year, number=number).exists():
            raise RuleViolation(
                _("Diary number %(number)s/%(year)s is already in use; choose the existing case.")
                % {"number": number, "year": year}
            )
        case = Case.objects.create(diary_number=diary_number.strip(), title=case_title or title)
    previous = _latest_handling_of(case) if case else None
    item = AgendaItem(meeting=meeting, section=_next_section(meeting), case=case, title=title)
    if previous is not None:
        item.title = title or previous.title
        item.summary, item.body, item.proposal = previous.summary, previous.body, previous.proposal
        item.preparer_id, item.presenter_id = previous.preparer_id, previous.presenter_id
        item.appeal_type = previous.appeal_type
        continuing = getattr(previous, "handling", None)
        if continuing is not None and continuing.outcome in CONTINUING_OUTCOMES:
            item.body = (
                f"<p><em>{_('Earlier handling')}: {previous.meeting.body.name} "
                f"{_date(timezone.localtime(previous.meeting.start).date())} § {previous.section} – "
                f"{continuing.get_outcome_display()}.</em></p>" + item.body
            )
    if not item.title:
        raise RuleViolation(_("The item needs a title."))
    item.is_procedural = rules.is_procedural_title(item.title)
    if not meeting.body.rules.appealable:
        item.appeal_type = AppealType.NONE
    return item


@transaction.atomic
def item_add_supplementary(
    *,
    meeting: Meeting,
    title: str = "",
    case: Case | None = None,
    diary_number: str = "",
    case_title: str = "",
) -> AgendaItem:
    """Add an item to the supplementary agenda (lisäesityslista) of a published agenda.

    It is public at once, marked as supplementary everywhere, and the agenda PDF is
    rendered again. Added within the notice period it is part of the notice; added later,
    the body must take it up at the meeting (rules.supplementary_item_problem).
    """
    meeting = _locked(meeting)
    _require_state(
        meeting, MeetingState.NOTICE_PUBLISHED, action=_("Adding to the supplementary agenda")
    )
    if meeting.agenda_published_at is None:
        raise RuleViolation(
            _("The agenda is not published yet: add the item to the agenda itself.")
        )
    item = _new_item(
        meeting, title=title, case=case, diary_number=diary_number, case_title=case_title
    )
    same = meeting.items.filter(title=item.title, case=item.case).first()
    if same is not None:
        raise RuleViolation(
            _("“%(title)s” is already on the agenda as § %(section)s.")
            % {"title": same.title, "section": same.section}
        )
    item.supplementary_at = timezone.now()
    item.save()
    transaction.on_commit(lambda: meeting_changed.send(sender=Meeting, meeting=meeting))
    return item


EDITABLE_ITEM_FIELDS = (
    "title",
    "summary",
    "body",
    "proposal",
    "is_public",
    "is_procedural",
    "secrecy_basis",
    "preparer",
    "presenter",
    "appeal_type",
)


@transaction.atomic
def item_update(*, item: AgendaItem, expected_version: int, changes: dict[str, Any]) -> AgendaItem:
    """Save a clerk's edits of an item, refusing if someone saved it in between.

    Optimistic locking: the form carries the version it was opened at; a different
    version now means another clerk saved first (EditConflict, nothing overwritten).
    """
    current = (
        AgendaItem.objects.select_for_update(of=("self",))
        .select_related("meeting__body")
        .get(pk=item.pk)
    )
    if current.version != expected_version:
        raise EditConflict(current)
    if current.meeting.state in (MeetingState.MINUTES_CHECKED, MeetingState.MINUTES_PUBLISHED):
        raise RuleViolation(
            _("Checked and published minutes are not edited; publish a correction instead.")
        )
    unknown = set(changes) - set(EDITABLE_ITEM_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    for name, value in changes.items():
        setattr(current, name, value)
    _check_confidentiality(current)
    current.version += 1
    current.modified_at = timezone.now()
    current.save(update_fields=[*changes, "version", "modified_at"])
    return current


def _check_confidentiality(item: AgendaItem) -> None:
    if item.is_public:
        return
    problems = rules.confidential_item_problems(title=item.title, secrecy_basis=item.secrecy_basis)
    if "bare_title" in problems:
        raise RuleViolation(
            _(
                "§ %(section)s: a confidential item needs a descriptive title; “%(title)s” "
                "tells the public nothing (Act on the Openness of Government Activities, 24 §)."
            )
            % {"section": item.section, "title": item.title}
        )
    if "missing_basis" in problems:
        raise RuleViolation(
            _("§ %(section)s: a confidential item needs the legal basis for its secrecy.")
            % {"section": item.section}
        )


@transaction.atomic
def item_move(*, item: AgendaItem, up: bool) -> AgendaItem:
    """Swap the item with its neighbour; the § numbers follow the new order."""
    meeting = _locked(item.meeting)
    if meeting.agenda_published_at is not None:
        raise RuleViolation(_("The order of a published agenda can no longer change."))
    items = list(meeting.items.order_by("section"))
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    neighbour_index = index - 1 if up else index + 1
    if not 0 <= neighbour_index < len(items):
        return items[index]
    moving, other = items[index], items[neighbour_index]
    first, second = moving.section, other.section
    # The (meeting, section) pair is unique: park one item on § 0 while the other moves.
    moving.section = 0
    moving.save(update_fields=["section"])
    other.section = first
    other.save(update_fields=["section"])
    moving.section = second
    moving.save(update_fields=["section"])
    return moving


@transaction.atomic
def item_remove(*, item: AgendaItem) -> None:
    meeting = _locked(item.meeting)
    if meeting.agenda_published_at is not None:
        raise RuleViolation(
            _("An item of a published agenda is not deleted; record it as removed from the agenda.")
        )
    removed = item.section
    item.delete()
    for later in meeting.items.filter(section__gt=removed).order_by("section"):
        later.section -= 1
        later.save(update_fields=["section"])


@transaction.atomic
def meeting_publish_notice(*, meeting: Meeting, today: date | None = None) -> Meeting:
    """Publish the notice: in time for the body's notice period, with closed items named."""
    meeting = _locked(meeting)
    _require_state(meeting, MeetingState.PLANNED, action=_("Publishing the notice"))
    today = today or timezone.localdate()
    meeting_day = timezone.localtime(meeting.start).date()
    if not rules.notice_in_time(
        published_on=today, meeting_day=meeting_day, notice_days=meeting.body.notice_days
    ):
        raise RuleViolation(
            _(
                "The notice must be published at least %(days)s days before the meeting "
                "(the county's administrative rules); for a meeting on %(meeting)s the last "
                "day was %(last)s. Move the meeting to a later day."
            )
            % {
                "days": meeting.body.notice_days,
                "meeting": _date(meeting_day),
                "last": _date(
                    rules.notice_last_day(
                        meeting_day=meeting_day, notice_days=meeting.body.notice_days
                    )
                ),
            }
        )
    for item in meeting.items.all():
        _check_confidentiality(item)
    meeting.state = MeetingState.NOTICE_PUBLISHED
    meeting.notice_published_at = timezone.now()
    meeting.save(update_fields=["state", "notice_published_at"])
    return meeting


@transaction.atomic
def meeting_publish_agenda(*, meeting: Meeting) -> Meeting:
    """Publish the agenda online (HVAL: agendas are published when ready)."""
    meeting = _locked(meeting)
    _require_state(meeting, MeetingState.NOTICE_PUBLISHED, action=_("Publishing the agenda"))
    if meeting.agenda_published_at is not None:
        raise RuleViolation(_("The agenda has already been published."))
    items = list(meeting.items.all())
    if not items:
        raise RuleViolation(_("An agenda without items cannot be published."))
    for item in items:
        _check_confidentiality(item)
    meeting.agenda_published_at = timezone.now()
    meeting.save(update_fields=["agenda_published_at"])
    transaction.on_commit(lambda: agenda_published.send(sender=Meeting, meeting=meeting))
    return meeting


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, reason: str) -> Meeting:
    meeting = _locked(meeting)
    _require_state(
        meeting, MeetingState.PLANNED, MeetingState.NOTICE_PUBLISHED, action=_("Cancelling")
    )
    if not reason.strip():
        raise RuleViolation(_("Give the reason for cancelling; residents see it."))
    meeting.state = MeetingState.CANCELLED
    meeting.cancelled_reason = reason.strip()
    meeting.save(update_fields=["state", "cancelled_reason"])
    return meeting


@transaction.atomic
def meeting_move(
    *,
    meeting: Meeting,
    start: datetime,
    end: datetime | None,
    place: str,
    mode: str,
    reason: str,
    moved_by: Any = None,
    today: date | None = None,
) -> MeetingMove:
    """Change a meeting's time, place or form, keeping what it was (MeetingMove).

    A meeting whose notice is out keeps the notice period for a new time (rules.
    move_notice_last_day); the change shows to residents as "moved from ...", the calendar
    keeps the event's UID with a higher SEQUENCE, and followers hear of it in the digest.
    """
    meeting = _locked(meeting)
    _require_state(
        meeting, MeetingState.PLANNED, MeetingState.NOTICE_PUBLISHED, action=_("Moving the meeting")
    )
    now = timezone.now()
    if meeting.start <= now:
        raise RuleViolation(_("The meeting has started; it can no longer be moved."))
    if start <= now:
        raise RuleViolation(_("A meeting can be moved only to a time in the future."))
    if end is not None and end <= start:
        raise RuleViolation(_("The meeting must end after it starts."))
    if timezone.localtime(start).year != meeting.year:
        raise RuleViolation(
            _(
                "Meeting %(meeting)s is numbered in %(year)s and cannot move to another year; "
                "cancel it and create a new meeting instead."
            )
            % {"meeting": f"{meeting.number}/{meeting.year}", "year": meeting.year}
        )
    if mode not in MeetingMode.values:
        raise RuleViolation(_("Choose the form of the meeting from the list."))
    if not reason.strip():
        raise RuleViolation(_("Give the reason for the change; residents see it."))
    place = place.strip()
    if (start, end, place, mode) == (meeting.start, meeting.end, meeting.place, meeting.mode):
        raise RuleViolation(
            _("The meeting is already at that time and place; nothing was changed.")
        )
    meeting_day = timezone.localtime(start).date()
    last_day = rules.move_notice_last_day(
        notice_published=meeting.notice_published_at is not None,
        time_changed=start != meeting.start,
        meeting_day=meeting_day,
        notice_days=meeting.body.notice_days,
    )
    today = today or timezone.localdate()
    if last_day is not None and today > last_day:
        raise RuleViolation(
            _(
                "The notice is already out, so a new time needs a new notice period: the "
                "changed notice must be published at least %(days)s days before the meeting "
                "(the county's administrative rules). For a meeting on %(meeting)s the last day "
                "was %(last)s; the earliest day to move to today is %(earliest)s. Choose a later "
                "day, or cancel the meeting."
            )
            % {
                "days": meeting.body.notice_days,
                "meeting": _date(meeting_day),
                "last": _date(last_day),
                "earliest": _date(today + timedelta(days=meeting.body.notice_days)),
            }
        )
    move = MeetingMove.objects.create(
        meeting=meeting,
        moved_at=now,
        moved_by=moved_by if getattr(moved_by, "is_authenticated", False) else None,
        reason=reason.strip(),
        after_notice=meeting.notice_published_at is not None,
        old_start=meeting.start,
        old_end=meeting.end,
        old_place=meeting.place,
        old_mode=meeting.mode,
        new_start=start,
        new_end=end,
        new_place=place,
        new_mode=mode,
    )
    meeting.start, meeting.end, meeting.place, meeting.mode = start, end, place, mode
    meeting.save(update_fields=["start", "end", "place", "mode"])
    if move.after_notice:
        transaction.on_commit(lambda: meeting_changed.send(sender=Meeting, meeting=meeting))
    return move


# --- Recording the meeting -------------------------------------------------------------

RECORDING_STATES = (MeetingState.NOTICE_PUBLISHED, MeetingState.HELD, MeetingState.MINUTES_DRAFTED)


@dataclass(frozen=True)
class AttendanceRow:
    person: Person
    role: str
    presence: str
    arrived_at: int | None = None
    left_at: int | None = None
    deputy_for: Person | None = None


@transaction.atomic
def attendance_record(*, meeting: Meeting, rows: list[AttendanceRow]) -> list[Attendance]:
    meeting = _locked(meeting)
    _require_state(meeting, *RECORDING_STATES, action=_("Recording attendance"))
    if meeting.agenda_published_at is None:
        raise RuleViolation(_("Publish the agenda before recording the meeting."))
    _require_started(meeting)
    saved = []
    for row in rows:
        if row.arrived_at and row.left_at and row.left_at < row.arrived_at:
            raise RuleViolation(
                _("%(name)s cannot leave (§ %(left)s) before arriving (§ %(arrived)s).")
                % {"name": row.person.full_name, "left": row.left_at, "arrived": row.arrived_at}
            )
        attendance, _created = Attendance.objects.update_or_create(
            meeting=meeting,
            person=row.person,
            defaults={
                "role": row.role,
                "presence": row.presence,
                "arrived_at": row.arrived_at,
                "left_at": row.left_at,
                "deputy_for": row.deputy_for,
            },
        )
        saved.append(attendance)
    return saved


def attendees(meeting: Meeting) -> QuerySet[Person]:
    """The people who took part in the meeting, in person or remotely."""
    # One filter() call, so both conditions hold for the same attendance row.
    return Person.objects.filter(
        attendances__meeting=meeting, attendances__presence__in=[Presence.PRESENT, Presence.REMOTE]
    ).order_by("last_name", "first_name")


def voters_for(item: AgendaItem) -> list[Attendance]:
    """Seated members in the room for this § who are not disqualified from it."""
    disqualified = set(item.disqualifications.values_list("person_id", flat=True))
    return [
        attendance
        for attendance in item.meeting.attendances.select_related("person").order_by(
            "person__last_name", "person__first_name"
        )
        if attendance.role in SEATED_ROLES
        and attendance.is_in_room_for(item.section)
        and attendance.person_id not in disqualified
    ]


def item_quorum(item: AgendaItem) -> tuple[int, int, bool]:
    """(present, needed, quorate) for the handling of this item (HVAL 108 §).

    A body without a quorum (a forum whose rules set none) needs 0 and is always quorate.
    """
    body = item.meeting.body
    present = len(voters_for(item))
    needed = body.quorum
    return present, needed, present >= needed


def _presenters_proposal(handling: Handling) -> Proposal:
    proposal = handling.proposals.filter(kind=ProposalKind.PRESENTER).first()
    if proposal is None:
        proposal = Proposal.objects.create(
            handling=handling,
            kind=ProposalKind.PRESENTER,
            text=html_to_text(handling.item.proposal) or handling.item.title,
            proposer=handling.item.presenter,
            order=0,
        )
    return proposal


def _recordable(item: AgendaItem) -> AgendaItem:
    item = AgendaItem.objects.select_related("meeting__body", "presenter").get(pk=item.pk)
    _require_state(item.meeting, *RECORDING_STATES, action=_("Recording the handling"))
    _require_started(item.meeting)
    return item


def _require_quorum(item: AgendaItem) -> None:
    present, needed, quorate = item_quorum(item)
    if not quorate:
        raise RuleViolation(
            _(
                "The body has no quorum for § %(section)s: %(present)s members take part, "
                "%(needed)s are needed (Act on Wellbeing Services Counties, 108 §). "
                "Record the attendance first."
            )
            % {"section": item.section, "present": present, "needed": needed}
        )


def _handling_of(item: AgendaItem) -> Handling:
    """The item's handling, begun when its first proposal, vote or dissent is recorded.

    Until the clerk saves an outcome, the presenter's proposal stands as the decision:
    it is what the body decides when no counter-proposal wins (rule 4).
    """
    handling = Handling.objects.filter(item=item).first()
    if handling is not None:
        return handling
    _require_quorum(item)
    return Handling.objects.create(
        item=item, outcome=Outcome.AS_PROPOSED, decision=item.proposal or ""
    )


def _winner(handling: Handling) -> Proposal | None:
    return winning_proposal(
        handling.proposals.select_related("proposer"),
        handling.votes.prefetch_related("ballots"),
    )


def _refuse_decision_against_winner(
    handling: Handling, *, outcome: str, decision: str, winner: Proposal | None
) -> None:
    """Rule 4: a counter-proposal that won is the decision, not the presenter's proposal."""
    proposed = Handling(item=handling.item, outcome=outcome, decision=decision)
    if not rules.decision_follows_winner(
        counter_won=winner is not None and winner.kind == ProposalKind.COUNTER,
        decided_as_proposed=outcome == Outcome.AS_PROPOSED,
        decision_is_presenters=decision_is_presenters(proposed, handling.proposals.all()),
    ):
        assert winner is not None
        raise RuleViolation(
            _(
                "%(proposal)s won, so the body did not decide as proposed: choose the outcome "
                "it decided (for example “decided with amendments”) and write the winning "
                "proposal as the decision (a seconded counter-proposal that wins is the decision)."
            )
            % {"proposal": winner.label[:1].upper() + winner.label[1:]}
        )


def _follow_winner(handling: Handling, winner: Proposal) -> None:
    """A counter-proposal won: it becomes the decision, unless the clerk already wrote one."""
    if winner.kind != ProposalKind.COUNTER:
        return
    if handling.outcome == Outcome.AS_PROPOSED or decision_is_presenters(
        handling, handling.proposals.all()
    ):
        handling.outcome = Outcome.AMENDED
        handling.decision = text_to_html(winner.text)
        handling.save(update_fields=["outcome", "decision"])


@transaction.atomic
def handling_record(*, item: AgendaItem, outcome: str, decision: str, notes: str = "") -> Handling:
    """Record the outcome of an item and its decision text."""
    item = _recordable(item)
    _locked(item.meeting)
    _require_quorum(item)
    _refuse_supplementary_item_not_taken_up(item, outcome)
    if outcome in (Outcome.AS_PROPOSED, Outcome.AMENDED) and not decision.strip():
        raise RuleViolation(_("A decision needs its text; start from the proposal."))
    existing = Handling.objects.filter(item=item).first()
    if existing is not None:
        _refuse_decision_against_winner(
            existing, outcome=outcome, decision=decision, winner=_winner(existing)
        )
    handling, _created = Handling.objects.update_or_create(
        item=item, defaults={"outcome": outcome, "decision": decision, "notes": notes}
    )
    return handling


@transaction.atomic
def item_take_up_record(*, item: AgendaItem, decision: str) -> AgendaItem:
    """Record whether the body took up an item of the supplementary agenda.

    HVAL, as KuntaL 95 §, and the county's administrative rules: an item the notice did
    not name is decided only if the body declares it urgent (the council, an unprepared
    item, only unanimously). Not taken up, it is recorded as removed from the agenda.
    """
    item = _recordable(item)
    _locked(item.meeting)
    if item.supplementary_at is None:
        raise RuleViolation(
            _("§ %(section)s was on the agenda of the notice; it needs no decision to take it up.")
            % {"section": item.section}
        )
    if decision not in TakeUp.values:
        raise RuleViolation(_("Choose what the body decided about taking up the matter."))
    problem = rules.supplementary_item_problem(
        on_time=False,
        take_up=decision,
        is_council=item.meeting.body.is_council,
        prepared=bool(html_to_text(item.proposal).strip()),
    )
    if problem == "needs_unanimity":
        raise RuleViolation(supplementary_problem_message(item, problem))
    item.take_up = decision
    item.save(update_fields=["take_up"])
    if decision == TakeUp.DECLINED:
        Handling.objects.update_or_create(
            item=item, defaults={"outcome": Outcome.REMOVED, "decision": "", "notes": ""}
        )
    return item


def _refuse_supplementary_item_not_taken_up(item: AgendaItem, outcome: str) -> None:
    """A late supplementary item is decided only once the body has taken it up."""
    if outcome == Outcome.REMOVED:
        return
    problem = supplementary_problem(item)
    if problem is not None:
        raise RuleViolation(supplementary_problem_message(item, problem))


def _attending_member(item: AgendaItem, person: Person, role: str) -> None:
    if person.pk not in {a.person_id for a in voters_for(item)}:
        raise RuleViolation(
            _("The %(role)s, %(name)s, is not a member taking part in § %(section)s.")
            % {"role": role, "name": person.full_name, "section": item.section}
        )


@transaction.atomic
def counter_proposal_add(
    *, item: AgendaItem, proposer: Person, text: str, seconder: Person | None
) -> Proposal:
    """A counter-proposal; without a seconder it is recorded but lapses (rules)."""
    item = _recordable(item)
    if not text.strip():
        raise RuleViolation(_("Write what the counter-proposal proposes."))
    _attending_member(item, proposer, _("proposer"))
    if seconder is not None:
        if seconder.pk == proposer.pk:
            raise RuleViolation(_("A proposer cannot second their own proposal."))
        _attending_member(item, seconder, _("seconder"))
    handling = _handling_of(item)
    if handling.proposals.filter(
        kind=ProposalKind.COUNTER, proposer=proposer, text=text.strip()
    ).exists():
        raise RuleViolation(
            _("%(name)s's counter-proposal with this text is already recorded.")
            % {"name": proposer.full_name}
        )
    _presenters_proposal(handling)
    order = (handling.proposals.aggregate(n=Max("order"))["n"] or 0) + 1
    return Proposal.objects.create(
        handling=handling,
        kind=ProposalKind.COUNTER,
        text=text.strip(),
        proposer=proposer,
        seconder=seconder,
        order=order,
    )


@transaction.atomic
def vote_record(
    *,
    item: AgendaItem,
    counter_proposal: Proposal,
    ballots: dict[int, str],
    chair: Person,
    method: str = "open",
) -> Vote:
    """Record a vote between the presenter's proposal (Jaa) and a seconded counter-proposal (Ei).

    Ballots are given per person id. Every member taking part in the § casts exactly one
    (yes, no, blank or absent); nobody else may. The result is computed by the rules,
    and a tie needs the chair to have voted yes or no.
    """
    item = _recordable(item)
    handling = _handling_of(item)
    counter_proposal = Proposal.objects.select_related("proposer").get(pk=counter_proposal.pk)
    if counter_proposal.handling_id != handling.pk or counter_proposal.kind != ProposalKind.COUNTER:
        raise RuleViolation(_("Choose a counter-proposal made in this item's handling."))
    if counter_proposal.resolution:
        raise RuleViolation(
            _("%(proposal)s was %(resolution)s, so it is not put to the vote.")
            % {
                "proposal": counter_proposal.label[:1].upper() + counter_proposal.label[1:],
                "resolution": counter_proposal.get_resolution_display(),
            }
        )
    if handling.votes.filter(no_proposal=counter_proposal).exists():
        raise RuleViolation(
            _("%(proposal)s has already been put to the vote; its result is recorded.")
            % {"proposal": counter_proposal.label[:1].upper() + counter_proposal.label[1:]}
        )
    presenter = _presenters_proposal(handling)
    standing = rules.proposals_to_vote(
        [
            rules.ProposalInput(presenter.pk, True, False),
            rules.ProposalInput(
                counter_proposal.pk, False, counter_proposal.seconder_id is not None
            ),
        ]
    )
    if len(standing) < 2:
        raise RuleViolation(
            _("A counter-proposal without a seconder lapses and is not put to the vote.")
        )
    voters = {a.person_id: a.person for a in voters_for(item)}
    strangers = set(ballots) - set(voters)
    if len(ballots) > len(voters) or strangers:
        raise RuleViolation(
            _(
                "There are %(ballots)s ballots but only %(voters)s members can vote in "
                "§ %(section)s; only members taking part (and not disqualified) vote."
            )
            % {"ballots": len(ballots), "voters": len(voters), "section": item.section}
        )
    missing = [voters[pk].full_name for pk in voters if pk not in ballots]
    if missing:
        raise RuleViolation(
            _("Record a ballot for every member taking part: missing %(names)s.")
            % {"names": ", ".join(missing)}
        )
    if chair.pk not in voters:
        raise RuleViolation(_("The chair must be a member taking part in the vote."))
    try:
        rules.vote_result(ballots.values(), chair_choice=ballots.get(chair.pk))
    except ValueError as exc:
        raise RuleViolation(
            _(
                "The votes are tied, and a tie is decided by the chair's vote: the chair must vote Yes or No."
            )
        ) from exc
    order = (handling.votes.aggregate(n=Max("order"))["n"] or 0) + 1
    vote = Vote.objects.create(
        handling=handling,
        order=order,
        method=method,
        yes_proposal=presenter,
        no_proposal=counter_proposal,
        chair=chair,
    )
    Ballot.objects.bulk_create(
        Ballot(vote=vote, person_id=pk, choice=choice) for pk, choice in ballots.items()
    )
    winner = _winner(handling)
    if winner is not None:
        _follow_winner(handling, winner)
    return vote


@transaction.atomic
def counter_proposal_settle(*, item: AgendaItem, proposal: Proposal, resolution: str) -> Proposal:
    """Record that a seconded counter-proposal was withdrawn or adopted unanimously.

    Rule 4: a seconded counter-proposal goes to the vote unless its proposer withdraws it
    or the body adopts it unanimously; adopted, it is the decision.
    """
    item = _recordable(item)
    _locked(item.meeting)
    proposal = (
        Proposal.objects.select_for_update(of=("self",))
        .select_related("proposer")
        .get(pk=proposal.pk)
    )
    handling = Handling.objects.get(item=item)
    if proposal.handling_id != handling.pk or proposal.kind != ProposalKind.COUNTER:
        raise RuleViolation(_("Choose a counter-proposal made in this item's handling."))
    name = proposal.label[:1].upper() + proposal.label[1:]
    if resolution not in CounterResolution.values:
        raise RuleViolation(_("Choose whether the counter-proposal was withdrawn or adopted."))
    if proposal.seconder_id is None:
        raise RuleViolation(
            _("%(proposal)s had no seconder, so it lapsed; there is nothing to settle.")
            % {"proposal": name}
        )
    if proposal.resolution:
        raise RuleViolation(
            _("%(proposal)s is already recorded as %(resolution)s.")
            % {"proposal": name, "resolution": proposal.get_resolution_display()}
        )
    if handling.votes.filter(no_proposal=proposal).exists():
        raise RuleViolation(
            _("%(proposal)s was put to the vote; the vote decided it.") % {"proposal": name}
        )
    if (
        resolution == CounterResolution.ADOPTED
        and handling.proposals.filter(resolution=CounterResolution.ADOPTED).exists()
    ):
        raise RuleViolation(_("The body has already adopted another counter-proposal."))
    proposal.resolution = resolution
    proposal.save(update_fields=["resolution"])
    if resolution == CounterResolution.ADOPTED:
        _follow_winner(handling, proposal)
    return proposal


@transaction.atomic
def disqualification_record(
    *, item: AgendaItem, person: Person, ground: str, left_room: bool = True
) -> Disqualification:
    item = _recordable(item)
    if Ballot.objects.filter(vote__handling__item=item, person=person).exists():
        raise RuleViolation(
            _(
                "%(name)s has already voted in this item; remove the vote before recording a disqualification."
            )
            % {"name": person.full_name}
        )
    disqualification, _created = Disqualification.objects.update_or_create(
        item=item, person=person, defaults={"ground": ground, "left_room": left_room}
    )
    return disqualification


@transaction.atomic
def dissent_record(*, item: AgendaItem, person: Person, reasons: str = "") -> Dissent:
    item = _recordable(item)
    _attending_member(item, person, _("dissenter"))
    handling = _handling_of(item)
    dissent, _created = Dissent.objects.update_or_create(
        handling=handling, person=person, defaults={"reasons": reasons.strip()}
    )
    return dissent


@transaction.atomic
def meeting_mark_held(*, meeting: Meeting) -> Meeting:
    meeting = _locked(meeting)
    _require_state(meeting, MeetingState.NOTICE_PUBLISHED, action=_("Closing the meeting"))
    _require_started(meeting)
    meeting.state = MeetingState.HELD
    meeting.save(update_fields=["state"])
    return meeting


# --- Minutes -----------------------------------------------------------------------------


def _require_sound_record(meeting: Meeting) -> None:
    """Minutes that contradict the meeting are not drafted, checked or published (rule 4)."""
    items = (
        meeting.items.select_related("handling")
        .prefetch_related(*record_prefetches())
        .order_by("section")
    )
    problems = [
        problem for item in items if (record := record_for(item)) for problem in record.problems
    ]
    if problems:
        raise RuleViolation(" ".join(problems))


@transaction.atomic
def minutes_draft(
    *,
    meeting: Meeting,
    checker_1: Person | None,
    checker_2: Person | None,
    checked_at_meeting: bool,
) -> Minutes:
    """Draft the minutes: every item handled, and two different checkers who attended.

    A memo (Body.rules: a forum's, a working group's) is the secretary's own record: it
    needs no checkers and is ready to publish once drafted.
    """
    meeting = _locked(meeting)
    _require_state(
        meeting, MeetingState.HELD, MeetingState.MINUTES_DRAFTED, action=_("Drafting the minutes")
    )
    unhandled = list(meeting.items.filter(handling__isnull=True).values_list("section", flat=True))
    if unhandled:
        raise RuleViolation(
            _("Record the handling of every item first: § %(sections)s.")
            % {"sections": ", ".join(str(s) for s in unhandled)}
        )
    _require_sound_record(meeting)
    needs_checkers = meeting.body.rules.record_checked_by_members
    if not needs_checkers:
        checker_1 = checker_2 = None
        checked_at_meeting = False
    elif not checked_at_meeting:
        if checker_1 is None or checker_2 is None or checker_1.pk == checker_2.pk:
            raise RuleViolation(
                _("The minutes need two different checkers (or to be checked at the meeting).")
            )
        attended = set(
            meeting.attendances.exclude(presence=Presence.ABSENT).values_list(
                "person_id", flat=True
            )
        )
        for checker in (checker_1, checker_2):
            if checker.pk not in attended:
                raise RuleViolation(
                    _("%(name)s did not attend the meeting and cannot check its minutes.")
                    % {"name": checker.full_name}
                )
    minutes, _created = Minutes.objects.update_or_create(
        meeting=meeting,
        defaults={
            "checker_1": None if checked_at_meeting else checker_1,
            "checker_2": None if checked_at_meeting else checker_2,
            "checker_1_approved_at": None,
            "checker_2_approved_at": None,
            "checked_at_meeting": checked_at_meeting,
        },
    )
    meeting.state = (
        MeetingState.MINUTES_CHECKED
        if checked_at_meeting or not needs_checkers
        else MeetingState.MINUTES_DRAFTED
    )
    meeting.save(update_fields=["state"])
    return minutes


@transaction.atomic
def minutes_approve(*, meeting: Meeting, checker: Person) -> Minutes:
    """One checker approves the minutes; with both approvals they are checked."""
    meeting = _locked(meeting)
    _require_state(meeting, MeetingState.MINUTES_DRAFTED, action=_("Approving the minutes"))
    _require_sound_record(meeting)
    minutes = Minutes.objects.select_for_update().get(meeting=meeting)
    now = timezone.now()
    if checker.pk == minutes.checker_1_id:
        if minutes.checker_1_approved_at:
            raise RuleViolation(_("You have already approved these minutes."))
        minutes.checker_1_approved_at = now
    elif checker.pk == minutes.checker_2_id:
        if minutes.checker_2_approved_at:
            raise RuleViolation(_("You have already approved these minutes."))
        minutes.checker_2_approved_at = now
    else:
        raise RuleViolation(_("Only the two checkers named in the minutes can approve them."))
    minutes.save(update_fields=["checker_1_approved_at", "checker_2_approved_at"])
    if minutes.checker_1_approved_at and minutes.checker_2_approved_at:
        meeting.state = MeetingState.MINUTES_CHECKED
        meeting.save(update_fields=["state"])
    return minutes


@transaction.atomic
def minutes_publish(*, meeting: Meeting, published_by: Any = None) -> Minutes:
    """Publish checked minutes online, store each decision's appeal clock, queue documents.

    HVAL (as KuntaL 140 §): minutes with their appeal instructions are published once
    checked; the appeal period runs from 7 days after publication (rules.appeal_dates).
    """
    meeting = _locked(meeting)
    if meeting.state == MeetingState.MINUTES_PUBLISHED:
        raise RuleViolation(_("The minutes have already been published."))
    _require_state(meeting, MeetingState.MINUTES_CHECKED, action=_("Publishing the minutes"))
    _require_sound_record(meeting)
    minutes = Minutes.objects.select_for_update().get(meeting=meeting)
    if (
        meeting.body.rules.record_checked_by_members
        and not minutes.checked_at_meeting
        and not (minutes.checker_1_approved_at and minutes.checker_2_approved_at)
    ):
        raise RuleViolation(_("Both checkers must approve the minutes before they are published."))
    now = timezone.now()
    minutes.published_at = now
    minutes.save(update_fields=["published_at"])
    meeting.state = MeetingState.MINUTES_PUBLISHED
    meeting.save(update_fields=["state"])
    for item in meeting.items.select_related("handling").order_by("section"):
        dates = (
            rules.appeal_dates(published=timezone.localtime(now), kind=item.appeal_type)
            if meeting.body.rules.appealable
            else None
        )
        item.appeal_deemed_received = dates.deemed_received if dates else None
        item.appeal_last_day = dates.last_day if dates else None
        item.save(update_fields=["appeal_deemed_received", "appeal_last_day"])
        DecisionVersion.snapshot(item, number=1, note="", user=published_by)
    transaction.on_commit(lambda: minutes_published.send(sender=Meeting, meeting=meeting))
    return minutes


def appeal_dates_store_missing() -> int:
    """Store the appeal clock of published decisions that lack it, as minutes_publish does.

    Rows written in bulk (the demo, an import) skip minutes_publish; the personal-data
    rule in the database (AgendaItemQuerySet.personal_data_expired) reads the stored last
    day, so every published decision open to appeal must have one. Returns how many.
    """
    stored = 0
    items = AgendaItem.objects.filter(
        meeting__state=MeetingState.MINUTES_PUBLISHED,
        meeting__body__appeal_open=True,
        appeal_type__in=[AppealType.RECTIFICATION, AppealType.REGIONAL_APPEAL],
        appeal_last_day__isnull=True,
        meeting__minutes__published_at__isnull=False,
    ).select_related("meeting__minutes")
    for item in items:
        dates = rules.appeal_dates(
            published=timezone.localtime(item.meeting.minutes.published_at), kind=item.appeal_type
        )
        if dates is None:
            continue
        item.appeal_deemed_received = dates.deemed_received
        item.appeal_last_day = dates.last_day
        item.save(update_fields=["appeal_deemed_received", "appeal_last_day"])
        stored += 1
    return stored


@transaction.atomic
def decision_correct(
    *, item: AgendaItem, decision: str, note: str, corrected_by: Any = None
) -> DecisionVersion:
    """Correct a published decision as a new version with a visible note (never in place)."""
    item = (
        AgendaItem.objects.select_for_update(of=("self",))
        .select_related("meeting", "handling")
        .get(pk=item.pk)
    )
    if item.meeting.state != MeetingState.MINUTES_PUBLISHED:
        raise RuleViolation(_("Only published decisions are corrected; edit a draft directly."))
    if not note.strip():
        raise RuleViolation(_("Say what was corrected and why; residents see the note."))
    if not decision.strip():
        raise RuleViolation(_("The corrected decision needs its text."))
    item.handling.decision = decision
    item.handling.save(update_fields=["decision"])
    last = item.versions.aggregate(n=Max("number"))["n"] or 1
    version = DecisionVersion.snapshot(item, number=last + 1, note=note.strip(), user=corrected_by)
    transaction.on_commit(lambda: minutes_published.send(sender=Meeting, meeting=item.meeting))
    return version


# --- Officials' decisions ---------------------------------------------------------------


@transaction.atomic
def official_decision_publish(
    *,
    office: Office,
    title: str,
    decided_on: date,
    text: str,
    appeal_type: str,
    case: Case | None = None,
    number: str = "",
    by: User | None = None,
) -> OfficialDecision:
    """Publish the decision of an office's holder; `by` must be allowed to publish for it.

    Who may publish is `Office.objects.publishable_by` (HVAL 93 §: delegated power).
    """
    if by is not None and not Office.objects.publishable_by(by).filter(pk=office.pk).exists():
        raise RuleViolation(
            _("You may not publish the decisions of %(office)s.") % {"office": office}
        )
    if decided_on > timezone.localdate():
        raise RuleViolation(_("A decision cannot be dated in the future."))
    if not office.held_on(decided_on):
        raise RuleViolation(
            _("%(office)s holds the decision power from %(start)s; the decision is dated %(day)s.")
            % {"office": office, "start": _date(office.start), "day": _date(decided_on)}
        )
    return OfficialDecision.objects.create(
        official=office.holder,
        official_title=office.title,
        title=title,
        decided_on=decided_on,
        text=text,
        appeal_type=appeal_type,
        case=case,
        number=number,
        published_at=timezone.now(),
    )


@transaction.atomic
def election_record(
    *,
    item: AgendaItem,
    position: str,
    seats: int,
    votes: dict[int, int],
    lot_winner: Person | None = None,
) -> Election:
    """Record an election by closed ballot: the most votes win; a tie at the last seat by lot.

    HVAL, as KuntaL 104 §: equal votes in an election are decided by drawing lots; the
    clerk records whom the lot chose (lot_winner).
    """
    item = _recordable(item)
    if not position.strip():
        raise RuleViolation(_("Name the position to fill."))
    if seats < 1 or len(votes) < seats:
        raise RuleViolation(_("An election needs at least as many candidates as seats."))
    ranked = sorted(votes.items(), key=lambda pair: -pair[1])
    tie = rules.election_tie_needs_lot([count for _pk, count in ranked], seats=seats)
    elected = {pk for pk, _count in ranked[:seats]}
    drawn: set[int] = set()
    if tie:
        boundary = ranked[seats - 1][1]
        tied = {pk for pk, count in ranked if count == boundary}
        if lot_winner is None or lot_winner.pk not in tied:
            raise RuleViolation(
                _(
                    "The votes are tied for the last seat, so it is decided by lot: record whom the lot chose."
                )
            )
        elected = {pk for pk, count in ranked if count > boundary} | {lot_winner.pk}
        drawn = {lot_winner.pk}
    handling = _handling_of(item)
    election = Election.objects.create(handling=handling, position=position.strip(), seats=seats)
    ElectionCandidate.objects.bulk_create(
        ElectionCandidate(
            election=election,
            person_id=pk,
            votes=count,
            elected=pk in elected,
            drawn_by_lot=pk in drawn,
        )
        for pk, count in ranked
    )
    return election
