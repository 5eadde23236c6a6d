"""The staff's work on initiatives: the queue with the one-month deadline, every step
through its form, bad input on each, one submission per form, the yearly report as a
PDF attached to a council item, and following initiatives by e-mail."""

from __future__ import annotations

import re
from datetime import timedelta
from io import BytesIO

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from councils import documents
from councils.models import AgendaItem, Document, DocumentState, MeetingState
from forums import initiatives as services
from forums.models import Initiative, InitiativeState
from forums.rules import COORDINATORS
from portal import alerts
from portal.models import Subscription, SubscriptionKind
from portal.once import new_token
from tests import factories as f
from tests.forums.initiative_helpers import answered, arena, received, routed

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():  # type: ignore[no-untyped-def]
    return arena()


@pytest.fixture
def client(client, django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    post = client.post

    def post_and_commit(*args, **kwargs):  # type: ignore[no-untyped-def]
        with django_capture_on_commit_callbacks(execute=True):
            return post(*args, **kwargs)

    client.post = post_and_commit
    return client


def _url(name: str, initiative: Initiative) -> str:
    return reverse(f"forums_staff:{name}", args=[initiative.pk])


def test_the_dashboard_flags_an_initiative_past_its_month(client, world):
    late = received(world.board, title="Myöhässä", at=timezone.now() - timedelta(days=40))
    fresh = received(world.board, title="Tuore")
    client.force_login(world.clerk)
    html = client.get("/hallinta/").content.decode()
    section = html[html.index('id="initiatives"') :]
    assert "Myöhässä" in section and "Tuore" in section
    due = late.acknowledgement_due()
    assert f"{due:%-d.%-m.%Y}" in section
    assert section.count("tag--cancelled") == 1  # only the late one is flagged
    assert fresh.acknowledgement_due() is not None


def test_the_dashboard_shows_no_initiatives_to_someone_without_a_part(client, world):
    received(world.board, title="Aluehallitukselle")
    client.force_login(f.UserFactory())
    assert 'id="initiatives"' not in client.get("/hallinta/").content.decode()
    client.force_login(world.other_clerk)
    html = client.get("/hallinta/").content.decode()
    assert "Aluehallitukselle" not in html


def test_the_clerk_takes_an_initiative_through_every_step(client, world):
    initiative = received(world.board)
    client.force_login(world.clerk)
    assert (
        client.post(_url("initiative_register", initiative), {"diary_number": "61/00.01.05/2024"})
    ).status_code == 302
    due = timezone.localdate() + timedelta(days=20)
    response = client.post(
        _url("initiative_route", initiative),
        {
            "handling_body": world.board.pk,
            "handling_unit": "Ikääntyneiden palvelut",
            "answer_due": due.isoformat(),
            "handling_contact": "Pekka Palvelu",
        },
    )
    assert response.status_code == 302
    page = client.get(_url("initiative", initiative)).content.decode()
    assert "Kirjaa vastaus" not in page  # the hearing comes first
    assert "vastaus kirjataan kuulemisen jälkeen" in page.lower()
    client.post(
        _url("initiative_hearing", initiative),
        {"heard_on": timezone.localdate().isoformat(), "note": "Kuultiin palaverissa."},
    )
    client.post(
        _url("initiative_answer", initiative),
        {"answer_item": world.decided_item.pk, "measures": "Penkit asennetaan."},
    )
    client.post(_url("initiative_close", initiative), {"note": ""})
    initiative.refresh_from_db()
    assert initiative.state == InitiativeState.CLOSED
    assert initiative.steps.filter(by=world.clerk).count() == 5
    html = client.get(initiative.get_absolute_url()).content.decode()
    assert "Penkit asennetaan." in html
    assert world.decided_item.get_absolute_url() in html


@pytest.mark.parametrize(
    ("step", "data", "message"),
    [
        ("initiative_register", {"diary_number": "abc"}, "123/00.01.02/2025"),
        ("initiative_register", {"diary_number": "x" * 41}, "enintään"),
        ("initiative_register", {"diary_number": "<script>"}, "123/00.01.02/2025"),
    ],
)
def test_bad_registration_input_gets_a_message(client, world, step, data, message):
    initiative = received(world.board)
    client.force_login(world.registry)
    response = client.post(_url(step, initiative), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Initiative.objects.get(pk=initiative.pk).state == InitiativeState.RECEIVED


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"answer_due": "2099-01-01"}, "tai aiemmin"),
        ({"answer_due": "2020-01-01"}, "tai myöhemmin"),
        ({"answer_due": "31.2.2027"}, "päivämäärä"),
        ({"handling_body": "999999"}, "Valitse oikea vaihtoehto"),
        ({"handling_contact": ""}, "Tämä kenttä vaaditaan"),
        ({"handling_body": "", "handling_unit": ""}, "toimielin tai yksikkö"),
    ],
)
def test_bad_routing_input_gets_a_message(client, world, data, message):
    initiative = received(world.board)
    services.initiative_register(initiative=initiative, diary_number="3/00.01.05/2024", by=None)
    client.force_login(world.clerk)
    form = {
        "handling_body": world.board.pk,
        "handling_unit": "Yksikkö",
        "answer_due": (timezone.localdate() + timedelta(days=10)).isoformat(),
        "handling_contact": "Pekka",
    } | data
    response = client.post(_url("initiative_route", initiative), form)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Initiative.objects.get(pk=initiative.pk).state == InitiativeState.REGISTERED


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"heard_on": "2099-01-01", "note": "x"}, "tai aiemmin"),
        ({"heard_on": "", "note": "x"}, "Tämä kenttä vaaditaan"),
        ({"note": "x" * 5001}, "enintään"),
    ],
)
def test_bad_hearing_input_gets_a_message(client, world, data, message):
    initiative = routed(world)
    client.force_login(world.clerk)
    form = {"heard_on": timezone.localdate().isoformat(), "note": "Kuultiin."} | data
    response = client.post(_url("initiative_hearing", initiative), form)
    assert response.status_code == 400
    assert message in response.content.decode()


@pytest.mark.parametrize(
    "data",
    [
        {"measures": "x"},  # no decision
        {"answer_item": "999999", "measures": "x"},
        {"answer_item": "abc", "measures": "x"},
        {"answer_item": "ITEM", "measures": ""},
        {"answer_item": "ITEM", "answer_decision": "999999", "measures": "x"},
    ],
)
def test_bad_answer_input_gets_a_message(client, world, data):
    initiative = routed(world)
    services.initiative_hearing_record(
        initiative=initiative, heard_on=timezone.localdate(), note="Kuultiin.", by=None
    )
    client.force_login(world.clerk)
    data = {k: (str(world.decided_item.pk) if v == "ITEM" else v) for k, v in data.items()}
    response = client.post(_url("initiative_answer", initiative), data)
    assert response.status_code == 400
    assert "Korjaa" in response.content.decode() or "Valitse" in response.content.decode()
    assert Initiative.objects.get(pk=initiative.pk).state == InitiativeState.HEARING


def test_a_step_out_of_order_is_refused_with_the_rule_named(client, world):
    initiative = received(world.board)
    client.force_login(world.clerk)
    response = client.post(_url("initiative_close", initiative), {})
    assert response.status_code == 400
    assert "Vain vastattu aloite" in response.content.decode()


def test_a_double_submit_registers_once(client, world):
    initiative = received(world.board)
    client.force_login(world.clerk)
    token = new_token()
    data = {"diary_number": "71/00.01.05/2024", "form_once": token}
    first = client.post(_url("initiative_register", initiative), data)
    second = client.post(_url("initiative_register", initiative), data)
    assert first.status_code == second.status_code == 302
    assert initiative.steps.filter(state="registered").count() == 1


def test_the_clerk_of_another_body_cannot_act(client, world):
    initiative = received(world.board)
    client.force_login(world.other_clerk)
    response = client.post(_url("initiative_register", initiative), {"diary_number": "1/00/2024"})
    assert response.status_code == 404
    assert Initiative.objects.get(pk=initiative.pk).state == InitiativeState.RECEIVED


def test_the_registry_records_a_council_members_initiative(client, world):
    client.force_login(world.registry)
    response = client.post(
        reverse("forums_staff:initiative_record_new"),
        {
            "kind": "council_member",
            "title": "Iltavastaanotot terveysasemille",
            "proposal": "Iltavastaanotot kaikille terveysasemille.",
            "concerns": "terveysasemat",
            "addressed_to": world.council.pk,
            "basis": "council_member",
            "initiators": "valtuutettu Sanna Karhu ja 6 muuta valtuutettua",
            "received_on": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 302
    initiative = Initiative.objects.get(title="Iltavastaanotot terveysasemille")
    assert initiative.state == InitiativeState.RECEIVED
    html = client.get(_url("initiative", initiative)).content.decode()
    due = initiative.statutory_answer_due()
    assert f"{due:%-d.%-m.%Y}" in html
    bad = client.post(
        reverse("forums_staff:initiative_record_new"),
        {"kind": "council_member", "basis": "resident", "title": "x", "received_on": "2099-1-1"},
    )
    assert bad.status_code == 400


def test_the_yearly_report_lists_the_year_and_is_attached_to_a_council_item(
    client, world, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    done = answered(world, title="Penkit kävelyreiteille")
    received(world.board, title="Vasta saapunut")
    year = timezone.localdate().year
    coordinator = f.UserFactory(username="koordinaattori")
    coordinator.groups.add(Group.objects.get(name=COORDINATORS))
    client.force_login(coordinator)
    assert client.post(reverse("forums_staff:initiative_report"), {"year": year}).status_code == 302
    report_page = client.get(reverse("forums_staff:initiative_report")).content.decode()
    (document_url,) = re.findall(r'href="(/hallinta/aloitteet/vuosiraportti/\d+/)"', report_page)
    pdf = client.get(document_url)
    assert pdf["Content-Type"] == "application/pdf"
    text = " ".join(
        page.extract_text() for page in PdfReader(BytesIO(b"".join(pdf.streaming_content))).pages
    )
    assert f"Vuonna {year} tehdyt aloitteet" in text
    assert "Penkit kävelyreiteille" in text and "Vasta saapunut" in text
    assert "Penkit asennetaan keväällä." in text
    assert done.contact_email not in text

    # The council's clerk attaches it to the council's coming agenda item.
    council_clerk = f.UserFactory(username="valtuustosihteeri")
    world.council.clerks.add(council_clerk)
    council_clerk.groups.add(Group.objects.get(name=COORDINATORS))
    meeting = f.MeetingFactory(
        body=world.council,
        state=MeetingState.NOTICE_PUBLISHED,
        start=timezone.now() + timedelta(days=14),
    )
    item = f.AgendaItemFactory(meeting=meeting, title="Selvitys aloitteista")
    client.force_login(council_clerk)
    document_pk = int(document_url.rstrip("/").rsplit("/", 1)[1])
    response = client.post(
        reverse("forums_staff:initiative_report_attach", args=[document_pk]),
        {"agenda_item": item.pk},
    )
    assert response.status_code == 302
    attachment = AgendaItem.objects.get(pk=item.pk).attachments.get()
    assert (
        attachment.title == f"Vuonna {year} tehdyt aloitteet ja niiden johdosta tehdyt toimenpiteet"
    )
    assert attachment.size > 1000


def test_a_report_of_a_future_year_is_refused(client, world):
    client.force_login(world.registry)
    response = client.post(
        reverse("forums_staff:initiative_report"), {"year": timezone.localdate().year + 1}
    )
    assert response.status_code == 400
    assert "Selvitys tehdään päättyneestä tai kuluvasta vuodesta" in response.content.decode()


def test_the_report_renders_through_the_pipeline_and_strategy_keeps_its_own(world, tmp_path):
    """Two apps own REPORT documents; each is rendered by its own renderer."""
    from strategy import services as strategy_services
    from tests.strategy.staff_helpers import arrange

    strategy_world = arrange()
    _closed, period_report = strategy_services.period_close_with_report(
        period=strategy_world.previous, user=None
    )
    queued = services.initiative_report_queue(year=timezone.localdate().year)
    html = documents.render_html(queued)
    assert "aloitteet" in html
    assert "aloitteet" not in documents.render_html(period_report).lower().split("<body")[0]
    assert documents._rendering(period_report).template.startswith("strategy/")  # type: ignore[union-attr]
    assert queued.state == DocumentState.QUEUED or queued.state == DocumentState.READY


# --- Following ----------------------------------------------------------------------------------


def test_a_resident_follows_an_initiative_and_the_digest_tells_its_steps(client, world):
    initiative = received(world.board)
    response = client.post(
        f"/seuraa/?aloite={initiative.pk}", {"email": "seuraaja@example.invalid"}
    )
    assert response.status_code == 302
    subscription = Subscription.objects.get(kind=SubscriptionKind.INITIATIVE)
    client.post(reverse("portal:alert_confirm", args=[subscription.token]))
    subscription.refresh_from_db()
    assert subscription.state == "active"
    Subscription.objects.filter(pk=subscription.pk).update(
        confirmed_at=timezone.now() - timedelta(hours=1)
    )
    services.initiative_register(initiative=initiative, diary_number="5/00.01.05/2024", by=None)
    mail.outbox.clear()
    assert alerts.digest_send(now=timezone.now() + timedelta(minutes=1)) == 1
    body = mail.outbox[0].body
    assert "5/00.01.05/2024" in body
    assert initiative.get_absolute_url() in body


def test_a_resident_follows_all_new_initiatives(client, world):
    client.post("/seuraa/?aloitteet=1", {"email": "kaikki@example.invalid"})
    subscription = Subscription.objects.get(kind=SubscriptionKind.INITIATIVES)
    client.post(reverse("portal:alert_confirm", args=[subscription.token]))
    Subscription.objects.filter(pk=subscription.pk).update(
        confirmed_at=timezone.now() - timedelta(hours=1)
    )
    received(world.board, title="Ihan uusi aloite")
    mail.outbox.clear()
    assert alerts.digest_send(now=timezone.now() + timedelta(minutes=1)) == 1
    assert "Ihan uusi aloite" in mail.outbox[0].body


@pytest.mark.parametrize("query", ["aloite=999999", "aloite=abc", "aloite=" + "9" * 30])
def test_following_an_unknown_initiative_is_a_404(client, world, query):
    assert client.get(f"/seuraa/?{query}").status_code in (400, 404)


def test_a_closed_initiative_cannot_be_followed(client, world):
    initiative = answered(world)
    services.initiative_close(initiative=initiative, by=None)
    response = client.get(f"/seuraa/?aloite={initiative.pk}")
    assert response.status_code == 400


@pytest.mark.parametrize("item", ["999999", "abc", ""])
def test_attaching_the_report_to_an_unknown_item_is_refused_with_a_message(
    client, world, settings, tmp_path, item
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(world.registry)
    client.post(reverse("forums_staff:initiative_report"), {"year": timezone.localdate().year})
    document = Document.objects.get(kind="report")
    response = client.post(
        reverse("forums_staff:initiative_report_attach", args=[document.pk]),
        {"agenda_item": item},
        follow=True,
    )
    assert response.status_code == 200
    assert "Valitse luettelosta aluevaltuuston kokouksen pykälä." in response.content.decode()
    assert not AgendaItem.objects.filter(attachments__isnull=False).exists()
