"""Celery tasks of participation: thin wrappers that call a service."""

from __future__ import annotations

from celery import shared_task

from forums import services


@shared_task
def expire_registrations() -> int:
    """Celery beat, daily: unconfirmed registrations after 7 days, rejections after 30."""
    return services.registration_expire()


@shared_task
def remove_personal_data() -> dict[str, int]:
    """Celery beat, daily: commenters' and supporters' personal data is removed once the
    consultation or initiative has been closed long enough (forums/participation.py)."""
    from forums.participation import personal_data_remove_due

    return personal_data_remove_due()
