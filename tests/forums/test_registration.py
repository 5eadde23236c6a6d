"""An association registers itself: double opt-in by e-mail, the coordinator decides.

Nothing unapproved is public; bad input gets a message, never a 500; a double submit
makes one registration; the pages never reveal whether an address has registered.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from forums import services, tasks
from forums.models import (
    Organisation,
    OrganisationStatus,
    Registration,
    RegistrationState,
)
from forums.rules import COORDINATORS
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

REGISTER = "/organisaatiot/ilmoittaudu/"
LINK = re.compile(r"https?://[^/\s]+(/\S+)")


@pytest.fixture
def client(client, django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    """E-mails leave after the commit, which a test's transaction never reaches: each
    request here runs those callbacks as a real commit would."""
    post = client.post

    def post_and_commit(*args, **kwargs):  # type: ignore[no-untyped-def]
        with django_capture_on_commit_callbacks(execute=True):
            return post(*args, **kwargs)

    client.post = post_and_commit
    return client


@pytest.fixture
def municipality():  # type: ignore[no-untyped-def]
    return OrganisationFactory(name="Hollolan kunta", slug="hollolan-kunta", kind="municipality")


@pytest.fixture
def coordinator():  # type: ignore[no-untyped-def]
    user = UserFactory(username="koordinaattori", email="koordinaattori@example.invalid")
    user.groups.add(Group.objects.get(name=COORDINATORS))
    return user


def _form(municipality: Organisation | None = None, **changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name": "Hollolan Kylät ry",
        "kind": "association",
        "home_municipality": municipality.pk if municipality else "",
        "business_id": "0112038-9",
        "activity_fields": ["villages", "culture"],
        "description": "Kylätalot ja lähipalvelut.",
        "website": "https://example.org/kylat",
        "email": "kylat@example.invalid",
        "phone": "",
        "address": "Kylätie 1, Hollola",
        "contact_name": "Kaija Kyläläinen",
        "contact_email": "Kaija@Example.invalid",
        "message": "",
        "consent": "on",
        "homepage": "",
    }
    data.update(changes)
    return data


def _confirm_path() -> str:
    (path,) = [p for p in LINK.findall(mail.outbox[-1].body) if "/vahvista/" in p]
    return path


def test_the_form_asks_for_the_organisation_and_its_contact(client):
    html = client.get(REGISTER).content.decode()
    assert "Ilmoita yhdistyksesi" in html
    assert 'name="activity_fields"' in html and 'name="consent"' in html
    # Only associations and foundations register themselves.
    assert 'value="association"' in html and 'value="municipality"' not in html


def test_a_registration_waits_unpublished_and_sends_a_confirmation_link(client, municipality):
    response = client.post(REGISTER, _form(municipality))
    assert response.status_code == 302
    assert response["Location"] == "/organisaatiot/ilmoittaudu/lahetetty/"
    organisation = Organisation.objects.get(name="Hollolan Kylät ry")
    assert organisation.status == OrganisationStatus.PENDING
    registration = organisation.registration
    assert registration.state == RegistrationState.UNCONFIRMED
    assert registration.email == "kaija@example.invalid"
    assert mail.outbox[-1].to == ["kaija@example.invalid"]
    assert "Hollolan Kylät ry" in mail.outbox[-1].subject
    # Nothing unapproved is public: not listed, no page.
    assert "Hollolan Kylät ry" not in client.get("/organisaatiot/").content.decode()
    assert client.get(organisation.get_absolute_url()).status_code == 404
    assert "Tarkista sähköpostisi" in client.get(response["Location"]).content.decode()


def test_the_link_shows_a_button_and_only_pressing_it_confirms(
    client, municipality, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(REGISTER, _form(municipality))
    path = _confirm_path()
    page = client.get(path)
    assert page.status_code == 200
    assert "Kyllä, vahvista ilmoittautuminen" in page.content.decode()
    assert Registration.objects.get().state == RegistrationState.UNCONFIRMED
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(path)
    assert response.status_code == 302
    assert Registration.objects.get().state == RegistrationState.CONFIRMED
    assert "Ilmoittautuminen vahvistettu" in client.get(path).content.decode()
    # The coordinator hears of it, with the link to decide.
    assert mail.outbox[-1].to == [coordinator.email]
    assert "/hallinta/jarjestot/ilmoittautumiset/" in mail.outbox[-1].body
    # Still not public until approved.
    assert "Hollolan Kylät ry" not in client.get("/organisaatiot/").content.decode()


def test_the_coordinator_approves_and_the_association_appears_in_the_directory(
    client, municipality, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(REGISTER, _form(municipality))
        client.post(_confirm_path())
    registration = Registration.objects.get()
    client.force_login(coordinator)
    review = client.get(reverse("forums_staff:registration_review", args=[registration.pk]))
    assert "Kaija Kyläläinen" in review.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("forums_staff:registration_approve", args=[registration.pk]))
    assert response.status_code == 302
    client.logout()
    directory = client.get("/organisaatiot/?kunta=hollolan-kunta&ala=villages").content.decode()
    assert "Hollolan Kylät ry" in directory
    page = client.get(registration.organisation.get_absolute_url()).content.decode()
    assert "0112038-9" in page and "kylä- ja asukastoiminta" in page
    assert "Kaija" not in page  # the contact person is never published
    assert mail.outbox[-1].to == ["kaija@example.invalid"]
    assert "/organisaatiot/hollolan-kylat-ry/" in mail.outbox[-1].body


def test_the_coordinator_rejects_with_a_reason_the_applicant_is_told(
    client, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(REGISTER, _form())
        client.post(_confirm_path())
    registration = Registration.objects.get()
    client.force_login(coordinator)
    url = reverse("forums_staff:registration_reject", args=[registration.pk])
    response = client.post(url, {"reason": ""})
    assert response.status_code == 400
    assert "Tämä kenttä vaaditaan." in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"reason": "Yhdistys toimii alueen ulkopuolella."})
    registration.refresh_from_db()
    assert registration.state == RegistrationState.REJECTED
    assert registration.organisation.status == OrganisationStatus.REJECTED
    assert "Yhdistys toimii alueen ulkopuolella." in mail.outbox[-1].body
    client.logout()
    assert "Hollolan Kylät ry" not in client.get("/organisaatiot/").content.decode()
    # A rejected registration blocks neither the name nor a new, corrected registration.
    assert client.post(REGISTER, _form()).status_code == 302
    assert Registration.objects.count() == 2


def test_an_unconfirmed_registration_cannot_be_approved(client, coordinator):
    client.post(REGISTER, _form())
    registration = Registration.objects.get()
    client.force_login(coordinator)
    response = client.post(
        reverse("forums_staff:registration_approve", args=[registration.pk]), follow=True
    )
    assert "vahvistaa sähköpostiosoitteensa" in response.content.decode()
    assert Organisation.objects.get().status == OrganisationStatus.PENDING


def test_deciding_twice_is_refused_with_the_state_named(client, coordinator):
    client.post(REGISTER, _form())
    registration = Registration.objects.get()
    services.registration_confirm(registration=registration)
    services.registration_approve(registration=registration, decided_by=coordinator)
    client.force_login(coordinator)
    response = client.post(
        reverse("forums_staff:registration_reject", args=[registration.pk]),
        {"reason": "Myöhässä."},
        follow=True,
    )
    assert "on jo ratkaistu: hyväksytty" in response.content.decode()
    assert Organisation.objects.get().status == OrganisationStatus.APPROVED


def test_a_double_submit_makes_one_registration_and_one_e_mail(client):
    first = client.post(REGISTER, _form())
    second = client.post(REGISTER, _form())
    assert first["Location"] == second["Location"]
    assert Registration.objects.count() == 1
    assert Organisation.objects.count() == 1
    assert len(mail.outbox) == 1


def test_one_address_can_send_only_a_few_registrations_an_hour(client):
    for number in range(5):
        response = client.post(REGISTER, _form(name=f"Yhdistys {number} ry", business_id=""))
        assert response.status_code == 302  # the same answer whatever happened
    assert Registration.objects.count() == services.MAX_REGISTRATIONS_PER_INTERVAL
    assert len(mail.outbox) == services.MAX_REGISTRATIONS_PER_INTERVAL


def test_the_honeypot_stores_nothing_but_answers_the_same(client):
    response = client.post(REGISTER, _form(homepage="http://spam.example"))
    assert response.status_code == 302
    assert not Registration.objects.exists() and not mail.outbox


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": ""}, "Tämä kenttä vaaditaan."),
        ({"name": "x" * 201}, "enintään 200 merkkiä"),
        ({"business_id": "0112038-1"}, "tarkistusnumero ei täsmää"),
        ({"business_id": "12-34"}, "seitsemän numeroa"),
        ({"kind": "municipality"}, "Valitse oikea vaihtoehto."),
        ({"activity_fields": []}, "Valitse vähintään yksi toimiala."),
        ({"activity_fields": ["astrology"]}, "Valitse oikea vaihtoehto."),
        ({"home_municipality": "999999"}, "Valitse oikea vaihtoehto."),
        ({"contact_email": "ei-osoite"}, "Syötä kelvollinen sähköpostiosoite."),
        ({"website": "javascript:alert(1)"}, "Syötä oikea URL-osoite."),
        ({"description": "x" * 2001}, "enintään 2000 merkkiä"),
        ({"consent": ""}, "Vahvista, että sinulla on oikeus ilmoittaa organisaatio."),
    ],
)
def test_bad_input_gets_a_message_and_stores_nothing(client, changes, message):
    response = client.post(REGISTER, _form(**changes))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Korjaa seuraavat kohdat" in html
    assert message in html
    assert not Registration.objects.exists() and not Organisation.objects.exists()


def test_a_null_character_is_refused_before_the_form_and_nothing_is_stored(client):
    # portal.middleware.CleanInputMiddleware answers before any view.
    response = client.post(REGISTER, _form(name="Yhdistys\x00 ry"))
    assert response.status_code == 400
    assert "nollamerkki" in response.content.decode()
    assert not Registration.objects.exists() and not Organisation.objects.exists()


def test_a_name_or_business_id_already_listed_is_refused_with_the_rule_named(client):
    OrganisationFactory(name="Hollolan Kylät ry")
    response = client.post(REGISTER, _form())
    assert response.status_code == 400
    assert "on jo hakemistossa tai odottaa hyväksyntää" in response.content.decode()
    OrganisationFactory(name="Toinen ry", business_id="9900100-2")
    response = client.post(REGISTER, _form(name="Kolmas ry", business_id="9900100-2"))
    assert "Y-tunnus on 9900100-2" in response.content.decode()
    assert not Registration.objects.exists()


def test_script_in_a_name_is_stored_as_text_and_shown_escaped(client, coordinator):
    client.post(REGISTER, _form(name="<script>alert(1)</script> ry"))
    registration = Registration.objects.get()
    services.registration_confirm(registration=registration)
    client.force_login(coordinator)
    html = client.get(
        reverse("forums_staff:registration_review", args=[registration.pk])
    ).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; ry" in html


def test_an_unknown_or_expired_link_gets_a_friendly_404(client):
    assert client.get("/organisaatiot/ilmoittaudu/vahvista/ei-ole/").status_code == 404
    assert client.get("/organisaatiot/ilmoittaudu/vahvista/" + "x" * 500 + "/").status_code == 404
    client.post(REGISTER, _form())
    registration = Registration.objects.get()
    Registration.objects.filter(pk=registration.pk).update(
        requested_at=timezone.now() - timedelta(days=8)
    )
    response = client.post(f"/organisaatiot/ilmoittaudu/vahvista/{registration.token}/")
    assert response.status_code == 404
    assert "Linkki ei toimi" in response.content.decode()
    assert Registration.objects.get().state == RegistrationState.UNCONFIRMED


def test_expired_requests_and_old_rejections_are_deleted_with_the_address(client, coordinator):
    client.post(REGISTER, _form())
    client.post(REGISTER, _form(name="Toinen ry", business_id=""))
    old, rejected = Registration.objects.order_by("pk")
    Registration.objects.filter(pk=old.pk).update(requested_at=timezone.now() - timedelta(days=8))
    services.registration_confirm(registration=rejected)
    services.registration_reject(registration=rejected, decided_by=coordinator, reason="Ei.")
    assert tasks.expire_registrations() == 1  # the rejection is kept for 30 days first
    assert services.registration_expire(now=timezone.now() + timedelta(days=31)) == 1
    assert not Registration.objects.exists() and not Organisation.objects.exists()
