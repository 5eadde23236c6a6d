"""Integration tests: a real Redis and real Celery worker processes.

They run when REDIS_URL is set (CI's second run); without it they are skipped with a
reason that CI recognises as an absent optional service.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def redis_url() -> str:
    if not settings.REDIS_URL:
        pytest.skip("optional service absent: REDIS_URL is not set")
    return settings.REDIS_URL


@pytest.fixture
def celery_worker_process(redis_url: str) -> Iterator[subprocess.Popen[bytes]]:
    """A real worker process on the configured broker, stopped after the test."""
    env = {**os.environ, "REDIS_URL": redis_url, "DEBUG": "1"}
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "portal",
            "worker",
            "--pool=solo",
            "--loglevel=WARNING",
            f"--hostname=ci-{os.getpid()}@%h",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    yield worker
    os.killpg(worker.pid, signal.SIGTERM)
    try:
        worker.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(worker.pid, signal.SIGKILL)


def wait_until(condition, timeout: float = 30.0, interval: float = 0.5) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return False
