"""The Celery application. Its settings are the CELERY_* names in portal/settings.py."""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

app = Celery("raati")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
