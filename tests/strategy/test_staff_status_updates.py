"""Writing a period's status updates: the suggestion beside the manual status, a reason
when they differ, and no silent overwrite when two people edit the same update."""

from __future__ import annotations

import pytest

from strategy import services
from strategy.models import Status, StatusUpdate
from tests.strategy.staff_helpers import arrange, badge, chair, outsider, strategist

pytestmark = pytest.mark.django_db


@pytest.fixture
def arranged():  # type: ignore[no-untyped-def]
    return arrange()


def _url(arranged, code: str = "2") -> str:  # type: ignore[no-untyped-def]
    return f"/hallinta/strategia/kaudet/{arranged.period.pk}/tavoitteet/{code}/"


def _post(client, arranged, **fields):  # type: ignore[no-untyped-def]
    data = {"status": Status.OFF_TRACK, "reason": "", "narrative": "Alijäämä kasvaa.", "token": ""}
    return client.post(_url(arranged), data | fields)


def test_it_sends_an_anonymous_visitor_to_sign_in(client, arranged):
    assert client.get(_url(arranged)).status_code == 302


@pytest.mark.parametrize("make_user", [outsider, chair])
def test_it_refuses_users_who_may_not_write_updates(client, arranged, make_user):
    client.force_login(make_user())
    assert client.get(_url(arranged)).status_code == 403
    assert _post(client, arranged).status_code == 403
    assert not StatusUpdate.objects.exists()


def test_the_form_shows_the_suggestion_next_to_the_status(client, arranged):
    client.force_login(strategist())
    html = client.get(_url(arranged)).content.decode()
    assert 'id="suggestion"' in html
    assert badge(Status.OFF_TRACK) in html


def test_it_saves_an_update_that_agrees_with_the_suggestion(client, arranged):
    client.force_login(strategist())
    response = _post(client, arranged)
    assert response.status_code == 302
    update = StatusUpdate.objects.get(goal=arranged.off_track)
    assert update.status == update.suggested_status == Status.OFF_TRACK
    assert update.narrative == "Alijäämä kasvaa."


def test_a_different_status_needs_a_reason(client, arranged):
    client.force_login(strategist())
    response = _post(client, arranged, status=Status.ON_TRACK)
    assert response.status_code == 400
    assert 'id="id_reason_error"' in response.content.decode()
    assert not StatusUpdate.objects.exists()
    assert (
        _post(
            client, arranged, status=Status.ON_TRACK, reason="Säästöt näkyvät vasta ensi vuonna."
        ).status_code
        == 302
    )


def test_the_second_of_two_editors_gets_a_conflict_not_an_overwrite(client, arranged):
    client.force_login(strategist())
    assert _post(client, arranged).status_code == 302
    html = client.get(_url(arranged)).content.decode()
    token = html.split('name="token" value="')[1].split('"')[0]
    # Someone else saves meanwhile.
    services.status_update_save(
        period=arranged.period,
        goal=arranged.off_track,
        status=Status.OFF_TRACK,
        narrative="Toisen kirjoittama.",
        author=None,
    )
    response = _post(client, arranged, narrative="Minun tekstini.", token=token)
    html = response.content.decode()
    assert response.status_code == 409
    assert "Toisen kirjoittama." in html  # the saved version is shown
    assert "Minun tekstini." in html  # and what I typed is kept in the form
    assert StatusUpdate.objects.get(goal=arranged.off_track).narrative == "Toisen kirjoittama."
    # Saving again (the form now carries the new token) is on purpose and wins.
    token = html.split('name="token" value="')[1].split('"')[0]
    assert _post(client, arranged, narrative="Yhdistetty.", token=token).status_code == 302
    assert StatusUpdate.objects.get(goal=arranged.off_track).narrative == "Yhdistetty."


def test_a_closed_period_refuses_changes(client, arranged):
    services.period_close(period=arranged.previous, user=None)
    client.force_login(strategist())
    url = f"/hallinta/strategia/kaudet/{arranged.previous.pk}/tavoitteet/2/"
    response = client.post(url, {"status": Status.OFF_TRACK, "token": ""})
    assert response.status_code == 400
    assert "T8/2099" in response.content.decode()
    assert not StatusUpdate.objects.filter(period=arranged.previous).exists()


def test_an_unknown_goal_is_a_404(client, arranged):
    client.force_login(strategist())
    assert client.get(_url(arranged, "77")).status_code == 404
