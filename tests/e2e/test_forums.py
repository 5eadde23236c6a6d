"""Participation in a real browser, at 320 and 1280 px, with and without JavaScript.

A resident finds the organisations' advisory board from Osallistu, sees which
organisations sit in it and opens its latest memo; an association registers, confirms
its address from the e-mail, the organisations coordinator approves it, and it appears
in the directory. Every page is checked with axe-core (without JavaScript, as served:
the page's scripts removed, in a second, scripted browser page) and must not scroll
sideways.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime

import pytest
from django.core import mail
from playwright.sync_api import Browser, Page, expect

from forums.groups import coordinator_group_ensure
from tests.e2e.conftest import _context
from tests.factories import (
    HELSINKI,
    PASSWORD,
    BodyFactory,
    ForumFactory,
    HandlingFactory,
    OrganisationFactory,
    PublishedMeetingFactory,
    RepresentationFactory,
    UserFactory,
)

LINK = re.compile(r"https?://[^/\s]+(/\S+)")


@dataclass
class Visit:
    page: Page
    js: bool
    width: int
    check: Callable[[Page], None]

    def look(self) -> None:
        """axe-clean, and no sideways scrolling at this width."""
        self.page.wait_for_load_state()
        width = self.page.evaluate("document.documentElement.scrollWidth")
        assert width <= self.width, f"{self.page.url} is {width} px wide at {self.width} px"
        self.check(self.page)


@pytest.fixture(
    params=[(True, 320), (True, 1280), (False, 320), (False, 1280)],
    ids=["js-320", "js-1280", "nojs-320", "nojs-1280"],
)
def visit(
    request: pytest.FixtureRequest,
    browser: Browser,
    live_server: object,
    transactional_db: None,
    assert_accessible: Callable[[Page], None],
) -> Iterator[Visit]:
    js, width = request.param
    viewport = {"width": width, "height": 800}
    checker_context = browser.new_context(
        base_url=str(live_server), locale="fi-FI", viewport=viewport
    )
    checker = checker_context.new_page()

    def check_as_served(page: Page) -> None:
        page.wait_for_load_state()
        html = re.sub(r"<script\b[^>]*>.*?</script>", "", page.content(), flags=re.DOTALL)
        checker.route(page.url, lambda route: route.fulfill(body=html, content_type="text/html"))
        checker.goto(page.url)
        checker.unroute(page.url)
        assert checker.locator("h1").inner_text() == page.locator("h1").inner_text()
        assert_accessible(checker)

    for context, _watch in _context(
        browser, live_server, request, java_script_enabled=js, viewport=viewport
    ):
        yield Visit(context.new_page(), js, width, assert_accessible if js else check_as_served)
    checker_context.close()


def _advisory_board() -> None:
    forum = ForumFactory(
        level="tactical",
        body__name="Järjestöneuvottelukunta",
        body__slug="jarjestoneuvottelukunta",
        purpose="Tuo järjestöjen äänen hyvinvointialueen valmisteluun.",
    )
    RepresentationFactory(
        membership__body=forum.body,
        membership__role="chair",
        membership__person__first_name="Marjut",
        membership__person__last_name="Hyttinen",
        organisation__name="Päijät-Hämeen Omaishoitajat ry",
    )
    RepresentationFactory(
        membership__body=forum.body,
        membership__person__first_name="Jukka",
        membership__person__last_name="Lahdenperä",
        organisation__name="Sysmän VPK ry",
    )
    for day, title in [
        (datetime(2023, 5, 17, 15), "Viestintäyhteistyö"),
        (datetime(2023, 9, 20, 15), "Hyte-avustusten periaatteet 2024"),
    ]:
        meeting = PublishedMeetingFactory(body=forum.body, start=day.replace(tzinfo=HELSINKI))
        HandlingFactory(
            item__meeting=meeting,
            item__title=title,
            item__appeal_type="none",
            outcome="noted",
            decision="<p>Neuvottelukunta esittää kevennettyä hakua pienille yhdistyksille.</p>",
        )


def test_a_resident_finds_the_organisations_advisory_board_and_its_latest_memo(visit: Visit):
    _advisory_board()
    page = visit.page
    page.goto("/")
    page.get_by_role("navigation", name="Päävalikko").get_by_role("link", name="Osallistu").click()
    expect(page.locator("h1")).to_have_text("Osallistu")
    visit.look()

    page.get_by_role("link", name="Järjestöneuvottelukunta").first.click()
    expect(page.locator("h1")).to_have_text("Järjestöneuvottelukunta")
    members = page.locator(
        "section", has=page.get_by_role("heading", name="Jäsenet edustamansa organisaation mukaan")
    )
    expect(members).to_contain_text("Päijät-Hämeen Omaishoitajat ry")
    expect(members).to_contain_text("Sysmän VPK ry")
    expect(members.get_by_role("link", name="Marjut Hyttinen")).to_be_visible()
    visit.look()

    page.get_by_role("link", name="Muistio 20.9.2023").click()
    expect(page.locator("h1")).to_contain_text("Järjestöneuvottelukunta")
    expect(page.get_by_role("heading", name="Muistio", exact=True)).to_be_visible()
    expect(page.locator("main")).to_contain_text("Hyte-avustusten periaatteet 2024")
    expect(page.locator("main")).not_to_contain_text("Muutoksenhaku")
    visit.look()

    page.get_by_role("link", name="Hyte-avustusten periaatteet 2024").click()
    expect(page.locator("main")).to_contain_text("Tämä on keskustelun muistio")
    expect(page.locator(".appeal")).to_have_count(0)
    visit.look()


def _sign_in(page: Page, username: str) -> None:
    page.goto("/kirjaudu/")
    page.get_by_label("Käyttäjätunnus").fill(username)
    page.get_by_label("Salasana").fill(PASSWORD)
    page.get_by_role("button", name="Kirjaudu").click()
    expect(page.get_by_role("button", name=re.compile("Kirjaudu ulos"))).to_be_visible()


def test_an_association_registers_the_coordinator_approves_and_it_is_listed(visit: Visit):
    OrganisationFactory(name="Hollolan kunta", slug="hollolan-kunta", kind="municipality")
    coordinator = UserFactory(username="koordinaattori")
    # transactional_db empties the tables the data migration filled: make the group again.
    coordinator.groups.add(coordinator_group_ensure())
    BodyFactory()  # the staff dashboard has something to list
    page = visit.page

    page.goto("/organisaatiot/")
    page.get_by_role("link", name="Puuttuuko yhdistyksesi? Ilmoita se.").click()
    expect(page.locator("h1")).to_have_text("Ilmoita yhdistyksesi")
    visit.look()

    page.get_by_label("Organisaation nimi").fill("Hollolan Kylät ry")
    page.get_by_label("Organisaation laji").select_option(label="yhdistys")
    page.get_by_label("Kotikunta").select_option(label="Hollolan kunta")
    page.get_by_label("Y-tunnus").fill("0112038-1")  # a wrong check digit first
    page.get_by_label("kylä- ja asukastoiminta").check()
    page.get_by_label("Nimesi").fill("Kaija Kyläläinen")
    page.get_by_label("Sähköpostiosoitteesi").fill("kaija@example.invalid")
    page.get_by_label(re.compile("Minulla on oikeus ilmoittaa")).check()
    page.get_by_role("button", name="Lähetä ilmoittautuminen").click()
    expect(page.get_by_role("alert")).to_contain_text("tarkistusnumero ei täsmää")
    expect(page.get_by_label("Y-tunnus")).to_have_attribute("aria-invalid", "true")
    visit.look()

    page.get_by_label("Y-tunnus").fill("0112038-9")
    page.get_by_role("button", name="Lähetä ilmoittautuminen").click()
    expect(page.locator("h1")).to_have_text("Tarkista sähköpostisi")
    visit.look()

    (confirm,) = [p for p in LINK.findall(mail.outbox[-1].body) if "/vahvista/" in p]
    page.goto(confirm)
    expect(page.locator("h1")).to_have_text("Vahvista ilmoittautuminen")
    visit.look()
    page.get_by_role("button", name="Kyllä, vahvista ilmoittautuminen").click()
    expect(page.locator("h1")).to_have_text("Ilmoittautuminen vahvistettu")
    visit.look()

    _sign_in(page, "koordinaattori")
    page.get_by_role("link", name="Järjestöt ja ilmoittautumiset").click()
    expect(page.locator("h1")).to_have_text("Organisaatiot")
    visit.look()
    page.get_by_role("link", name="Hollolan Kylät ry").click()
    expect(page.locator("h1")).to_have_text("Ilmoittautuminen: Hollolan Kylät ry")
    visit.look()
    page.get_by_role("button", name="Hyväksy ja julkaise hakemistossa").click()
    expect(page.get_by_role("status").first).to_contain_text("on nyt hakemistossa")
    page.get_by_role("button", name=re.compile("Kirjaudu ulos")).click()

    page.goto("/organisaatiot/")
    page.get_by_label("Kotikunta").select_option(label="Hollolan kunta")
    if not visit.js:
        page.get_by_role("button", name="Näytä").click()
    results = page.locator("#results")
    expect(results).to_contain_text("1 organisaatio")
    visit.look()
    results.get_by_role("link", name="Hollolan Kylät ry").click()
    expect(page.locator("h1")).to_have_text("Hollolan Kylät ry")
    expect(page.locator("main")).to_contain_text("0112038-9")
    expect(page.locator("main")).not_to_contain_text("Kaija")
    visit.look()
