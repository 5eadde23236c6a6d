"""Clerk text reaches every output as text: pages, feeds, calendars, e-mails and PDFs.

Issue 11, finding 11: a summary written as `<script>alert(1)</script>` reached every feed
reader as markup. Each output is read back as its consumer reads it (the XML parsed, the
calendar parsed, the e-mail's HTML part, the PDF's HTML) and must hold no live markup.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from councils import documents
from councils.models import Document, DocumentKind, MeetingState
from portal import alerts
from portal.models import Subscription, SubscriptionKind, SubscriptionState
from tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    HandlingFactory,
    MeetingFactory,
    MinutesFactory,
)

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
IMAGE = '"><img src=x onerror=alert(2)>'
HOSTILE = f"Talousarvio {SCRIPT} {IMAGE}"
LIVE_MARKUP = re.compile(r"<\s*(script|img)\b", re.IGNORECASE)


@pytest.fixture
def decided():  # type: ignore[no-untyped-def]
    body = BodyFactory(slug="aluehallitus", name="Aluehallitus")
    meeting = MeetingFactory(
        body=body,
        state=MeetingState.MINUTES_PUBLISHED,
        place=f"Sali {SCRIPT}\r\nATTENDEE:mailto:x@example.invalid",
    )
    MinutesFactory(meeting=meeting, published_at=timezone.now() - timedelta(hours=1))
    item = AgendaItemFactory(meeting=meeting, section=1, title=HOSTILE, summary=HOSTILE)
    HandlingFactory(item=item, decision=f"<p>Hyväksyttiin.</p>{SCRIPT}")
    return body, meeting, item


def _feed_html_fields(content: bytes) -> list[str]:
    """What a reader renders as HTML: RSS description, Atom summary and content."""
    root = ET.fromstring(content)
    found = [el.text or "" for el in root.iter("description")]
    found += [el.text or "" for el in root.iter("{http://www.w3.org/2005/Atom}summary")]
    return found


@pytest.mark.parametrize("suffix", ["paatokset.rss", "paatokset.atom"])
def test_a_body_feed_carries_the_summary_as_text(client, decided, suffix):
    response = client.get(f"/toimielimet/aluehallitus/{suffix}")
    fields = _feed_html_fields(response.content)
    item_fields = [field for field in fields if "Talousarvio" in field]
    assert item_fields, fields
    for field in item_fields:
        assert not LIVE_MARKUP.search(field), field
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in field


def test_a_search_feed_carries_the_text_as_text(client, decided):
    for url in ("/haku/syote.rss?q=Talousarvio", "/haku/syote.atom?q=Talousarvio"):
        fields = _feed_html_fields(client.get(url).content)
        assert any("Talousarvio" in field for field in fields)
        assert not any(LIVE_MARKUP.search(field) for field in fields)


def test_a_case_feed_carries_no_markup(client, decided):
    _body, _meeting, item = decided
    case = item.case
    url = f"/asiat/{case.number}/{case.task_class}/{case.year}/syote.rss"
    root = ET.fromstring(client.get(url).content)
    titles = [el.text or "" for el in root.iter("title")]
    assert any(SCRIPT in title for title in titles)  # a title is a text field
    assert not any(
        LIVE_MARKUP.search(field) for field in _feed_html_fields(client.get(url).content)
    )


def test_the_calendar_keeps_the_place_as_one_text_value(client, decided):
    calendar = Calendar.from_ical(client.get("/toimielimet/aluehallitus/kokoukset.ics").content)
    (event,) = calendar.walk("VEVENT")
    assert str(event["location"]).startswith(f"Sali {SCRIPT}")
    assert "ATTENDEE" not in event  # the line break did not start a property of its own


def _digest_for(body):  # type: ignore[no-untyped-def]
    Subscription.objects.create(
        email="asukas@example.invalid",
        kind=SubscriptionKind.BODY,
        body=body,
        language="fi",
        state=SubscriptionState.ACTIVE,
        confirmed_at=timezone.now() - timedelta(days=1),
    )
    alerts.digest_send()
    (message,) = mail.outbox
    return message


def test_the_digest_email_escapes_titles_in_its_html_part(decided):
    body, _meeting, _item = decided
    message = _digest_for(body)
    ((html, _mimetype),) = message.alternatives
    assert "Talousarvio" in html
    assert not LIVE_MARKUP.search(html)
    assert "&lt;script&gt;" in html
    assert SCRIPT in message.body  # the plain-text part shows the title as written


def test_the_minutes_pdf_renders_titles_as_text_and_drops_scripts(decided):
    _body, meeting, _item = decided
    documents.documents_queue(meeting, [DocumentKind.MINUTES])
    document = Document.objects.get(meeting=meeting, kind=DocumentKind.MINUTES)
    html = documents.render_html(document)
    assert "Talousarvio" in html
    assert not LIVE_MARKUP.search(html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_public_pages_escape_the_same_text(client, decided):
    _body, meeting, item = decided
    for url in (item.get_absolute_url(), meeting.get_absolute_url(), "/paatokset/"):
        html = client.get(url).content.decode()
        main = html[html.index("<main") : html.index("</main>")]
        assert "Talousarvio" in main
        assert not LIVE_MARKUP.search(main)


def test_an_earlier_version_of_a_decision_is_sanitised_like_the_page(client, decided):
    from councils.models import DecisionVersion

    _body, _meeting, item = decided
    DecisionVersion.objects.create(
        item=item, number=1, title=item.title, decision=f"<p>Vanha päätös.</p>{IMAGE}"
    )
    html = client.get(f"/pykalat/{item.pk}/versiot/1/").content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    assert "Vanha päätös." in main
    assert not LIVE_MARKUP.search(main)
