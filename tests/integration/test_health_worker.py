from __future__ import annotations

import pytest

from tests.integration.conftest import wait_until

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_health_is_503_without_a_worker_and_200_once_one_answers(client, redis_url, request):
    response = client.get("/health/")
    body = response.json()
    assert body["checks"]["broker"]["ok"] is True
    if body["checks"]["worker"]["ok"]:
        pytest.fail("a stray Celery worker is listening on the CI broker")
    assert response.status_code == 503

    request.getfixturevalue("celery_worker_process")
    assert wait_until(lambda: client.get("/health/").status_code == 200, timeout=60), client.get(
        "/health/"
    ).json()
    assert client.get("/health/").json()["checks"]["worker"]["detail"] == "1 answering"
