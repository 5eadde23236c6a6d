"""Anonymous pages at the speed of static files: validators, 304s and a shared page cache.

For an anonymous GET (no session or messages cookie) of a public page, feed or calendar:

- `ETag` and `Last-Modified` come from the publication generation
  (councils/publication.py), the URL, the language (in the URL), the htmx flag and the
  clock period the page depends on (the hour for HTML, whose lists split at "now"; the
  day for feeds and calendars, where personal data leaves at midnight). A matching
  `If-None-Match` (or `If-Modified-Since`) is answered 304 before any view runs.
- The whole response is kept in the cache (Redis in production, local memory in the
  demo) under the same key, and served from there before the session, CSRF or the view
  are touched. A publication moves the generation, so the next request renders afresh.
- `Cache-Control: public, max-age=PUBLIC_MAX_AGE, stale-while-revalidate=...` lets the
  reverse proxy or a CDN hold the page; `Vary: HX-Request` keeps htmx's partials apart.

A response is kept only if it is a 200 that sets no cookie (a page with a POST form sets
the CSRF cookie, so no form token is ever shared), that a view did not mark private or
uncacheable, that varies on nothing but htmx, and that is not of a staff namespace.
Signed-in users and staff pages never pass here (PrivacyHeadersMiddleware makes them
`private, no-store`). The open-data API keeps its own validators (portal/oparl/http.py).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.http.response import HttpResponseBase
from django.utils import timezone
from django.utils.cache import cc_delim_re, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, parse_etags, parse_http_date_safe
from django.utils.translation import get_language_from_path

from councils import publication
from portal.middleware import API_PREFIXES, is_staff_namespace

Middleware = Callable[[HttpRequest], HttpResponseBase]

# Not pages: the health check, the API and its bulk files, the admin.
SKIPPED_PREFIXES = ("/health/", "/admin/", *API_PREFIXES)
# What a kept response may vary on: htmx's flag (ours) and compression (the proxy's).
ALLOWED_VARY = frozenset({"hx-request", "accept-encoding"})
# A larger answer is rendered each time rather than kept in the cache.
MAX_BODY = 2 * 1024 * 1024
HOUR, DAY = "h", "d"


def is_anonymous(request: HttpRequest) -> bool:
    """No session (so not signed in) and no flash message waiting to be shown."""
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and CookieStorage.cookie_name not in cookies


def _period(kind: str, now: datetime) -> tuple[str, datetime]:
    """The clock period a page depends on: its label and its start."""
    if kind == HOUR:
        start = now.replace(minute=0, second=0, microsecond=0)
        return f"h{start:%Y%m%d%H}", start
    start = now.replace(hour=0, minute=0, second=0, microsecond=0)
    return f"d{start:%Y%m%d}", start


class PageKey:
    """What identifies one cached answer: the address (with the host), language, htmx flag,
    generation and hour."""

    def __init__(self, request: HttpRequest, generation: int, changed_at: float | None) -> None:
        self.generation = generation
        self.changed_at = changed_at
        self.now = timezone.localtime()
        language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        htmx = request.headers.get("HX-Request") == "true"
        # The scheme and host too: feeds and calendars hold absolute links.
        address = f"{language}|{int(htmx)}|{request.build_absolute_uri()}"
        self.digest = hashlib.sha256(address.encode("utf-8", "surrogatepass")).hexdigest()[:32]

    def cache_key(self) -> str:
        # Kept per hour, so that no entry outlives the clock period of any page.
        label, _start = _period(HOUR, self.now)
        return f"page:{self.generation}:{label}:{self.digest}"

    def etag(self, kind: str) -> str:
        label, _start = _period(kind, self.now)
        return f'"{self.generation:x}-{label}-{self.digest[:20]}"'

    def last_modified(self, kind: str) -> float | None:
        _label, start = _period(kind, self.now)
        return publication.last_modified(self.changed_at, not_before=start.timestamp())

    def seconds_left(self) -> int:
        _label, start = _period(HOUR, self.now)
        return max(1, int((start + timedelta(hours=1) - self.now).total_seconds()))


def _kind_of(response: HttpResponseBase) -> str:
    return HOUR if response.get("Content-Type", "").startswith("text/html") else DAY


def not_modified(request: HttpRequest, key: PageKey) -> str | None:
    """The client's copy is current: the ETag it holds ("" if only its date), else None."""
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match:
        current = (key.etag(HOUR), key.etag(DAY))
        # Weak comparison (RFC 9110, 13.1.2): nginx weakens the tag when it compresses.
        sent = (tag.removeprefix("W/") for tag in parse_etags(if_none_match))
        return next((tag for tag in sent if tag in current), None)
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    modified = key.last_modified(HOUR)  # the later of the two periods' dates
    if since is not None and modified is not None and since >= int(modified):
        return ""
    return None


def _shareable(response: HttpResponseBase) -> None:
    # A view that chose its own lifetime (a PDF: an hour) keeps it.
    if not response.has_header("Cache-Control"):
        patch_cache_control(
            response,
            public=True,
            max_age=settings.PUBLIC_MAX_AGE,
            stale_while_revalidate=settings.PUBLIC_STALE_WHILE_REVALIDATE,
        )
    patch_vary_headers(response, ["HX-Request"])


def _validated(response: HttpResponseBase, key: PageKey) -> None:
    kind = _kind_of(response)
    response["ETag"] = key.etag(kind)
    modified = key.last_modified(kind)
    if modified is not None:
        response["Last-Modified"] = http_date(modified)
    _shareable(response)


def _not_modified_response(key: PageKey, tag: str) -> HttpResponse:
    """304 with no body; it repeats the tag the client holds (its kind is in the tag)."""
    response = HttpResponseNotModified()
    if tag:
        response["ETag"] = tag
    # A matched tag is one of ours: "<generation>-<period>-<digest>".
    kind = DAY if tag and tag.split("-")[1].startswith(DAY) else HOUR
    modified = key.last_modified(kind)
    if modified is not None:
        response["Last-Modified"] = http_date(modified)
    _shareable(response)
    return response


def keepable(request: HttpRequest, response: HttpResponseBase) -> bool:
    """Whether an anonymous answer may be shared with every other anonymous visitor."""
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or response.has_header("Set-Cookie"):
        return False  # a CSRF cookie means a form with a token: never shared
    cache_control = {
        d.strip().split("=")[0].lower() for d in response.get("Cache-Control", "").split(",")
    }
    if cache_control & {"private", "no-store", "no-cache"}:
        return False
    vary = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", "")) if v.strip()}
    if vary - ALLOWED_VARY:
        return False
    match = getattr(request, "resolver_match", None)
    if match is None or any(map(is_staff_namespace, match.namespaces)):
        return False
    return len(getattr(response, "content", b"")) <= MAX_BODY


def _store(key: PageKey, response: HttpResponse) -> None:
    if settings.PUBLIC_CACHE_SECONDS <= 0:
        return
    headers = [(name, value) for name, value in response.items() if name.lower() != "date"]
    entry = (response.status_code, headers, response.content)
    try:
        cache.set(key.cache_key(), entry, min(settings.PUBLIC_CACHE_SECONDS, key.seconds_left()))
    except Exception:  # the cache is away: the page was rendered anyway
        return


def _stored(key: PageKey) -> HttpResponse | None:
    if settings.PUBLIC_CACHE_SECONDS <= 0:
        return None
    try:
        entry: Any = cache.get(key.cache_key())
    except Exception:
        return None
    if entry is None:
        return None
    status, headers, content = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response["X-Raati-Cache"] = "hit"
    return response


class PublicCacheMiddleware:
    """Conditional GET and the shared page cache for anonymous visitors (see the module)."""

    def __init__(self, get_response: Middleware) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if (
            request.method not in ("GET", "HEAD")
            or request.path.startswith(SKIPPED_PREFIXES)
            or not is_anonymous(request)
        ):
            return self._private_if_personal(request, self.get_response(request))
        generation, changed_at = publication.state()
        if not generation:  # the cache is away: every page is rendered, none validated
            return self.get_response(request)
        key = PageKey(request, generation, changed_at)
        tag = not_modified(request, key)
        if tag is not None:
            return _not_modified_response(key, tag)
        stored = _stored(key)
        if stored is not None:
            return stored
        response = self.get_response(request)
        if not keepable(request, response):
            return self._private_if_personal(request, response)
        assert isinstance(response, HttpResponse)
        _validated(response, key)
        _store(key, response)
        response["X-Raati-Cache"] = "miss"
        return response

    @staticmethod
    def _private_if_personal(request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        # A page that set a cookie (a form's CSRF token) is this visitor's alone.
        if response.cookies and not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True)
        return response
