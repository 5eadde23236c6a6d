"""Anonymous pages carry no per-visitor state: no cookie, no token, nothing to vary on.

Walks every public URL (tests/urlwalk.py) as an anonymous visitor. A page without a form
that posts sets no cookie and varies on neither Cookie nor Accept-Language, so a shared
cache or a CDN may hold it; a page with such a form carries the CSRF token in the form
only, and its posts still pass (and fail without the token).
"""

from __future__ import annotations

import re

import pytest
from django.test import Client

from portal.models import Subscription
from tests.factories import BodyFactory, UserFactory
from tests.urlwalk import World, kwargs_for, routes

pytestmark = pytest.mark.django_db

POST_FORM = re.compile(r"<form[^>]*method=\"post\"", re.IGNORECASE)


@pytest.fixture
def world(settings, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    from councils import documents
    from tests.urlwalk import tiny_pdf

    settings.MEDIA_ROOT = tmp_path
    pdf = tiny_pdf()
    monkeypatch.setattr(documents, "render_pdf", lambda document: pdf)
    return World()


def _public_pages(world: World) -> list[str]:
    from django.urls import reverse

    urls = []
    for route in routes():
        if not route.i18n or route.is_staff or route.is_admin:
            continue
        kwargs = kwargs_for(route, world) if route.converters else {}
        urls.append(reverse(route.name, kwargs=kwargs))
    return urls


def test_no_anonymous_page_without_a_form_sets_a_cookie_or_varies_on_one(world):
    without_form, with_form = [], []
    for url in _public_pages(world):
        for language_prefix in ("", "/sv"):
            response = Client().get(language_prefix + url)
            if response.status_code != 200 or response.streaming:
                continue
            vary = response.get("Vary", "")
            if POST_FORM.search(response.content.decode(errors="replace")):
                with_form.append(url)
                assert "csrftoken" in response.cookies, url
                assert "private" in response["Cache-Control"], url
                continue
            without_form.append(url)
            assert not response.cookies, (url, list(response.cookies))
            assert "Cookie" not in vary, (url, vary)
            assert "Accept-Language" not in vary, (url, vary)
            assert b"X-CSRFToken" not in response.content, url
            assert b"csrfmiddlewaretoken" not in response.content, url
            assert "public" in response["Cache-Control"], url
    # The walk saw both kinds: the record's pages, and the forms residents send.
    assert len(without_form) > 20
    assert {"/saavutettavuusseloste/", "/kirjaudu/"} <= set(with_form)


def test_a_form_still_posts_with_its_own_token_and_not_without():
    BodyFactory(slug="hallitus")
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get("/seuraa/?toimielin=hallitus")
    assert "csrftoken" in page.cookies
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page.content)
    assert token is not None
    sent = visitor.post(
        "/seuraa/?toimielin=hallitus",
        {"email": "asukas@example.invalid", "csrfmiddlewaretoken": token.group(1).decode()},
    )
    assert sent.status_code == 302
    assert Subscription.objects.filter(email="asukas@example.invalid").exists()
    stranger = Client(enforce_csrf_checks=True)
    refused = stranger.post("/seuraa/?toimielin=hallitus", {"email": "toinen@example.invalid"})
    assert refused.status_code == 403
    assert not Subscription.objects.filter(email="toinen@example.invalid").exists()


def test_a_signed_in_users_pages_keep_the_token_for_htmx():
    user = Client(enforce_csrf_checks=True)
    user.force_login(UserFactory())
    page = user.get("/")
    assert b'hx-headers=\'{"X-CSRFToken": "' in page.content
    assert "no-store" in page["Cache-Control"]
    assert "Cookie" in page["Vary"]
