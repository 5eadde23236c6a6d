"""The staff side of participation: every URL for its users, and the work done there.

The organisations coordinator's pages (a named permission, forums/rules.py) answer 403
to anyone else signed in; the chairs' forum's follow-up belongs to that forum's clerks
(councils' Body.clerks scoping) and answers 404 to a clerk of another body. Forum
secretaries use councils' own clerk tools, scoped like every body.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from councils.models import BodyKind, Membership, MembershipRole
from councils.services import RuleViolation
from forums import services
from forums.models import (
    AgreementGoal,
    CooperationAgreement,
    FollowUp,
    Organisation,
    Registration,
    RegistrationState,
    Representation,
    Representative,
)
from forums.rules import COORDINATORS
from tests.factories import (
    BodyFactory,
    ForumFactory,
    GoalFactory,
    MeetingFactory,
    OrganisationFactory,
    PersonFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():  # type: ignore[no-untyped-def]
    coordinator = UserFactory(username="koordinaattori")
    coordinator.groups.add(Group.objects.get(name=COORDINATORS))
    clerk = UserFactory(username="sihteeri")
    BodyFactory(name="Aluehallitus").clerks.add(clerk)
    admin = UserFactory(username="admin", is_superuser=True, is_staff=True)
    organisation = OrganisationFactory(name="Päijät-Hämeen Omaishoitajat ry")
    representative = Representative.objects.create(
        organisation=organisation, person=PersonFactory(), title="toiminnanjohtaja"
    )
    pending = OrganisationFactory(name="Uusi yhdistys ry", status="pending")
    registration = Registration.objects.create(
        organisation=pending,
        contact_name="Kaija",
        email="kaija@example.invalid",
        language="fi",
        state=RegistrationState.CONFIRMED,
        confirmed_at=timezone.now(),
    )
    chairs = ForumFactory(level="chairs", body__name="Puheenjohtajafoorumi")
    chairs_clerk = UserFactory(username="foorumisihteeri")
    chairs.body.clerks.add(chairs_clerk)
    agreement = CooperationAgreement.objects.create(
        slug="yhteistyopoytakirja", title="Yhteistyöpöytäkirja", signed_on=date(2023, 5, 25)
    )
    chairs.agreement = agreement
    chairs.save(update_fields=["agreement"])
    AgreementGoal.objects.create(agreement=agreement, title="Asukkaiden hyvä arki", order=1)
    AgreementGoal.objects.create(agreement=agreement, title="Valmius ja varautuminen", order=2)
    return {
        "coordinator": coordinator,
        "clerk": clerk,
        "admin": admin,
        "chairs_clerk": chairs_clerk,
        "organisation": organisation,
        "representative": representative,
        "registration": registration,
        "agreement": agreement,
        "chairs": chairs,
    }


GET_URLS = [
    ("forums_staff:dashboard", None),
    ("forums_staff:organisation_new", None),
    ("forums_staff:organisation_edit", "organisation"),
    ("forums_staff:registration_review", "registration"),
]
POST_URLS = [
    ("forums_staff:organisation_new", None),
    ("forums_staff:organisation_edit", "organisation"),
    ("forums_staff:representative_add", "organisation"),
    ("forums_staff:representative_remove", "representative"),
    ("forums_staff:registration_approve", "registration"),
    ("forums_staff:registration_reject", "registration"),
]


def _url(world, name: str, target: str | None) -> str:  # type: ignore[no-untyped-def]
    return reverse(name, args=[world[target].pk] if target else [])


def _snapshot() -> tuple[int, int, int, list[str]]:
    return (
        Organisation.objects.count(),
        Representative.objects.count(),
        Membership.objects.count(),
        sorted(Registration.objects.values_list("state", flat=True)),
    )


@pytest.mark.parametrize(
    ("method", "name", "target"),
    [("get", *u) for u in GET_URLS] + [("post", *u) for u in POST_URLS],
)
def test_anonymous_users_are_sent_to_sign_in(client, world, method, name, target):
    response = getattr(client, method)(_url(world, name, target))
    assert response.status_code == 302
    assert response["Location"].startswith("/kirjaudu/")


@pytest.mark.parametrize(
    ("method", "name", "target"),
    [("get", *u) for u in GET_URLS] + [("post", *u) for u in POST_URLS],
)
@pytest.mark.parametrize("user", ["clerk", "chairs_clerk"])
def test_staff_without_the_coordinators_role_get_403_and_change_nothing(
    client, world, user, method, name, target
):
    before = _snapshot()
    client.force_login(world[user])
    response = getattr(client, method)(_url(world, name, target))
    assert response.status_code == 403
    assert _snapshot() == before


@pytest.mark.parametrize(("name", "target"), GET_URLS)
@pytest.mark.parametrize("user", ["coordinator", "admin"])
def test_the_coordinator_and_an_administrator_open_every_page(client, world, user, name, target):
    client.force_login(world[user])
    assert client.get(_url(world, name, target)).status_code == 200


@pytest.mark.parametrize(("name", "target"), POST_URLS)
@pytest.mark.parametrize("user", ["coordinator", "admin"])
def test_an_empty_post_is_answered_never_with_a_500_or_404(client, world, user, name, target):
    client.force_login(world[user])
    response = client.post(_url(world, name, target))
    assert response.status_code in (200, 302, 400, 422)


def test_unknown_ids_are_404_for_the_coordinator(client, world):
    client.force_login(world["coordinator"])
    assert client.get(reverse("forums_staff:organisation_edit", args=[999999])).status_code == 404
    assert client.get(reverse("forums_staff:registration_review", args=[999999])).status_code == 404
    url = reverse("forums_staff:representative_remove", args=[999999])
    assert client.post(url).status_code == 404


def test_the_footer_links_the_coordinators_pages_for_the_coordinator_only(client, world):
    client.force_login(world["coordinator"])
    assert reverse("forums_staff:dashboard") in client.get("/").content.decode()
    client.force_login(world["clerk"])
    assert reverse("forums_staff:dashboard") not in client.get("/").content.decode()


# --- The organisations coordinator's work -------------------------------------------------------


def _organisation_form(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name": "Sysmän VPK ry",
        "kind": "association",
        "home_municipality": "",
        "business_id": "9900581-2",
        "activity_fields": ["rescue"],
        "description": "Sopimuspalokunta.",
        "website": "",
        "email": "",
        "phone": "",
        "address": "",
    }
    data.update(changes)
    return data


def test_the_coordinator_adds_and_edits_an_organisation(client, world):
    client.force_login(world["coordinator"])
    response = client.post(reverse("forums_staff:organisation_new"), _organisation_form())
    assert response.status_code == 302
    organisation = Organisation.objects.get(name="Sysmän VPK ry")
    assert organisation.is_public and organisation.slug == "sysman-vpk-ry"
    response = client.post(
        reverse("forums_staff:organisation_edit", args=[organisation.pk]),
        _organisation_form(name="Sysmän Vapaaehtoinen Palokunta ry", kind="state_agency"),
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.name == "Sysmän Vapaaehtoinen Palokunta ry"
    assert organisation.slug == "sysman-vpk-ry"  # shared links keep working


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"kind": "kingdom"}, "Valitse oikea vaihtoehto."),
        ({"business_id": "9900581-3"}, "tarkistusnumero ei täsmää"),
        ({"name": "Päijät-Hämeen Omaishoitajat ry"}, "on jo hakemistossa"),
        ({"name": "x" * 300}, "enintään 200 merkkiä"),
        ({"activity_fields": []}, "Valitse vähintään yksi toimiala."),
    ],
)
def test_bad_organisation_input_gets_a_message(client, world, changes, message):
    client.force_login(world["coordinator"])
    before = Organisation.objects.count()
    response = client.post(reverse("forums_staff:organisation_new"), _organisation_form(**changes))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Organisation.objects.count() == before


def test_a_representative_takes_a_seat_in_a_forum_without_a_term(client, world):
    forum = ForumFactory(body__name="Järjestöneuvottelukunta", body__slug="jnk")
    client.force_login(world["coordinator"])
    organisation = world["organisation"]
    response = client.post(
        reverse("forums_staff:representative_add", args=[organisation.pk]),
        {
            "first_name": "Marjut",
            "last_name": "Hyttinen",
            "title": "toiminnanjohtaja",
            "body": forum.body.pk,
            "role": "chair",
            "start": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 302
    membership = Membership.objects.get(body=forum.body, person__last_name="Hyttinen")
    assert membership.term is None and membership.role == MembershipRole.CHAIR
    assert membership.representation.organisation == organisation
    public = client.get(organisation.get_absolute_url()).content.decode()
    assert "Järjestöneuvottelukunta" in public and "Marjut Hyttinen" in public
    body_page = client.get("/toimielimet/jnk/").content.decode()
    assert "Päijät-Hämeen Omaishoitajat ry" in body_page and "Marjut Hyttinen" in body_page


def test_an_elected_body_takes_no_seats_named_by_organisations(world):
    committee = BodyFactory(kind=BodyKind.COMMITTEE)
    with pytest.raises(RuleViolation, match="ei ole foorumi"):
        services.representative_add(
            organisation=world["organisation"],
            first_name="Matti",
            last_name="Meikäläinen",
            body=committee,
        )
    assert not Membership.objects.filter(body=committee).exists()


def test_a_representative_without_a_name_is_refused_with_a_message(client, world):
    client.force_login(world["coordinator"])
    url = reverse("forums_staff:representative_add", args=[world["organisation"].pk])
    response = client.post(url, {"first_name": "Marjut"}, follow=True)
    assert "anna uuden henkilön etu- ja sukunimi" in response.content.decode()


def test_removing_a_representative_ends_their_seats_and_keeps_the_record(client, world):
    forum = ForumFactory()
    organisation = world["organisation"]
    person = world["representative"].person
    seat = services.forum_seat_add(
        organisation=organisation,
        person=person,
        body=forum.body,
        role="member",
        start=timezone.localdate() - timedelta(days=30),
    )
    client.force_login(world["coordinator"])
    client.post(reverse("forums_staff:representative_remove", args=[world["representative"].pk]))
    seat.refresh_from_db()
    assert seat.end == timezone.localdate()
    assert Representation.objects.filter(membership=seat).exists()
    assert not Representative.objects.filter(pk=world["representative"].pk).exists()


# --- The chairs' forum's yearly follow-up ----------------------------------------------------------


def _follow_up_url(world) -> str:  # type: ignore[no-untyped-def]
    return reverse("forums_staff:follow_up", args=[world["agreement"].pk])


def test_the_follow_up_belongs_to_the_chairs_forums_clerks(client, world):
    url = _follow_up_url(world)
    assert client.get(url)["Location"].startswith("/kirjaudu/")
    for user, status in [
        ("clerk", 404),
        ("coordinator", 404),
        ("chairs_clerk", 200),
        ("admin", 200),
    ]:
        client.force_login(world[user])
        assert client.get(url).status_code == status, user
        if status == 404:
            assert client.post(url, {"year": 2026}).status_code == 404
    assert not FollowUp.objects.exists()


def test_the_chairs_forum_records_the_years_follow_up_and_residents_read_it(client, world):
    goal = GoalFactory(code="3", title="Luottamuksen avulla rakennettu yhteistyö")
    world["agreement"].strategy_goal = goal
    world["agreement"].save(update_fields=["strategy_goal"])
    meeting = MeetingFactory(body=world["chairs"].body)
    first, second = world["agreement"].goals.order_by("order")
    client.force_login(world["chairs_clerk"])
    year = timezone.localdate().year
    response = client.post(
        _follow_up_url(world) + f"?vuosi={year}",
        {
            "year": year,
            "meeting": meeting.pk,
            f"goal-{first.pk}-assessment": "partly",
            f"goal-{first.pk}-summary": "Asiointi sujuvoitui osittain.",
            f"goal-{second.pk}-assessment": "",
            f"goal-{second.pk}-summary": "",
        },
    )
    assert response.status_code == 302
    follow_up = FollowUp.objects.get()
    assert (follow_up.goal, follow_up.year, follow_up.meeting) == (first, year, meeting)
    client.logout()
    agreement_page = client.get(world["agreement"].get_absolute_url()).content.decode()
    assert (
        "Asiointi sujuvoitui osittain." in agreement_page and "Toteutuu osittain" in agreement_page
    )
    goal_page = client.get(
        reverse("strategy:goal_detail", args=[goal.strategy.slug, goal.code])
    ).content.decode()
    assert "Seuranta: Yhteistyöpöytäkirja" in goal_page
    assert "Asiointi sujuvoitui osittain." in goal_page


@pytest.mark.parametrize(
    "data",
    [
        {"year": 1999},
        {"year": "kaksituhatta"},
        {"year": 2026, "meeting": 999999},
        {"year": 2026, "goal-X-assessment": "excellent"},
        {"year": 2026, "goal-X-assessment": "realised", "goal-X-summary": ""},
        {"year": 2026, "goal-X-assessment": "realised", "goal-X-summary": "x" * 5001},
    ],
)
def test_bad_follow_up_input_gets_a_message_and_saves_nothing(client, world, data):
    goal = world["agreement"].goals.order_by("order").first()
    data = {key.replace("X", str(goal.pk)): value for key, value in data.items()}
    client.force_login(world["chairs_clerk"])
    response = client.post(_follow_up_url(world), data)
    assert response.status_code == 400
    assert "Korjaa seuraavat kohdat" in response.content.decode()
    assert not FollowUp.objects.exists()


def test_a_follow_up_for_a_future_year_is_refused_with_the_rule_named(world):
    goal = world["agreement"].goals.first()
    with pytest.raises(RuleViolation, match="kuluneelle tai kuluvalle vuodelle"):
        services.follow_up_record(
            goal=goal, year=timezone.localdate().year + 1, assessment="realised", summary="x"
        )


# --- Forum secretaries use councils' clerk tools ---------------------------------------------------


def test_a_forum_secretary_prepares_only_their_forums_meetings(client, world):
    own = MeetingFactory(body=world["chairs"].body)
    other = MeetingFactory(body=BodyFactory(kind=BodyKind.FORUM))
    client.force_login(world["chairs_clerk"])
    assert client.get(reverse("staff:meeting", args=[own.pk])).status_code == 200
    assert client.get(reverse("staff:meeting", args=[other.pk])).status_code == 404
    dashboard = client.get("/hallinta/").content.decode()
    assert "Puheenjohtajafoorumi" in dashboard
