"""Staff publish officials' decisions: an official for themselves, a clerk for the offices
their body delegated power to, an administrator for any; nobody else (issue 11, finding 1)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import formats, timezone, translation

from councils.models import AppealType, MembershipRole, Office, OfficialDecision
from tests.factories import (
    BodyFactory,
    CaseFactory,
    MembershipFactory,
    PersonFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_english():  # type: ignore[no-untyped-def]
    """These tests read the English source messages; the pages use the /en/ prefix."""
    with translation.override("en"):
        yield


URL = "/en/hallinta/viranhaltijapaatokset/uusi/"


@pytest.fixture
def world():  # type: ignore[no-untyped-def]
    clerk = UserFactory(username="sihteeri")
    committee = BodyFactory(name="Tarkastuslautakunta")
    committee.clerks.add(clerk)
    board = BodyFactory(name="Aluehallitus")
    board_member_user = UserFactory(username="tarkastaja1")
    MembershipFactory(
        body=board,
        role=MembershipRole.MEMBER,
        person=PersonFactory(political_group="", user=board_member_user),
    )
    admin = UserFactory(username="admin", is_superuser=True, is_staff=True)
    outsider = UserFactory(username="asukas")
    official_user = UserFactory(username="talousjohtaja")
    official = PersonFactory(
        first_name="Tuula",
        last_name="Talonen",
        political_group="",
        title="talousjohtaja",
        user=official_user,
    )
    colleague = PersonFactory(
        first_name="Heikki", last_name="Hallikainen", political_group="", title="hallintojohtaja"
    )
    councillor = PersonFactory(first_name="Ville", last_name="Valtuutettu", political_group="SDP")
    since = timezone.localdate() - timedelta(days=365)
    own_office = Office.objects.create(
        title="talousjohtaja", holder=official, delegated_by=board, start=since
    )
    colleague_office = Office.objects.create(
        title="hallintojohtaja", holder=colleague, delegated_by=committee, start=since
    )
    return {
        "board_member": board_member_user,
        "own_office": own_office,
        "colleague_office": colleague_office,
        "clerk": clerk,
        "admin": admin,
        "outsider": outsider,
        "official_user": official_user,
        "official": official,
        "colleague": colleague,
        "councillor": councillor,
    }


def decision_data(office, **changes):
    data = {
        "office": office.pk,
        "number": "12/2026",
        "title": "Hankintapäätös: potilassängyt",
        "case_query": "",
        "decided_on": timezone.localdate().isoformat(),
        "text": "<p>Päätän hankkia 40 potilassänkyä.</p>",
        "appeal_type": AppealType.RECTIFICATION,
    }
    return data | changes


# --- who may ---------------------------------------------------------------------------


def test_it_sends_anonymous_users_to_sign_in(client, world):
    for response in (client.get(URL), client.post(URL, decision_data(world["colleague_office"]))):
        assert response.status_code == 302
        assert response["Location"].startswith("/en/kirjaudu/")
    assert not OfficialDecision.objects.exists()


def test_it_is_a_404_for_someone_who_is_neither_clerk_nor_official(client, world):
    client.force_login(world["outsider"])
    assert client.get(URL).status_code == 404
    assert client.post(URL, decision_data(world["colleague_office"])).status_code == 404
    assert not OfficialDecision.objects.exists()


def test_a_board_member_who_is_no_official_gets_404_and_cannot_post(client, world):
    client.force_login(world["board_member"])
    assert client.get(URL).status_code == 404
    assert client.post(URL, decision_data(world["colleague_office"])).status_code == 404
    assert not OfficialDecision.objects.exists()


def test_a_person_without_a_political_group_is_not_an_official_by_that_alone(client, world):
    client.force_login(world["admin"])
    html = client.get(URL).content.decode()
    assert "Hallikainen" in html and "Talonen" in html
    assert "Valtuutettu" not in html
    lone = PersonFactory(first_name="Olli", last_name="Ohjaaja", political_group="")
    assert "Ohjaaja" not in client.get(URL).content.decode()
    assert lone.pk


def test_a_clerk_publishes_only_for_the_offices_their_body_delegated_to(client, world):
    client.force_login(world["clerk"])
    html = client.get(URL).content.decode()
    assert "Hallikainen" in html
    assert "Talonen" not in html
    response = client.post(URL, decision_data(world["own_office"]))
    assert response.status_code == 400
    assert not OfficialDecision.objects.exists()


def test_an_office_that_ended_gives_no_right_to_publish(client, world):
    office = world["own_office"]
    office.end = timezone.localdate() - timedelta(days=1)
    office.save(update_fields=["end"])
    client.force_login(world["official_user"])
    assert client.get(URL).status_code == 404


def test_a_decision_dated_before_the_office_began_is_refused(client, world):
    client.force_login(world["official_user"])
    early = world["own_office"].start - timedelta(days=3)
    response = client.post(URL, decision_data(world["own_office"], decided_on=early.isoformat()))
    assert response.status_code == 400
    assert "holds the decision power from" in response.content.decode()
    assert not OfficialDecision.objects.exists()


@pytest.mark.parametrize("user", ["clerk", "admin"])
def test_a_clerk_or_an_administrator_publishes_for_an_official(client, world, user):
    client.force_login(world[user])

    response = client.post(URL, decision_data(world["colleague_office"]))

    decision = OfficialDecision.objects.get()
    assert response.status_code == 302
    assert response["Location"] == decision.get_absolute_url()
    assert decision.official == world["colleague"]
    assert decision.published_at is not None
    page = client.get(decision.get_absolute_url()).content.decode()
    assert "Hankintapäätös: potilassängyt" in page
    assert "“Hankintapäätös: potilassängyt” is published." in page
    listing = client.get("/en/viranhaltijapaatokset/").content.decode()
    assert "Hankintapäätös: potilassängyt" in listing


def test_an_official_publishes_as_themselves(client, world):
    client.force_login(world["official_user"])
    html = client.get(URL).content.decode()
    assert "Talonen" in html
    assert "Hallikainen" not in html
    assert f'<option value="{world["own_office"].pk}" selected>' in html  # their office

    response = client.post(URL, decision_data(world["own_office"]))

    assert response.status_code == 302
    assert OfficialDecision.objects.get().official == world["official"]


def test_an_official_cannot_publish_in_someone_elses_name(client, world):
    client.force_login(world["official_user"])
    response = client.post(URL, decision_data(world["colleague_office"]))
    assert response.status_code == 400
    assert 'href="#id_office"' in response.content.decode()
    assert not OfficialDecision.objects.exists()


# --- bad input -------------------------------------------------------------------------


def test_a_future_date_is_refused_with_a_message(client, world):
    client.force_login(world["clerk"])
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client.post(
        URL, decision_data(world["colleague_office"], decided_on=tomorrow.isoformat())
    )
    assert response.status_code == 400
    html = response.content.decode()
    today = formats.date_format(timezone.localdate(), "SHORT_DATE_FORMAT")
    assert f"The date must be {today} or earlier." in html
    assert 'value="Hankintapäätös: potilassängyt"' in html  # nothing typed is lost
    assert not OfficialDecision.objects.exists()


def test_an_unknown_diary_number_is_refused(client, world):
    client.force_login(world["clerk"])
    response = client.post(
        URL, decision_data(world["colleague_office"], case_query="999/00.01.00/2026")
    )
    assert response.status_code == 400
    assert "No case has the diary number “999/00.01.00/2026”." in response.content.decode()
    assert not OfficialDecision.objects.exists()


def test_a_known_diary_number_links_the_case(client, world):
    case = CaseFactory(diary_number="45/02.05.00/2026")
    client.force_login(world["clerk"])
    client.post(URL, decision_data(world["colleague_office"], case_query=" 45/02.05.00/2026 "))
    assert OfficialDecision.objects.get().case == case


@pytest.mark.parametrize("field", ["title", "office", "text", "decided_on"])
def test_a_missing_required_field_is_named_not_a_500(client, world, field):
    client.force_login(world["clerk"])
    response = client.post(URL, {**decision_data(world["colleague_office"]), field: ""})
    assert response.status_code == 400
    assert f'href="#id_{field}"' in response.content.decode()
    assert not OfficialDecision.objects.exists()


def test_a_malformed_date_and_an_oversized_title_get_messages(client, world):
    client.force_login(world["clerk"])
    response = client.post(
        URL, decision_data(world["colleague_office"], decided_on="31.13.2026", title="x" * 301)
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'href="#id_decided_on"' in html and 'href="#id_title"' in html


def test_script_in_the_title_and_text_never_runs_on_the_public_page(client, world):
    client.force_login(world["clerk"])
    client.post(
        URL,
        decision_data(
            world["colleague_office"],
            title="<script>alert('x')</script> Päätös",
            text="<p>Hyväksyn.</p><script>alert('y')</script>",
        ),
    )
    decision = OfficialDecision.objects.get()
    client.logout()
    html = client.get(decision.get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Päätös" in html
    assert "<script>alert" not in html
    assert "Hyväksyn." in html


# --- the dashboard ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("user", "shown"),
    [
        ("clerk", True),
        ("admin", True),
        ("official_user", True),
        ("outsider", False),
        ("board_member", False),
    ],
)
def test_the_dashboard_links_to_the_form_for_those_who_may_publish(client, world, user, shown):
    client.force_login(world[user])
    html = client.get(reverse("staff:dashboard")).content.decode()
    assert (f'href="{URL}"' in html) is shown
