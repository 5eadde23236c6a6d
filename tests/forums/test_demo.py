"""The participation demo (forums/demo/), loaded after the councils and strategy demos."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.db import transaction
from django.test import RequestFactory

from councils.models import Body, BodyKind, Meeting, MeetingState, Membership
from forums import rules
from forums.models import (
    CooperationAgreement,
    FollowUp,
    Forum,
    Organisation,
    Registration,
    RegistrationState,
)
from tests.demo_snapshot import load_demo

pytestmark = pytest.mark.django_db

MUNICIPALITIES = {
    "Asikkalan kunta",
    "Hartolan kunta",
    "Heinolan kaupunki",
    "Hollolan kunta",
    "Iitin kunta",
    "Kärkölän kunta",
    "Lahden kaupunki",
    "Orimattilan kaupunki",
    "Padasjoen kunta",
    "Sysmän kunta",
}


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: Any) -> Iterator[str]:
    """The demo, loaded once for this module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield load_demo()
        transaction.set_rollback(True)


def test_it_prints_what_it_loaded_and_the_new_demo_users(demo):
    assert "Participation: 39 organisations, 15 forums" in demo
    assert "'jarjestokoordinaattori'" in demo and "'foorumisihteeri'" in demo


def test_it_shows_all_four_levels_with_the_seeds_names(demo):
    levels = {
        level: sorted(Forum.objects.filter(level=level).values_list("body__name", flat=True))
        for level in ["strategic", "chairs", "tactical", "operative"]
    }
    assert levels == {
        "strategic": ["Strategisen tason foorumi"],
        "chairs": ["Puheenjohtajafoorumi"],
        "tactical": ["Järjestöneuvottelukunta", "Kuntajohtajakokous", "Yhdyspintaneuvottelukunta"],
        "operative": ["Alueellinen yhteistyöryhmä", "Turvallisuus- ja valmiustoimikunta PHTURVA"],
    }
    assert set(Body.objects.filter(forum__level__in=levels).values_list("kind", flat=True)) == {
        BodyKind.FORUM
    }


def test_it_has_the_ten_municipalities_the_liitto_and_a_dozen_associations(demo):
    public = Organisation.objects.public()
    assert set(public.filter(kind="municipality").values_list("name", flat=True)) == MUNICIPALITIES
    assert public.filter(kind="regional_council", name="Päijät-Hämeen liitto").exists()
    assert public.filter(kind="association").count() >= 12
    for kind in ["foundation", "staff_organisation", "state_agency"]:
        assert public.filter(kind=kind).exists(), kind
    # One association waits for the coordinator, unpublished.
    waiting = Registration.objects.get(state=RegistrationState.CONFIRMED)
    assert not waiting.organisation.is_public


def test_the_organisations_advisory_board_has_its_members_story_and_three_memos(demo):
    forum = Forum.objects.select_related("body").get(body__slug="jarjestoneuvottelukunta")
    members = Membership.objects.current(date(2026, 11, 30)).filter(
        body=forum.body, role__in=["chair", "vice_chair", "member"]
    )
    kinds = sorted(m.representation.organisation.kind for m in members)
    assert kinds.count("association") + kinds.count("foundation") == 10
    assert kinds.count("municipality") == 2 and kinds.count("county") == 2
    assert all(m.term_id is None for m in members)
    memos = forum.body.meetings.filter(state=MeetingState.MINUTES_PUBLISHED)
    assert memos.count() >= 3
    assert all(m.items.filter(handling__isnull=False).exists() for m in memos)
    assert "kesäkuussa 2022" in forum.history and "elokuussa 2022" in forum.history
    founders = sorted(forum.founding_decisions.values_list("meeting__body__slug", flat=True))
    assert founders == [
        "aluehallitus",
        "asiakas-ja-osallisuuslautakunta",
        "hyvinvoinnin-ja-terveyden-edistamisen-lautakunta",
    ]
    assert list(forum.topics.values_list("title", flat=True)) == [
        "Viestintäyhteistyö",
        "Tilayhteistyö",
        "Tapahtumayhteistyö",
        "Avustusyhteistyö",
    ]


def test_the_2021_working_groups_have_members_without_a_term_and_meetings(demo):
    groups = Forum.objects.preparation().select_related("body")
    assert groups.count() == 8  # the steering group, six working groups, the chairs' meeting
    for group in groups:
        memberships = Membership.objects.filter(body=group.body)
        assert memberships.exists() and not memberships.filter(term__isnull=False).exists()
        assert Meeting.objects.filter(
            body=group.body, year=2021, state=MeetingState.MINUTES_PUBLISHED
        ).exists()
    kinds = set(
        Membership.objects.filter(body__forum__level="preparation").values_list(
            "representation__organisation__kind", flat=True
        )
    )
    assert {"county", "municipality", "staff_organisation"} <= kinds


def test_the_agreement_has_its_signatories_approving_decision_and_yearly_follow_up(demo):
    agreement = CooperationAgreement.objects.get()
    signatories = set(agreement.signatories.values_list("organisation__name", flat=True))
    assert MUNICIPALITIES | {"Päijät-Hämeen liitto", "Päijät-Hämeen hyvinvointialue"} == (
        signatories
    )
    decision = agreement.approved_by
    assert decision is not None and decision.meeting.body.slug == "aluehallitus"
    assert decision.meeting.start.date() == date(2023, 5, 15)
    assert agreement.rules.count() == 7 and agreement.goals.count() == 5
    assert agreement.strategy_goal is not None and agreement.strategy_goal.code == "3"
    years = sorted(set(FollowUp.objects.values_list("year", flat=True)))
    assert years == [2023, 2024, 2025, 2026]
    assert not FollowUp.objects.filter(meeting__isnull=True).exists()


def test_no_forum_decision_can_be_appealed(demo):
    meetings = Meeting.objects.filter(body__forum__isnull=False)
    assert meetings.exists()
    for meeting in meetings.select_related("body"):
        assert meeting.body.rules.writes_memo
        assert not meeting.items.filter(appeal_last_day__isnull=False).exists()


def test_the_demo_users_sign_in_to_their_roles(demo):
    request = RequestFactory().post("/kirjaudu/")
    coordinator = authenticate(
        request, username="jarjestokoordinaattori", password="raati-demo-2026"
    )
    assert coordinator is not None and rules.may_manage_organisations(coordinator)
    secretary = authenticate(request, username="foorumisihteeri", password="raati-demo-2026")
    assert secretary is not None and not rules.may_manage_organisations(secretary)
    assert "jarjestoneuvottelukunta" in set(
        Body.objects.editable_by(secretary).values_list("slug", flat=True)
    )
    assert get_user_model().objects.get(username="foorumisihteeri").person.last_name == "Leinonen"


def test_the_demo_pages_answer(demo, client):
    for url in [
        "/osallistu/",
        "/yhteistyo/",
        "/yhteistyo/yhteistyopoytakirja-2023/",
        "/yhteistyo/valmistelu-2021/",
        "/organisaatiot/",
        "/organisaatiot/paijat-hameen-omaishoitajat/",
        "/toimielimet/jarjestoneuvottelukunta/",
        "/toimielimet/poliittinen-seurantaryhma/",
        "/strategia/hyvinvointialuestrategia-2023-2025/tavoitteet/3/",
    ]:
        assert client.get(url).status_code == 200, url


def test_six_initiatives_one_in_each_state_linked_to_the_demos_agenda_items(demo):
    from forums.models import Initiative, InitiativeState, Supporter

    assert "6 initiatives" in demo and "'kirjaamo'" in demo
    initiatives = list(Initiative.objects.public().select_related("made_at__meeting__body"))
    assert sorted(i.state for i in initiatives) == sorted(
        state for state in InitiativeState if state != InitiativeState.UNCONFIRMED
    )
    made_at = {i.made_at.title: i.made_at.meeting.body.slug for i in initiatives if i.made_at}
    assert made_at == {
        "Aloite asioinnista ilman älypuhelinta": "vanhusneuvosto",
        "Aloite selkokielisestä asioinnista": "vammaisneuvosto",
        "Aloite nuorten chat-palvelusta iltaisin": "nuorisovaltuusto",
        "Ilmoitusasiat ja valtuustoaloitteet": "aluevaltuusto",
    }
    closed = Initiative.objects.get(state=InitiativeState.CLOSED)
    assert closed.answer_item is not None
    assert closed.answer_item.title.startswith("Vastaus valtuustoaloitteeseen saattohoito")
    assert closed.contact_email == ""  # removed after closing, as the schedule says
    supporters = Supporter.objects.confirmed()
    assert supporters.filter(publish_name=True).exists()
    assert supporters.filter(publish_name=False).exists()
    # Every step is dated in order, and the overdue one shows on the dashboard.
    for initiative in initiatives:
        steps = list(initiative.steps.values_list("at", flat=True))
        assert steps == sorted(steps) and len(steps) >= 1
    assert any(i.acknowledgement_overdue(date(2026, 11, 30)) for i in initiatives)
    assert rules.REGISTRY in get_user_model().objects.get(username="kirjaamo").groups.values_list(
        "name", flat=True
    )
