"""A resident browses the record of decisions in a real browser, on the demo data."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from councils.models import AgendaItem, Vote
from tests.demo_snapshot import load_demo


@pytest.fixture
def demo(transactional_db: None) -> None:
    load_demo()


def _strategy_item_at_the_board() -> AgendaItem:
    vote = Vote.objects.select_related("handling__item__meeting__body").get(
        handling__item__meeting__body__slug="aluehallitus",
        handling__item__meeting__start__date="2022-06-06",
    )
    return vote.handling.item


def _walk_to_the_strategy_vote(page: Page) -> None:
    item = _strategy_item_at_the_board()
    page.goto("/")
    page.get_by_role("navigation", name="Päävalikko").get_by_role(
        "link", name="Päätöksenteko"
    ).click()
    page.get_by_role("link", name="Aluehallitus", exact=True).click()
    expect(page.locator("h1")).to_have_text("Aluehallitus")
    page.get_by_role("link", name="2022", exact=True).click()
    page.locator("#past-heading ~ ul").get_by_role(
        "link", name=f"{item.meeting.number}/2022", exact=True
    ).click()
    expect(page.locator("h1")).to_contain_text(f"{item.meeting.number}/2022")
    page.get_by_role("link", name=item.title, exact=True).click()
    expect(page.locator("h1")).to_have_text(item.title)


def _follow_the_case_to_the_councils_decision(page: Page) -> None:
    # The board's proposal to the council is preparation and cannot be appealed; the page
    # says so, and the case continues to the council, whose decision has the appeal clock.
    expect(page.get_by_text("koskee vain asian valmistelua")).to_be_visible()
    page.get_by_role("link", name=re.compile("^Aluevaltuusto 13.6.2022")).click()
    expect(page.get_by_text("Muutoksenhaun viimeinen päivä")).to_be_visible()
    expect(page.get_by_role("heading", name="Aluevalitus")).to_be_visible()


def test_a_resident_finds_the_boards_strategy_vote_and_the_last_day_to_appeal(
    page: Page, demo: None, assert_accessible
):
    _walk_to_the_strategy_vote(page)
    expect(page.get_by_role("table", name="Miten kukin jäsen äänesti")).to_be_visible()
    expect(page.locator(".vote-result")).to_contain_text("puheenjohtajan ääni ratkaisi")
    assert_accessible(page)
    _follow_the_case_to_the_councils_decision(page)
    assert_accessible(page)


def test_the_same_journey_works_without_javascript(page_nojs: Page, demo: None):
    _walk_to_the_strategy_vote(page_nojs)
    expect(page_nojs.get_by_role("table", name="Miten kukin jäsen äänesti")).to_be_visible()
    _follow_the_case_to_the_councils_decision(page_nojs)


def test_every_page_type_is_axe_clean(page: Page, demo: None, assert_accessible):
    item = _strategy_item_at_the_board()
    confidential = AgendaItem.objects.filter(is_public=False).first()
    assert confidential is not None
    person = item.handling.votes.first().ballots.first().person
    from councils.models import OfficialDecision

    official = OfficialDecision.objects.published().first()
    assert official is not None
    urls = [
        "/",
        "/paatoksenteko/",
        item.meeting.body.get_absolute_url(),
        person.get_absolute_url(),
        item.meeting.get_absolute_url(),
        item.get_absolute_url(),
        confidential.get_absolute_url(),
        item.case.get_absolute_url(),
        "/paatokset/",
        "/paatokset/?alkaen=2023-12-31&asti=2022-01-01",
        "/viranhaltijapaatokset/",
        official.get_absolute_url(),
        "/kalenteri/?kuukausi=2022-06",
        "/kalenteri/?kuukausi=2022-06&nakyma=lista",
        "/haku/?q=strategia",
        "/haku/?q=x&alkaen=2023-12-31&asti=2022-01-01",
        "/sv/paatoksenteko/",
        "/en/paatokset/",
    ]
    for url in urls:
        page.goto(url)
        expect(page.locator("h1")).to_have_count(1)
        assert_accessible(page)


def test_unknown_addresses_show_the_404_page(page: Page, demo: None, assert_accessible):
    response = page.goto("/pykalat/99999999/")
    assert response is not None and response.status == 404
    expect(page.locator("h1")).to_have_text("Sivua ei löytynyt")
    assert_accessible(page)


def test_the_calendar_is_usable_with_the_keyboard(page: Page, demo: None):
    page.goto("/kalenteri/?kuukausi=2022-06")
    next_month = page.get_by_role("link", name=re.compile("Heinäkuu 2022"))
    next_month.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("kuukausi=2022-07"))
    expect(page.get_by_role("table")).to_be_visible()


def test_the_record_fits_a_320_pixel_wide_screen(browser, live_server, demo: None):
    item = _strategy_item_at_the_board()
    context = browser.new_context(base_url=live_server.url, viewport={"width": 320, "height": 640})
    small = context.new_page()
    for url in [
        "/",
        "/paatoksenteko/",
        item.meeting.body.get_absolute_url(),
        item.meeting.get_absolute_url(),
        item.get_absolute_url(),
        "/paatokset/",
        "/kalenteri/?kuukausi=2022-06",
    ]:
        small.goto(url)
        width = small.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"{url} is {width} px wide"
    context.close()


def test_search_updates_as_the_reader_types_and_stays_accessible(
    page: Page, demo: None, assert_accessible
):
    page.goto("/haku/")
    page.get_by_label("Hakusanat").fill("strategia")
    expect(page.locator("#results-heading")).to_contain_text("tulos")
    expect(page).to_have_url(re.compile(r"q=strategia"))
    assert_accessible(page)
