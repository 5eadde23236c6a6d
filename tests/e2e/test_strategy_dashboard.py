"""A chair follows the strategy; the strategy team imports values. In Chromium, with and
without JavaScript, axe-clean.

Selectors use ids, data attributes and URLs rather than the interface's words, so the
tests hold when the Finnish and Swedish catalogues are filled in.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from strategy.models import IndicatorValue, ReportingPeriod
from tests.demo_snapshot import load_demo

PASSWORD = "raati-demo-2026"
DASHBOARD = "/hallinta/strategia/"


@pytest.fixture
def demo(transactional_db: None) -> None:
    load_demo()


def _sign_in_to(page: Page, url: str, username: str) -> None:
    """Anonymous: the page sends us to sign in, and back after it."""
    page.goto(url)
    expect(page).to_have_url(re.compile(r"/kirjaudu/\?next="))
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(re.escape(url) + "$"))


def _chair_opens_an_at_risk_goal(page: Page, assert_accessible) -> None:  # type: ignore[no-untyped-def]
    _sign_in_to(page, DASHBOARD, "puheenjohtaja")
    table = page.locator("#dashboard-table")
    expect(table).to_be_visible()
    assert_accessible(page)
    statuses = table.locator("tbody tr").evaluate_all("rows => rows.map(r => r.dataset.status)")
    urgent = [s in ("off_track", "at_risk") for s in statuses]
    assert urgent[0], statuses
    assert urgent == sorted(urgent, reverse=True), f"at-risk and off-track come first: {statuses}"
    assert "T3/2026" in page.locator("main").inner_text()
    # Open the first goal that is at risk or off track.
    first = table.locator(
        'tbody tr[data-kind="goal"][data-status="at_risk"] a[data-goal-code]'
    ).first
    code = first.get_attribute("data-goal-code")
    first.click()
    expect(page).to_have_url(re.compile(rf"/strategia/[^/]+/tavoitteet/{re.escape(code or '')}/$"))
    main = page.locator("main")
    expect(main.locator("h1")).to_contain_text(code or "")
    # Its indicators as a chart and as a table, and the decisions linked to it.
    expect(main.locator("figure svg").first).to_be_attached()
    expect(main.locator("figure table, section table").first).to_be_attached()
    links = main.locator('section[aria-labelledby="links-heading"] li a')
    expect(links).not_to_have_count(0)
    assert_accessible(page)


def test_a_chair_sees_the_dashboard_and_opens_an_at_risk_goal(
    page: Page, demo: None, assert_accessible
):  # type: ignore[no-untyped-def]
    _chair_opens_an_at_risk_goal(page, assert_accessible)


def test_the_same_without_javascript(page_nojs: Page, demo: None):  # type: ignore[no-untyped-def]
    # axe-core itself needs JavaScript: this run checks that everything works without it...
    _chair_opens_an_at_risk_goal(page_nojs, _no_check)


def test_the_pages_without_the_sites_scripts_are_axe_clean(
    page: Page, demo: None, assert_accessible
):  # type: ignore[no-untyped-def]
    # ...and this one runs axe on the pages as they are without the site's own scripts.
    _without_site_scripts(page)
    _chair_opens_an_at_risk_goal(page, assert_accessible)


def _no_check(page: Page) -> None:
    pass


def _without_site_scripts(page: Page) -> None:
    """The site's scripts (htmx, raati.js) answer empty: the page is as without JavaScript,
    while axe-core can still run."""
    page.route(
        re.compile(r"/static/js/"),
        lambda route: route.fulfill(status=200, content_type="text/javascript", body=""),
    )


def test_the_dashboard_csv_downloads(page: Page, demo: None) -> None:
    _sign_in_to(page, DASHBOARD, "puheenjohtaja")
    with page.expect_download() as info:
        page.locator('a[href$="tilannekuva.csv"]').click()
    download = info.value
    assert download.suggested_filename == "strategia-tilannekuva-t3-2026.csv"
    text = Path(download.path()).read_text("utf-8-sig")
    assert text.splitlines()[0].startswith("tyyppi;koodi;nimi")


@pytest.mark.parametrize("mode", ["js", "nojs", "scripts-off"])
def test_the_import_preview_shows_errors_per_row_and_saves_nothing(  # type: ignore[no-untyped-def]
    request, demo: None, assert_accessible, mode: str, tmp_path: Path
):
    page: Page = request.getfixturevalue("page_nojs" if mode == "nojs" else "page")
    if mode == "scripts-off":
        _without_site_scripts(page)
    check = _no_check if mode == "nojs" else assert_accessible
    period = ReportingPeriod.objects.get(code="T3/2026")
    before = IndicatorValue.objects.count()
    csv_file = tmp_path / "arvot.csv"
    csv_file.write_text(
        "mittari;pvm;arvo;kunta\n"
        "Henkilöstön vaihtuvuus;31.10.2026;8,4;\n"
        "Tuntematon mittari;31.10.2026;1;\n"
        "Henkilöstön vaihtuvuus;31.10.2026;paljon;\n"
        "Henkilöstön vaihtuvuus;31.12.2025;8;\n"
        "<script>alert(1)</script>;31.10.2026;1;\n",
        encoding="utf-8",
    )
    url = f"/hallinta/strategia/kaudet/{period.pk}/tuonti/"
    _sign_in_to(page, url, "strategia")
    check(page)
    page.locator("#id_file").set_input_files(str(csv_file))
    page.locator('main form[enctype="multipart/form-data"] button[type=submit]').click()
    expect(page.locator("#import-errors")).to_be_visible()
    rows = page.locator(".import-preview tbody tr")
    expect(rows).to_have_count(5)
    for line in (3, 4, 5, 6):
        expect(page.locator(f'tr[data-line="{line}"] .errorlist li').first).to_be_visible()
    expect(page.locator('tr[data-line="2"] .errorlist')).to_have_count(0)
    expect(page.locator('tr[data-line="6"]')).to_contain_text("<script>alert(1)</script>")
    expect(page.locator('input[name="token"]')).to_have_count(0)  # nothing to confirm
    check(page)
    assert IndicatorValue.objects.count() == before
