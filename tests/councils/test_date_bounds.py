"""Every date a form takes has bounds, and a date outside is refused naming the limit."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django import forms
from django.urls import reverse
from django.utils import formats, timezone, translation

from councils import rules, services
from councils.models import Meeting
from portal.lib.dates import BoundedDateField
from tests.factories import BodyFactory, UserFactory
from tests.portal.test_choices import form_classes

pytestmark = pytest.mark.django_db


@pytest.fixture
def clerk_and_body():  # type: ignore[no-untyped-def]
    body = BodyFactory()
    clerk = UserFactory()
    body.clerks.add(clerk)
    return clerk, body


def new_meeting(client, body, day: str):  # type: ignore[no-untyped-def]
    return client.post(
        "/en/hallinta/kokoukset/uusi/",
        {"body": body.pk, "day": day, "start_time": "14:00", "mode": "in_person"},
    )


def test_a_meeting_in_the_year_9999_is_refused_naming_the_limit(client, clerk_and_body):
    clerk, body = clerk_and_body
    client.force_login(clerk)
    response = new_meeting(client, body, "9999-01-01")
    assert response.status_code == 400
    latest = rules.meeting_latest_day(today=timezone.localdate())
    with translation.override("en"):
        limit = formats.date_format(latest, "SHORT_DATE_FORMAT")
    assert f"The date must be {limit} or earlier." in response.content.decode()
    assert not Meeting.objects.exists()


def test_a_meeting_two_years_ahead_is_accepted_and_a_day_more_is_not(client, clerk_and_body):
    clerk, body = clerk_and_body
    client.force_login(clerk)
    latest = rules.meeting_latest_day(today=timezone.localdate())
    assert new_meeting(client, body, latest.isoformat()).status_code == 302
    assert new_meeting(client, body, (latest + timedelta(days=1)).isoformat()).status_code == 400


def test_a_meeting_in_the_past_is_refused_by_the_form(client, clerk_and_body):
    clerk, body = clerk_and_body
    client.force_login(clerk)
    yesterday = timezone.localdate() - timedelta(days=1)
    assert new_meeting(client, body, yesterday.isoformat()).status_code == 400


def test_the_service_itself_refuses_a_far_meeting(clerk_and_body):
    _clerk, body = clerk_and_body
    far = timezone.now() + timedelta(days=3 * 365)
    with pytest.raises(services.RuleViolation, match="enintään 2 vuotta eteenpäin"):
        services.meeting_create(body=body, start=far)


def test_the_new_meeting_form_offers_the_limits_and_a_time_the_browser_keeps(
    client, clerk_and_body
):
    clerk, _body = clerk_and_body
    client.force_login(clerk)
    html = client.get(reverse("staff:meeting_new")).content.decode()
    assert 'value="14:00"' in html
    assert "14.00.00" not in html
    assert f'min="{timezone.localdate().isoformat()}"' in html


@pytest.mark.parametrize(
    "url", ["/en/paatokset/?alkaen=9999-12-31", "/en/haku/?q=talous&asti=0001-01-01"]
)
def test_far_dates_in_the_public_filters_get_a_message_not_a_500(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "The date must be" in response.content.decode()


@pytest.mark.parametrize("form_class", form_classes(), ids=lambda f: f.__name__)
def test_every_date_field_of_every_form_has_bounds(form_class):
    for name, field in form_class.base_fields.items():
        if isinstance(field, forms.DateField):
            assert isinstance(field, BoundedDateField), f"{form_class.__name__}.{name}"


def test_a_bounded_field_names_its_earliest_limit():
    field = BoundedDateField(earliest=date(2020, 1, 1))
    with translation.override("en"), pytest.raises(forms.ValidationError, match="2020 or later"):
        field.clean("2019-12-31")
