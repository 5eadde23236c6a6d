"""Staff navigation: the header names who is signed in; each role lands where its work is."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from councils.models import MeetingState, Office
from tests.factories import (
    PASSWORD,
    BodyFactory,
    MeetingFactory,
    MinutesFactory,
    PersonFactory,
    UserFactory,
)
from tests.strategy.staff_helpers import chair

pytestmark = pytest.mark.django_db


def _header(html: str) -> str:
    return html[html.index("<header") : html.index("</header>")]


def test_an_anonymous_page_has_no_staff_header(client):
    header = _header(client.get("/").content.decode())
    assert "staff-bar" not in header
    assert "Kirjautuneena" not in header


def test_the_header_names_the_signed_in_user_and_their_tools(client):
    user = UserFactory(first_name="Sanni", last_name="Sihteeri")
    client.force_login(user)
    header = _header(client.get("/paatokset/").content.decode())
    assert "Kirjautuneena: Sanni Sihteeri" in header
    assert f'href="{reverse("staff:dashboard")}"' in header
    assert reverse("portal:logout") in header
    assert reverse("strategy_staff:dashboard") not in header


def test_a_chair_sees_the_strategy_dashboard_in_the_header(client):
    client.force_login(chair())
    header = _header(client.get("/").content.decode())
    assert f'href="{reverse("strategy_staff:dashboard")}"' in header


def _lands(client, username: str) -> str:  # type: ignore[no-untyped-def]
    response = client.post("/kirjaudu/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return client.get(response["Location"])["Location"]


def test_a_clerk_lands_on_the_dashboard(client):
    clerk = UserFactory(username="sihteeri")
    BodyFactory().clerks.add(clerk)
    assert _lands(client, "sihteeri") == reverse("staff:dashboard")


def test_a_chair_lands_on_the_strategy_dashboard_not_a_dead_end(client):
    user = chair()
    user.set_password(PASSWORD)
    user.save(update_fields=["password"])
    assert _lands(client, "puheenjohtaja") == reverse("strategy_staff:dashboard")
    html = client.get(reverse("staff:dashboard")).content.decode()
    assert "et ole minkään toimielimen sihteeri" not in html.lower()
    assert reverse("strategy_staff:dashboard") in html


def test_a_checker_lands_on_the_minutes_to_check(client):
    user = UserFactory(username="tarkastaja1")
    person = PersonFactory(user=user)
    meeting = MeetingFactory(state=MeetingState.MINUTES_DRAFTED)
    MinutesFactory(
        meeting=meeting,
        checker_1=person,
        checker_1_approved_at=None,
        checker_2_approved_at=None,
        published_at=None,
    )
    assert _lands(client, "tarkastaja1") == reverse("staff:minutes_review", args=[meeting.pk])


def test_an_official_lands_on_their_decisions(client):
    user = UserFactory(username="talousjohtaja")
    official = PersonFactory(user=user, political_group="", title="talousjohtaja")
    Office.objects.create(
        title="talousjohtaja",
        holder=official,
        delegated_by=BodyFactory(),
        start=timezone.localdate() - timedelta(days=10),
    )
    url = _lands(client, "talousjohtaja")
    assert url == reverse("staff:dashboard") + "#official-decisions"
    html = client.get(url).content.decode()
    assert 'id="official-decisions"' in html
    assert reverse("staff:official_decision_new") in html


def test_someone_with_no_role_is_told_what_would_appear_and_where_to_go(client):
    UserFactory(username="uusi")
    url = _lands(client, "uusi")
    html = client.get(url).content.decode()
    assert "Juuri nyt mikään ei odota sinua" in html
    assert reverse("councils:index") in html
