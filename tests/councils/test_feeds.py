"""Calendars and feeds that residents subscribe to."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime, timedelta

import pytest
from django.utils import translation
from icalendar import Calendar

from councils import services
from councils.models import EntryKind, MeetingState
from tests.factories import (
    HELSINKI,
    BodyFactory,
    CaseFactory,
    HandlingFactory,
    MeetingFactory,
)

pytestmark = pytest.mark.django_db


def _events(response):  # type: ignore[no-untyped-def]
    assert response["Content-Type"].startswith("text/calendar")
    return [c for c in Calendar.from_ical(response.content).walk("VEVENT")]


def test_the_body_calendar_lists_its_public_meetings(client):
    body = BodyFactory(slug="vanhusneuvosto", name="Vanhusneuvosto")
    MeetingFactory(
        body=body,
        number=4,
        year=2026,
        start=datetime(2026, 12, 3, 13, tzinfo=HELSINKI),
        place="Lahti",
    )
    MeetingFactory(body=body, state=MeetingState.PLANNED)
    MeetingFactory()  # another body's
    events = _events(client.get("/toimielimet/vanhusneuvosto/kokoukset.ics"))
    assert [str(e["summary"]) for e in events] == ["Vanhusneuvosto 4/2026"]
    assert events[0].decoded("dtstart") == datetime(2026, 12, 3, 13, tzinfo=HELSINKI)
    assert str(events[0]["location"]) == "Lahti"
    assert str(events[0]["status"]) == "CONFIRMED"


def test_a_moved_meeting_keeps_its_uid_with_a_higher_sequence_and_a_cancelled_one_says_so(client):
    body = BodyFactory(seats=5)
    meeting = services.meeting_create(
        body=body, start=datetime.now(tz=HELSINKI) + timedelta(days=20)
    )
    services.item_add(meeting=meeting, title="Asia")
    services.meeting_publish_notice(meeting=meeting)
    (before,) = _events(client.get("/kokoukset.ics"))
    meeting.refresh_from_db()
    meeting.start += timedelta(days=1)
    meeting.save(update_fields=["start"])
    (moved,) = _events(client.get("/kokoukset.ics"))
    assert str(moved["uid"]) == str(before["uid"])
    assert int(moved["sequence"]) > int(before["sequence"])
    assert moved.decoded("dtstart") == before.decoded("dtstart") + timedelta(days=1)
    services.meeting_cancel(meeting=meeting, reason="Ei päätettäviä asioita.")
    (cancelled,) = _events(client.get("/kokoukset.ics"))
    assert str(cancelled["uid"]) == str(before["uid"])
    assert str(cancelled["status"]) == "CANCELLED"


def test_the_body_decisions_feed_is_valid_rss_and_atom(client):
    handling = HandlingFactory(
        item__meeting__body__slug="aluehallitus", item__title="Talousarvion muutos"
    )
    HandlingFactory(item__title="Toisen toimielimen päätös")
    rss = ET.fromstring(client.get("/toimielimet/aluehallitus/paatokset.rss").content)
    assert rss.tag == "rss"
    titles = [t.text for t in rss.iter("title")]
    assert f"§ {handling.item.section} Talousarvion muutos" in titles
    assert "Toisen toimielimen päätös" not in " ".join(t or "" for t in titles)
    atom = ET.fromstring(client.get("/toimielimet/aluehallitus/paatokset.atom").content)
    assert atom.tag == "{http://www.w3.org/2005/Atom}feed"
    assert len(atom.findall("{http://www.w3.org/2005/Atom}entry")) == 1


def test_a_confidential_decision_shows_only_its_title_in_the_feed(client):
    HandlingFactory(
        item__meeting__body__slug="jaosto",
        item__is_public=False,
        item__title="Asiakasmaksun kohtuullistaminen",
        item__secrecy_basis="JulkL 24.1 § 25 k",
        item__summary="Asiakkaan tulot ovat pienet.",
    )
    content = client.get("/toimielimet/jaosto/paatokset.rss").content.decode()
    assert "JulkL 24.1 § 25 k" in content
    assert "Asiakkaan tulot" not in content


def test_the_case_feed_follows_every_handling(client):
    case = CaseFactory(diary_number="55/00.01.00/2026")
    HandlingFactory(item__case=case, item__title="Ensimmäinen käsittely")
    HandlingFactory(item__case=case, item__title="Toinen käsittely")
    rss = ET.fromstring(client.get("/asiat/55/00.01.00/2026/syote.rss").content)
    assert len(rss.findall("./channel/item")) == 2


@pytest.mark.parametrize(
    "url",
    [
        "/toimielimet/ei-ole/kokoukset.ics",
        "/toimielimet/ei-ole/paatokset.rss",
        "/asiat/1/00.00.00/2020/syote.rss",
    ],
)
def test_unknown_feeds_are_404(client, url):
    assert client.get(url).status_code == 404


def test_a_search_has_its_own_rss_and_atom_feed(client):
    HandlingFactory(item__title="Pelastustoimen palvelutaso", item__summary="Paloasemaverkko.")
    HandlingFactory(item__title="Talousarvion muutos")
    search_page = client.get("/haku/", {"q": "pelastustoimi"}).content.decode()
    assert 'href="/haku/syote.rss?q=pelastustoimi"' in search_page
    assert "/seuraa/?haku=q%3Dpelastustoimi" in search_page
    rss = ET.fromstring(client.get("/haku/syote.rss", {"q": "pelastustoimi"}).content)
    assert rss.tag == "rss"
    assert rss.findtext("./channel/title") == "Raati-haku: pelastustoimi"
    titles = [t.text or "" for t in rss.findall("./channel/item/title")]
    assert len(titles) == 1
    assert titles[0].endswith("Pelastustoimen palvelutaso")
    assert "Paloasemaverkko" in (rss.findtext("./channel/item/description") or "")
    atom = ET.fromstring(client.get("/haku/syote.atom", {"q": "pelastustoimi"}).content)
    assert len(atom.findall("{http://www.w3.org/2005/Atom}entry")) == 1


def test_a_search_feed_with_a_bad_query_is_404_not_500(client):
    response = client.get(
        "/haku/syote.rss", {"q": "x", "alkaen": "2026-12-31", "asti": "2026-01-01"}
    )
    assert response.status_code == 404


def test_a_search_feed_reports_the_agenda_item_and_later_its_decision(client):
    from councils.models import Minutes
    from tests.factories import AgendaItemFactory

    meeting = MeetingFactory(state=MeetingState.MINUTES_CHECKED)
    Minutes.objects.create(meeting=meeting, checked_at_meeting=True)
    HandlingFactory(item=AgendaItemFactory(meeting=meeting, title="Palveluverkon muutos"))
    before = ET.fromstring(client.get("/haku/syote.rss", {"q": "palveluverkko"}).content)
    with translation.override("fi"):
        item_label, decision_label = str(EntryKind.ITEM.label), str(EntryKind.DECISION.label)
    assert before.findtext("./channel/item/description", "").startswith(item_label)
    services.minutes_publish(meeting=meeting)
    after = ET.fromstring(client.get("/haku/syote.rss", {"q": "palveluverkko"}).content)
    (guid,) = [g.text for g in after.findall("./channel/item/guid")]
    assert guid.startswith("decision-")
    assert after.findtext("./channel/item/description", "").startswith(decision_label)
