"""NUL characters and broken UTF-8 are refused once, for every request, with a 400 page."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

pytestmark = pytest.mark.django_db

# The reproductions of issue 11, finding 3: each was a 500 on PostgreSQL.
NUL_URLS = [
    "/seuraa/?toimielin=%00",
    "/en/seuraa/?toimielin=%00",
    "/sv/seuraa/?asia=%00",
    "/seuraa/lahetetty/?toimielin=%00",
    "/seuraa/vahvista/%00/",
    "/seuraa/peru/%00/",
    "/seuraa/peru/%00/kaikki/",
    "/haku/?q=%00",
    "/paatokset/?toimielin=%00",
]


@pytest.mark.parametrize("url", NUL_URLS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_it_answers_a_nul_in_the_path_or_query_with_a_400_page(client, url, method):
    response = getattr(client, method)(url)
    assert response.status_code == 400
    assert "Pyyntöä ei voitu lukea" in response.content.decode() or url.startswith(("/en", "/sv"))


def test_the_400_page_says_what_was_wrong(client):
    html = client.get("/en/haku/?q=%00").content.decode()
    assert "a null character, bytes that are not UTF-8 text" in html
    assert "Nothing was saved" in html


@pytest.mark.parametrize("url", ["/haku/?q=%FF%FE", "/paatokset/?vuosi=%C3%28"])
def test_it_answers_a_query_that_is_not_utf8_with_a_400(client, url):
    assert client.get(url).status_code == 400


@pytest.mark.parametrize("path", [b"/seuraa/vahvista/\xff/", b"/toimielimet/\xc3/"])
def test_it_answers_a_path_that_is_not_utf8_with_a_400(client, path):
    # A WSGI server hands the path over as bytes decoded as ISO-8859-1, as set here.
    response = client.get("/", PATH_INFO=path.decode("iso-8859-1"))
    assert response.status_code == 400


def test_it_refuses_a_nul_in_a_form_field_before_the_view_sees_it(client):
    response = client.post(
        "/seuraa/?toimielin=x",
        "email=a%00b%40example.invalid&website=",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400


def test_it_refuses_a_nul_in_the_csrf_exempt_one_click_unsubscribe(client):
    response = client.post(
        "/seuraa/peru/abc/",
        "List-Unsubscribe=One-Click%00",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400


def test_it_refuses_a_nul_in_a_multipart_field(client):
    assert client.post("/kirjaudu/", {"username": "a\x00b", "password": "x"}).status_code == 400
    upload = SimpleUploadedFile("liite.pdf", b"%PDF-1.4")
    data = {"username": "a", "password": "b\x00", "file": upload}
    assert client.post("/kirjaudu/", data).status_code == 400


def test_it_refuses_an_escaped_nul_in_a_json_body(client):
    body = json.dumps({"title": "a\x00b"})
    assert client.post("/haku/", body, content_type="application/json").status_code == 400


@pytest.mark.parametrize("url", ["/haku/?q=p%C3%A4%C3%A4t%C3%B6s", "/en/haku/?q=%E2%82%AC+100"])
def test_finnish_letters_and_other_text_pass(client, url):
    assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    "url", ["/paatokset/?vuosi=99999999999999999999", "/haku/?toimielin=-12345678901234567890"]
)
def test_it_refuses_a_number_no_integer_column_holds(client, url):
    assert client.get(url).status_code == 400


def test_it_refuses_a_huge_number_in_a_form_field(client):
    data = "username=1234567890123456789012&password=x"
    response = client.post("/kirjaudu/", data, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert client.post("/kirjaudu/", {"username": "1" * 25, "file": ""}).status_code == 400


def test_a_long_number_inside_text_passes(client):
    assert client.get("/haku/?q=tilinumero+12345678901234567890+lahti").status_code == 200
