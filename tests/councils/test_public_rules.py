"""One set of rules decides what is public: the querysets, and the properties that say the
same of a loaded row, agree; every change dates what shows it (councils/changes.py)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from councils import changes
from councils.models import (
    AgendaItem,
    AppealType,
    Attachment,
    Case,
    Document,
    DocumentState,
    Meeting,
    MeetingState,
    Minutes,
)
from tests.factories import (
    AgendaItemFactory,
    AttachmentFactory,
    BallotFactory,
    BodyFactory,
    CaseFactory,
    HandlingFactory,
    MeetingFactory,
    OfficialDecisionFactory,
    PersonFactory,
    VoteFactory,
)

pytestmark = pytest.mark.django_db
HELSINKI = ZoneInfo("Europe/Helsinki")


def _meeting(state: str, *, agenda: bool) -> Meeting:
    meeting = MeetingFactory(state=state)
    if not agenda:
        Meeting.objects.filter(pk=meeting.pk).update(agenda_published_at=None)
    if state == MeetingState.MINUTES_PUBLISHED:
        Minutes.objects.create(
            meeting=meeting, checked_at_meeting=True, published_at=timezone.now()
        )
    return Meeting.objects.select_related("minutes").get(pk=meeting.pk)


@pytest.mark.parametrize("state", [s.value for s in MeetingState])
@pytest.mark.parametrize("agenda", [True, False])
def test_it_agrees_on_what_of_a_meeting_is_public(state: str, agenda: bool) -> None:
    meeting = _meeting(state, agenda=agenda)
    item = AgendaItemFactory(meeting=meeting)
    attachment = AttachmentFactory(item=item)

    assert (
        Meeting.objects.agenda_public().filter(pk=meeting.pk).exists() == meeting.agenda_is_public
    )
    assert (
        Meeting.objects.minutes_public().filter(pk=meeting.pk).exists()
        == meeting.minutes_are_public
    )
    assert (
        AgendaItem.objects.on_public_agenda().filter(pk=item.pk).exists()
        == meeting.agenda_is_public
    )
    loaded = Attachment.objects.select_related("item__meeting").get(pk=attachment.pk)
    assert Attachment.objects.public().filter(pk=attachment.pk).exists() == loaded.visible_to_public


@pytest.mark.parametrize(
    ("appeal_type", "appeal_open", "last_day_offset", "override_offset"),
    [
        (AppealType.RECTIFICATION, True, 1, None),  # the period runs
        (AppealType.RECTIFICATION, True, 0, None),  # its last day
        (AppealType.RECTIFICATION, True, -1, None),  # it ended yesterday
        (AppealType.REGIONAL_APPEAL, True, -1, 3),  # the clerk moved the last day on
        (AppealType.REGIONAL_APPEAL, True, 5, -2),  # ... or back
        (AppealType.NONE, True, None, None),  # no appeal: no personal data from the start
        (AppealType.SPECIAL, True, None, None),
        (AppealType.RECTIFICATION, False, 5, None),  # a body whose decisions are not appealed
    ],
)
def test_it_agrees_on_when_personal_data_leaves_the_web(
    appeal_type: str, appeal_open: bool, last_day_offset: int | None, override_offset: int | None
) -> None:
    today = timezone.localdate()
    meeting = _meeting(MeetingState.MINUTES_PUBLISHED, agenda=True)
    meeting.body.appeal_open = appeal_open
    meeting.body.save()
    item = AgendaItemFactory(
        meeting=meeting,
        appeal_type=appeal_type,
        appeal_last_day=today + timedelta(days=last_day_offset)
        if last_day_offset is not None
        else None,
        appeal_last_day_override=today + timedelta(days=override_offset)
        if override_offset is not None
        else None,
        appeal_override_reason="Tiedoksianto viivästyi." if override_offset is not None else "",
    )
    item = AgendaItem.objects.select_related("meeting__body", "meeting__minutes").get(pk=item.pk)

    expired = AgendaItem.objects.personal_data_expired(today).filter(pk=item.pk).exists()
    assert expired == (not item.personal_data_public(today))


def test_it_keeps_personal_data_on_an_agenda_before_the_minutes() -> None:
    item = AgendaItemFactory(meeting=_meeting(MeetingState.NOTICE_PUBLISHED, agenda=True))
    assert item.personal_data_public(timezone.localdate())
    assert (
        not AgendaItem.objects.personal_data_expired(timezone.localdate())
        .filter(pk=item.pk)
        .exists()
    )


def test_it_keeps_a_case_internal_until_something_of_it_is_public(client) -> None:  # type: ignore[no-untyped-def]
    case = CaseFactory()
    AgendaItemFactory(case=case, meeting=_meeting(MeetingState.PLANNED, agenda=False))
    url = case.get_absolute_url()
    assert not Case.objects.public().filter(pk=case.pk).exists()
    assert client.get(url).status_code == 404
    assert client.get(url + "syote.rss").status_code == 404

    OfficialDecisionFactory(case=case)
    assert Case.objects.public().filter(pk=case.pk).exists()
    assert client.get(url).status_code == 200


def test_it_shows_no_ballot_of_a_confidential_item_on_a_persons_page(client) -> None:  # type: ignore[no-untyped-def]
    person = PersonFactory()
    meeting = _meeting(MeetingState.MINUTES_PUBLISHED, agenda=True)
    public = HandlingFactory(item=AgendaItemFactory(meeting=meeting, title="Avoin asia"))
    secret = HandlingFactory(
        item=AgendaItemFactory(
            meeting=meeting,
            title="Sosiaalihuollon asiakasasia",
            is_public=False,
            secrecy_basis="JulkL 24.1 § 25 k",
        )
    )
    BallotFactory(vote=VoteFactory(handling=public), person=person)
    BallotFactory(vote=VoteFactory(handling=secret), person=person)

    page = client.get(person.get_absolute_url()).content.decode()
    assert "Avoin asia" in page
    assert "Sosiaalihuollon asiakasasia" not in page


def test_it_offers_no_minutes_whose_personal_data_has_expired_before_the_redacted_copy(
    client,
) -> None:  # type: ignore[no-untyped-def]
    meeting = _meeting(MeetingState.MINUTES_PUBLISHED, agenda=True)
    AgendaItemFactory(meeting=meeting, appeal_type=AppealType.NONE)
    minutes = Document.objects.create(
        kind="minutes", meeting=meeting, state=DocumentState.READY, sha256="a" * 64
    )
    assert not Document.objects.public_copies().filter(pk=minutes.pk).exists()
    assert client.get(f"/asiakirjat/{minutes.pk}/").status_code == 404
    assert (
        Document.objects.personal_data_expired(timezone.localdate()).filter(pk=minutes.pk).exists()
    )


def test_it_dates_a_ballot_on_its_item_meeting_and_case() -> None:
    handling = HandlingFactory()
    item = handling.item
    long_ago = datetime(2020, 1, 1, tzinfo=HELSINKI)
    AgendaItem.objects.filter(pk=item.pk).update(modified_at=long_ago)
    Meeting.objects.filter(pk=item.meeting_id).update(modified_at=long_ago)
    Case.objects.filter(pk=item.case_id).update(modified_at=long_ago)

    BallotFactory(vote=VoteFactory(handling=handling))

    for model, pk in ((AgendaItem, item.pk), (Meeting, item.meeting_id), (Case, item.case_id)):
        assert model.objects.get(pk=pk).modified_at > long_ago


def test_it_marks_an_item_modified_when_its_personal_data_expires() -> None:
    body = BodyFactory()
    meeting = MeetingFactory(body=body, state=MeetingState.MINUTES_PUBLISHED)
    Minutes.objects.create(meeting=meeting, checked_at_meeting=True, published_at=timezone.now())
    today = timezone.localdate()
    item = AgendaItemFactory(meeting=meeting, appeal_last_day=today - timedelta(days=1))
    before = datetime.combine(today - timedelta(days=1), datetime.min.time(), tzinfo=HELSINKI)
    AgendaItem.objects.filter(pk=item.pk).update(modified_at=before)

    minutes = Document.objects.create(
        kind="minutes", meeting=meeting, state=DocumentState.READY, sha256="a" * 64
    )
    Document.objects.filter(pk=minutes.pk).update(modified_at=before)

    assert changes.personal_data_expiry_touch(today=today) == 1
    start_of_today = datetime.combine(today, datetime.min.time(), tzinfo=HELSINKI)
    assert AgendaItem.objects.get(pk=item.pk).modified_at >= start_of_today
    # Its minutes with the personal data were withdrawn: a client syncing files sees it.
    assert Document.objects.get(pk=minutes.pk).modified_at >= start_of_today
    assert changes.personal_data_expiry_touch(today=today) == 0  # once


def test_it_stores_the_missing_appeal_clock_of_published_decisions() -> None:
    from councils.services import appeal_dates_store_missing

    meeting = _meeting(MeetingState.MINUTES_PUBLISHED, agenda=True)
    item = AgendaItemFactory(meeting=meeting, appeal_type=AppealType.RECTIFICATION)
    assert appeal_dates_store_missing() == 1
    item.refresh_from_db()
    assert item.appeal_last_day is not None and item.appeal_last_day > date(2000, 1, 1)
