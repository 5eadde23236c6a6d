"""The demo content of decision making (councils/demo/), as a resident would meet it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date, datetime
from io import StringIO
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.db import transaction
from django.test import RequestFactory

from councils.models import (
    AgendaItem,
    Case,
    Handling,
    Meeting,
    MeetingState,
    OfficialDecision,
    Outcome,
    Person,
    Proposal,
    ProposalKind,
    Vote,
)
from councils.rules import Side, confidential_item_problems
from tests.demo_snapshot import load_demo

pytestmark = pytest.mark.django_db

HELSINKI = ZoneInfo("Europe/Helsinki")


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: Any) -> Iterator[str]:
    """The demo, loaded once for this module and rolled back after it (loading takes seconds)."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield load_demo()
        transaction.set_rollback(True)


def _strategy_items() -> list[AgendaItem]:
    case = Case.objects.get(
        items__meeting__body__slug="aluevaltuusto",
        items__title="Hyvinvointialuestrategia 2023–2025",
    )
    return list(case.items.select_related("meeting__body", "handling").order_by("meeting__start"))


def test_it_prints_what_it_loaded(demo):
    assert "Councils: 17 bodies" in demo
    assert "agenda items" in demo


def test_it_has_the_strategy_handled_by_the_board_and_then_the_council(demo):
    handled = [
        (item.meeting.body.slug, item.meeting.start.astimezone(HELSINKI).date())
        for item in _strategy_items()
        if item.handling.outcome != Outcome.NOTED
    ]
    assert handled == [("aluehallitus", date(2022, 6, 6)), ("aluevaltuusto", date(2022, 6, 13))]


def test_it_links_the_boards_strategy_page_to_the_councils_decision(demo, client):
    board, council = (i for i in _strategy_items() if i.handling.outcome != Outcome.NOTED)
    page = client.get(board.get_absolute_url()).content.decode()
    assert council.get_absolute_url() in page
    assert board.case.diary_number in page
    assert "/00.01.00/2022" in board.case.diary_number


def test_it_records_the_boards_strategy_vote_as_a_tie_decided_by_the_chair(demo):
    vote = Vote.objects.get(
        handling__item__meeting__body__slug="aluehallitus",
        handling__item__title="Hyvinvointialuestrategia 2023–2025",
    )
    result = vote.result
    assert result is not None
    assert result.yes == result.no
    assert result.decided_by_chair
    assert result.winner == Side.YES
    assert vote.winning_proposal == vote.yes_proposal
    assert vote.yes_proposal.kind == ProposalKind.PRESENTER
    assert vote.no_proposal.seconder is not None
    chair = vote.ballots.get(person=vote.chair)
    assert chair.choice == "yes"
    assert vote.handling.dissents.exists()


def test_every_meeting_with_published_minutes_had_a_quorum_and_checked_minutes(demo):
    meetings = Meeting.objects.filter(state=MeetingState.MINUTES_PUBLISHED).select_related(
        "body", "minutes"
    )
    assert meetings.count() > 100
    for meeting in meetings:
        present = (
            meeting.attendances.filter(role__in=["chair", "member", "deputy"])
            .exclude(presence="absent")
            .count()
        )
        # Asked of the body (councils/rules.py): a forum's memo needs no quorum or checkers.
        assert meeting.body.rules.has_quorum(seats=meeting.body.seats, present=present), meeting
        minutes = meeting.minutes
        if meeting.body.rules.record_checked_by_members:
            assert minutes.checker_1_id != minutes.checker_2_id
        assert minutes.published_at > meeting.start
        assert meeting.notice_published_at < meeting.start
        assert all(hasattr(item, "handling") for item in meeting.items.all())


def test_the_council_needs_two_thirds_and_had_them(demo):
    meeting = Meeting.objects.filter(
        body__slug="aluevaltuusto", state=MeetingState.MINUTES_PUBLISHED
    ).first()
    present = (
        meeting.attendances.filter(role__in=["chair", "member", "deputy"])
        .exclude(presence="absent")
        .count()
    )
    assert present >= 46


def test_it_brings_tabled_and_returned_cases_back_and_decides_them_later(demo):
    for outcome in (Outcome.TABLED, Outcome.RETURNED):
        handling = Handling.objects.select_related("item__case", "item__meeting").get(
            outcome=outcome
        )
        later = (
            AgendaItem.objects.filter(
                case=handling.item.case, meeting__start__gt=handling.item.meeting.start
            )
            .select_related("handling")
            .order_by("meeting__start")
        )
        assert later.exists(), outcome
        assert later[0].handling.outcome == Outcome.AS_PROPOSED


def test_an_amended_decision_differs_from_the_proposal(demo):
    amended = Handling.objects.filter(outcome=Outcome.AMENDED).select_related("item")
    assert amended.exists()
    for handling in amended:
        assert handling.decision != handling.item.proposal


def test_an_unseconded_counter_proposal_lapsed_without_a_vote(demo):
    lapsed = Proposal.objects.get(kind=ProposalKind.COUNTER, seconder__isnull=True)
    assert lapsed.proposer is not None
    assert not lapsed.handling.votes.exists()


def test_a_confidential_item_shows_only_a_descriptive_title_and_its_basis(demo, client):
    items = AgendaItem.objects.filter(
        is_public=False, meeting__state=MeetingState.MINUTES_PUBLISHED
    )
    assert items.exists()
    for item in items:
        assert confidential_item_problems(title=item.title, secrecy_basis=item.secrecy_basis) == []
    item = items.get(
        title="Yksilöasian oikaisuvaatimus (omaishoidon tuki)", disqualifications__isnull=False
    )
    assert item.meeting.body.slug == "yksiloasioiden-jaosto"
    assert item.disqualifications.exists()
    page = client.get(item.get_absolute_url()).content.decode()
    assert "JulkL 24.1 § 25 k" in page
    assert "Asiakas hakee oikaisua" not in page


def test_tagged_personal_data_is_hidden_once_the_appeal_period_is_over(demo, client):
    item = AgendaItem.objects.get(title="Oikaisuvaatimus palotarkastusmaksusta")
    assert '<span data-personal="">Kalevi Nurminen</span>' in item.body
    page = client.get(item.get_absolute_url()).content.decode()
    assert "Kalevi Nurminen" not in page
    assert "[henkilötieto poistettu]" in page
    decision = OfficialDecision.objects.get(number="HAJ 7/2023")
    assert "Marjatta Lindström" in decision.text
    assert "Marjatta Lindström" not in decision.public_text


def test_it_has_upcoming_meetings_with_agendas_and_a_planned_one_kept_internal(demo):
    today = datetime(2026, 11, 23, tzinfo=HELSINKI)
    upcoming = Meeting.objects.public().filter(
        start__gte=today, state=MeetingState.NOTICE_PUBLISHED
    )
    assert upcoming.count() >= 3
    assert all(m.agenda_is_public and m.items.exists() for m in upcoming)
    planned = Meeting.objects.filter(state=MeetingState.PLANNED)
    assert planned.exists()
    assert not Meeting.objects.public().filter(pk__in=planned).exists()
    assert Meeting.objects.filter(state=MeetingState.CANCELLED).exclude(cancelled_reason="")


def test_meetings_are_numbered_per_year_and_sections_run_on(demo):
    sections: dict[tuple[int, int], list[int]] = defaultdict(list)
    numbers: dict[tuple[int, int], list[int]] = defaultdict(list)
    for meeting in Meeting.objects.order_by("start"):
        numbers[meeting.body_id, meeting.year].append(meeting.number)
        sections[meeting.body_id, meeting.year] += list(
            meeting.items.order_by("section").values_list("section", flat=True)
        )
    for key, found in numbers.items():
        assert found == list(range(1, len(found) + 1)), key
    for key, found in sections.items():
        assert found == list(range(1, len(found) + 1)), key


def test_the_demo_clerk_is_the_boards_secretary(demo):
    request = RequestFactory().post("/kirjaudu/")
    user = authenticate(request, username="sihteeri", password="raati-demo-2026")
    assert user is not None
    assert not user.is_staff
    person = Person.objects.get(user=user)
    assert person.memberships.filter(body__slug="aluehallitus", role="secretary").exists()
    assert person.political_group == ""


def test_officials_decisions_are_published_and_some_follow_a_case(demo):
    decisions = OfficialDecision.objects.published()
    assert 15 <= decisions.count() <= 25
    assert decisions.filter(case__isnull=False).count() >= 5
    assert all(d.official.title and not d.official.political_group for d in decisions)


def test_the_officials_of_the_demo_publish_and_a_board_member_does_not(demo):
    from django.contrib.auth import get_user_model

    from councils.models import Office

    users = {u.username: u for u in get_user_model().objects.all()}
    assert Office.objects.publishable_by(users["sihteeri"]).count() >= 8
    own = Office.objects.publishable_by(users["talousjohtaja"])
    assert [office.title for office in own] == ["talousjohtaja"]
    assert not Office.objects.publishable_by(users["tarkastaja1"]).exists()
    assert not Office.objects.publishable_by(users["puheenjohtaja"]).exists()


def test_running_it_twice_changes_nothing(demo):
    models = list(apps.get_app_config("councils").get_models())
    before = {model: list(model.objects.order_by("pk").values()) for model in models}
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "(0 rows created now)" in out.getvalue()
    assert {model: list(model.objects.order_by("pk").values()) for model in models} == before
