"""Rules that hold for every request, whatever view answers it."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.contrib.sessions.middleware import SessionMiddleware as DjangoSessionMiddleware
from django.core.handlers.wsgi import get_bytes_from_wsgi
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.shortcuts import render
from django.urls.resolvers import LocalePrefixPattern
from django.utils.cache import cc_delim_re, patch_cache_control
from django.utils.translation import get_language_from_path

# Nothing in Raati uses these browser features; a page (or an injected frame) never may.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "bluetooth",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
)
# The open-data API and its bulk files answer machines in JSON, errors included.
API_PREFIXES = ("/oparl/", "/avoin-data/csv/", "/avoin-data/raati-oparl")
UNREADABLE_FOR_MACHINES = (
    "The request contains a NUL character, bytes that are not UTF-8, or a number of more "
    "than 18 digits, which no field can hold."
)
# URL namespaces whose pages are only for signed-in staff.
STAFF_NAMESPACES = frozenset({"staff", "admin"})


def is_staff_namespace(namespace: str) -> bool:
    """The staff side: councils' `staff`, the admin, and every app's `<app>_staff`."""
    return namespace in STAFF_NAMESPACES or namespace.endswith("_staff")


Middleware = Callable[[HttpRequest], HttpResponse]


def _is_clean(raw: bytes) -> bool:
    """Valid UTF-8 without a NUL character (which PostgreSQL text cannot hold)."""
    if b"\x00" in raw:
        return False
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# A whole value of more than 18 digits is no number a database column can hold (64-bit
# integers end at 19 digits): refused here rather than overflowing in some lookup.
_HUGE_NUMBER = re.compile(rb"(?:^|[&=])[-+]?[0-9]{19,}(?:&|$)")


def _form_encoded_is_clean(raw: bytes) -> bool:
    decoded = unquote_to_bytes(raw.replace(b"+", b" "))
    return _is_clean(decoded) and not _HUGE_NUMBER.search(raw)


# Django re-escapes path bytes that are not UTF-8 ("\xff" becomes "%FF"); a decoded path
# holds such an escape only then (or when the client escaped its own percent sign).
_REESCAPED_BYTE = re.compile(r"%[89a-fA-F][0-9a-fA-F]")


def request_is_clean(request: HttpRequest) -> bool:
    """Whether the path, the query string and the form fields are text a database can store."""
    environ = request.META
    if "\x00" in request.path or _REESCAPED_BYTE.search(request.path):
        return False
    if not _form_encoded_is_clean(get_bytes_from_wsgi(environ, "QUERY_STRING", "")):
        return False
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return True
    content_type = request.content_type or ""
    if content_type == "multipart/form-data":
        # The parser already decoded each part; what it could not decode became U+FFFD.
        for key, values in request.POST.lists():
            if "\x00" in key or any("\x00" in value or _huge(value) for value in values):
                return False
        return all(
            "\x00" not in key and "\x00" not in (upload.name or "")
            for key, uploads in request.FILES.lists()
            for upload in uploads
        )
    if content_type == "application/x-www-form-urlencoded":
        return _form_encoded_is_clean(request.body)
    # Any other body (JSON for an API): raw bytes, and JSON's escaped NUL too.
    return _is_clean(request.body) and b"\\u0000" not in request.body


def _huge(value: str) -> bool:
    return bool(re.fullmatch(r"[-+]?[0-9]{19,}", value))


class CleanInputMiddleware:
    """Refuse, once for every view, input that no text field can hold.

    A NUL character or bytes that are not UTF-8 in the path, a query parameter or a form
    field get a 400 page that says so, before any view, form or query sees them. Without
    this, PostgreSQL answers a NUL in a query with a DataError, a 500. So does a value of
    nothing but 19 or more digits, which no integer column holds (SQLite raises an
    OverflowError, PostgreSQL an out-of-range error, wherever a form looks it up).
    """

    def __init__(self, get_response: Middleware) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request_is_clean(request):
            if request.path.startswith(API_PREFIXES):
                # Machines get the open-data API's own JSON error, with CORS.
                from portal.oparl.http import cors_error

                return cors_error(400, UNREADABLE_FOR_MACHINES)
            return render(request, "400.html", {"reason": "characters"}, status=400)
        return self.get_response(request)


class PrivacyHeadersMiddleware:
    """Every response turns off browser features; staff pages are never stored by a cache.

    A page of a staff namespace (and any page shown to a signed-in user, whose header
    names them) is `private, no-store`, so neither a shared proxy nor the browser's
    history cache keeps a clerk's page after sign-out.
    """

    def __init__(self, get_response: Middleware) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        match = getattr(request, "resolver_match", None)
        staff_page = bool(match and any(map(is_staff_namespace, match.namespaces)))
        # Only a request that carries a session cookie can be signed in; reading the
        # user otherwise would touch the session (and add Vary: Cookie) on public pages.
        signed_in = (
            settings.SESSION_COOKIE_NAME in request.COOKIES
            and getattr(request, "user", None) is not None
            and request.user.is_authenticated
        )
        if staff_page or signed_in:
            patch_cache_control(response, private=True, no_store=True)
            response.headers.pop("Expires", None)
        return response


class SessionMiddleware(DjangoSessionMiddleware):
    """Django's, without `Vary: Cookie` on the pages of a visitor who has no session.

    Every page asks whether its visitor is signed in, which reads the session and would
    mark the answer as varying on cookies: no shared cache or CDN could then hold a
    public page. A visitor without a session cookie gets the anonymous page whatever
    other cookies they send, so it varies on no cookie; a signed-in visitor's pages are
    `private, no-store` (PrivacyHeadersMiddleware), and the reverse proxy passes every
    request with a session cookie to Django (deploy/nginx.conf).
    """

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        session = getattr(request, "session", None)
        if (
            session is not None
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not session.modified
            and session.is_empty()
        ):
            session.accessed = False
        return super().process_response(request, response)


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, without `Vary: Accept-Language` where the address decides the language.

    Under `i18n_patterns` without a prefix for Finnish, an address without a prefix is
    Finnish whatever the browser asks for; Django still marks it as varying on
    Accept-Language. Addresses outside the patterns (the open-data API) keep the mark.
    """

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        response = super().process_response(request, response)
        if response.has_header("Vary") and _language_is_in_the_address(request):
            kept = [
                v for v in cc_delim_re.split(response["Vary"]) if v.lower() != "accept-language"
            ]
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]
        return response


def _language_is_in_the_address(request: HttpRequest) -> bool:
    if get_language_from_path(request.path_info):
        return True
    # An unprefixed address resolved through i18n_patterns is a Finnish page.
    tried: list[list[Any]] = getattr(getattr(request, "resolver_match", None), "tried", None) or []
    return bool(tried) and isinstance(getattr(tried[-1][0], "pattern", None), LocalePrefixPattern)
