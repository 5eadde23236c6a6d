"""Permissions-Policy on every response; staff pages private and never stored."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    ["/", "/en/", "/paatokset/", "/kokoukset.ics", "/ei-ole-olemassa/", "/health/", "/kirjaudu/"],
)
def test_every_response_turns_browser_features_off(client, url):
    policy = client.get(url)["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
        assert feature in policy


def test_a_static_file_carries_the_permissions_policy_too(client):
    assert "camera=()" in client.get("/static/css/raati.css")["Permissions-Policy"]


def test_a_public_page_for_an_anonymous_visitor_stays_cacheable(client):
    assert "no-store" not in client.get("/paatokset/").get("Cache-Control", "")


def test_a_public_page_shown_to_a_signed_in_user_is_private(client):
    client.force_login(UserFactory())
    cache_control = client.get("/paatokset/")["Cache-Control"]
    assert "private" in cache_control
    assert "no-store" in cache_control


@pytest.mark.parametrize(
    "url", [reverse("staff:dashboard"), reverse("strategy_staff:dashboard"), "/admin/"]
)
def test_a_staff_page_is_private_even_as_the_redirect_to_sign_in(client, url):
    cache_control = client.get(url)["Cache-Control"]
    assert "private" in cache_control
    assert "no-store" in cache_control
