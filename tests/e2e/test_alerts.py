"""E-mail alerts in a real browser: subscribe, confirm and stop, with and without JavaScript.

The English pages are used because the alerts' Finnish texts come from the catalogue;
the flow and the accessibility checks are the same in every language.
"""

from __future__ import annotations

import re

from django.core import mail
from playwright.sync_api import Browser, Page, expect

from portal.models import Subscription, SubscriptionState
from tests.factories import BodyFactory

LINK = re.compile(r"http://127\.0\.0\.1:8000(/\S+)")


def _link(part: str) -> str:
    (path,) = [p for p in LINK.findall(mail.outbox[-1].body) if f"/seuraa/{part}/" in p]
    return path


def _subscribe_confirm_and_stop(page: Page, assert_accessible) -> None:  # type: ignore[no-untyped-def]
    BodyFactory(name="Aluehallitus", slug="aluehallitus")
    page.goto("/en/toimielimet/aluehallitus/")
    page.get_by_role("link", name="Follow by e-mail").click()
    expect(page.locator("h1")).to_have_text("Follow by e-mail")
    expect(page.locator("main")).to_contain_text("Aluehallitus")
    assert_accessible(page)

    page.get_by_label("Your e-mail address").fill("ei-osoite")
    page.get_by_role("button", name="Send the confirmation link").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter a valid email address.")
    expect(page.get_by_label("Your e-mail address")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)

    page.get_by_label("Your e-mail address").fill("asukas@example.invalid")
    page.get_by_role("button", name="Send the confirmation link").click()
    expect(page.locator("h1")).to_have_text("Check your inbox")
    assert_accessible(page)

    page.goto(_link("vahvista"))
    expect(page.locator("h1")).to_have_text("Confirm your e-mail alert")
    assert_accessible(page)
    page.get_by_role("button", name="Yes, start the alert").click()
    expect(page.locator("h1")).to_have_text("Your e-mail alert is on")
    assert Subscription.objects.get().state == SubscriptionState.ACTIVE
    assert_accessible(page)

    page.get_by_role("link", name="Stop this alert").click()
    expect(page.locator("h1")).to_have_text("Stop e-mail alerts")
    assert_accessible(page)
    page.get_by_role("button", name="Stop this alert").click()
    expect(page.locator("h1")).to_have_text("E-mail alert stopped")
    assert not Subscription.objects.exists()
    assert_accessible(page)


def test_a_resident_follows_a_body_by_e_mail_and_stops_it(page: Page, assert_accessible):
    _subscribe_confirm_and_stop(page, assert_accessible)


def test_following_by_e_mail_works_without_javascript(
    page_nojs: Page, browser: Browser, live_server, assert_accessible
):  # type: ignore[no-untyped-def]
    # axe-core cannot run in a page with JavaScript off, so each page the no-JS browser
    # got is checked as served (scripts removed) in a second, scripted browser page.
    context = browser.new_context(base_url=str(live_server), locale="fi-FI")
    checker = context.new_page()

    def check_as_served(page: Page) -> None:
        page.wait_for_load_state()
        html = re.sub(r"<script\b[^>]*>.*?</script>", "", page.content(), flags=re.DOTALL)
        checker.route(page.url, lambda route: route.fulfill(body=html, content_type="text/html"))
        checker.goto(page.url)
        checker.unroute(page.url)
        assert checker.locator("h1").inner_text() == page.locator("h1").inner_text()
        assert_accessible(checker)

    _subscribe_confirm_and_stop(page_nojs, check_as_served)
    context.close()


def test_a_dead_link_gets_a_friendly_accessible_page(page: Page, assert_accessible):
    response = page.goto("/en/seuraa/peru/vanhentunut/")
    assert response is not None and response.status == 404
    expect(page.locator("h1")).to_have_text("This link no longer works")
    assert_accessible(page)
