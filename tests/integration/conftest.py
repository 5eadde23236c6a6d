"""Integration tests: a real Redis and real Celery worker processes.

They run when REDIS_URL is set (CI's second run, on PostgreSQL); without it they are
skipped with a reason that CI recognises as an absent optional service.

The worker processes of every test process take tasks from the same broker queue, so
only one test at a time uses it (`_one_test_at_a_time_on_the_broker`, a file lock across
the pytest-xdist processes). Grouping them into one process (`xdist_group`) did not
serve: pytest 9.2 keeps a node's id where pytest-xdist 3.8 cannot add the group, and
when it did group, the scheduler ran the group first, and its transactional tests'
flush emptied what migrations create (the registry group) for the tests after them.
"""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _one_test_at_a_time_on_the_broker() -> Iterator[None]:
    with open(Path(tempfile.gettempdir()) / "raati-tests-broker.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        yield


@pytest.fixture
def redis_url() -> str:
    if not settings.REDIS_URL:
        pytest.skip("optional service absent: REDIS_URL is not set")
    return settings.REDIS_URL


def start_worker(env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "portal",
            "worker",
            "--pool=solo",
            "--loglevel=WARNING",
            "--without-gossip",
            "--without-mingle",
            f"--hostname=ci-{os.getpid()}-{time.monotonic_ns()}@%h",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def stop_worker(worker: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> None:
    if worker.poll() is not None:
        return
    os.killpg(worker.pid, sig)
    try:
        worker.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait(timeout=10)


@pytest.fixture
def worker_env(redis_url: str) -> dict[str, str]:
    return {**os.environ, "REDIS_URL": redis_url, "DEBUG": "1"}


@pytest.fixture
def celery_worker_process(worker_env: dict[str, str]) -> Iterator[subprocess.Popen[bytes]]:
    """A real worker process on the configured broker, stopped after the test."""
    worker = start_worker(worker_env)
    yield worker
    stop_worker(worker)


@pytest.fixture
def shared_database_env(worker_env: dict[str, str], settings, tmp_path: Path) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Worker environment pointing at this test's PostgreSQL database and media folder."""
    db = connection.settings_dict
    if db["ENGINE"] != "django.db.backends.postgresql":
        pytest.skip("optional service absent: a PostgreSQL test database a worker can share")
    from portal.celery import app

    app.control.purge()  # tasks queued by earlier tests point at rows that no longer exist
    settings.MEDIA_ROOT = tmp_path
    user = db.get("USER") or "postgres"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host = db.get("HOST") or "127.0.0.1"
    port = db.get("PORT") or "5432"
    return {
        **worker_env,
        "DATABASE_URL": f"postgres://{user}{password}@{host}:{port}/{db['NAME']}",
        "MEDIA_ROOT": str(tmp_path),
    }


def wait_until(condition: Callable[[], bool], timeout: float = 30.0, interval: float = 0.3) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return False
