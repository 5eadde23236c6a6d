"""Anonymous pages: validators, 304s, the shared page cache, and who never shares it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from councils import services
from councils.models import Outcome
from councils.publication import generation, publication_changed, publications_batched
from councils.services import AttendanceRow
from tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    HandlingFactory,
    MeetingFactory,
    PersonFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _cached(response) -> bool:  # type: ignore[no-untyped-def]
    return response.get("X-Raati-Cache") == "hit"


@pytest.fixture
def decision():  # type: ignore[no-untyped-def]
    return HandlingFactory(decision="<p>Lautakunta hyväksyi suunnitelman.</p>").item


@pytest.mark.parametrize("url", ["/", "/paatokset/", "/sv/", "/kokoukset.ics"])
def test_it_serves_the_second_anonymous_visitor_from_the_cache(client, url):
    first = client.get(url)
    second = Client().get(url)
    assert first.status_code == second.status_code == 200
    assert not _cached(first)
    assert _cached(second)
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    cache_control = second["Cache-Control"]
    assert "public" in cache_control
    assert "max-age=30" in cache_control
    assert "stale-while-revalidate=60" in cache_control
    assert second["Vary"] == "HX-Request"


def test_an_htmx_request_gets_its_own_cached_answer(client):
    full = client.get("/haku/?q=talous")
    partial = client.get("/haku/?q=talous", HTTP_HX_REQUEST="true")
    assert not _cached(partial)
    assert len(partial.content) < len(full.content)
    assert _cached(client.get("/haku/?q=talous", HTTP_HX_REQUEST="true"))
    assert b"<html" in client.get("/haku/?q=talous").content


def test_each_language_is_cached_apart(client):
    assert client.get("/")["Content-Language"] == "fi"
    assert client.get("/en/")["Content-Language"] == "en"
    assert b'lang="en"' in client.get("/en/").content


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/paatokset/",
        "/kokoukset.ics",
        "/haku/syote.rss?q=suunnitelma",
        "/haku/syote.atom?q=suunnitelma",
    ],
)
def test_an_unchanged_page_feed_or_calendar_answers_304_with_no_body(client, url, decision):
    first = client.get(url)
    assert first.status_code == 200
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]


def test_a_publication_ends_the_304(client, decision):
    first = client.get("/paatokset/")
    publication_changed()
    again = client.get("/paatokset/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]


def test_if_modified_since_answers_304_until_the_next_publication(client, decision):
    publication_changed()
    # Last-Modified is sent once the second of the last change has passed.
    with pytest.MonkeyPatch.context() as patch:
        import time as time_module

        later = time_module.time() + 2
        patch.setattr("councils.publication.time.time", lambda: later)
        first = client.get("/kokoukset.ics")
        since = first["Last-Modified"]
        assert client.get("/kokoukset.ics", HTTP_IF_MODIFIED_SINCE=since).status_code == 304
        publication_changed()
        patch.setattr("councils.publication.time.time", lambda: later + 2)
        assert client.get("/kokoukset.ics", HTTP_IF_MODIFIED_SINCE=since).status_code == 200


def test_no_last_modified_in_the_second_of_a_change(client, monkeypatch):
    from councils import publication

    # The request is answered within the second of the change (a slow first request of a
    # test process could otherwise cross into the next second).
    now = publication.time.time()
    monkeypatch.setattr(publication.time, "time", lambda: now)
    publication_changed()
    assert "Last-Modified" not in client.get("/kokoukset.ics")


# --- a publication is visible at once on every cached page that shows it -------------


def test_publishing_an_agenda_shows_at_once():
    body = BodyFactory(notice_days=0)
    meeting = MeetingFactory(
        body=body, agenda_published_at=None, start=timezone.now() + timedelta(days=10)
    )
    AgendaItemFactory(meeting=meeting, section=1, title="Kotihoidon uudistus")
    url = reverse("councils:meeting_detail", args=[meeting.pk])
    assert b"Kotihoidon uudistus" not in Client().get(url).content
    assert _cached(Client().get(url))
    services.meeting_publish_agenda(meeting=meeting)
    page = Client().get(url)
    assert not _cached(page)
    assert "Kotihoidon uudistus" in page.content.decode()


def test_a_batched_loader_moves_the_generation_once_and_its_rows_show_at_once(client):
    body = BodyFactory(name="Ikäihmisten lautakunta")
    assert _cached(client.get("/")) is False and _cached(client.get("/"))
    before = generation()
    with publications_batched():
        for number in range(3):
            MeetingFactory(body=body, number=900 + number)
        assert generation() == before  # each save would have moved it twice
    assert generation() != before
    page = client.get(reverse("councils:body_detail", args=[body.slug]))
    assert not _cached(page) and page.content.decode().count("/kokoukset/") >= 3
    assert not _cached(client.get("/"))


def test_cancelling_a_meeting_shows_at_once():
    meeting = MeetingFactory(start=timezone.now() + timedelta(days=10))
    url = reverse("councils:body_detail", args=[meeting.body.slug])
    Client().get(url)
    assert _cached(Client().get(url))
    services.meeting_cancel(meeting=meeting, reason="Kokouskutsu peruttu sairastumisen vuoksi")
    meeting_page = Client().get(reverse("councils:meeting_detail", args=[meeting.pk]))
    assert "Kokouskutsu peruttu sairastumisen vuoksi" in meeting_page.content.decode()
    assert not _cached(Client().get(url))


def _held_and_checked():  # type: ignore[no-untyped-def]
    body = BodyFactory(seats=5, notice_days=4)
    meeting = MeetingFactory(
        body=body, start=timezone.now() - timedelta(hours=1), year=timezone.now().year
    )
    item = AgendaItemFactory(meeting=meeting, section=1, proposal="<p>Hyväksytään.</p>")
    members = [PersonFactory(last_name=f"Jäsen{i}") for i in range(5)]
    services.attendance_record(
        meeting=meeting,
        rows=[
            AttendanceRow(person=p, role="chair" if i == 0 else "member", presence="present")
            for i, p in enumerate(members)
        ],
    )
    services.handling_record(
        item=item, outcome=Outcome.AS_PROPOSED, decision="<p>Palveluverkko hyväksyttiin.</p>"
    )
    services.meeting_mark_held(meeting=meeting)
    services.minutes_draft(
        meeting=meeting, checker_1=members[1], checker_2=members[2], checked_at_meeting=False
    )
    services.minutes_approve(meeting=meeting, checker=members[1])
    services.minutes_approve(meeting=meeting, checker=members[2])
    meeting.refresh_from_db()
    return meeting, item


def test_publishing_minutes_shows_the_minutes_and_the_decision_at_once():
    meeting, item = _held_and_checked()
    decisions = reverse("councils:decision_list")
    item_url = reverse("councils:item_detail", args=[item.pk])
    for url in (decisions, item_url):
        Client().get(url)
        assert _cached(Client().get(url))
    assert "Palveluverkko hyväksyttiin" not in Client().get(item_url).content.decode()
    assert item.title not in Client().get(decisions).content.decode()
    services.minutes_publish(meeting=meeting)
    assert "Palveluverkko hyväksyttiin" in Client().get(item_url).content.decode()
    assert item.title in Client().get(decisions).content.decode()


def test_correcting_a_decision_shows_at_once(decision):
    url = reverse("councils:item_detail", args=[decision.pk])
    Client().get(url)
    assert _cached(Client().get(url))
    services.decision_correct(
        item=decision,
        decision="<p>Korjattu: suunnitelma hyväksyttiin muutettuna.</p>",
        note="Kirjoitusvirhe",
    )
    page = Client().get(url)
    assert not _cached(page)
    assert "suunnitelma hyväksyttiin muutettuna" in page.content.decode()


def test_a_strategy_status_update_shows_at_once():
    from strategy import services as strategy_services
    from tests.strategy.staff_helpers import arrange

    world = arrange()
    url = reverse(
        "strategy:goal_detail",
        kwargs={"strategy": world.strategy.slug, "code": world.on_track.code},
    )
    Client().get(url)
    assert _cached(Client().get(url))
    strategy_services.status_update_save(
        period=world.period,
        goal=world.on_track,
        status="at_risk",
        author=None,
        reason="Jonot pitenivät syksyllä.",
        narrative="Jonot pitenivät syksyllä.",
    )
    page = Client().get(url)
    assert not _cached(page)
    assert "Jonot pitenivät syksyllä." in page.content.decode()


# --- who never shares the cache -----------------------------------------------------


def test_a_signed_in_user_never_gets_the_anonymous_cached_page(client):
    Client().get("/")
    assert _cached(Client().get("/"))
    user = UserFactory(first_name="Sanni", last_name="Sihteeri")
    client.force_login(user)
    page = client.get("/")
    assert not _cached(page)
    assert "Sanni Sihteeri" in page.content.decode()
    assert "no-store" in page["Cache-Control"]
    assert "ETag" not in page


def test_an_anonymous_visitor_never_gets_a_signed_in_page(client):
    client.force_login(UserFactory(first_name="Sanni", last_name="Sihteeri"))
    client.get("/")
    client.get(reverse("staff:dashboard"))
    for url in ("/", reverse("staff:dashboard")):
        page = Client().get(url)
        assert not _cached(page)
        assert "Sanni Sihteeri" not in page.content.decode()


def test_a_staff_page_is_never_kept_nor_validated(client):
    for _ in range(2):
        page = client.get(reverse("staff:dashboard"))
        assert page.status_code == 302
        assert "ETag" not in page
        assert not _cached(page)
        assert "no-store" in page["Cache-Control"]


def test_a_page_with_a_flash_message_is_not_served_from_the_cache():
    Client().get("/")
    visitor = Client()
    visitor.cookies["messages"] = "waiting"
    assert not _cached(visitor.get("/"))


def test_a_tag_weakened_by_the_proxys_compression_still_answers_304(client):
    tag = client.get("/paatokset/")["ETag"]
    again = client.get("/paatokset/", HTTP_IF_NONE_MATCH=f"W/{tag}")
    assert again.status_code == 304


def test_the_open_data_api_answers_if_modified_since_too(client):
    publication_changed()
    with pytest.MonkeyPatch.context() as patch:
        import time as time_module

        later = time_module.time() + 2
        patch.setattr("councils.publication.time.time", lambda: later)
        first = client.get("/oparl/v1/")
        assert first.status_code == 200
        again = client.get("/oparl/v1/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
        assert again.status_code == 304
        assert again.content == b""


def test_a_publication_in_another_process_ends_this_ones_cached_pages(client):
    """gunicorn's workers and Celery's: one generation for all (Redis, or else a file)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    from django.conf import settings

    client.get("/paatokset/")
    assert _cached(client.get("/paatokset/"))
    env = dict(os.environ)
    publication = settings.CACHES["publication"]
    if publication["BACKEND"].endswith("RedisCache"):
        env["REDIS_URL"] = publication["LOCATION"]  # this test process's Redis database
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); "
            "from councils.publication import publication_changed; publication_changed()",
        ],
        check=True,
        cwd=Path(__file__).resolve().parents[2],
        env=env,
    )
    assert not _cached(client.get("/paatokset/"))


def test_each_host_name_is_cached_apart_for_its_absolute_links(client):
    MeetingFactory()
    first = client.get("/kokoukset.ics", HTTP_HOST="localhost")
    other = client.get("/kokoukset.ics", HTTP_HOST="127.0.0.1")
    assert not _cached(other)
    assert b"http://localhost/" in first.content
    assert b"http://127.0.0.1/" in other.content


def test_a_moment_scheduled_by_the_clock_ends_the_cached_page_and_its_etag(client, monkeypatch):
    from councils import publication

    first = client.get("/")
    assert _cached(client.get("/"))
    publication.publication_scheduled(timezone.now() + timedelta(minutes=5))
    assert _cached(client.get("/"))  # the moment has not come: nothing moves
    assert client.get("/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    later = publication.time.time() + 301
    monkeypatch.setattr(publication.time, "time", lambda: later)
    assert client.get("/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200
    assert _cached(client.get("/"))  # rendered once afresh, then kept again
