"""Every URL pattern, public and staff, with bad values in every parameter and form field.

Walks `get_resolver()` (tests/urlwalk.py) as an anonymous visitor, as a clerk and as an
administrator. For each URL it sends a corpus of bad values (empty, 10 000 characters,
NUL, bytes that are not UTF-8, SQL and HTML fragments, out-of-choice values, negative
and huge numbers, impossible and far dates) in the path parameters, in every query
parameter the page uses (its GET forms and its links) and in every field of every form
that posts to it (found by parsing the pages' HTML, so a form added later is covered).
No answer may be a 500, and afterwards every page answers as it did before.
"""

from __future__ import annotations

from collections import defaultdict
from html.parser import HTMLParser
from typing import Any
from urllib.parse import parse_qsl, quote, urlsplit

import pytest
from django.test import Client
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import translation

from tests.urlwalk import Route, World, kwargs_for, routes, tiny_pdf

pytestmark = pytest.mark.django_db

NOT_UTF8 = object()  # sent as the raw bytes %FF%FE
CORPUS: list[Any] = [
    "",
    "x" * 10_000,
    "\x00",
    NOT_UTF8,
    "' OR 1=1--",
    '<script>alert(1)</script>"><img src=x onerror=alert(1)>',
    "not-a-choice",
    "-1",
    "99999999999999999999",
    "2026-02-30",
    "9999-12-31",
]
SHORT_CORPUS: list[Any] = ["x" * 10_000, "' OR 1=1--", "99999999999999999999"]
# The admin is Django's own, tested upstream: a shorter corpus keeps the walk quick.
ADMIN_CORPUS: list[Any] = ["\x00", "' OR 1=1--", "99999999999999999999", "not-a-choice"]
PATH_VALUES = {
    "int": ["0", "99999999999999999999"],
    "slug": ["ei-ole-olemassa", "x" * 300],
    "str": ["%00", "%FF", "x" * 1000, "%3Cscript%3E"],
    "path": ["%00", "%FF", "x" * 1000],
    "taskclass": ["99.99.99.99"],
    "goalcode": ["99.99"],
}
LANGUAGES = ["fi", "sv", "en"]
SKIP_POST = {"portal:logout", "admin:logout"}  # sign the walker out; no fields
# A POST here rightly deletes the page's object (one-click unsubscribe): not "broken".
GONE_AFTER_POST = ("/seuraa/vahvista/", "/seuraa/peru/")


def _encode(value: Any) -> str:
    return "%FF%FE" if value is NOT_UTF8 else quote(value, safe="")


def _form_body(fields: set[str], value: Any) -> str:
    return "&".join(f"{quote(name, safe='')}={_encode(value)}" for name in sorted(fields))


class _Forms(HTMLParser):
    """The forms of a page: (method, action, field names), and the query keys of its links."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[tuple[str, str, set[str]]] = []
        self.link_keys: dict[str, set[str]] = defaultdict(set)
        self._current: tuple[str, str, set[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {key: value or "" for key, value in attrs}
        if tag == "form":
            self._current = (
                attributes.get("method", "get").lower(),
                attributes.get("action", ""),
                set(),
            )
            self.forms.append(self._current)
        elif tag in ("input", "select", "textarea", "button") and self._current is not None:
            name = attributes.get("name") or attributes.get("form_name")
            if name and name != "csrfmiddlewaretoken":
                self._current[2].add(name)
        elif tag == "a" and "?" in attributes.get("href", ""):
            parts = urlsplit(attributes["href"])
            self.link_keys[parts.path].update(key for key, _ in parse_qsl(parts.query))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._current = None


class Walk:
    def __init__(self, world: World, client: Client, who: str) -> None:
        self.world, self.client, self.who = world, client, who
        self.errors: list[str] = []
        self.post_fields: dict[str, set[str]] = defaultdict(set)
        self.query_keys: dict[str, set[str]] = defaultdict(set)
        self.requests = 0

    def url(self, route: Route, language: str, **override: str) -> str | None:
        kwargs = {**kwargs_for(route, self.world), **override}
        with translation.override(language):
            try:
                return reverse(route.name, kwargs=kwargs)
            except NoReverseMatch:
                if route.is_admin or override:
                    return None
                raise

    def send(self, method: str, url: str, body: str = "") -> int:
        self.requests += 1
        try:
            if method == "get":
                response = self.client.get(url)
            else:
                response = self.client.post(
                    url, body, content_type="application/x-www-form-urlencoded"
                )
        except Exception as exc:
            self.errors.append(f"{self.who} {method.upper()} {url[:200]}: {exc!r}"[:400])
            return 500
        # A 503 is a designed answer (the health check without its worker), not a crash.
        if response.status_code == 500:
            self.errors.append(f"{self.who} {method.upper()} {url[:200]} -> {response.status_code}")
        return response.status_code

    def discover(self, url: str, response: Any) -> None:
        """Read the page's forms and links: which fields post where, which keys query it."""
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            return
        parser = _Forms()
        parser.feed(response.content.decode(errors="replace"))
        page = urlsplit(url).path
        for method, action, fields in parser.forms:
            target = urlsplit(action).path or page
            try:
                name = resolve(target).view_name
            except Resolver404:
                continue
            (self.post_fields if method == "post" else self.query_keys)[name].update(fields)
        for path, keys in parser.link_keys.items():
            try:
                self.query_keys[resolve(path or page).view_name].update(keys)
            except Resolver404:
                continue

    def route(self, route: Route, corpus: list[Any], language: str, *, deep: bool) -> None:
        url = self.url(route, language)
        if url is None:
            return
        for parameter, converter in route.converters.items():
            for value in PATH_VALUES.get(converter, ["x"]):
                bad = self.url(route, language, **{parameter: "PLACEHOLDER"})
                if bad is not None:
                    self.send("get", bad.replace("PLACEHOLDER", value))
        status = self.send("get", url)
        if route.name in SKIP_POST:
            return
        if not deep:
            self.send("post", url)
            return
        keys = self.query_keys.get(route.name)
        if status != 405:
            # A page that reads no query parameter gets a stray one, with fewer values.
            for value in corpus if keys else SHORT_CORPUS:
                keys = keys or {"q"}
                query = "&".join(f"{quote(key, safe='')}={_encode(value)}" for key in sorted(keys))
                self.send("get", f"{url}?{query}")
        if route.name.endswith("_delete"):
            return
        if self.send("post", url) == 405:
            return
        fields = self.post_fields.get(route.name)
        for value in corpus if fields else SHORT_CORPUS:
            self.send("post", url, _form_body(fields or {"x"}, value))


def _patch_rendering(monkeypatch: pytest.MonkeyPatch) -> None:
    """PDFs are rendered by WeasyPrint in their own tests; here a blank page will do."""
    from councils import documents

    pdf = tiny_pdf()
    monkeypatch.setattr(documents, "render_pdf", lambda document: pdf)


@pytest.fixture
def world(settings, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path
    _patch_rendering(monkeypatch)
    return World()


def _pages(walk: Walk, chosen: list[Route], *, discover: bool = False) -> dict[str, int]:
    """Every GET page (in every language when discovering), with its status."""
    statuses = {}
    for route in chosen:
        for language in LANGUAGES if route.i18n and discover else ["fi"]:
            url = walk.url(route, language)
            if url is not None:
                response = walk.client.get(url)
                statuses[url] = response.status_code
                if discover:
                    walk.discover(url, response)
    return statuses


def _walk(world: World, who: str, user: Any, chosen: list[Route], corpus: list[Any]) -> Walk:
    client = Client()
    if user is not None:
        client.force_login(user)
    walk = Walk(world, client, who)
    before = _pages(walk, chosen, discover=True)
    for number, route in enumerate(chosen):
        # Anonymous visitors are sent to sign in from staff URLs; the admin's own views
        # (everything but its lists and add forms) get their path parameters only.
        deep = not (route.is_staff and user is None) and not (
            route.is_admin and not route.name.endswith(("_changelist", "_add"))
        )
        walk.route(route, corpus, LANGUAGES[number % 3] if route.i18n else "fi", deep=deep)
    after = _pages(walk, chosen)
    assert walk.errors == [], "\n".join(walk.errors[:40])
    broken = {
        url: (before[url], status)
        for url, status in after.items()
        if status == 500
        or (before.get(url) == 200 and status != 200 and not any(p in url for p in GONE_AFTER_POST))
    }
    assert broken == {}, f"pages that stopped answering after the walk: {broken}"
    return walk


def test_anonymous_visitors_get_no_500_from_any_url(world):
    chosen = [route for route in routes() if not route.is_admin]
    walk = _walk(world, "anonymous", None, chosen, CORPUS)
    assert walk.requests > 300


def test_a_clerk_gets_no_500_from_any_url_and_every_page_still_answers(world):
    chosen = [route for route in routes() if not route.is_admin]
    world.clerk.groups.add(*world.strategist.groups.all())  # the clerk is in the strategy team too
    walk = _walk(world, "clerk", world.clerk, chosen, CORPUS)
    assert walk.requests > 500
    assert walk.post_fields["staff:meeting_new"] >= {"body", "day", "start_time", "mode"}


def test_an_administrator_gets_no_500_from_any_url(world):
    chosen = [route for route in routes() if route.is_admin or route.is_staff]
    _walk(world, "admin", world.admin, chosen, ADMIN_CORPUS)
