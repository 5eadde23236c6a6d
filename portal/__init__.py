"""The Raati project: settings, URLs, the Celery app and the site shell."""

from __future__ import annotations

from portal.celery import app as celery_app

__all__ = ["celery_app"]
