"""The site shell: languages, navigation, error pages."""

from __future__ import annotations

from unittest import mock

import pytest
from django.db.utils import OperationalError

from tests.factories import BodyFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("prefix", "lang", "county", "nav"),
    [
        ("", "fi", "Päijät-Hämeen hyvinvointialue", "Päätöksenteko"),
        ("/sv", "sv", "Päijät-Hämes välfärdsområde", "Beslutsfattande"),
        ("/en", "en", "Päijät-Häme Wellbeing Services County", "Decision making"),
    ],
)
def test_it_serves_the_home_page_in_three_languages(client, prefix, lang, county, nav):
    html = client.get(prefix + "/").content.decode()
    assert f'<html lang="{lang}">' in html
    assert county in html
    assert nav in html
    assert html.count("<h1") == 1


def test_finnish_is_the_default_whatever_the_browser_asks_for(client):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").content.decode()
    assert '<html lang="fi">' in html


def test_the_language_switcher_links_to_the_same_page(client):
    html = client.get("/saavutettavuusseloste/").content.decode()
    assert 'href="/sv/saavutettavuusseloste/" lang="sv"' in html
    assert 'href="/en/saavutettavuusseloste/" lang="en"' in html
    html = client.get("/en/saavutettavuusseloste/").content.decode()
    assert 'href="/saavutettavuusseloste/" lang="fi"' in html


def test_the_language_switcher_keeps_the_pages_arguments_and_query(client):
    html = client.get("/sv/haku/?q=p%C3%A4%C3%A4t%C3%B6s&sivu=2").content.decode()
    assert 'href="/haku/?q=p%C3%A4%C3%A4t%C3%B6s&amp;sivu=2" lang="fi"' in html
    assert 'href="/en/haku/?q=p%C3%A4%C3%A4t%C3%B6s&amp;sivu=2" lang="en"' in html
    BodyFactory(slug="aluehallitus")
    html = client.get("/en/toimielimet/aluehallitus/").content.decode()
    assert 'href="/sv/toimielimet/aluehallitus/" lang="sv"' in html


def test_it_has_a_skip_link_landmarks_and_the_main_navigation(client):
    html = client.get("/").content.decode()
    assert '<a class="skip-link" href="#main">Siirry pääsisältöön</a>' in html
    for landmark in ("<header", "<nav", '<main id="main"', "<footer"):
        assert landmark in html
    for label in ("Päätöksenteko", "Haku", "Strategia", "Osallistu"):
        assert label in html
    assert 'href="/saavutettavuusseloste/"' in html


def test_the_csrf_token_travels_in_hx_headers_on_body_for_signed_in_users(client):
    # Anonymous pages carry no token (tests/portal/test_anonymous_state.py): caches share them.
    assert "X-CSRFToken" not in client.get("/").content.decode()
    client.force_login(UserFactory())
    html = client.get("/").content.decode()
    assert '<body hx-headers=\'{"X-CSRFToken": "' in html


def test_htmx_is_served_from_the_site_itself(client):
    html = client.get("/").content.decode()
    assert 'src="/static/js/htmx.min.js"' in html
    assert "unpkg" not in html
    assert "cdn" not in html.lower()


def test_participate_is_the_front_door_of_participation(client):
    response = client.get("/osallistu/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "vielä rakenteilla" not in html
    assert "Vaikuttamistoimielimet" in html and "Yhteistyöfoorumit" in html


@pytest.mark.parametrize("url", ["/ei-ole/", "/sv/finns-inte/", "/kirjaudu/x/"])
def test_unknown_addresses_get_the_sites_404_page(client, url):
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert 'class="site-header"' in html
    assert "Sivua ei löytynyt" in html or "Sidan hittades inte" in html


def test_a_lost_database_gives_a_plain_503(client):
    client.raise_request_exception = False
    with mock.patch("portal.views.render", side_effect=OperationalError("server closed")):
        response = client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "Palvelu ei ole hetkeen käytettävissä" in response.content.decode()


def test_an_unexpected_error_gives_the_500_page(client):
    client.raise_request_exception = False
    with mock.patch("portal.views.render", side_effect=ValueError("bug")):
        response = client.get("/")
    assert response.status_code == 500
    assert "Palvelussa tapahtui virhe" in response.content.decode()


def test_the_footer_links_the_strategy_dashboard_for_those_who_may_see_it(client):
    from django.contrib.auth.models import Permission

    from tests.factories import UserFactory

    chair, clerk = UserFactory(), UserFactory()
    chair.user_permissions.add(Permission.objects.get(codename="view_dashboard"))
    client.force_login(clerk)
    assert "/hallinta/strategia/" not in client.get("/").content.decode()
    client.force_login(chair)
    assert (
        'href="/hallinta/strategia/">Strategian tilannekuva</a>' in client.get("/").content.decode()
    )
