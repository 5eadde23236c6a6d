"""Celery tasks of the open-data API: thin wrappers."""

from __future__ import annotations

from celery import shared_task

from portal.oparl import dump


@shared_task
def write_dump() -> dict[str, int]:
    return dump.write_dump()
