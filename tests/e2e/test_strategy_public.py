"""The strategy in a real browser, on the demo data: a resident reads the strategy and an
at-risk goal (chart, table, linked decisions); a clerk links an agenda item to sub-goal 1.2
and a resident then finds the link on the item page and on the goal page. Each journey runs
with JavaScript (htmx swap, axe-core after each step) and without it (POST-redirect-GET).

The locators use the demo's Finnish content and the page structure rather than interface
texts, which the translations may still change.
"""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Page, expect

from councils.models import AgendaItem
from strategy.demo import GOALS
from strategy.models import GoalLink
from tests.demo_snapshot import load_demo

PASSWORD = "raati-demo-2026"
GOAL_12 = f"1.2 {GOALS['1.2'][0]}"
GOAL_21 = f"2.1 {GOALS['2.1'][0]}"


@pytest.fixture
def demo(transactional_db: None) -> None:
    load_demo()


def _check(page: Page, assert_accessible, js: bool) -> None:  # type: ignore[no-untyped-def]
    if js:
        assert_accessible(page)


def _item_to_link() -> AgendaItem:
    """A public item on a published agenda of the board, whose clerk is 'sihteeri'."""
    clerk = get_user_model().objects.get(username="sihteeri")
    item = (
        AgendaItem.objects.editable_by(clerk)
        .on_public_agenda()
        .filter(is_public=True)
        .exclude(goal_links__goal__code="1.2")
        .order_by("-meeting__start", "section")
        .first()
    )
    assert item is not None
    return item


def read_the_strategy(page: Page, assert_accessible, *, js: bool) -> None:  # type: ignore[no-untyped-def]
    page.goto("/")
    page.get_by_role("navigation", name="Päävalikko").get_by_role("link", name="Strategia").click()
    expect(page.locator("h1")).to_have_text("Hyvinvointialuestrategia 2023–2025")
    expect(page.get_by_text("Hyvinvoivat asukkaat turvallisessa")).to_be_visible()
    goal = page.locator(".sub-goals li").filter(has_text=GOAL_21)
    expect(goal.locator(".status--at_risk")).to_contain_text("▲")
    _check(page, assert_accessible, js)

    goal.get_by_role("link").click()
    expect(page.locator("h1")).to_have_text(GOAL_21)
    chart = page.get_by_role("img", name=re.compile("^Henkilöstön vaihtuvuus"))
    expect(chart).to_be_visible()
    expect(page.locator(".status-box .status--at_risk").first).to_be_visible()
    indicator = page.locator("article.indicator").filter(has=chart)
    indicator.locator("details summary").click()
    table = indicator.get_by_role("table", name=re.compile("Henkilöstön vaihtuvuus"))
    expect(table).to_be_visible()
    expect(table.get_by_role("row", name=re.compile(r"^30\.9\.2026"))).to_contain_text("8,6")
    decisions = page.locator("section[aria-labelledby=links-heading]")
    expect(decisions.get_by_role("link", name="Henkilöstöohjelma 2023–2025")).to_be_visible()
    _check(page, assert_accessible, js)

    page.get_by_role("link", name=re.compile("^Henkilöstöohjelma 2023–2025")).first.click()
    expect(page.locator("h1")).to_have_text("Henkilöstöohjelma 2023–2025")
    page.go_back()
    page.locator(".breadcrumbs").get_by_role(
        "link", name="Hyvinvointialuestrategia 2023–2025"
    ).click()
    page.locator("section[aria-labelledby=reports-heading] a").click()
    page.get_by_role("link", name="T2/2026", exact=True).click()
    expect(page.locator("h1")).to_contain_text("T2/2026")
    expect(page.get_by_role("table").first).to_contain_text(GOALS["2.1"][0])
    _check(page, assert_accessible, js)


def link_an_item_and_find_it(page: Page, assert_accessible, *, js: bool) -> None:  # type: ignore[no-untyped-def]
    item = _item_to_link()
    page.goto("/kirjaudu/")
    page.get_by_label("Käyttäjätunnus").fill("sihteeri")
    page.get_by_label("Salasana").fill(PASSWORD)
    page.get_by_role("button", name="Kirjaudu").click()
    expect(page.get_by_role("button", name=re.compile("Kirjaudu ulos"))).to_be_visible()

    page.goto(f"/hallinta/pykalat/{item.pk}/")
    panel = page.locator("#goal-links")
    panel.locator("select").select_option(label=GOAL_12)
    panel.locator("input[type=text]").fill("Palveluverkon kustannustehokkuus.")
    panel.locator("form.narrow button[type=submit]").click()
    panel = page.locator("#goal-links")
    expect(panel.get_by_role("link", name=GOAL_12)).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="1.2")).to_be_visible()
    assert GoalLink.objects.filter(agenda_item=item, goal__code="1.2").exists()
    _check(page, assert_accessible, js)
    page.get_by_role("button", name=re.compile("Kirjaudu ulos")).click()

    # A resident: the item page shows the goal, the goal page lists the item.
    page.goto(f"/pykalat/{item.pk}/")
    links = page.locator(".goal-links")
    expect(links).to_contain_text("Palveluverkon kustannustehokkuus.")
    _check(page, assert_accessible, js)
    links.get_by_role("link", name=GOAL_12).click()
    expect(page.locator("h1")).to_have_text(GOAL_12)
    decisions = page.locator("section[aria-labelledby=links-heading]")
    entry = decisions.locator("li").filter(has_text=item.title).first
    expect(entry).to_contain_text(f"§ {item.section}")
    expect(entry).to_contain_text(item.meeting.body.name)
    _check(page, assert_accessible, js)
    entry.get_by_role("link", name=item.title).click()
    expect(page.locator("h1")).to_have_text(item.title)


def test_a_resident_reads_the_strategy_and_an_at_risk_goal(
    page: Page, demo: None, assert_accessible
):
    read_the_strategy(page, assert_accessible, js=True)


def test_the_strategy_reads_the_same_without_javascript(
    page_nojs: Page, demo: None, assert_accessible
):
    read_the_strategy(page_nojs, assert_accessible, js=False)


def test_a_clerk_links_an_item_to_a_sub_goal_and_residents_see_it(
    page: Page, demo: None, assert_accessible
):
    link_an_item_and_find_it(page, assert_accessible, js=True)


def test_linking_works_without_javascript(
    page_nojs: Page, page: Page, demo: None, assert_accessible
):
    link_an_item_and_find_it(page_nojs, assert_accessible, js=False)
    # axe-core needs JavaScript to run: the pages the journey ended on, as they are now
    # with the new link, are checked in a browser that has it (the HTML is the same).
    item = GoalLink.objects.filter(goal__code="1.2").latest("created_at").agenda_item
    for url in (f"/pykalat/{item.pk}/", page_nojs.url):
        page.goto(url)
        expect(
            page.locator(".goal-links, section[aria-labelledby=links-heading]").first
        ).to_be_visible()
        assert_accessible(page)
