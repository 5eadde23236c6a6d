"""The site shell in a real browser: accessibility, languages, no-JS use, lockout."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.factories import PASSWORD, UserFactory

LANGUAGES = [("", "fi"), ("/sv", "sv"), ("/en", "en")]
PAGES = ["/", "/kirjaudu/", "/saavutettavuusseloste/"]


@pytest.mark.parametrize(("prefix", "lang"), LANGUAGES)
@pytest.mark.parametrize("path", PAGES)
def test_shell_pages_are_axe_clean_in_every_language(
    page: Page, assert_accessible, prefix, lang, path
):
    page.goto(prefix + path)
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.locator("h1")).to_have_count(1)
    assert_accessible(page)


def test_the_language_switch_keeps_the_reader_on_the_same_page(page: Page):
    page.goto("/saavutettavuusseloste/")
    expect(page.locator("h1")).to_have_text("Saavutettavuusseloste")
    page.get_by_role("link", name="På svenska").click()
    expect(page).to_have_url(re.compile(r"/sv/saavutettavuusseloste/$"))
    expect(page.locator("h1")).to_have_text("Tillgänglighetsutlåtande")
    page.get_by_role("link", name="In English").click()
    expect(page.locator("h1")).to_have_text("Accessibility statement")
    page.get_by_role("link", name="Suomeksi").click()
    expect(page).to_have_url(re.compile(r"/saavutettavuusseloste/$"))
    expect(page.locator("html")).to_have_attribute("lang", "fi")


def test_the_first_tab_reaches_the_skip_link_which_moves_to_the_content(page: Page):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Siirry pääsisältöön")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("#main$"))


def test_the_page_fits_a_320_pixel_wide_screen(browser, live_server, transactional_db):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 320, "height": 640})
    small = context.new_page()
    for path in PAGES:
        small.goto(path)
        overflow = small.evaluate("document.documentElement.scrollWidth")
        assert overflow <= 320, f"{path} is {overflow} px wide"
    context.close()


def test_the_site_works_without_javascript(page_nojs: Page, assert_accessible):
    page = page_nojs
    page.goto("/")
    page.get_by_role("navigation", name="Päävalikko").get_by_role("link", name="Strategia").click()
    expect(page.locator("h1")).to_have_text("Strategia")
    page.get_by_role("link", name="Saavutettavuusseloste").click()
    page.get_by_label("Mikä oli vaikeaa käyttää?").fill("Taulukot ovat liian leveitä puhelimella.")
    page.get_by_role("button", name="Lähetä palaute").click()
    expect(page.get_by_role("status")).to_contain_text("Vastaamme siihen 14 päivän kuluessa")
    page.get_by_role("link", name="På svenska").click()
    expect(page.locator("html")).to_have_attribute("lang", "sv")


def test_a_feedback_error_is_summarised_focused_and_accessible(page: Page, assert_accessible):
    page.goto("/saavutettavuusseloste/")
    page.get_by_label("Sähköpostiosoite vastausta varten (vapaaehtoinen)").fill("ei-osoite")
    page.get_by_role("button", name="Lähetä palaute").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Korjaa seuraavat kohdat")
    expect(summary).to_be_focused()
    expect(page.get_by_label("Mikä oli vaikeaa käyttää?")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)


def test_a_clerk_signs_in_and_is_locked_out_after_five_wrong_passwords(
    page: Page, assert_accessible
):
    UserFactory(username="sihteeri")
    page.goto("/kirjaudu/")
    for attempt in range(1, 6):
        page.get_by_label("Käyttäjätunnus").fill("sihteeri")
        page.get_by_label("Salasana").fill("väärä salasana")
        page.get_by_role("button", name="Kirjaudu").click()
        if attempt < 5:
            expect(page.get_by_role("alert")).to_contain_text("kelvollinen käyttäjätunnus")
    expect(page.locator("h1")).to_have_text("Kirjautuminen on hetken estetty")
    assert_accessible(page)
    # Even the right password is refused while the lock lasts.
    page.goto("/kirjaudu/")
    page.get_by_label("Käyttäjätunnus").fill("sihteeri")
    page.get_by_label("Salasana").fill(PASSWORD)
    page.get_by_role("button", name="Kirjaudu").click()
    expect(page.locator("h1")).to_have_text("Kirjautuminen on hetken estetty")


def test_a_clerk_signs_in_and_out(page: Page):
    UserFactory(username="sihteeri")
    page.goto("/kirjaudu/")
    page.get_by_label("Käyttäjätunnus").fill("sihteeri")
    page.get_by_label("Salasana").fill(PASSWORD)
    page.get_by_role("button", name="Kirjaudu").click()
    tools = page.get_by_role("navigation", name="Omat työkalut")
    expect(tools).to_contain_text("Kirjautuneena: ")
    logout = tools.get_by_role("button", name="Kirjaudu ulos")
    expect(logout).to_be_visible()
    logout.click()
    expect(page.get_by_role("link", name="Henkilöstön kirjautuminen")).to_be_visible()
