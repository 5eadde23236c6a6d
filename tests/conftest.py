from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator

import pytest
from django.core.cache import cache


def pytest_configure(config: pytest.Config) -> None:
    """Each test run keeps its own publication generation (councils/publication.py).

    Without Redis it lives in a file that every process of the installation shares; the
    demo or another test run on the same machine must not move it under a test. The
    folder goes to the environment too, for the processes a test starts.
    """
    from django.conf import settings

    publication = settings.CACHES.get("publication", {})
    if publication.get("BACKEND", "").endswith("FileBasedCache"):
        folder = tempfile.mkdtemp(prefix="raati-test-publication-")
        publication["LOCATION"] = os.environ["PUBLICATION_CACHE_DIR"] = folder


@pytest.fixture(autouse=True)
def _clear_cache() -> None:
    # With REDIS_URL set the cache outlives a test; each test starts from an empty one.
    cache.clear()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings) -> None:  # type: ignore[no-untyped-def]
    # PBKDF2 at production strength costs ~0.3 s per user; the tests make hundreds.
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        # Still verifies passwords stored before the override (module-scoped fixtures).
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]


@pytest.fixture(autouse=True)
def _tasks_run_in_process(request: pytest.FixtureRequest) -> Iterator[None]:
    """Unit and browser tests run Celery tasks eagerly, also when REDIS_URL is set.

    Only tests marked `integration` send tasks to the real broker and a real worker.
    """
    from portal.celery import app

    if request.node.get_closest_marker("integration"):
        yield
        return
    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """Each test starts in Finnish: a request to /en/ leaves its language active in the thread."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
