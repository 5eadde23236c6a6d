"""Browser tests: the app served on a free loopback port, driven in Debian's Chromium.

pytest-django's ``live_server`` serves the app in a thread; Playwright drives the
system Chromium (no browser download). ``assert_accessible`` runs axe-core with the
WCAG 2.0/2.1 A and AA rules and fails on any violation.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, sync_playwright

# Playwright's sync API runs an event loop in this thread; the ORM calls that the tests
# make to arrange data are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
AXE_SOURCE = (Path(__file__).parent / "axe.min.js").read_text()
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium was not found at {CHROMIUM}. Install Debian's package "
            "(`apt-get install chromium`) or point CHROMIUM at the binary."
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


class ConsoleWatch:
    """Collects console errors and uncaught exceptions, CSP violations among them."""

    def __init__(self) -> None:
        self.errors: list[str] = []

    def attach(self, page: Page) -> None:
        def on_console(message: ConsoleMessage) -> None:
            # A page answered with 4xx on purpose (a form error, a lockout) is logged
            # by Chromium as a failed load of the document itself; that is no fault.
            # htmx form answers with 422 (invalid input) or 409 (edit conflict) on purpose.
            document_status = message.text.startswith("Failed to load resource") and (
                message.location.get("url") == page.url
                or "status of 422" in message.text
                or "status of 409" in message.text
            )
            if message.type == "error" and not document_status:
                self.errors.append(f"{message.text} at {message.location.get('url')}")

        page.on("console", on_console)
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))


def _context(
    browser: Browser, live_server: object, request: pytest.FixtureRequest, **options: object
) -> Iterator[tuple[BrowserContext, ConsoleWatch]]:
    context = browser.new_context(base_url=str(live_server), locale="fi-FI", **options)
    watch = ConsoleWatch()
    context.on("page", watch.attach)
    yield context, watch
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        for number, open_page in enumerate(context.pages):
            open_page.screenshot(
                path=str(ARTIFACTS / f"{request.node.name}-{number}.png"), full_page=True
            )
    context.close()
    assert watch.errors == [], f"the browser console reported errors: {watch.errors}"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> object:
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@pytest.fixture
def page(
    browser: Browser, live_server: object, transactional_db: None, request: pytest.FixtureRequest
) -> Iterator[Page]:
    for context, _watch in _context(browser, live_server, request):
        yield context.new_page()


@pytest.fixture
def page_nojs(
    browser: Browser, live_server: object, transactional_db: None, request: pytest.FixtureRequest
) -> Iterator[Page]:
    for context, _watch in _context(browser, live_server, request, java_script_enabled=False):
        yield context.new_page()


def _format(violations: list[dict[str, object]]) -> str:
    lines = []
    for violation in violations:
        nodes = violation.get("nodes", [])
        targets = [node["target"] for node in nodes]  # type: ignore[index]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
    return "\n".join(lines)


@pytest.fixture
def assert_accessible() -> Callable[[Page], None]:
    def check(page: Page) -> None:
        # A click returns once the next page starts to load; check the whole page.
        page.wait_for_load_state()
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            # Evaluated through the DevTools protocol, which the page's CSP does not govern.
            page.evaluate(AXE_SOURCE)
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
        )
        violations = result["violations"]
        assert violations == [], f"axe-core found on {page.url}:\n{_format(violations)}"
        assert json.dumps(result["incomplete"]) is not None

    return check
