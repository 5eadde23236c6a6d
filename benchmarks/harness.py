"""Shared set-up for the benchmark scripts: a throwaway test database and timers.

Benchmarks print figures; they never assert wall-clock limits (tests assert query counts).
"""

from __future__ import annotations

import gc
import os
import statistics
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ.setdefault("DEBUG", "1")


@contextmanager
def test_database() -> Iterator[None]:
    """Create the test database (as the suite does), yield, and destroy it."""
    import django
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment

    django.setup()
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, keepdb=False)
    try:
        yield
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


def production_mode() -> None:
    """Settings as a production worker runs (call before django.setup()): DEBUG off, so no
    query log and no template debug data; the shared page cache off, so that the views
    themselves are measured and not the cache (portal/public_cache.py)."""
    os.environ.update(
        DEBUG="0",
        SECRET_KEY=os.environ.get("SECRET_KEY", "") or "benchmark-only-" + "x" * 50,
        ALLOWED_HOSTS="testserver,localhost,127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        STATIC_MANIFEST="0",
        PUBLIC_CACHE_SECONDS="0",
        LOG_LEVEL="WARNING",
    )


def freeze_heap() -> None:
    """What gunicorn.conf.py does after start-up: the objects alive now (code, settings,
    templates, the URL resolver) are left out of every later garbage collection."""
    gc.collect()
    gc.freeze()


def longest_gc_pause(url: str, *, requests: int = 500) -> float:
    """The longest garbage collection (ms of CPU time) in `requests` GETs of url."""
    from django.test import Client

    client = Client()
    pauses: list[float] = []
    started: list[float] = []

    def timer(phase: str, info: dict[str, int]) -> None:
        # CPU time of the collecting thread: what the collection costs, not the time
        # a busy shared machine kept the process waiting.
        if phase == "start":
            started.append(time.thread_time())
        elif started:
            pauses.append(1000 * (time.thread_time() - started.pop()))

    gc.callbacks.append(timer)
    try:
        for _ in range(requests):
            client.get(url)
    finally:
        gc.callbacks.remove(timer)
    return max(pauses, default=0.0)


def percentile(samples: list[float], pct: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))
    return ordered[index]


def measure_page(url: str, *, repeat: int = 50) -> dict[str, float]:
    """Server time (ms) and SQL queries of GET url through Django's test client."""
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.get(url)  # warm caches and the template loader
    timings = []
    reset_queries()  # the log keeps at most 9000 entries; loading the data filled it
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    # Counted now: the log is read lazily, and the next request's start empties it.
    query_count = len(queries)
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
    return {
        "p50": statistics.median(timings),
        "p95": percentile(timings, 95),
        "p99": percentile(timings, 99),
        "queries": query_count,
    }


def print_table(rows: list[tuple[str, dict[str, float]]]) -> None:
    print(f"{'page':<40} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'queries':>8}")
    for name, figures in rows:
        print(
            f"{name:<40} {figures['p50']:>8.2f} {figures['p95']:>8.2f} "
            f"{figures['p99']:>8.2f} {figures['queries']:>8.0f}"
        )
