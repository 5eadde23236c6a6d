from __future__ import annotations

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

URL = "/kirjaudu/"


def test_it_shows_the_sign_in_page_in_the_site_style(client):
    html = client.get(URL).content.decode()
    assert "<h1>Henkilöstön kirjautuminen</h1>" in html
    assert 'name="username"' in html
    assert 'class="site-header"' in html


def test_it_signs_a_user_in_and_out(client):
    user = UserFactory(username="sihteeri")
    response = client.post(URL, {"username": "sihteeri", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    html = client.get("/").content.decode()
    header = html[html.index("<header") : html.index("</header>")]
    assert "Kirjautuneena: " in header and "Kirjaudu ulos" in header
    client.post("/kirjaudu-ulos/")
    assert "_auth_user_id" not in client.session


def test_it_says_when_the_password_is_wrong(client):
    UserFactory(username="sihteeri")
    response = client.post(URL, {"username": "sihteeri", "password": "väärä salasana"})
    assert response.status_code == 200
    assert "syötä kelvollinen käyttäjätunnus ja salasana" in response.content.decode()


def test_it_locks_out_after_five_failures_even_with_the_right_password(client):
    UserFactory(username="sihteeri")
    for attempt in range(1, 6):
        response = client.post(URL, {"username": "sihteeri", "password": "väärä salasana"})
        assert response.status_code == (429 if attempt == 5 else 200)
    response = client.post(URL, {"username": "sihteeri", "password": PASSWORD})
    assert response.status_code == 429
    assert "Kirjautuminen on hetken estetty" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_lockout_is_per_username_and_address(client):
    UserFactory(username="sihteeri")
    UserFactory(username="toinen")
    for _ in range(5):
        client.post(URL, {"username": "sihteeri", "password": "väärä salasana"})
    response = client.post(URL, {"username": "toinen", "password": PASSWORD})
    assert response.status_code == 302
    other_address = Client(REMOTE_ADDR="10.0.0.9")
    response = other_address.post(URL, {"username": "sihteeri", "password": PASSWORD})
    assert response.status_code == 302


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"username": "", "password": ""},
        {"username": "u" * 100_000, "password": "p" * 100_000},
        {"username": "<script>alert(1)</script>", "password": "x"},
    ],
)
def test_it_answers_bad_input_with_a_message_not_a_500(client, data):
    response = client.post(URL, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Korjaa seuraavat kohdat" in html
    assert "<script>alert(1)</script>" not in html
    assert AccessAttempt.objects.count() <= 1


def test_it_refuses_a_post_without_csrf_token(db):
    UserFactory(username="sihteeri")
    client = Client(enforce_csrf_checks=True)
    response = client.post(URL, {"username": "sihteeri", "password": PASSWORD})
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


def test_passwords_need_twelve_characters():
    with pytest.raises(ValidationError, match=r"vähintään 12 merkkiä|at least 12 characters"):
        validate_password("Lyhyt-s4l4s")
    validate_password("pitkä-ja-hyvä-salasana-2026")
