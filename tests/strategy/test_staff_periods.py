"""A period's staff page and closing it."""

from __future__ import annotations

import pytest

from councils.models import Document, DocumentKind
from strategy.models import Status
from tests.factories import StatusUpdateFactory
from tests.strategy.staff_helpers import arrange, badge, chair, outsider, strategist

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def arranged():  # type: ignore[no-untyped-def]
    arranged = arrange()
    StatusUpdateFactory(period=arranged.previous, goal=arranged.on_track, status=Status.ON_TRACK)
    return arranged


def _close_url(arranged) -> str:  # type: ignore[no-untyped-def]
    return f"/hallinta/strategia/kaudet/{arranged.previous.pk}/sulje/"


def test_it_sends_an_anonymous_visitor_to_sign_in(client, arranged):
    assert client.get(f"/hallinta/strategia/kaudet/{arranged.period.pk}/").status_code == 302
    assert client.get(_close_url(arranged)).status_code == 302


def test_a_chair_sees_the_period_but_may_not_close_it(client, arranged):
    client.force_login(chair())
    html = client.get(f"/hallinta/strategia/kaudet/{arranged.previous.pk}/").content.decode()
    assert "T8/2099" in html and "Hyvät palvelut" in html
    assert "/sulje/" not in html
    assert client.post(_close_url(arranged), {"confirm": "on"}).status_code == 403
    assert client.get(f"/hallinta/strategia/kaudet/{arranged.period.pk}/").status_code == 200


def test_an_outsider_sees_no_period(client, arranged):
    client.force_login(outsider())
    assert client.get(f"/hallinta/strategia/kaudet/{arranged.period.pk}/").status_code == 403


def test_the_confirm_page_lists_what_will_be_frozen(client, arranged):
    client.force_login(strategist())
    html = client.get(_close_url(arranged)).content.decode()
    assert "Hyvät palvelut" in html and "Tasapainoinen talous" in html
    assert badge(Status.ON_TRACK) in html  # goal 1's update
    assert 'name="confirm"' in html


def test_closing_needs_the_confirmation_then_freezes_and_queues_the_report(
    client, arranged, django_capture_on_commit_callbacks
):
    client.force_login(strategist())
    assert client.post(_close_url(arranged), {}).status_code == 400
    arranged.previous.refresh_from_db()
    assert not arranged.previous.is_closed
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_close_url(arranged), {"confirm": "on"})
    assert response.status_code == 302
    arranged.previous.refresh_from_db()
    assert arranged.previous.is_closed
    assert arranged.previous.snapshot["code"] == "T8/2099"
    report = Document.objects.get(kind=DocumentKind.REPORT)
    assert report.owner == arranged.previous
    assert report.state == "ready", report.failure


def test_a_running_period_cannot_be_closed_yet(client, arranged):
    client.force_login(strategist())
    response = client.post(
        f"/hallinta/strategia/kaudet/{arranged.period.pk}/sulje/", {"confirm": "on"}
    )
    assert response.status_code == 400
    assert "T9/2099" in response.content.decode()
    arranged.period.refresh_from_db()
    assert not arranged.period.is_closed


def test_the_reports_region_polls_while_a_report_is_pending(client, arranged):
    from strategy import services

    services.period_report_queue(period=arranged.period)  # on_commit never runs: stays queued
    client.force_login(chair())
    url = f"/hallinta/strategia/kaudet/{arranged.period.pk}/"
    assert 'hx-trigger="every 2s"' in client.get(url).content.decode()
    partial = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert partial.lstrip().startswith('<section id="reports"')
