"""Background tasks of the site shell: the daily e-mail alerts."""

from __future__ import annotations

from celery import shared_task

from portal import alerts


@shared_task
def send_daily_digests() -> int:
    """Celery beat, every morning: drop expired requests, then send the digests."""
    alerts.subscription_expire_pending()
    return alerts.digest_send()


@shared_task
def forget_form_submissions() -> int:
    """Celery beat, daily: used one-time form tokens older than two days are deleted."""
    from portal.once import forget_old_submissions

    return forget_old_submissions()
