"""Celery tasks of participation: thin wrappers that call a service."""

from __future__ import annotations

from celery import shared_task

from forums import services


@shared_task
def expire_registrations() -> int:
    """Celery beat, daily: unconfirmed registrations after 7 days, rejections after 30."""
    return services.registration_expire()
