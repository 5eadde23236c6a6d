"""Moving a meeting and its supplementary agenda: the notice rule, what residents see,
calendars, alerts and the clerk's pages."""

from __future__ import annotations

from datetime import datetime, timedelta
from io import BytesIO

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar
from pypdf import PdfReader

from councils import documents, services
from councils.models import (
    BodyKind,
    Document,
    DocumentKind,
    MeetingMove,
    MeetingState,
    Outcome,
    TakeUp,
)
from councils.services import AttendanceRow, RuleViolation
from portal import alerts
from portal.models import Subscription, SubscriptionKind, SubscriptionState
from tests.factories import BodyFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


def _at(days: int, hour: int = 14) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    return datetime(day.year, day.month, day.day, hour, tzinfo=timezone.get_current_timezone())


def _published(days: int = 20, **body):  # type: ignore[no-untyped-def]
    """A meeting `days` ahead with its notice (sent in time) and agenda out, one item."""
    body = BodyFactory(name="Vanhusneuvosto", slug="vanhusneuvosto", notice_days=4, **body)
    meeting = services.meeting_create(body=body, start=_at(days), place="Lahti, sali 1")
    services.item_add(meeting=meeting, title="Ikäohjelma", diary_number="12/00.01.00/2026")
    services.meeting_publish_notice(
        meeting=meeting, today=min(timezone.localdate(), _at(days - 4).date())
    )
    services.meeting_publish_agenda(meeting=meeting)
    meeting.refresh_from_db()
    return meeting


def _move(meeting, days: int, **changes):  # type: ignore[no-untyped-def]
    values = {
        "start": _at(days),
        "end": None,
        "place": meeting.place,
        "mode": meeting.mode,
        "reason": "Sali on remontissa.",
    } | changes
    return services.meeting_move(meeting=meeting, **values)


@pytest.fixture(autouse=True)
def _in_english():  # type: ignore[no-untyped-def]
    with translation.override("en"):
        yield


# --- the notice rule ---


def test_a_planned_meeting_moves_freely_and_residents_see_no_change(client):
    body = BodyFactory(notice_days=4)
    meeting = services.meeting_create(body=body, start=_at(20))
    move = _move(meeting, 3)
    meeting.refresh_from_db()
    assert meeting.start == _at(3)
    assert not move.after_notice


def test_a_move_after_the_notice_must_leave_the_notice_period():
    meeting = _published(20)
    with pytest.raises(RuleViolation, match="at least 4 days before the meeting") as refused:
        _move(meeting, 3)
    assert "Choose a later day, or cancel the meeting" in str(refused.value)
    meeting.refresh_from_db()
    assert meeting.start == _at(20)
    assert not MeetingMove.objects.exists()
    move = _move(meeting, 4)
    assert move.after_notice
    assert (move.old_start, move.new_start) == (_at(20), _at(4))
    meeting.refresh_from_db()
    assert meeting.start == _at(4)
    assert meeting.notice_published_at is not None  # the first notice stays in the history


def test_a_new_place_at_the_same_time_is_published_at_once():
    meeting = _published(2)
    move = _move(meeting, 2, place="Lahti, sali 2", mode="hybrid")
    assert move.place_changed and move.mode_changed and not move.time_changed


def test_a_second_identical_move_changes_nothing():
    meeting = _published(20)
    _move(meeting, 27)
    meeting.refresh_from_db()
    with pytest.raises(RuleViolation, match="nothing was changed"):
        _move(meeting, 27)
    assert MeetingMove.objects.count() == 1


@pytest.mark.parametrize(
    ("days", "message"),
    [(-1, "future"), (400, "another year"), (30, "reason")],
)
def test_bad_moves_are_refused_with_the_reason(days, message):
    meeting = _published(20)
    reason = "" if message == "reason" else "Syy."
    if message == "another year":
        days = (timezone.localdate().replace(month=12, day=31) - timezone.localdate()).days + 5
    with pytest.raises(RuleViolation, match=message):
        _move(meeting, days, reason=reason)


def test_a_meeting_that_has_started_is_not_moved():
    meeting = _published(20)
    meeting.start = timezone.now() - timedelta(minutes=5)
    meeting.save(update_fields=["start"])
    with pytest.raises(RuleViolation, match="started"):
        _move(meeting, 25)


# --- what residents see ---


def test_residents_see_moved_from_on_the_meeting_page_and_in_lists(client):
    meeting = _published(20)
    _move(meeting, 27, place="Heinola, valtuustosali")
    old = _at(20)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "This meeting has been moved." in page
    assert f"moved from {old:%A} {old.day}.{old.month}.{old.year} at 14.00, Lahti, sali 1" in page
    assert "Sali on remontissa." in page
    assert "A changed notice was published on" in page
    body_page = client.get("/en/toimielimet/vanhusneuvosto/").content.decode()
    assert f"moved from {old.day}.{old.month}.{old.year} at 14.00</strong>" in body_page
    assert "(Lahti, sali 1)" in body_page
    home = client.get("/en/").content.decode()
    assert f"moved from {old.day}.{old.month}.{old.year} at 14.00" in home


def test_the_calendar_keeps_the_uid_with_a_higher_sequence(client):
    meeting = _published(20)
    (before,) = Calendar.from_ical(client.get("/kokoukset.ics").content).walk("VEVENT")
    _move(meeting, 27)
    (after,) = Calendar.from_ical(client.get("/kokoukset.ics").content).walk("VEVENT")
    assert str(after["uid"]) == str(before["uid"])
    assert int(after["sequence"]) > int(before["sequence"])
    assert after.decoded("dtstart") == _at(27)


def test_followers_hear_of_a_move_in_the_daily_digest():
    meeting = _published(20)
    Subscription.objects.create(
        email="asukas@example.invalid",
        kind=SubscriptionKind.BODY,
        body=meeting.body,
        state=SubscriptionState.ACTIVE,
        confirmed_at=timezone.now() - timedelta(days=1),
        language="en",
    )
    _move(meeting, 27, place="Heinola")
    alerts.digest_send()
    (digest,) = mail.outbox
    old = _at(20)
    assert "Moved meetings" in digest.body
    assert f"moved from {old.day}.{old.month}.{old.year} at 14.00, Lahti, sali 1" in digest.body
    assert "Sali on remontissa." in digest.body


def test_the_agenda_pdf_says_where_the_meeting_was_to_be_held(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    meeting = _published(20)
    _move(meeting, 27)
    agenda = Document.objects.create(kind=DocumentKind.AGENDA, meeting=meeting, version=9)
    text = " ".join(
        p.extract_text() for p in PdfReader(BytesIO(documents.render_pdf(agenda))).pages
    )
    assert "alun perin" in text and "Sali on remontissa." in text


# --- the clerk's page ---


def test_the_clerk_moves_a_meeting_from_its_page(client):
    meeting = _published(20)
    clerk = UserFactory()
    meeting.body.clerks.add(clerk)
    client.force_login(clerk)
    url = reverse("staff:meeting_move", args=[meeting.pk])
    page = client.get(url).content.decode()
    assert "Move the meeting" in page
    assert 'name="reason"' in page
    day = _at(3).date().isoformat()
    late = client.post(
        url,
        {"day": day, "start_time": "14:00", "place": "Lahti", "mode": "in_person", "reason": "x"},
    )
    assert late.status_code == 400
    assert "at least 4 days before the meeting" in late.content.decode()
    day = _at(27).date().isoformat()
    moved = client.post(
        url,
        {"day": day, "start_time": "16:30", "place": "Lahti", "mode": "in_person", "reason": "x"},
    )
    assert moved.status_code == 302
    meeting.refresh_from_db()
    assert timezone.localtime(meeting.start).hour == 16
    workspace = client.get(reverse("staff:meeting", args=[meeting.pk])).content.decode()
    assert "moved from" in workspace


# --- the supplementary agenda ---


def test_a_published_agenda_takes_items_only_on_its_supplementary_agenda(client):
    meeting = _published(20)
    with pytest.raises(RuleViolation, match="supplementary agenda"):
        services.item_add(meeting=meeting, title="Myöhästynyt asia")
    item = services.item_add_supplementary(meeting=meeting, title="Lausunto ikäohjelmasta")
    assert item.supplementary_at is not None
    assert item.supplementary_on_time()
    with pytest.raises(RuleViolation, match="already on the agenda"):
        services.item_add_supplementary(meeting=meeting, title="Lausunto ikäohjelmasta")
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "supplementary agenda" in page
    assert "Lausunto ikäohjelmasta" in page
    assert "A supplementary agenda was published on" in page


def _started(meeting):  # type: ignore[no-untyped-def]
    """The meeting begins, with three members present."""
    meeting.start = timezone.now() - timedelta(minutes=30)
    meeting.save(update_fields=["start"])
    members = [PersonFactory() for _ in range(3)]
    services.attendance_record(
        meeting=meeting,
        rows=[
            AttendanceRow(person=p, role="chair" if i == 0 else "member", presence="present")
            for i, p in enumerate(members)
        ],
    )
    return members


def test_an_item_added_after_the_notice_period_is_decided_only_once_taken_up():
    meeting = _published(2, seats=3)
    item = services.item_add_supplementary(meeting=meeting, title="Kiireellinen lausunto")
    item.proposal = "<p>Annetaan lausunto.</p>"
    item.save(update_fields=["proposal"])
    assert not item.supplementary_on_time()
    _started(meeting)
    with pytest.raises(RuleViolation, match="declared the matter urgent"):
        services.handling_record(item=item, outcome=Outcome.AS_PROPOSED, decision="<p>x</p>")
    services.item_take_up_record(item=item, decision=TakeUp.URGENT)
    services.handling_record(item=item, outcome=Outcome.AS_PROPOSED, decision="<p>x</p>")
    item.refresh_from_db()
    assert item.take_up == TakeUp.URGENT


def test_an_item_not_taken_up_is_recorded_as_removed():
    meeting = _published(2, seats=3)
    item = services.item_add_supplementary(meeting=meeting, title="Lisäasia")
    _started(meeting)
    services.item_take_up_record(item=item, decision=TakeUp.DECLINED)
    item.refresh_from_db()
    assert item.handling.outcome == Outcome.REMOVED
    with pytest.raises(RuleViolation, match="did not take the matter up"):
        services.handling_record(item=item, outcome=Outcome.AS_PROPOSED, decision="<p>x</p>")


def test_the_council_takes_up_an_unprepared_item_only_unanimously():
    meeting = _published(2, seats=3, kind=BodyKind.COUNCIL)
    item = services.item_add_supplementary(meeting=meeting, title="Valmistelematon asia")
    _started(meeting)
    with pytest.raises(RuleViolation, match="unanimous"):
        services.item_take_up_record(item=item, decision=TakeUp.URGENT)
    services.item_take_up_record(item=item, decision=TakeUp.UNANIMOUS)


def test_minutes_are_not_drafted_while_a_late_item_waits_for_its_take_up():
    meeting = _published(2, seats=3)
    item = services.item_add_supplementary(meeting=meeting, title="Lisäasia")
    members = _started(meeting)
    services.handling_record(
        item=meeting.items.get(section=1), outcome=Outcome.NOTED, decision="<p>Merkittiin.</p>"
    )
    services.dissent_record(item=item, person=members[1], reasons="")  # begins its handling
    services.meeting_mark_held(meeting=meeting)
    with pytest.raises(RuleViolation, match=f"§ {item.section} was added to the supplementary"):
        services.minutes_draft(
            meeting=meeting, checker_1=members[1], checker_2=members[2], checked_at_meeting=False
        )
    meeting.refresh_from_db()
    assert meeting.state == MeetingState.HELD


def test_the_supplementary_item_is_marked_in_the_pdfs_and_the_digest(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    meeting = _published(20)
    Subscription.objects.create(
        email="asukas@example.invalid",
        kind=SubscriptionKind.BODY,
        body=meeting.body,
        state=SubscriptionState.ACTIVE,
        confirmed_at=timezone.now() - timedelta(days=1),
        language="en",
    )
    item = services.item_add_supplementary(meeting=meeting, title="Lausunto ikäohjelmasta")
    agenda = Document.objects.create(kind=DocumentKind.AGENDA, meeting=meeting, version=9)
    text = " ".join(
        p.extract_text() for p in PdfReader(BytesIO(documents.render_pdf(agenda))).pages
    )
    assert "Lausunto ikäohjelmasta (lisäesityslista)" in text
    assert "Lisäesityslista" in text
    extract = Document.objects.create(kind=DocumentKind.EXTRACT, meeting=meeting, item=item)
    text = " ".join(
        p.extract_text() for p in PdfReader(BytesIO(documents.render_pdf(extract))).pages
    )
    assert "Lisäesityslista, julkaistu" in text
    alerts.digest_send()
    (digest,) = mail.outbox
    assert "Added to a supplementary agenda" in digest.body
    assert f"§ {item.section} Lausunto ikäohjelmasta" in digest.body


# --- queries per page ---


def _add_moves(meeting, n: int) -> None:  # type: ignore[no-untyped-def]
    for _ in range(n):
        MeetingMove.objects.create(
            meeting=meeting,
            reason="Sali varattu.",
            after_notice=True,
            old_start=meeting.start,
            old_place="Lahti",
            old_mode="in_person",
            new_start=meeting.start,
            new_place=meeting.place,
            new_mode=meeting.mode,
        )


def test_the_meeting_page_queries_do_not_grow_with_moves_or_supplementary_items(client):
    from tests.councils.test_pages import assert_constant_queries

    meeting = _published(20)

    def add(n: int) -> None:
        _add_moves(meeting, n)
        for i in range(n):
            services.item_add_supplementary(meeting=meeting, title=f"Lisäasia {i} {timezone.now()}")

    assert_constant_queries(client, meeting.get_absolute_url(), add, limit=6)


def test_meeting_lists_show_moves_in_the_same_queries(client):
    from tests.councils.test_pages import assert_constant_queries

    meeting = _published(20)
    body = meeting.body

    def add(n: int) -> None:
        for _ in range(n):
            other = services.meeting_create(body=body, start=_at(21), place="Lahti")
            services.meeting_publish_notice(meeting=other)
            _add_moves(other, 1)

    assert_constant_queries(client, f"/en/toimielimet/{body.slug}/", add, limit=8)


def test_the_move_page_queries_do_not_grow_with_earlier_moves(client):
    from tests.councils.test_pages import assert_constant_queries

    meeting = _published(20)
    clerk = UserFactory()
    meeting.body.clerks.add(clerk)
    client.force_login(clerk)
    url = reverse("staff:meeting_move", args=[meeting.pk])
    assert_constant_queries(client, url, lambda n: _add_moves(meeting, n), limit=8)


def test_the_move_form_starts_from_the_current_time_in_values_a_browser_accepts(client):
    meeting = _published(20)
    clerk = UserFactory()
    meeting.body.clerks.add(clerk)
    client.force_login(clerk)
    with translation.override("fi"):
        html = client.get(reverse("staff:meeting_move", args=[meeting.pk])).content.decode()
    assert f'value="{_at(20).date().isoformat()}"' in html
    assert 'value="14:00"' in html


# --- bad input and htmx on the new staff views ---


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"day": "9999-12-31", "start_time": "14:00", "mode": "in_person", "reason": "x"},
        {"day": "2026-02-30", "start_time": "25:99", "mode": "in_person", "reason": "x"},
        {"day": "2026-12-01", "start_time": "14:00", "mode": "' OR 1=1--", "reason": "x"},
        {"day": "2026-12-01", "start_time": "14:00", "mode": "in_person", "reason": "x" * 10_000},
        {"day": "2026-12-01", "start_time": "14:00", "mode": "in_person", "place": "x" * 10_000},
    ],
)
def test_bad_move_input_gets_a_message_and_changes_nothing(client, data):
    meeting = _published(20)
    clerk = UserFactory()
    meeting.body.clerks.add(clerk)
    client.force_login(clerk)
    response = client.post(reverse("staff:meeting_move", args=[meeting.pk]), data)
    assert response.status_code == 400
    assert "Please correct the following" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.start == _at(20)
    assert not MeetingMove.objects.exists()


def test_a_supplementary_item_added_with_htmx_answers_with_the_agenda(client):
    meeting = _published(20)
    clerk = UserFactory()
    meeting.body.clerks.add(clerk)
    client.force_login(clerk)
    url = reverse("staff:supplementary_item_add", args=[meeting.pk])
    response = client.post(url, {"lisa-title": "Lisäasia"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="agenda"' in html and "<html" not in html
    assert "Lisäasia" in html and "supplementary agenda" in html
    again = client.post(url, {"lisa-title": "Lisäasia"}, HTTP_HX_REQUEST="true")
    assert again.status_code == 422
    assert "already on the agenda" in again.content.decode()
    too_long = client.post(url, {"lisa-title": "x" * 10_000})
    assert too_long.status_code == 400
    assert meeting.items.filter(title="Lisäasia").count() == 1


def test_the_take_up_form_refuses_a_value_outside_its_choices(client):
    meeting = _published(2, seats=3)
    item = services.item_add_supplementary(meeting=meeting, title="Lisäasia")
    _started(meeting)
    clerk = UserFactory()
    meeting.body.clerks.add(clerk)
    client.force_login(clerk)
    url = reverse("staff:take_up_save", args=[item.pk])
    bad = client.post(url, {"otto-decision": "' OR 1=1--"}, HTTP_HX_REQUEST="true")
    assert bad.status_code == 422
    item.refresh_from_db()
    assert item.take_up == ""
    good = client.post(url, {"otto-decision": "urgent"}, HTTP_HX_REQUEST="true")
    assert good.status_code == 200
    assert 'id="recording"' in good.content.decode()
    item.refresh_from_db()
    assert item.take_up == TakeUp.URGENT
