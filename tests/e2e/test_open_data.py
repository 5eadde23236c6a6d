"""The open-data page in Chromium: axe-clean in three languages, no sideways scroll at 320 px."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect


@pytest.mark.parametrize(("prefix", "lang"), [("", "fi"), ("/sv", "sv"), ("/en", "en")])
def test_the_open_data_page_is_axe_clean_in_every_language(
    page: Page, assert_accessible, prefix: str, lang: str
) -> None:
    page.goto(prefix + "/avoin-data/")
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.locator("h1")).to_have_count(1)
    assert_accessible(page)


def test_a_reader_finds_it_from_the_footer_and_it_fits_320_pixels(browser, live_server) -> None:  # type: ignore[no-untyped-def]
    for width in (320, 1280):
        context = browser.new_context(
            base_url=live_server.url, viewport={"width": width, "height": 800}, locale="fi-FI"
        )
        page = context.new_page()
        page.goto("/")
        page.get_by_role("link", name="Avoin data").click()
        expect(page.locator("h1")).to_have_text("Avoin data")
        page.wait_for_load_state()
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        # The long API example scrolls inside its own box, reachable by keyboard.
        code = page.locator("pre.code").nth(1)
        expect(code).to_have_attribute("tabindex", "0")
        context.close()


def test_the_open_data_page_works_without_javascript(page_nojs: Page) -> None:
    page_nojs.goto("/en/avoin-data/")
    page_nojs.get_by_role("link", name="How the record maps to OParl").click()
    expect(page_nojs.get_by_role("columnheader", name="In OParl")).to_be_visible()
