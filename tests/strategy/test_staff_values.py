"""Entering one measured value at a time."""

from __future__ import annotations

from decimal import Decimal

import pytest

from strategy.models import IndicatorValue
from tests.strategy.staff_helpers import arrange, chair, outsider, strategist

pytestmark = pytest.mark.django_db


@pytest.fixture
def arranged():  # type: ignore[no-untyped-def]
    return arrange()


def _url(arranged) -> str:  # type: ignore[no-untyped-def]
    return f"/hallinta/strategia/mittarit/{arranged.indicator.pk}/arvot/"


def test_it_sends_an_anonymous_visitor_to_sign_in(client, arranged):
    assert client.get(_url(arranged)).status_code == 302
    assert client.get("/hallinta/strategia/mittarit/").status_code == 302


@pytest.mark.parametrize("make_user", [outsider, chair])
def test_it_refuses_users_who_may_not_enter_values(client, arranged, make_user):
    client.force_login(make_user())
    assert client.get("/hallinta/strategia/mittarit/").status_code == 403
    response = client.post(_url(arranged), {"measured_on": "1.10.2026", "value": "5"})
    assert response.status_code == 403
    assert IndicatorValue.objects.count() == 2


def test_the_list_flags_indicators_whose_values_are_overdue(client, arranged):
    from datetime import timedelta

    arranged.indicator.next_due = arranged.today - timedelta(days=3)
    arranged.indicator.save(update_fields=["next_due"])
    client.force_login(strategist())
    html = client.get("/hallinta/strategia/mittarit/").content.decode()
    row = html.split("Asiakastyytyväisyys")[1].split("</tr>")[0]
    assert "⚑" in row
    assert "⚑" not in html.split("Alijäämä")[1].split("</tr>")[0]


def test_it_saves_a_value_with_a_decimal_comma_and_a_municipality(client, arranged):
    client.force_login(strategist())
    response = client.post(
        _url(arranged),
        {"measured_on": "1.10.2026", "value": "32,75", "municipality": "Sysmä", "note": "Q3"},
    )
    assert response.status_code == 302
    value = IndicatorValue.objects.get(indicator=arranged.indicator, municipality="Sysmä")
    assert value.value == Decimal("32.750")
    assert value.note == "Q3"
    html = client.get(_url(arranged)).content.decode()
    assert "32,75" in html  # the success message and the list, in Finnish notation


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"measured_on": "1.10.2026", "value": "paljon"}, "value"),
        ({"measured_on": "31.2.2026", "value": "5"}, "measured_on"),
        ({"measured_on": "1.10.2026", "value": "5", "municipality": "Tampere"}, "municipality"),
        ({"measured_on": "1.10.2026", "value": "<script>1</script>"}, "value"),
    ],
)
def test_bad_input_is_shown_on_its_field(client, arranged, fields, field):
    client.force_login(strategist())
    response = client.post(_url(arranged), fields)
    assert response.status_code == 400
    html = response.content.decode()
    assert f'id="id_{field}_error"' in html
    assert "<script>1" not in html
    assert IndicatorValue.objects.count() == 2


def test_a_second_value_for_the_same_day_is_refused_with_a_message(client, arranged):
    client.force_login(strategist())
    day = arranged.today - __import__("datetime").timedelta(days=2)
    response = client.post(_url(arranged), {"measured_on": day.isoformat(), "value": "40"})
    assert response.status_code == 400
    assert "Asiakastyytyväisyys" in response.content.decode()
    assert IndicatorValue.objects.get(indicator=arranged.indicator).value == Decimal("31.000")
