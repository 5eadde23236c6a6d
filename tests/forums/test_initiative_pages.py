"""The public pages of initiatives: the list, an initiative, submitting and supporting by
e-mail confirmation, bad input, abuse (honeypot, rate limits), and queries per page."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from councils.publication import publication_changed
from forums import initiatives as services
from forums.identity import Identity
from forums.models import Initiative, InitiativeState, Supporter
from tests.forums.initiative_helpers import answered, arena, data, received, routed

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://[^/\s]+(/\S+)")


@pytest.fixture
def world():  # type: ignore[no-untyped-def]
    return arena()


@pytest.fixture
def client(client, django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    """E-mails leave after the commit: each POST runs those callbacks as a commit would."""
    post = client.post

    def post_and_commit(*args, **kwargs):  # type: ignore[no-untyped-def]
        with django_capture_on_commit_callbacks(execute=True):
            return post(*args, **kwargs)

    client.post = post_and_commit
    return client


def _initiative_form(world, **changes):  # type: ignore[no-untyped-def]
    form = {
        "kind": "resident",
        "title": "Iltavastaanotto Sysmään",
        "proposal": "Sysmän terveysasemalle iltavastaanotto kahtena iltana viikossa.",
        "reasons": "Työssäkäyvät eivät ehdi päivällä.",
        "concerns": "terveysasema, Sysmä",
        "addressed_to": world.board.pk,
        "basis": "resident",
        "municipality": "sysma",
        "initiators": "Sysmäläiset",
        "contact_name": "Sanna Sysmä",
        "contact_email": "sanna@example.invalid",
        "declaration": "on",
        "consent": "on",
    }
    form.update(changes)
    return {k: v for k, v in form.items() if v is not None}


def _support_form(**changes):  # type: ignore[no-untyped-def]
    form = {
        "name": "Tiina Tukija",
        "municipality": "lahti",
        "email": "tiina@example.invalid",
        "publish_name": "on",
        "declaration": "on",
        "consent": "on",
    }
    form.update(changes)
    return {k: v for k, v in form.items() if v is not None}


def _link(message) -> str:  # type: ignore[no-untyped-def]
    return LINK.findall(message.body)[0]


def test_a_resident_submits_confirms_and_the_initiative_is_public(client, world):
    response = client.post(reverse("forums:initiative_new"), _initiative_form(world))
    assert response.status_code == 302
    assert response["Location"] == reverse("forums:initiative_sent")
    assert "Iltavastaanotto Sysmään" not in client.get("/aloitteet/").content.decode()
    link = _link(mail.outbox[-1])
    page = client.get(link)
    assert page.status_code == 200
    assert "Iltavastaanotto Sysmään" not in Initiative.objects.public().values_list(
        "title", flat=True
    )
    client.post(link)
    initiative = Initiative.objects.get(title="Iltavastaanotto Sysmään")
    assert initiative.state == InitiativeState.RECEIVED
    html = client.get(initiative.get_absolute_url()).content.decode()
    assert "Iltavastaanotto Sysmään" in html
    assert "sanna@example.invalid" not in html  # the contact never shows
    assert "Sanna Sysmä" not in html
    assert "Sysmäläiset" in html
    due = initiative.acknowledgement_due()
    assert f"{due:%-d.%-m.%Y}" in html


def test_the_list_filters_by_state_body_and_kind_and_counts_supporters(client, world):
    first = received(world.board, title="Ensimmäinen")
    routed(world, title="Toinen")
    for n in range(3):
        supporter = services.support_request(
            initiative=first,
            identity=Identity(name=f"T {n}", municipality="lahti", identified_by="self_asserted"),
            email=f"t{n}@example.invalid",
            publish_name=False,
        )
        assert supporter is not None
        services.support_confirm(supporter=supporter)
    html = client.get("/aloitteet/").content.decode()
    assert "Ensimmäinen" in html and "Toinen" in html
    assert "3 tukijaa" in html
    html = client.get("/aloitteet/?tila=routed").content.decode()
    assert "Toinen" in html and "Ensimmäinen" not in html
    html = client.get(f"/aloitteet/?toimielin={world.council.slug}").content.decode()
    assert "Ensimmäinen" not in html
    html = client.get("/aloitteet/?laji=council_member").content.decode()
    assert "Ensimmäinen" not in html


@pytest.mark.parametrize(
    "query", ["tila=nonsense", "laji=<script>", "toimielin=ei-ole", "sivu=0", "sivu=x"]
)
def test_bad_filters_get_a_4xx(client, world, query):
    assert client.get(f"/aloitteet/?{query}").status_code in (400, 404)


def test_an_unconfirmed_initiative_is_not_found(client, world):
    pending = services.initiative_submit(
        data=data(world.board),
        identity=Identity(name="A", municipality="lahti", identified_by="self_asserted"),
        contact_name="A",
        contact_email="a@example.invalid",
    )
    assert pending is not None
    assert client.get(pending.get_absolute_url()).status_code == 404
    assert client.get("/aloitteet/999999/").status_code == 404


def test_support_with_consent_is_confirmed_by_the_emailed_link(client, world):
    initiative = received(world.board)
    response = client.post(reverse("forums:support", args=[initiative.pk]), _support_form())
    assert response.status_code == 302
    assert Initiative.objects.with_support_count().get(pk=initiative.pk).support_count == 0
    link = _link(mail.outbox[-1])
    assert "Tiina Tukija" in client.get(link).content.decode()
    client.post(link)
    html = client.get(initiative.get_absolute_url()).content.decode()
    assert "Tiina Tukija" in html
    assert "1 tukija" in html
    assert "tiina@example.invalid" not in html


def test_a_supporter_without_consent_to_publish_is_counted_not_named(client, world):
    initiative = received(world.board)
    client.post(reverse("forums:support", args=[initiative.pk]), _support_form(publish_name=None))
    client.post(_link(mail.outbox[-1]))
    html = client.get(initiative.get_absolute_url()).content.decode()
    assert "Tiina Tukija" not in html
    assert "1 tukija" in html


def test_a_broken_or_foreign_confirmation_link_gets_a_404_page(client, world):
    initiative = received(world.board)
    client.post(reverse("forums:support", args=[initiative.pk]), _support_form())
    link = _link(mail.outbox[-1])
    assert client.get(link[:-4] + "xyz/").status_code == 404
    # A support link does not confirm an initiative.
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert client.get(reverse("forums:initiative_confirm", args=[token])).status_code == 404
    assert client.get(reverse("forums:support_confirm", args=["x" * 300])).status_code == 404


def test_the_honeypot_stores_nothing_and_answers_as_if_all_went_well(client, world):
    initiative = received(world.board)
    response = client.post(
        reverse("forums:support", args=[initiative.pk]), _support_form(extra_contact="http://x")
    )
    assert response.status_code == 302
    assert not Supporter.objects.exists()
    response = client.post(
        reverse("forums:initiative_new"), _initiative_form(world, extra_contact="spam")
    )
    assert response.status_code == 302
    assert not Initiative.objects.filter(title="Iltavastaanotto Sysmään").exists()
    assert len(mail.outbox) == 0


def test_one_address_is_rate_limited_per_initiative(client, world):
    initiative = received(world.board)
    url = reverse("forums:support", args=[initiative.pk])
    for n in range(10):
        client.post(url, _support_form(email=f"s{n}@example.invalid"))
    response = client.post(url, _support_form(email="late@example.invalid"))
    assert response.status_code == 429
    assert "Liian monta" in response.content.decode()
    assert response["Retry-After"]
    assert not Supporter.objects.filter(email="late@example.invalid").exists()


def test_submissions_are_rate_limited_per_address(client, world):
    for n in range(5):
        client.post(
            reverse("forums:initiative_new"),
            _initiative_form(world, title=f"Aloite {n}", contact_email=f"c{n}@example.invalid"),
        )
    response = client.post(
        reverse("forums:initiative_new"), _initiative_form(world, title="Kuudes")
    )
    assert response.status_code == 429
    assert not Initiative.objects.filter(title="Kuudes").exists()


@pytest.mark.parametrize(
    "changes",
    [
        {"title": ""},
        {"title": "x" * 201},
        {"proposal": "x" * 5001},
        {"kind": "council_member"},
        {"kind": "nonsense"},
        {"basis": "service_user"},  # a resident initiative on a service user's ground
        {"municipality": ""},
        {"municipality": "tampere"},
        {"addressed_to": "999999"},
        {"addressed_to": "abc"},
        {"contact_email": "not-an-address"},
        {"declaration": None},
        {"consent": None},
    ],
)
def test_bad_initiative_input_gets_a_message(client, world, changes):
    response = client.post(reverse("forums:initiative_new"), _initiative_form(world, **changes))
    assert response.status_code == 400
    assert "Korjaa seuraavat kohdat" in response.content.decode()
    assert not Initiative.objects.exists()


def test_a_script_in_a_title_is_shown_as_text(client, world):
    initiative = received(world.board, title="<script>alert(1)</script>")
    html = client.get(initiative.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize(
    "changes",
    [
        {"name": ""},
        {"name": "x" * 201},
        {"municipality": "tampere"},
        {"email": "nope"},
        {"declaration": None},
        {"consent": None},
    ],
)
def test_bad_support_input_gets_a_message(client, world, changes):
    initiative = received(world.board)
    response = client.post(
        reverse("forums:support", args=[initiative.pk]), _support_form(**changes)
    )
    assert response.status_code == 400
    assert "Korjaa seuraavat kohdat" in response.content.decode()
    assert not Supporter.objects.exists()


def test_an_answered_initiative_shows_the_decision_and_takes_no_support(client, world):
    initiative = answered(world)
    html = client.get(initiative.get_absolute_url()).content.decode()
    assert world.decided_item.get_absolute_url() in html
    assert "Penkit asennetaan keväällä." in html
    assert reverse("forums:support", args=[initiative.pk]) not in html
    response = client.post(reverse("forums:support", args=[initiative.pk]), _support_form())
    assert response.status_code == 400
    assert not Supporter.objects.exists()


def test_the_timeline_shows_every_step_with_its_date(client, world):
    initiative = routed(world)
    html = client.get(initiative.get_absolute_url()).content.decode()
    for step in initiative.steps.all():
        assert f"{timezone.localtime(step.at):%-d.%-m.%Y}" in html
    assert "Palvelujohtaja Pekka Palvelu" in html
    assert initiative.case.diary_number in html


def _supporters(initiative: Initiative, count: int) -> None:
    Supporter.objects.bulk_create(
        Supporter(
            initiative=initiative,
            name=f"Tukija {n}",
            municipality="lahti" if n % 2 else "hollola",
            email=f"t{n}@example.invalid",
            publish_name=n % 3 == 0,
            confirmed_at=timezone.now() - timedelta(minutes=n),
        )
        for n in range(count)
    )


def _queries(client, url: str) -> int:  # type: ignore[no-untyped-def]
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    publication_changed()  # measure the page, not the page cache
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_an_initiatives_queries_do_not_grow_with_supporters(client, world):
    small, large = received(world.board, title="Pieni"), received(world.board, title="Suuri")
    _supporters(small, 1)
    _supporters(large, 50)
    assert _queries(client, small.get_absolute_url()) == _queries(client, large.get_absolute_url())


def test_the_lists_queries_do_not_grow_with_initiatives_or_supporters(client, world):
    _supporters(received(world.board, title="Pieni"), 1)
    few = _queries(client, "/aloitteet/")
    _supporters(received(world.board, title="Suuri"), 50)
    for n in range(50):
        received(world.board, title=f"Lisää {n}")
    assert _queries(client, "/aloitteet/") == few


def test_feeds_list_new_initiatives_and_one_initiatives_steps(client, world):
    initiative = routed(world, title="Syötteessä")
    rss = client.get(reverse("forums:initiatives_rss")).content.decode()
    assert "Syötteessä" in rss
    atom = client.get(reverse("forums:initiative_atom", args=[initiative.pk])).content.decode()
    assert atom.count("<entry>") == 3
    assert "Palvelujohtaja Pekka Palvelu" in atom


def test_the_participate_page_links_to_initiatives(client, world):
    html = client.get("/osallistu/").content.decode()
    assert reverse("forums:initiative_list") in html
    assert reverse("forums:initiative_new") in html
