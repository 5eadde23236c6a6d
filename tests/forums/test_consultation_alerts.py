"""Following consultations by e-mail: one consultation, or all new ones (portal/alerts.py)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from forums import consultations as services
from portal.models import Subscription, SubscriptionKind, SubscriptionState
from portal.tasks import send_daily_digests
from tests.forums.consultation_helpers import arrange, consultation_data

pytestmark = pytest.mark.django_db
LINK = re.compile(r"http://127\.0\.0\.1:8000(/[^\s\"<>]+)")


def _follow(client, params: str, capture) -> str:  # type: ignore[no-untyped-def]
    assert client.get(f"/seuraa/?{params}").status_code == 200
    with capture(execute=True):
        response = client.post(f"/seuraa/?{params}", {"email": "asukas@example.invalid"})
    assert response.status_code == 302
    (confirmation,) = mail.outbox
    (confirm,) = [p for p in LINK.findall(confirmation.body) if "/seuraa/vahvista/" in p]
    client.post(confirm)
    mail.outbox.clear()
    return confirm


def _age(subscription_kind: str) -> None:
    Subscription.objects.filter(kind=subscription_kind).update(
        confirmed_at=timezone.now() - timedelta(days=1)
    )


def test_a_resident_follows_all_new_consultations_and_gets_the_next_one(
    client, django_capture_on_commit_callbacks
):
    world = arrange()
    _follow(client, "kuulemiset=kaikki", django_capture_on_commit_callbacks)
    subscription = Subscription.objects.get()
    assert subscription.kind == SubscriptionKind.CONSULTATIONS
    assert subscription.state == SubscriptionState.ACTIVE
    _age(SubscriptionKind.CONSULTATIONS)
    fresh = services.consultation_create(
        data=consultation_data(world.case, world.body, title="Uusi kuuleminen lähipalveluista")
    )
    services.consultation_publish(consultation=fresh)
    assert send_daily_digests.delay().get() == 1
    (digest,) = mail.outbox
    assert "Uusi kuuleminen lähipalveluista" in digest.body
    assert fresh.get_absolute_url() in digest.body


def test_a_resident_follows_one_consultation_and_hears_of_comments_and_the_note(
    client, django_capture_on_commit_callbacks
):
    world = arrange()
    _follow(client, f"kuuleminen={world.consultation.pk}", django_capture_on_commit_callbacks)
    assert Subscription.objects.get().consultation == world.consultation
    _age(SubscriptionKind.CONSULTATION)
    comment = services.comment_submit(
        consultation=world.consultation,
        text="Kyläkoulun kommentti",
        email="k@example.invalid",
        name="Kylä",
    )
    services.comment_confirm(comment=comment)
    services.comment_moderate(comment=comment, publish=True)
    assert send_daily_digests.delay().get() == 1
    assert "Kyläkoulun kommentti" in mail.outbox[0].body


def test_following_an_unknown_or_draft_consultation_is_404(client):
    world = arrange(published=False)
    assert client.get(f"/seuraa/?kuuleminen={world.consultation.pk}").status_code == 404
    assert client.get("/seuraa/?kuuleminen=99999999").status_code == 404
    assert client.get("/seuraa/?kuuleminen=abc").status_code == 404
