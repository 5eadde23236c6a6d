from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.core.cache import cache
from django.test import override_settings


@pytest.fixture(scope="session", autouse=True)
def _one_store_per_process(
    tmp_path_factory: pytest.TempPathFactory, worker_id: str
) -> Iterator[None]:
    """Each test process writes files to its own folder and caches in its own Redis database.

    `make test` runs the suite in parallel processes (pytest-xdist); a file rendered for
    meeting 1 in one process must not overwrite the other's, and one process's
    `cache.clear()` must not empty the other's cache.
    """
    from django.conf import settings

    media = tmp_path_factory.mktemp("media")
    changes: dict[str, object] = {"MEDIA_ROOT": media, "OPARL_DUMP_DIR": media / "avoin-data"}
    if settings.REDIS_URL and worker_id.startswith("gw"):
        url = urlsplit(settings.REDIS_URL)
        base = int(url.path.strip("/") or 0)
        location = urlunsplit(url._replace(path=f"/{base + 1 + int(worker_id[2:])}"))
        changes["CACHES"] = {
            name: {**config, "LOCATION": location} for name, config in settings.CACHES.items()
        }
    with override_settings(**changes):
        yield


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
