from __future__ import annotations

from unittest import mock

import pytest
from django.db.utils import OperationalError

pytestmark = pytest.mark.django_db


def test_it_reports_healthy_database_and_cache(client, settings):
    settings.REDIS_URL = ""
    response = client.get("/health/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["cache"]["ok"] is True
    assert "worker" not in body["checks"]
    assert "no-cache" in response["Cache-Control"]


def test_it_answers_503_without_a_stack_trace_when_the_database_is_down(client, settings):
    settings.REDIS_URL = ""
    with mock.patch("portal.views.connection.cursor", side_effect=OperationalError("gone")):
        response = client.get("/health/")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["checks"]["database"] == {"ok": False, "detail": "OperationalError: gone"}
    assert "Traceback" not in response.content.decode()


def test_it_reports_a_missing_worker_when_redis_is_configured(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:6379/15"
    with (
        mock.patch("portal.views._check_broker", return_value="redis"),
        mock.patch("portal.views.celery_app.control.ping", return_value=[]),
    ):
        response = client.get("/health/")
    assert response.status_code == 503
    worker = response.json()["checks"]["worker"]
    assert worker["ok"] is False
    assert "no Celery worker answered" in worker["detail"]


def test_it_is_healthy_when_a_worker_answers(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:6379/15"
    with (
        mock.patch("portal.views._check_broker", return_value="redis"),
        mock.patch(
            "portal.views.celery_app.control.ping", return_value=[{"w1@host": {"ok": "pong"}}]
        ),
    ):
        response = client.get("/health/")
    assert response.status_code == 200
    assert response.json()["checks"]["worker"] == {"ok": True, "detail": "1 answering"}


def test_it_refuses_post(client):
    assert client.post("/health/").status_code == 405
