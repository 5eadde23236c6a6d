"""The clerks' services: each lifecycle step, its legal rule, and what it refuses."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from councils import services
from councils.models import (
    AgendaItem,
    Attendance,
    MeetingState,
    Outcome,
    ProposalKind,
)
from councils.services import AttendanceRow, EditConflict, RuleViolation
from tests.factories import (
    HELSINKI,
    AgendaItemFactory,
    BodyFactory,
    CaseFactory,
    HandlingFactory,
    MeetingFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_english():  # type: ignore[no-untyped-def]
    """These tests read the English source messages; the pages use the /en/ prefix."""
    with translation.override("en"):
        yield


def _future(days: int = 20) -> datetime:
    return (timezone.now() + timedelta(days=days)).replace(
        hour=14, minute=0, second=0, microsecond=0
    )


def _planned(days: int = 20, **kwargs):  # type: ignore[no-untyped-def]
    body = kwargs.pop("body", None) or BodyFactory(seats=5, notice_days=4)
    return services.meeting_create(body=body, start=_future(days), place="Lahti", **kwargs)


# --- preparing ---


def test_meetings_are_numbered_in_turn_per_body_and_year():
    body = BodyFactory()
    first = _planned(body=body)
    second = _planned(30, body=body)
    assert (first.number, second.number) == (1, 2)
    assert first.state == MeetingState.PLANNED


def test_a_meeting_cannot_be_created_in_the_past():
    with pytest.raises(RuleViolation, match="future"):
        services.meeting_create(body=BodyFactory(), start=timezone.now() - timedelta(days=1))


def test_sections_run_on_through_the_year():
    body = BodyFactory()
    earlier = MeetingFactory(body=body, year=_future().year, start=_future(2))
    AgendaItemFactory(meeting=earlier, section=41)
    meeting = _planned(body=body)
    item = services.item_add(meeting=meeting, title="Talousarvion muutos")
    assert item.section == 42


def test_a_formality_added_to_the_agenda_is_marked_procedural():
    meeting = _planned()
    formality = services.item_add(meeting=meeting, title="Kokouksen laillisuus ja päätösvaltaisuus")
    matter = services.item_add(meeting=meeting, title="Talousarvion muutos")
    assert formality.is_procedural
    assert not matter.is_procedural


def test_a_new_case_is_created_from_its_diary_number():
    meeting = _planned()
    item = services.item_add(meeting=meeting, title="Hankinta", diary_number="7/02.08.00/2026")
    assert item.case is not None
    assert (item.case.number, item.case.task_class, item.case.year) == (7, "02.08.00", 2026)


def test_a_malformed_or_taken_diary_number_is_refused():
    meeting = _planned()
    with pytest.raises(ValidationError):
        services.item_add(meeting=meeting, title="x", diary_number="7/2026")
    CaseFactory(diary_number="8/00.01.00/2026")
    with pytest.raises(RuleViolation, match="already in use"):
        services.item_add(meeting=meeting, title="x", diary_number="8/02.02.00/2026")


def test_a_tabled_case_comes_back_with_its_history():
    handling = HandlingFactory(
        outcome=Outcome.TABLED,
        item__title="Henkilöstöohjelma",
        item__proposal="<p>Hyväksytään.</p>",
    )
    meeting = _planned()
    item = services.item_add(meeting=meeting, case=handling.item.case)
    assert item.title == "Henkilöstöohjelma"
    assert item.proposal == "<p>Hyväksytään.</p>"
    assert "pantu pöydälle" in item.body or "tabled" in item.body


def test_an_edit_on_a_stale_version_is_a_conflict_and_overwrites_nothing():
    item = AgendaItemFactory(title="Alkuperäinen")
    services.item_update(item=item, expected_version=1, changes={"title": "Ensimmäisen sihteerin"})
    with pytest.raises(EditConflict) as conflict:
        services.item_update(item=item, expected_version=1, changes={"title": "Toisen sihteerin"})
    assert conflict.value.current.title == "Ensimmäisen sihteerin"
    item.refresh_from_db()
    assert item.title == "Ensimmäisen sihteerin"
    assert item.version == 2


def test_a_confidential_item_with_a_bare_title_is_refused():
    item = AgendaItemFactory()
    with pytest.raises(RuleViolation, match="descriptive title"):
        services.item_update(
            item=item,
            expected_version=1,
            changes={
                "is_public": False,
                "title": "Ei julkinen",
                "secrecy_basis": "JulkL 24.1 § 25 k",
            },
        )


def test_moving_an_item_renumbers_both():
    meeting = _planned()
    first = services.item_add(meeting=meeting, title="Eka")
    second = services.item_add(meeting=meeting, title="Toka")
    services.item_move(item=second, up=True)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (second.section, first.section) == (1, 2)


def test_the_notice_is_refused_when_it_is_too_late():
    meeting = _planned(days=2)
    services.item_add(meeting=meeting, title="Asia")
    with pytest.raises(RuleViolation, match="at least 4 days before"):
        services.meeting_publish_notice(meeting=meeting)
    meeting.refresh_from_db()
    assert meeting.state == MeetingState.PLANNED


def test_publishing_twice_is_refused_not_repeated():
    meeting = _planned()
    services.item_add(meeting=meeting, title="Asia")
    services.meeting_publish_notice(meeting=meeting)
    with pytest.raises(RuleViolation):
        services.meeting_publish_notice(meeting=meeting)
    services.meeting_publish_agenda(meeting=meeting)
    with pytest.raises(RuleViolation, match="already been published"):
        services.meeting_publish_agenda(meeting=meeting)


def test_an_empty_agenda_is_not_published():
    meeting = _planned()
    services.meeting_publish_notice(meeting=meeting)
    with pytest.raises(RuleViolation, match="without items"):
        services.meeting_publish_agenda(meeting=meeting)


def test_the_order_of_a_published_agenda_is_fixed():
    meeting = _planned()
    services.item_add(meeting=meeting, title="Eka")
    second = services.item_add(meeting=meeting, title="Toka")
    services.meeting_publish_notice(meeting=meeting)
    services.meeting_publish_agenda(meeting=meeting)
    with pytest.raises(RuleViolation):
        services.item_move(item=second, up=True)


# --- recording ---


@pytest.fixture
def held_meeting():  # type: ignore[no-untyped-def]
    """A 5-seat committee meeting under way: five members present, one item on the agenda."""
    body = BodyFactory(seats=5, notice_days=4)
    meeting = MeetingFactory(
        body=body, start=timezone.now() - timedelta(hours=1), year=timezone.now().year
    )
    item = AgendaItemFactory(meeting=meeting, section=1, proposal="<p>Hyväksytään suunnitelma.</p>")
    members = [PersonFactory(last_name=f"Jäsen{i}") for i in range(5)]
    services.attendance_record(
        meeting=meeting,
        rows=[
            AttendanceRow(person=p, role="chair" if i == 0 else "member", presence="present")
            for i, p in enumerate(members)
        ],
    )
    services.handling_record(item=item, outcome=Outcome.AS_PROPOSED, decision=item.proposal)
    return meeting, item, members


def test_an_unseconded_counter_proposal_lapses_and_cannot_be_voted(held_meeting):
    _meeting, item, members = held_meeting
    lapsed = services.counter_proposal_add(
        item=item, proposer=members[1], text="Hylätään.", seconder=None
    )
    with pytest.raises(RuleViolation, match="lapses"):
        services.vote_record(item=item, counter_proposal=lapsed, ballots={}, chair=members[0])


def test_a_tie_goes_to_the_chairs_side(held_meeting):
    _meeting, item, members = held_meeting
    counter = services.counter_proposal_add(
        item=item, proposer=members[1], text="Hylätään.", seconder=members[2]
    )
    ballots = {
        members[0].pk: "no",
        members[1].pk: "no",
        members[2].pk: "yes",
        members[3].pk: "yes",
        members[4].pk: "blank",
    }
    vote = services.vote_record(
        item=item, counter_proposal=counter, ballots=ballots, chair=members[0]
    )
    assert vote.result is not None and vote.result.decided_by_chair
    assert vote.winning_proposal == counter
    assert vote.yes_proposal.kind == ProposalKind.PRESENTER


def test_a_tie_with_a_blank_chair_is_refused(held_meeting):
    _meeting, item, members = held_meeting
    counter = services.counter_proposal_add(
        item=item, proposer=members[1], text="Hylätään.", seconder=members[2]
    )
    ballots = {
        members[0].pk: "blank",
        members[1].pk: "no",
        members[2].pk: "yes",
        members[3].pk: "absent",
        members[4].pk: "blank",
    }
    with pytest.raises(RuleViolation, match="chair"):
        services.vote_record(item=item, counter_proposal=counter, ballots=ballots, chair=members[0])


def test_more_ballots_than_members_is_refused(held_meeting):
    _meeting, item, members = held_meeting
    counter = services.counter_proposal_add(
        item=item, proposer=members[1], text="Hylätään.", seconder=members[2]
    )
    ballots = {p.pk: "yes" for p in members} | {PersonFactory().pk: "no"}
    with pytest.raises(RuleViolation, match="6 ballots but only 5"):
        services.vote_record(item=item, counter_proposal=counter, ballots=ballots, chair=members[0])


def test_a_disqualified_member_takes_no_part_in_the_vote(held_meeting):
    _meeting, item, members = held_meeting
    services.disqualification_record(item=item, person=members[4], ground="close_person")
    assert members[4].pk not in {a.person_id for a in services.voters_for(item)}
    assert services.item_quorum(item) == (4, 3, True)
    counter = services.counter_proposal_add(
        item=item, proposer=members[1], text="Hylätään.", seconder=members[2]
    )
    ballots = {p.pk: "yes" for p in members}
    with pytest.raises(RuleViolation):
        services.vote_record(item=item, counter_proposal=counter, ballots=ballots, chair=members[0])


def test_a_missing_ballot_is_named(held_meeting):
    _meeting, item, members = held_meeting
    counter = services.counter_proposal_add(
        item=item, proposer=members[1], text="Hylätään.", seconder=members[2]
    )
    ballots = {p.pk: "yes" for p in members[:4]}
    with pytest.raises(RuleViolation, match=members[4].last_name):
        services.vote_record(item=item, counter_proposal=counter, ballots=ballots, chair=members[0])


def test_someone_absent_cannot_propose(held_meeting):
    _meeting, item, _members = held_meeting
    with pytest.raises(RuleViolation, match="not a member taking part"):
        services.counter_proposal_add(item=item, proposer=PersonFactory(), text="x", seconder=None)


# --- minutes ---


def _checked(held_meeting):  # type: ignore[no-untyped-def]
    meeting, item, members = held_meeting
    services.meeting_mark_held(meeting=meeting)
    services.minutes_draft(
        meeting=meeting, checker_1=members[1], checker_2=members[2], checked_at_meeting=False
    )
    services.minutes_approve(meeting=meeting, checker=members[1])
    services.minutes_approve(meeting=meeting, checker=members[2])
    meeting.refresh_from_db()
    return meeting, item, members


def test_minutes_need_every_item_handled(held_meeting):
    meeting, _item, members = held_meeting
    AgendaItemFactory(meeting=meeting, section=2)
    services.meeting_mark_held(meeting=meeting)
    with pytest.raises(RuleViolation, match="§ 2"):
        services.minutes_draft(
            meeting=meeting, checker_1=members[1], checker_2=members[2], checked_at_meeting=False
        )


def test_the_checkers_must_be_two_attendees(held_meeting):
    meeting, _item, members = held_meeting
    services.meeting_mark_held(meeting=meeting)
    with pytest.raises(RuleViolation, match="two different"):
        services.minutes_draft(
            meeting=meeting, checker_1=members[1], checker_2=members[1], checked_at_meeting=False
        )
    with pytest.raises(RuleViolation, match="did not attend"):
        services.minutes_draft(
            meeting=meeting,
            checker_1=members[1],
            checker_2=PersonFactory(),
            checked_at_meeting=False,
        )


def test_only_the_named_checkers_approve_and_both_are_needed(held_meeting):
    meeting, _item, members = held_meeting
    services.meeting_mark_held(meeting=meeting)
    services.minutes_draft(
        meeting=meeting, checker_1=members[1], checker_2=members[2], checked_at_meeting=False
    )
    with pytest.raises(RuleViolation, match="Only the two checkers"):
        services.minutes_approve(meeting=meeting, checker=members[3])
    services.minutes_approve(meeting=meeting, checker=members[1])
    with pytest.raises(RuleViolation, match="already approved"):
        services.minutes_approve(meeting=meeting, checker=members[1])
    meeting.refresh_from_db()
    assert meeting.state == MeetingState.MINUTES_DRAFTED
    with pytest.raises(RuleViolation):
        services.minutes_publish(meeting=meeting)


def test_publishing_stores_the_appeal_clock_and_a_first_version(
    held_meeting, django_capture_on_commit_callbacks
):
    from councils.signals import minutes_published

    meeting, item, _members = _checked(held_meeting)
    received = []

    def _listener(sender, meeting, **kwargs):  # type: ignore[no-untyped-def]
        received.append(meeting.pk)

    minutes_published.connect(_listener)
    published_at = datetime(2026, 5, 29, 12, tzinfo=HELSINKI)
    try:
        with (
            django_capture_on_commit_callbacks(execute=True),
            mock.patch("django.utils.timezone.now", return_value=published_at),
        ):
            services.minutes_publish(meeting=meeting)
    finally:
        minutes_published.disconnect(_listener)
    item.refresh_from_db()
    assert item.appeal_deemed_received == date(2026, 6, 5)
    assert item.appeal_last_day == date(2026, 6, 22)  # Midsummer Eve moves it to Monday
    assert item.versions.get().number == 1
    assert received == [meeting.pk]
    with pytest.raises(RuleViolation, match="already been published"):
        services.minutes_publish(meeting=meeting)


def test_a_correction_is_a_new_version_with_a_note(held_meeting):
    meeting, item, _members = _checked(held_meeting)
    services.minutes_publish(meeting=meeting)
    with pytest.raises(RuleViolation, match="note"):
        services.decision_correct(item=item, decision="<p>Korjattu.</p>", note=" ")
    version = services.decision_correct(
        item=item, decision="<p>Korjattu päätös.</p>", note="Kirjoitusvirhe korjattu."
    )
    assert version.number == 2
    first = item.versions.get(number=1)
    assert "Hyväksytään suunnitelma." in first.decision
    item.handling.refresh_from_db()
    assert item.handling.decision == "<p>Korjattu päätös.</p>"


def test_published_items_are_not_edited_in_place(held_meeting):
    meeting, item, _members = _checked(held_meeting)
    services.minutes_publish(meeting=meeting)
    item.refresh_from_db()
    with pytest.raises(RuleViolation, match="correction"):
        services.item_update(
            item=item, expected_version=item.version, changes={"title": "Muutettu"}
        )


def test_every_change_leaves_an_audit_record(held_meeting):
    meeting, item, _members = _checked(held_meeting)
    services.minutes_publish(meeting=meeting)
    states = list(meeting.history.order_by("history_date").values_list("state", flat=True))
    assert states[-3:] == [
        MeetingState.MINUTES_DRAFTED,
        MeetingState.MINUTES_CHECKED,
        MeetingState.MINUTES_PUBLISHED,
    ]
    assert Attendance.history.count() == 5
    assert AgendaItem.history.filter(id=item.pk).exists()


def test_nothing_is_decided_without_a_quorum():
    body = BodyFactory(seats=5)
    meeting = MeetingFactory(body=body, start=timezone.now() - timedelta(hours=1))
    item = AgendaItemFactory(meeting=meeting, section=1)
    services.attendance_record(
        meeting=meeting,
        rows=[
            AttendanceRow(person=PersonFactory(), role="member", presence="present")
            for _ in range(2)
        ],
    )
    with pytest.raises(RuleViolation, match="no quorum"):
        services.handling_record(item=item, outcome=Outcome.AS_PROPOSED, decision="<p>x</p>")
    assert not hasattr(AgendaItem.objects.get(pk=item.pk), "handling")


def test_nothing_is_recorded_before_the_meeting_starts():
    """Attendance, handlings, proposals, votes and the rest wait for the start (rule named)."""
    body = BodyFactory(seats=3, notice_days=4)
    start = timezone.localtime(_future(14)).replace(hour=14)
    meeting = MeetingFactory(body=body, start=start, year=start.year)
    item = AgendaItemFactory(meeting=meeting, section=1, proposal="<p>Hyväksytään.</p>")
    members = [PersonFactory() for _ in range(3)]
    opens = r"Recording opens when the meeting starts on .+ at 14\.00"
    with pytest.raises(RuleViolation, match=opens):
        services.attendance_record(
            meeting=meeting,
            rows=[AttendanceRow(person=p, role="member", presence="present") for p in members],
        )
    attempts = [
        lambda: services.handling_record(item=item, outcome=Outcome.AS_PROPOSED, decision="x"),
        lambda: services.counter_proposal_add(
            item=item, proposer=members[0], text="Hylätään.", seconder=members[1]
        ),
        lambda: services.disqualification_record(item=item, person=members[0], ground="party"),
        lambda: services.dissent_record(item=item, person=members[0], reasons="x"),
        lambda: services.election_record(item=item, position="x", seats=1, votes={1: 1}),
        lambda: services.meeting_mark_held(meeting=meeting),
    ]
    for attempt in attempts:
        with pytest.raises(RuleViolation, match=opens):
            attempt()
    assert not Attendance.objects.filter(meeting=meeting).exists()
    assert not AgendaItem.objects.filter(pk=item.pk, handling__isnull=False).exists()
    meeting.refresh_from_db()
    assert meeting.state == MeetingState.NOTICE_PUBLISHED
