"""Every page shape at 320 px: nothing scrolls the page sideways, and axe-core finds nothing.

Each public and staff page shape of the demo is opened in a 320 px wide Chromium; the test
fails if the document is wider than the viewport (scrollWidth > clientWidth) or if axe-core
reports a WCAG 2.1 A/AA violation. The calendar shows a list of days there, the members
and attendance tables reflow into stacked rows, and charts scale to the width.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from councils.models import Attendance, Meeting, MeetingState, OfficialDecision, Vote
from forums.models import Consultation, Initiative
from strategy.models import Goal, Indicator, Programme, ReportingPeriod, Strategy
from tests.demo_snapshot import load_demo

WIDTH = 320


def _public_pages() -> dict[str, str]:
    item = Vote.objects.select_related("handling__item__meeting", "handling__item__case").first()
    assert item is not None
    decision = item.handling.item
    meeting = decision.meeting
    strategy = Strategy.objects.get()
    goal = Goal.objects.filter(parent__isnull=False, indicators__isnull=False).first()
    assert goal is not None
    person = Attendance.objects.filter(meeting=meeting).select_related("person").first()
    assert person is not None
    upcoming = Meeting.objects.filter(state=MeetingState.NOTICE_PUBLISHED).order_by("start")
    base = f"/strategia/{strategy.slug}"
    return {
        "home": "/",
        "decision making": "/paatoksenteko/",
        "body": "/toimielimet/aluevaltuusto/",
        "ended body": "/toimielimet/ict-ja-digityoryhma/",
        "meeting with minutes": meeting.get_absolute_url(),
        "upcoming meeting": upcoming.first().get_absolute_url(),  # type: ignore[union-attr]
        "cancelled meeting": Meeting.objects.filter(state=MeetingState.CANCELLED)
        .first()
        .get_absolute_url(),  # type: ignore[union-attr]
        "decision": decision.get_absolute_url(),
        "case": decision.case.get_absolute_url(),  # type: ignore[union-attr]
        "person": person.person.get_absolute_url(),
        "decisions": "/paatokset/",
        "officials' decisions": "/viranhaltijapaatokset/",
        "official's decision": OfficialDecision.objects.first().get_absolute_url(),  # type: ignore[union-attr]
        "calendar": "/kalenteri/?kuukausi=2023-03",
        "calendar as a list": "/kalenteri/?kuukausi=2023-03&nakyma=lista",
        "search": "/haku/?q=strategia",
        "search with filters": "/haku/?q=talousarvio&toimielin=aluehallitus&jarjestys=uusin",
        "search finding nothing": "/en/haku/?q=budget",
        "strategy index": "/strategia/",
        "strategy": f"{base}/",
        "goal": f"{base}/tavoitteet/{goal.code}/",
        "indicator": f"{base}/mittarit/{Indicator.objects.first().pk}/",  # type: ignore[union-attr]
        "programme": f"{base}/ohjelmat/{Programme.objects.first().slug}/",  # type: ignore[union-attr]
        "reports": f"{base}/raportit/",
        "report": f"{base}/raportit/{ReportingPeriod.objects.filter(closed_at__isnull=False).first().slug}/",  # type: ignore[union-attr]
        "accessibility statement": "/saavutettavuusseloste/",
        "e-mail alert": "/seuraa/?toimielin=aluehallitus",
        "participate": "/osallistu/",
        "consultations": "/kuulemiset/",
        "open consultation": _consultation("running").get_absolute_url(),
        "closed consultation": _consultation("closed").get_absolute_url(),
        "statement by personal link": "/kuulemiset/lausunto/demo-asikkalan-kylat/",
        "following a consultation": f"/seuraa/?kuuleminen={_consultation('running').pk}",
        "initiatives": "/aloitteet/",
        "initiative with supporters": _initiative("routed").get_absolute_url(),
        "answered initiative": _initiative("answered").get_absolute_url(),
        "new initiative": "/aloitteet/uusi/",
        "following an initiative": f"/seuraa/?aloite={_initiative('routed').pk}",
        "sign-in": "/kirjaudu/",
        "Swedish front page": "/sv/",
    }


def _initiative(state: str) -> Initiative:
    return Initiative.objects.filter(state=state).order_by("pk").first()  # type: ignore[return-value]


def _staff_pages() -> dict[str, str]:
    board = Meeting.objects.filter(body__slug="aluehallitus")
    planned = board.filter(state=MeetingState.NOTICE_PUBLISHED).first() or board.first()
    done = board.filter(state=MeetingState.MINUTES_PUBLISHED).first()
    assert planned is not None and done is not None
    item = planned.items.first()
    decided = done.items.order_by("-section").first()
    period = ReportingPeriod.objects.filter(closed_at__isnull=True).first()
    goal = Goal.objects.filter(parent__isnull=False).first()
    assert item is not None and decided is not None and period is not None and goal is not None
    return {
        "dashboard": "/hallinta/",
        "new meeting": "/hallinta/kokoukset/uusi/",
        "meeting workspace": f"/hallinta/kokoukset/{planned.pk}/",
        "agenda preview": f"/hallinta/kokoukset/{planned.pk}/esikatselu/",
        "item editor": f"/hallinta/pykalat/{item.pk}/",
        "recording an item": f"/hallinta/pykalat/{decided.pk}/kasittely/",
        "attendance": f"/hallinta/kokoukset/{done.pk}/lasnaolo/",
        "minutes review": f"/hallinta/kokoukset/{done.pk}/tarkastus/",
        "new official's decision": "/hallinta/viranhaltijapaatokset/uusi/",
        "strategy dashboard": "/hallinta/strategia/",
        "reporting period": f"/hallinta/strategia/kaudet/{period.pk}/",
        "status update": f"/hallinta/strategia/kaudet/{period.pk}/tavoitteet/{goal.code}/",
        "value import": f"/hallinta/strategia/kaudet/{period.pk}/tuonti/",
        "indicators": "/hallinta/strategia/mittarit/",
        "new value": f"/hallinta/strategia/mittarit/{Indicator.objects.first().pk}/arvot/",  # type: ignore[union-attr]
        "consultations": "/hallinta/kuulemiset/",
        "new consultation": "/hallinta/kuulemiset/uusi/",
        "consultation": f"/hallinta/kuulemiset/{_consultation('running').pk}/",
        "moderation": f"/hallinta/kuulemiset/{_consultation('running').pk}/moderointi/",
        "summary of the answers": f"/hallinta/kuulemiset/{_consultation('closed').pk}/yhteenveto/",
        "initiatives queue": "/hallinta/aloitteet/",
        "initiative to register": f"/hallinta/aloitteet/{_initiative('received').pk}/",
        "initiative to answer": f"/hallinta/aloitteet/{_initiative('hearing').pk}/",
        "record an initiative": "/hallinta/aloitteet/uusi/",
        "yearly report of initiatives": "/hallinta/aloitteet/vuosiraportti/",
    }


def _consultation(which: str) -> Consultation:
    """The demo's consultation running now, or its closed hearing with the most answers."""
    if which == "running":
        return Consultation.objects.filter(closed_at__isnull=True).order_by("-opens_at").first()  # type: ignore[return-value]
    return Consultation.objects.filter(title__startswith="Sosiaali- ja terveydenhuollon").get()


def _check_pages(
    page: Page, pages: dict[str, str], assert_accessible: Callable[[Page], None]
) -> None:
    problems = []
    for name, url in pages.items():
        response = page.goto(url)
        assert response is not None and response.status == 200, (
            f"{name}: {url} answered {response and response.status}"
        )
        width, viewport = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        if width > viewport:
            problems.append(f"{name} ({url}) is {width} px wide in a {viewport} px viewport")
        assert_accessible(page)
    assert problems == [], "\n".join(problems)


@pytest.fixture
def narrow(page: Page) -> Page:
    load_demo()
    page.set_viewport_size({"width": WIDTH, "height": 720})
    return page


def test_every_public_page_shape_fits_320_px_and_is_accessible(narrow: Page, assert_accessible):
    _check_pages(narrow, _public_pages(), assert_accessible)
    # The calendar is a list of days there, not a clipped grid.
    narrow.goto("/kalenteri/?kuukausi=2023-03")
    expect(narrow.locator(".calendar-grid")).to_be_hidden()
    expect(narrow.get_by_role("heading", name="tiistai 14.3.")).to_be_visible()
    # A chart's latest value stays inside the screen.
    narrow.goto(_public_pages()["goal"])
    label = narrow.locator("svg.chart text[font-weight='700']").first
    box = label.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= WIDTH


def test_every_staff_page_shape_fits_320_px_and_is_accessible(narrow: Page, assert_accessible):
    narrow.goto("/kirjaudu/")
    narrow.get_by_label("Käyttäjätunnus").fill("demo")
    narrow.get_by_label("Salasana").fill("raati-demo-2026")
    narrow.get_by_role("button", name="Kirjaudu").click()
    expect(narrow.get_by_role("heading", level=1)).to_be_visible()
    _check_pages(narrow, _staff_pages(), assert_accessible)
