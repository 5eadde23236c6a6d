"""Importing measured values from CSV: a preview with a message per bad row, nothing saved
until confirmed, saved once however often the confirmation is sent, and never a 500."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape

from strategy import services
from strategy.models import IndicatorValue
from tests.factories import IndicatorValueFactory
from tests.strategy.staff_helpers import arrange, chair, fi, outsider, strategist

pytestmark = pytest.mark.django_db


def _url(arranged, suffix: str = "") -> str:  # type: ignore[no-untyped-def]
    return f"/hallinta/strategia/kaudet/{arranged.period.pk}/tuonti/{suffix}"


def _upload(client, arranged, content: bytes | str, name: str = "arvot.csv"):  # type: ignore[no-untyped-def]
    data = content.encode("utf-8") if isinstance(content, str) else content
    return client.post(_url(arranged), {"file": SimpleUploadedFile(name, data, "text/csv")})


def _day(arranged, days: int = 0) -> str:  # type: ignore[no-untyped-def]
    return (arranged.today + timedelta(days=days)).strftime("%d.%m.%Y")


@pytest.fixture
def arranged():  # type: ignore[no-untyped-def]
    return arrange()


@pytest.fixture
def staff(client):  # type: ignore[no-untyped-def]
    client.force_login(strategist())
    return client


def test_it_sends_an_anonymous_visitor_to_sign_in(client, arranged):
    assert client.get(_url(arranged)).status_code == 302
    assert client.post(_url(arranged, "vahvista/"), {"token": "x"}).status_code == 302


@pytest.mark.parametrize("make_user", [outsider, chair])
def test_it_refuses_users_who_may_not_enter_values(client, arranged, make_user):
    client.force_login(make_user())
    assert client.get(_url(arranged)).status_code == 403
    assert _upload(client, arranged, "mittari;pvm;arvo\n").status_code == 403


def test_the_upload_page_explains_the_columns(staff, arranged):
    html = staff.get(_url(arranged)).content.decode()
    assert "mittari;pvm;arvo;kunta;huomio" in html


def test_a_good_file_shows_a_preview_and_saves_nothing(staff, arranged):
    content = (
        "mittari;pvm;arvo;kunta;huomio\n"
        f"{arranged.indicator.pk};{_day(arranged)};32,5;;Q3\n"
        f"Asiakastyytyväisyys;{(arranged.today).isoformat()};33;Lahti;\n"
    )
    response = _upload(staff, arranged, "\ufeff" + content)  # Excel's BOM
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("row--ok") == 2
    assert 'name="token"' in html
    assert IndicatorValue.objects.filter(indicator=arranged.indicator).count() == 1  # the old one


def test_confirming_saves_every_row_once(staff, arranged):
    content = f'mittari,pvm,arvo\n{arranged.indicator.pk},{_day(arranged)},"32,5"\n'
    html = _upload(staff, arranged, content).content.decode()
    token = html.split('name="token" value="')[1].split('"')[0]
    first = staff.post(_url(arranged, "vahvista/"), {"token": token})
    assert first.status_code == 302
    saved = IndicatorValue.objects.get(indicator=arranged.indicator, measured_on=arranged.today)
    assert str(saved.value) == "32.500"
    assert saved.entered_by is not None
    # A double click or a reload sends the same confirmation again: nothing more is saved.
    second = staff.post(_url(arranged, "vahvista/"), {"token": token})
    assert IndicatorValue.objects.filter(indicator=arranged.indicator).count() == 2
    assert second["Location"] == _url(arranged)  # back to the upload, with a message
    assert first["Location"] == f"/hallinta/strategia/kaudet/{arranged.period.pk}/"


def test_each_bad_row_gets_its_own_message_and_nothing_can_be_saved(staff, arranged):
    IndicatorValueFactory(indicator=arranged.indicator, measured_on=arranged.today, value=30)
    content = (
        "mittari;pvm;arvo;kunta\n"
        f"Tuntematon mittari;{_day(arranged)};1;\n"  # line 2: unknown indicator
        f"{arranged.indicator.pk};{_day(arranged, -1)};paljon;\n"  # 3: text in a number
        f"{arranged.indicator.pk};{_day(arranged, 400)};5;\n"  # 4: outside the period
        f"{arranged.indicator.pk};{_day(arranged, -3)};5;\n"  # 5: fine
        f"{arranged.indicator.pk};{_day(arranged, -3)};6;\n"  # 6: repeats line 5
        f"{arranged.indicator.pk};{_day(arranged)};7;\n"  # 7: a value is stored already
        f"{arranged.indicator.pk};{_day(arranged, -4)};7;Tampere\n"  # 8: not a member
        "<script>alert(1)</script>;31.02.2026;1e999;\n"  # 9: script, no such date
    )
    response = _upload(staff, arranged, content)
    html = response.content.decode()
    assert response.status_code == 400
    rows = {line: html.split(f'data-line="{line}"')[1].split("</tr>")[0] for line in range(2, 10)}
    assert "Tuntematon mittari" in rows[2] and "errorlist" in rows[2]
    assert "paljon" in rows[3] and "errorlist" in rows[3]
    assert "T9/2099" in rows[4]
    assert "errorlist" not in rows[5]
    assert "5" in rows[6] and "errorlist" in rows[6]  # names the earlier line
    assert "30" in rows[7] and "errorlist" in rows[7]  # shows the stored value
    assert "Tampere" in rows[8] and "errorlist" in rows[8]
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'name="token"' not in html  # no confirm button while a row is wrong
    assert IndicatorValue.objects.filter(indicator=arranged.indicator).count() == 2


def test_a_forged_or_stale_token_saves_nothing(staff, arranged):
    response = staff.post(_url(arranged, "vahvista/"), {"token": "forged"})
    assert response.status_code == 302
    assert IndicatorValue.objects.filter(indicator=arranged.indicator).count() == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", None),  # Django's own: the submitted file is empty
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "This is not a CSV text file."),
        (
            "mittari;pvm;arvo\n1;1.1.2026;ä\n".encode("latin-1"),
            "The file is not in UTF-8. In Excel, save it as “CSV UTF-8”.",
        ),
        (b"name;date;value\n1;2;3\n", None),
        (b"mittari;pvm;arvo\n", "The file has a header row but no values."),
        (b"mittari;pvm;arvo\n" + b"1;1.1.2026;1\n" * 90000, "The file is larger than %(max)s kB."),
    ],
    ids=["empty", "binary", "latin-1", "wrong-columns", "header-only", "too-large"],
)
def test_an_unreadable_file_gets_one_clear_message_never_a_500(staff, arranged, content, message):
    response = _upload(staff, arranged, content)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_file_error"' in html
    if message:
        expected = fi(message, max=1024) if "%(max)s" in message else fi(message)
        assert escape(expected) in html
    assert IndicatorValue.objects.filter(indicator=arranged.indicator).count() == 1


def test_a_closed_period_takes_no_import(staff, arranged):
    services.period_close(period=arranged.previous, user=None)
    response = staff.get(f"/hallinta/strategia/kaudet/{arranged.previous.pk}/tuonti/")
    assert response.status_code == 302
    assert response["Location"] == f"/hallinta/strategia/kaudet/{arranged.previous.pk}/"
