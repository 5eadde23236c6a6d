"""E-mail alerts: double opt-in, the daily digest and one-click unsubscribe (issue 6).

Mail goes to Django's locmem backend (pytest's default here), so `mail.outbox` is
what the resident would have received.
"""

from __future__ import annotations

import re
from datetime import timedelta
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from councils import services as council_services
from councils.models import MeetingState, Minutes
from portal import alerts
from portal.models import Subscription, SubscriptionKind, SubscriptionState
from portal.tasks import send_daily_digests
from tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    CaseFactory,
    HandlingFactory,
    MeetingFactory,
    MinutesFactory,
    OfficialDecisionFactory,
)

pytestmark = pytest.mark.django_db

_capture = None
LINK = re.compile(r"http://127\.0\.0\.1:8000(/[^\s\"<>]+)")


def _links(message: mail.EmailMessage, part: str) -> list[str]:
    return [path for path in LINK.findall(message.body) if f"/seuraa/{part}/" in path]


def _main(response) -> str:  # type: ignore[no-untyped-def]
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def _html(message: mail.EmailMessage) -> str:
    assert isinstance(message, mail.EmailMultiAlternatives)
    (html, mimetype), *_rest = message.alternatives
    assert mimetype == "text/html"
    return str(html)


@pytest.fixture(autouse=True)
def _mail_after_commit(django_capture_on_commit_callbacks) -> None:  # type: ignore[no-untyped-def]
    # The confirmation e-mail leaves after the commit, which a test's transaction never
    # reaches; _request runs those callbacks as a real commit would.
    global _capture
    _capture = django_capture_on_commit_callbacks


def _request(**kwargs) -> Subscription | None:  # type: ignore[no-untyped-def]
    with _capture(execute=True):
        return alerts.subscription_request(**kwargs)


def _post(client: Client, path: str, data: dict[str, str]):  # type: ignore[no-untyped-def]
    with _capture(execute=True):
        return client.post(path, data)


def _subscribe(client: Client, email: str, params: str) -> None:
    response = _post(client, f"/seuraa/?{params}", {"email": email})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"].startswith("/seuraa/lahetetty/")


def _active(email: str = "asukas@example.invalid", language: str = "fi", **target) -> Subscription:
    kind = (
        SubscriptionKind.BODY
        if "body" in target
        else SubscriptionKind.CASE
        if "case" in target
        else SubscriptionKind.SEARCH
    )
    return Subscription.objects.create(
        email=email,
        kind=kind,
        language=language,
        state=SubscriptionState.ACTIVE,
        confirmed_at=timezone.now() - timedelta(days=1),
        **target,
    )


def _decided_meeting(body, titles: list[str], *, public: bool = True, published_at=None):
    """A meeting of `body` whose minutes went online an hour ago, one decision per title."""
    meeting = MeetingFactory(body=body, state=MeetingState.MINUTES_PUBLISHED)
    MinutesFactory(
        meeting=meeting, published_at=published_at or timezone.now() - timedelta(hours=1)
    )
    for number, title in enumerate(titles, start=1):
        item = AgendaItemFactory(
            meeting=meeting,
            section=number,
            title=title,
            is_public=public,
            secrecy_basis="" if public else "JulkL 24.1 § 25 k (asiakastiedot)",
            summary="Tiivistelmä, jonka vain julkinen asia näyttää.",
        )
        HandlingFactory(item=item, decision="<p>Salassa pidettävä päätösteksti.</p>")
    return meeting


# --- The whole flow -------------------------------------------------------------------------


def test_it_runs_the_whole_flow_from_subscribing_to_one_click_unsubscribe(client):
    body = BodyFactory(name="Aluehallitus", slug="aluehallitus")
    page = client.get("/seuraa/?toimielin=aluehallitus")
    assert page.status_code == 200
    assert "Aluehallitus" in page.content.decode()

    _subscribe(client, "Asukas@Example.invalid", "toimielin=aluehallitus")
    assert client.get("/seuraa/lahetetty/?toimielin=aluehallitus").status_code == 200
    (confirmation,) = mail.outbox
    assert confirmation.to == ["asukas@example.invalid"]
    assert "Aluehallitus" in confirmation.subject
    assert "Aluehallitus" in _html(confirmation)
    (confirm_path,) = _links(confirmation, "vahvista")

    # A mail scanner fetching the link confirms nothing; the button does.
    scanned = client.get(confirm_path)
    assert scanned.status_code == 200
    assert '<form method="post"' in scanned.content.decode()
    assert Subscription.objects.get().state == SubscriptionState.PENDING
    assert client.post(confirm_path).status_code == 302
    subscription = Subscription.objects.get()
    assert subscription.state == SubscriptionState.ACTIVE
    assert "Aluehallitus" in client.get(confirm_path).content.decode()

    # The clerk publishes the minutes through the service, after the confirmation.
    meeting = MeetingFactory(body=body, state=MeetingState.MINUTES_CHECKED)
    Minutes.objects.create(meeting=meeting, checked_at_meeting=True)
    HandlingFactory(item=AgendaItemFactory(meeting=meeting, title="Palveluverkon muutos"))
    council_services.minutes_publish(meeting=meeting)

    mail.outbox.clear()
    assert send_daily_digests.delay().get() == 1
    (digest,) = mail.outbox
    assert digest.to == ["asukas@example.invalid"]
    assert "Palveluverkon muutos" in digest.body
    assert "Palveluverkon muutos" in _html(digest)
    (cancel_path,) = [path for path in _links(digest, "peru") if "kaikki" not in path]
    assert digest.extra_headers["List-Unsubscribe"] == f"<http://127.0.0.1:8000{cancel_path}>"
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # The mail client's one-click POST carries no CSRF token.
    mail_client = Client(enforce_csrf_checks=True)
    answer = mail_client.post(cancel_path, {"List-Unsubscribe": "One-Click"})
    assert answer.status_code == 200
    assert not Subscription.objects.exists()

    _decided_meeting(body, ["Seuraava päätös"])
    mail.outbox.clear()
    send_daily_digests.delay()
    assert mail.outbox == []


# --- Subscribing -------------------------------------------------------------------------------


def test_it_sends_nothing_to_an_unconfirmed_request(client):
    body = BodyFactory(slug="hallitus")
    _subscribe(client, "asukas@example.invalid", "toimielin=hallitus")
    Subscription.objects.update(requested_at=timezone.now() - timedelta(days=2))
    _decided_meeting(body, ["Päätös"])
    mail.outbox.clear()
    send_daily_digests.delay()
    assert mail.outbox == []


def test_it_removes_requests_unconfirmed_for_seven_days_and_their_link_stops_working(client):
    BodyFactory(slug="hallitus")
    _subscribe(client, "asukas@example.invalid", "toimielin=hallitus")
    (confirm_path,) = _links(mail.outbox[0], "vahvista")
    Subscription.objects.update(requested_at=timezone.now() - timedelta(days=7, minutes=1))

    expired = client.get(confirm_path)
    assert expired.status_code == 404
    assert "This link no longer works" in client.get("/en" + confirm_path).content.decode()
    assert client.post(confirm_path).status_code == 404

    send_daily_digests.delay()
    assert not Subscription.objects.exists()


def test_it_keeps_requests_younger_than_seven_days():
    body = BodyFactory()
    _request(
        email="asukas@example.invalid",
        target=alerts.Target(kind="body", body=body),
        language="fi",
        now=timezone.now() - timedelta(days=6),
    )
    assert alerts.subscription_expire_pending() == 0
    assert Subscription.objects.count() == 1


def test_it_makes_no_duplicate_and_answers_the_same_when_subscribing_again(client):
    BodyFactory(slug="hallitus", name="Aluehallitus")
    _subscribe(client, "asukas@example.invalid", "toimielin=hallitus")
    first = _main(client.get("/seuraa/lahetetty/?toimielin=hallitus"))
    (confirm_path,) = _links(mail.outbox[0], "vahvista")
    client.post(confirm_path)
    Subscription.objects.update(requested_at=timezone.now() - timedelta(hours=2))

    _subscribe(client, "ASUKAS@example.invalid", "toimielin=hallitus")
    again = _main(client.get("/seuraa/lahetetty/?toimielin=hallitus"))
    assert again == first
    assert Subscription.objects.count() == 1
    assert Subscription.objects.get().state == SubscriptionState.ACTIVE
    # The owner of the address is told, with the way out, not asked to confirm again.
    reminder = mail.outbox[-1]
    assert _links(reminder, "peru")
    assert not _links(reminder, "vahvista")


def test_it_sends_at_most_one_confirmation_per_address_and_target_an_hour():
    body = BodyFactory()
    target = alerts.Target(kind="body", body=body)
    now = timezone.now()
    for minutes in (0, 10, 59):
        _request(
            email="asukas@example.invalid",
            target=target,
            language="fi",
            now=now + timedelta(minutes=minutes),
        )
    assert len(mail.outbox) == 1
    _request(
        email="asukas@example.invalid",
        target=target,
        language="fi",
        now=now + timedelta(minutes=61),
    )
    assert len(mail.outbox) == 2
    assert Subscription.objects.count() == 1


def test_it_sends_one_address_at_most_five_confirmations_an_hour_whatever_the_targets():
    for _ in range(8):
        _request(
            email="uhri@example.invalid",
            target=alerts.Target(kind="body", body=BodyFactory()),
            language="fi",
        )
    assert len(mail.outbox) == alerts.MAX_CONFIRMATIONS_PER_INTERVAL


def test_it_lets_an_address_follow_at_most_fifty_things():
    for _ in range(alerts.MAX_SUBSCRIPTIONS_PER_ADDRESS):
        _active(email="ahkera@example.invalid", body=BodyFactory())
    created = _request(
        email="ahkera@example.invalid",
        target=alerts.Target(kind="body", body=BodyFactory()),
        language="fi",
    )
    assert created is None
    assert mail.outbox == []
    assert Subscription.objects.count() == alerts.MAX_SUBSCRIPTIONS_PER_ADDRESS


def test_it_follows_a_case_from_its_page(client):
    case = CaseFactory(title="Sairaalan peruskorjaus")
    AgendaItemFactory(case=case)
    page = client.get(case.get_absolute_url()).content.decode()
    assert f'href="/seuraa/?asia={case.pk}"' in page
    form = client.get(f"/seuraa/?asia={case.pk}").content.decode()
    assert "Sairaalan peruskorjaus" in form
    _subscribe(client, "asukas@example.invalid", f"asia={case.pk}")
    assert Subscription.objects.get().case == case


def test_the_body_page_links_to_the_e_mail_alert(client):
    body = BodyFactory(slug="aluehallitus")
    page = client.get(body.get_absolute_url()).content.decode()
    assert 'href="/seuraa/?toimielin=aluehallitus"' in page


def test_it_saves_a_search_in_one_normal_form(client):
    haku = quote("sivu=3&q=+hoitaja+&toimielin=&tulos=", safe="")
    page = client.get(f"/seuraa/?haku={haku}")
    assert page.status_code == 200
    assert "hoitaja" in page.content.decode()
    _subscribe(client, "asukas@example.invalid", f"haku={haku}")
    _subscribe(client, "toinen@example.invalid", "haku=" + quote("q=hoitaja", safe=""))
    assert set(Subscription.objects.values_list("query", flat=True)) == {"q=hoitaja"}


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ("toimielin=ei-ole", 404),
        ("toimielin=" + "x" * 5000, 404),
        ("asia=abc", 404),
        ("asia=99999999999999999999999", 400),  # no integer column holds it
        ("", 404),
        ("haku=" + quote("q=" + "a" * 2000, safe=""), 400),
        ("haku=" + quote("alkaen=ei-paiva", safe=""), 400),
    ],
)
def test_it_answers_bad_targets_with_a_clear_4xx(client, params, status):
    assert client.get(f"/seuraa/?{params}").status_code == status
    assert client.post(f"/seuraa/?{params}", {"email": "a@example.invalid"}).status_code == status
    assert not Subscription.objects.exists()


def test_it_refuses_a_malformed_address_with_a_message(client):
    BodyFactory(slug="hallitus")
    response = client.post("/en/seuraa/?toimielin=hallitus", {"email": "<script>alert(1)</script>"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Enter a valid email address." in html
    assert "<script>alert(1)</script>" not in html
    assert not Subscription.objects.exists()


def test_it_stores_nothing_when_a_bot_fills_the_hidden_field(client):
    BodyFactory(slug="hallitus")
    response = client.post(
        "/seuraa/?toimielin=hallitus",
        {"email": "botti@example.invalid", "website": "http://spam.example"},
    )
    assert response.status_code == 302
    assert not Subscription.objects.exists()
    assert mail.outbox == []


def test_the_subscribe_form_needs_its_csrf_token():
    BodyFactory(slug="hallitus")
    response = Client(enforce_csrf_checks=True).post(
        "/seuraa/?toimielin=hallitus", {"email": "asukas@example.invalid"}
    )
    assert response.status_code == 403
    assert not Subscription.objects.exists()


# --- Language ----------------------------------------------------------------------------------


def test_it_writes_to_the_subscriber_in_the_language_they_used(client):
    body = BodyFactory(slug="hallitus")
    _subscribe(client, "asukas@example.invalid", "toimielin=hallitus")
    _post(client, "/en/seuraa/?toimielin=hallitus", {"email": "resident@example.invalid"})
    finnish, english = mail.outbox
    assert _links(finnish, "vahvista")[0].startswith("/seuraa/vahvista/")
    assert _links(english, "vahvista")[0].startswith("/en/seuraa/vahvista/")
    assert english.subject.startswith("Confirm your e-mail alert")
    for path in (_links(finnish, "vahvista")[0], _links(english, "vahvista")[0]):
        client.post(path)

    _decided_meeting(body, ["Päätös"], published_at=timezone.now())
    mail.outbox.clear()
    send_daily_digests.delay()
    by_address = {m.to[0]: m for m in mail.outbox}
    assert by_address["resident@example.invalid"].subject.startswith("News from Raati")
    assert "decided as proposed" in by_address["resident@example.invalid"].body
    assert _links(by_address["resident@example.invalid"], "peru")[0].startswith("/en/")
    assert _links(by_address["asukas@example.invalid"], "peru")[0].startswith("/seuraa/")


# --- The digest --------------------------------------------------------------------------------


def test_it_shows_a_confidential_decision_by_its_title_only():
    body = BodyFactory()
    _active(body=body, language="en")
    _decided_meeting(body, ["Asiakkaan maksun alentaminen"], public=False)
    alerts.digest_send()
    (digest,) = mail.outbox
    for text in (digest.body, _html(digest)):
        assert "Asiakkaan maksun alentaminen" in text
        assert "confidential" in text
        assert "decided as proposed" not in text
        assert "Salassa pidettävä päätösteksti" not in text
        assert "Tiivistelmä" not in text


def test_it_lists_new_agendas_and_cancelled_meetings_of_a_body():
    body = BodyFactory(name="Tarkastuslautakunta")
    _active(body=body, language="en")
    agenda = MeetingFactory(body=body, agenda_published_at=timezone.now() - timedelta(hours=2))
    AgendaItemFactory(meeting=agenda, section=1, title="Arviointikertomus 2025")
    old = MeetingFactory(body=body, agenda_published_at=timezone.now() - timedelta(days=3))
    AgendaItemFactory(meeting=old, section=1, title="Vanha esityslista")
    cancelled = MeetingFactory(body=body, agenda_published_at=None)
    council_services.meeting_cancel(meeting=cancelled, reason="Ei käsiteltäviä asioita.")

    alerts.digest_send()
    (digest,) = mail.outbox
    assert "New agendas" in digest.body
    assert "Arviointikertomus 2025" in digest.body
    assert "Vanha esityslista" not in digest.body
    assert "Cancelled meetings" in digest.body
    assert "Ei käsiteltäviä asioita." in digest.body


def test_it_lists_what_is_new_in_a_followed_case():
    case = CaseFactory(title="Palveluverkko")
    other = CaseFactory()
    _active(case=case, language="en")
    meeting = _decided_meeting(BodyFactory(), [])
    HandlingFactory(item=AgendaItemFactory(meeting=meeting, case=case, title="Palveluverkko 2027"))
    HandlingFactory(item=AgendaItemFactory(meeting=meeting, case=other, title="Muu asia"))
    upcoming = MeetingFactory(agenda_published_at=timezone.now() - timedelta(hours=3))
    AgendaItemFactory(meeting=upcoming, case=case, title="Palveluverkon jatkovalmistelu")
    OfficialDecisionFactory(
        case=case, title="Hankintapäätös", published_at=timezone.now() - timedelta(hours=1)
    )
    OfficialDecisionFactory(
        case=case, title="Vanha viranhaltijapäätös", published_at=timezone.now() - timedelta(days=5)
    )

    alerts.digest_send()
    (digest,) = mail.outbox
    assert "Palveluverkko 2027" in digest.body
    assert "Palveluverkon jatkovalmistelu" in digest.body
    assert "Hankintapäätös" in digest.body
    assert "Muu asia" not in digest.body
    assert "Vanha viranhaltijapäätös" not in digest.body


def _agenda_item(title: str, *, hours_ago: float = 1, **fields):  # type: ignore[no-untyped-def]
    meeting = MeetingFactory(agenda_published_at=timezone.now() - timedelta(hours=hours_ago))
    return AgendaItemFactory(meeting=meeting, title=title, **fields)


def test_it_lists_the_new_matches_of_a_saved_search():
    _active(query="q=hoitaja", language="en")
    _agenda_item("Hoitajamitoituksen seuranta")
    _agenda_item("Hoitajien rekrytointi", hours_ago=72)
    _agenda_item("Talousarvion muutos")
    _agenda_item("Hoitajan palvelussuhdeasia", is_public=False, secrecy_basis="JulkL 24.1 § 32 k")

    alerts.digest_send()
    (digest,) = mail.outbox
    assert "Search “hoitaja”" in digest.subject
    assert "Hoitajamitoituksen seuranta" in digest.body
    assert "Hoitajan palvelussuhdeasia" in digest.body
    assert "Hoitajien rekrytointi" not in digest.body
    assert "Talousarvion muutos" not in digest.body
    assert "http://127.0.0.1:8000/en/haku/?q=hoitaja" in digest.body


def test_a_saved_search_with_many_new_matches_links_to_the_rest():
    _active(query="q=hoitaja", language="en")
    meeting = MeetingFactory(agenda_published_at=timezone.now() - timedelta(hours=1))
    for section in range(1, alerts.SEARCH_MATCHES_PER_DIGEST + 3):
        AgendaItemFactory(meeting=meeting, section=section, title=f"Hoitaja {section}")
    alerts.digest_send()
    (digest,) = mail.outbox
    assert digest.body.count("/pykalat/") == alerts.SEARCH_MATCHES_PER_DIGEST
    assert (
        "More new matches: http://127.0.0.1:8000/en/haku/?q=hoitaja&jarjestys=uusin" in digest.body
    )


def test_it_sends_nothing_when_nothing_is_new():
    body = BodyFactory()
    _active(body=body)
    _decided_meeting(body, ["Ennen tilausta"], published_at=timezone.now() - timedelta(days=3))
    assert alerts.digest_send() == 0
    assert mail.outbox == []
    assert Subscription.objects.get().last_sent_at is None


def test_it_sends_once_a_day_however_often_the_task_runs():
    body = BodyFactory()
    _active(body=body)
    _decided_meeting(body, ["Ensimmäinen"])
    assert send_daily_digests.delay().get() == 1
    _decided_meeting(body, ["Toinen"], published_at=timezone.now())
    assert send_daily_digests.delay().get() == 0
    assert len(mail.outbox) == 1

    tomorrow = timezone.now() + timedelta(days=1)
    assert alerts.digest_send(now=tomorrow) == 1
    assert "Toinen" in mail.outbox[-1].body
    assert "Ensimmäinen" not in mail.outbox[-1].body


def test_it_sends_one_digest_per_address_with_a_section_and_a_link_per_alert():
    first, second = BodyFactory(name="Aluehallitus"), BodyFactory(name="Aluevaltuusto")
    one = _active(body=first)
    two = _active(body=second)
    _active(email="toinen@example.invalid", body=first)
    _decided_meeting(first, ["Hallituksen päätös"])
    _decided_meeting(second, ["Valtuuston päätös"])

    assert alerts.digest_send() == 2
    digest = next(m for m in mail.outbox if m.to == ["asukas@example.invalid"])
    assert "Hallituksen päätös" in digest.body
    assert "Valtuuston päätös" in digest.body
    assert f"/seuraa/peru/{one.token}/" in digest.body
    assert f"/seuraa/peru/{two.token}/" in digest.body
    # The header stops every alert this message carries.
    assert re.fullmatch(
        r"<http://127\.0\.0\.1:8000/seuraa/peru/[\w-]+/kaikki/>",
        digest.extra_headers["List-Unsubscribe"],
    )


def test_it_moves_on_only_the_alerts_that_had_news():
    quiet, busy = BodyFactory(), BodyFactory()
    _active(body=quiet)
    _active(body=busy)
    _decided_meeting(busy, ["Päätös"])
    alerts.digest_send()
    sent = dict(Subscription.objects.values_list("body_id", "last_sent_at"))
    assert sent[quiet.pk] is None
    assert sent[busy.pk] is not None


def test_a_failure_for_one_address_does_not_stop_the_others(monkeypatch):
    body = BodyFactory()
    _active(email="rikki@example.invalid", body=body)
    _active(email="toimii@example.invalid", body=body)
    _decided_meeting(body, ["Päätös"])
    send = EmailBackend.send_messages

    def failing(self, messages):  # type: ignore[no-untyped-def]
        if messages[0].to == ["rikki@example.invalid"]:
            raise ConnectionError("the mail server hung up")
        return send(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", failing)
    assert alerts.digest_send() == 1
    assert [m.to for m in mail.outbox] == [["toimii@example.invalid"]]
    sent = dict(Subscription.objects.values_list("email", "last_sent_at"))
    assert sent["rikki@example.invalid"] is None  # tomorrow's digest still covers it


def test_the_digest_queries_do_not_grow_with_the_news():
    body, case = BodyFactory(), CaseFactory()
    _active(body=body)
    _active(case=case)
    _active(query="q=hoitaja")
    meeting = _decided_meeting(body, ["Päätös 1"])
    AgendaItemFactory(meeting=meeting, section=99, case=case, title="Asian käsittely")
    agenda = MeetingFactory(agenda_published_at=timezone.now() - timedelta(hours=1))
    AgendaItemFactory(meeting=agenda, section=1, title="Hoitaja 1")

    def count() -> int:
        Subscription.objects.update(last_sent_at=None)
        mail.outbox.clear()
        with CaptureQueriesContext(connection) as queries:
            assert alerts.digest_send() == 1
        return len(queries)

    count()  # the first digest of the test opens the connection's first transaction
    with_one = count()
    for section in range(2, 21):
        HandlingFactory(
            item=AgendaItemFactory(meeting=meeting, section=section, title=f"Päätös {section}")
        )
        OfficialDecisionFactory(case=case, published_at=timezone.now() - timedelta(hours=1))
        AgendaItemFactory(meeting=agenda, section=section, title=f"Hoitaja {section}")
    with_twenty = count()
    assert "Päätös 20" in mail.outbox[0].body
    assert "Hoitaja 20" in mail.outbox[0].body
    assert with_one == with_twenty, f"{with_one} queries with 1 item, {with_twenty} with 20"
    assert with_twenty <= 11  # one of them: the meetings moved since the last digest


# --- Unsubscribing -----------------------------------------------------------------------------


def test_the_unsubscribe_link_shows_a_button_and_the_button_stops_the_alert(client):
    subscription = _active(body=BodyFactory(name="Aluehallitus"))
    path = f"/seuraa/peru/{subscription.token}/"
    page = client.get(path)
    assert page.status_code == 200
    assert "Aluehallitus" in page.content.decode()
    assert Subscription.objects.exists()
    response = client.post(path)
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    assert not Subscription.objects.exists()
    assert client.get(path).status_code == 404


def test_it_can_stop_every_alert_of_an_address_at_once(client):
    one = _active(body=BodyFactory())
    _active(case=CaseFactory())
    other = _active(email="toinen@example.invalid", body=BodyFactory())
    assert "Stop all 2 alerts" in client.get(f"/en/seuraa/peru/{one.token}/").content.decode()
    Client(enforce_csrf_checks=True).post(
        f"/seuraa/peru/{one.token}/kaikki/", {"List-Unsubscribe": "One-Click"}
    )
    assert list(Subscription.objects.all()) == [other]


@pytest.mark.parametrize("part", ["vahvista", "peru"])
def test_an_unknown_or_absurd_token_gets_a_friendly_404(client, part):
    for token in ("tuntematon", "x" * 500):
        response = client.get(f"/en/seuraa/{part}/{token}/")
        assert response.status_code == 404
        assert "This link no longer works" in response.content.decode()
        assert client.post(f"/seuraa/{part}/{token}/").status_code in {403, 404}


def test_the_confirm_button_needs_its_csrf_token():
    subscription = Subscription.objects.create(
        email="asukas@example.invalid", kind="body", body=BodyFactory(), language="fi"
    )
    response = Client(enforce_csrf_checks=True).post(f"/seuraa/vahvista/{subscription.token}/")
    assert response.status_code == 403
    subscription.refresh_from_db()
    assert subscription.state == SubscriptionState.PENDING


# --- Configuration -----------------------------------------------------------------------------


def test_beat_sends_the_digests_every_morning_at_six_helsinki_time():
    entry = settings.CELERY_BEAT_SCHEDULE["send-daily-digests"]
    assert entry["task"] == "portal.tasks.send_daily_digests"
    assert entry["schedule"].hour == {6}
    assert entry["schedule"].minute == {0}
    assert settings.CELERY_TIMEZONE == "Europe/Helsinki"
