"""A forum's meeting is a councils meeting that ends in a memo: no checkers, no appeal
clock, no appeal instructions, no extracts, and a quorum only where its rules set one.

Each test runs the same meeting through councils' services for a forum and for a
committee, so that the difference comes from the body's rules and the test can fail.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from councils import documents, services
from councils.models import (
    AppealType,
    BodyKind,
    Document,
    DocumentKind,
    Meeting,
    MeetingState,
    Outcome,
)
from councils.services import AttendanceRow, RuleViolation
from tests.factories import BodyFactory, MembershipFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path


def _held_meeting(kind: str, **body: object) -> tuple[Meeting, object]:
    """A meeting with one item, its agenda out and the meeting begun an hour ago."""
    body_row = BodyFactory(kind=kind, seats=3, notice_days=3, **body)
    meeting = services.meeting_create(body=body_row, start=timezone.now() + timedelta(days=10))
    item = services.item_add(meeting=meeting, title="Järjestöyhteistyön malli")
    services.meeting_publish_notice(meeting=meeting)
    services.meeting_publish_agenda(meeting=meeting)
    Meeting.objects.filter(pk=meeting.pk).update(start=timezone.now() - timedelta(hours=1))
    meeting.refresh_from_db()
    return meeting, item


def _checkers(meeting: Meeting) -> tuple[object, object]:
    people = [PersonFactory(), PersonFactory()]
    services.attendance_record(
        meeting=meeting,
        rows=[AttendanceRow(person=p, role="member", presence="present") for p in people],
    )
    return people[0], people[1]


def _publish(meeting: Meeting, *, with_checkers: bool) -> None:
    services.meeting_mark_held(meeting=meeting)
    if with_checkers:
        first, second = _checkers(meeting)
        services.minutes_draft(
            meeting=meeting, checker_1=first, checker_2=second, checked_at_meeting=False
        )
        services.minutes_approve(meeting=meeting, checker=first)
        services.minutes_approve(meeting=meeting, checker=second)
    else:
        services.minutes_draft(
            meeting=meeting, checker_1=None, checker_2=None, checked_at_meeting=False
        )
    services.minutes_publish(meeting=meeting)


def test_a_forum_discusses_without_a_quorum_and_its_memo_needs_no_checkers():
    meeting, item = _held_meeting(BodyKind.FORUM)
    # Nobody's attendance is recorded, yet the forum's discussion is recorded.
    services.handling_record(item=item, outcome=Outcome.NOTED, decision="")
    services.meeting_mark_held(meeting=meeting)
    services.minutes_draft(
        meeting=meeting, checker_1=None, checker_2=None, checked_at_meeting=False
    )
    meeting.refresh_from_db()
    assert meeting.state == MeetingState.MINUTES_CHECKED
    services.minutes_publish(meeting=meeting)
    meeting.refresh_from_db()
    assert meeting.state == MeetingState.MINUTES_PUBLISHED


def test_a_committee_needs_its_quorum_and_two_checkers():
    meeting, item = _held_meeting(BodyKind.COMMITTEE)
    with pytest.raises(RuleViolation, match="108"):
        services.handling_record(item=item, outcome=Outcome.NOTED, decision="")
    _checkers(meeting)  # two of three members present: quorate
    services.handling_record(item=item, outcome=Outcome.NOTED, decision="")
    services.meeting_mark_held(meeting=meeting)
    with pytest.raises(RuleViolation, match="kaksi eri tarkastajaa"):
        services.minutes_draft(
            meeting=meeting, checker_1=None, checker_2=None, checked_at_meeting=False
        )


def test_a_forum_whose_rules_set_a_quorum_needs_it():
    _meeting, item = _held_meeting(BodyKind.FORUM, quorum_rule="more_than_half")
    with pytest.raises(RuleViolation, match="108"):
        services.handling_record(item=item, outcome=Outcome.NOTED, decision="")


def _published(kind: str):  # type: ignore[no-untyped-def]
    meeting, item = _held_meeting(kind)
    MembershipFactory.create_batch(3, body=meeting.body)
    if kind == BodyKind.FORUM:
        services.handling_record(item=item, outcome=Outcome.NOTED, decision="<p>Sovittiin.</p>")
        _publish(meeting, with_checkers=False)
    else:
        first, second = _checkers(meeting)
        services.attendance_record(
            meeting=meeting,
            rows=[AttendanceRow(person=PersonFactory(), role="member", presence="present")],
        )
        services.handling_record(
            item=item, outcome=Outcome.AS_PROPOSED, decision="<p>Hyväksyttiin.</p>"
        )
        services.meeting_mark_held(meeting=meeting)
        services.minutes_draft(
            meeting=meeting, checker_1=first, checker_2=second, checked_at_meeting=False
        )
        services.minutes_approve(meeting=meeting, checker=first)
        services.minutes_approve(meeting=meeting, checker=second)
        services.minutes_publish(meeting=meeting)
    item.refresh_from_db()
    return meeting, item


def test_a_forum_meeting_has_no_appeal_clock():
    _meeting, item = _published(BodyKind.FORUM)
    assert item.appeal_type == AppealType.NONE
    assert item.appeal_last_day is None and item.appeal_deemed_received is None
    assert item.appeal_dates() is None
    _meeting, committee_item = _published(BodyKind.COMMITTEE)
    assert committee_item.appeal_last_day is not None
    assert committee_item.appeal_dates() is not None


def test_residents_read_a_memo_without_appeal_instructions(client):
    meeting, item = _published(BodyKind.FORUM)
    page = client.get(item.get_absolute_url()).content.decode()
    assert "Tämä on keskustelun muistio" in page
    assert 'class="appeal"' not in page and "Oikaisuvaatimus" not in page
    meeting_page = client.get(meeting.get_absolute_url()).content.decode()
    assert '<h2 id="minutes-heading">Muistio</h2>' in meeting_page
    assert "Muistio julkaistu" in meeting_page and "Pöytäkirja julkaistu" not in meeting_page
    assert "Tarkastajat" not in meeting_page
    _meeting, committee_item = _published(BodyKind.COMMITTEE)
    committee_page = client.get(committee_item.get_absolute_url()).content.decode()
    assert 'class="appeal"' in committee_page and "Oikaisuvaatimus" in committee_page


def test_the_memo_document_has_no_appeal_instructions_and_no_extracts(
    django_capture_on_commit_callbacks,
):
    meeting, _item = _published(BodyKind.FORUM)
    with django_capture_on_commit_callbacks(execute=True):
        from councils.signals import minutes_published

        minutes_published.send(sender=Meeting, meeting=meeting)
    kinds = list(Document.objects.filter(meeting=meeting).values_list("kind", flat=True))
    assert kinds == [DocumentKind.MINUTES]
    html = documents.render_html(Document.objects.get(meeting=meeting))
    assert ": muistio 1/" in html
    assert "Muutoksenhakuohjeet" not in html and "Pöytäkirjan tarkastus" not in html

    committee, _item = _published(BodyKind.COMMITTEE)
    (minutes,) = documents.documents_queue(committee, [DocumentKind.MINUTES])
    committee_html = documents.render_html(minutes)
    assert ": pöytäkirja 1/" in committee_html and "Muutoksenhakuohjeet" in committee_html
