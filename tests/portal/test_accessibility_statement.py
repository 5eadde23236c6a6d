from __future__ import annotations

import pytest
from django.core import mail

from portal.models import AccessibilityFeedback

pytestmark = pytest.mark.django_db

URL = "/saavutettavuusseloste/"


def test_it_shows_the_statement_in_finnish(client):
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Saavutettavuusseloste</h1>" in html
    assert "306/2019" in html
    assert "14 päivän kuluessa" in html


def test_it_stores_feedback_and_promises_an_answer_within_14_days(client):
    response = client.post(
        URL,
        {"message": "Kokouskalenteria ei voi käyttää näppäimistöllä.", "page": "/kalenteri/"},
        follow=True,
    )
    assert response.status_code == 200
    feedback = AccessibilityFeedback.objects.get()
    assert feedback.message == "Kokouskalenteria ei voi käyttää näppäimistöllä."
    assert feedback.language == "fi"
    html = response.content.decode()
    assert "Vastaamme siihen 14 päivän kuluessa" in html
    assert f"{feedback.answer_due:%-d.%-m.%Y}" in html


def test_it_forwards_feedback_by_email_when_an_address_is_configured(
    client, settings, django_capture_on_commit_callbacks
):
    settings.ACCESSIBILITY_FEEDBACK_EMAIL = "saavutettavuus@example.invalid"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, {"message": "Kontrasti on liian heikko."})
    assert len(mail.outbox) == 1
    assert "Kontrasti on liian heikko." in mail.outbox[0].body
    assert mail.outbox[0].to == ["saavutettavuus@example.invalid"]


def test_it_answers_in_swedish_on_the_swedish_page(client):
    response = client.post("/sv" + URL, {"message": "Svår att läsa."}, follow=True)
    assert "Vi svarar inom 14 dagar" in response.content.decode()
    assert AccessibilityFeedback.objects.get().language == "sv"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"message": ""}, "Tämä kenttä vaaditaan."),
        ({"message": "x" * 100_000}, "enintään 5000 merkkiä"),
        ({"message": "ok", "email": "ei-osoite"}, "Syötä kelvollinen sähköpostiosoite."),
        ({"message": "ok", "name": "n" * 201}, "enintään 200 merkkiä"),
    ],
)
def test_it_rejects_bad_input_with_a_message_and_saves_nothing(client, data, expected):
    response = client.post(URL, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Korjaa seuraavat kohdat" in html
    assert expected in html
    assert AccessibilityFeedback.objects.count() == 0


def test_it_keeps_what_the_user_typed_when_the_form_has_errors(client):
    response = client.post(URL, {"message": "Tärkeä havainto", "email": "rikki"})
    assert "Tärkeä havainto" in response.content.decode()


def test_it_stores_script_tags_as_text_and_never_renders_them(client, admin_client):
    payload = "<script>alert('x')</script>"
    client.post(URL, {"message": payload, "page": payload})
    assert AccessibilityFeedback.objects.get().message == payload
    html = admin_client.get("/admin/portal/accessibilityfeedback/").content.decode()
    assert "<script>alert" not in html


def test_it_refuses_a_post_without_a_valid_csrf_token(db):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(URL, {"message": "ilman tokenia"})
    assert response.status_code == 403
    assert "Lomake on vanhentunut" in response.content.decode()
    assert AccessibilityFeedback.objects.count() == 0
