"""gunicorn's settings for Raati: the Dockerfile and docker-compose.yml start it with these.

The app is imported once in the master (`preload_app`) and the workers fork from it, so
they share its memory and start at once. After start-up the garbage collector is
frozen: the tens of thousands of objects Django builds at import (URL patterns,
templates, translations, models) move to a permanent generation that collections no
longer walk, so a full collection in a worker takes a few milliseconds, not 80-110, and
copy-on-write pages stay shared.

Each worker also runs its request loop inside one frame with room for a request's whole
stack; see `_frame_with_room`.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable
from typing import Any

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", str(multiprocessing.cpu_count() * 2 + 1)))
preload_app = True
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
# nginx holds the slow clients; behind it a short keep-alive is enough.
keepalive = 5
# A worker is replaced, forked afresh from the preloaded master, after this many requests.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = max_requests // 10
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
# nginx in front (deploy/nginx.conf) sets X-Forwarded-Proto; trust it from anywhere on the
# container network only.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "*")


def _frame_with_room(slots: int) -> Callable[[Callable[[], Any]], Any]:
    """A function that calls its argument from a frame of `slots` unused local variables.

    CPython 3.11 keeps frames on a data stack of 16 kB chunks; entering a new chunk maps
    it and leaving it unmaps it again (CPython gh-142183, fixed only in later versions).
    A request whose hot calls sit at a chunk's edge pays a mmap/munmap pair and fresh page
    faults on every such call: 0 to 6 ms of system time per search request, depending
    only on the depth at which the request starts (benchmarks/throughput.py). A frame of
    32 768 slots (256 kB) needs a chunk of its own, 512 kB, and the frames called from it
    fill the other half: a request's stack stays in that one chunk and maps nothing.
    """
    names = " = ".join(f"_{slot}" for slot in range(slots))
    source = f"def run(function):\n    if False:\n        {names} = None\n    return function()\n"
    namespace: dict[str, Any] = {}
    # The source is built above from numbers only.
    exec(compile(source, "<gunicorn.conf.py: a frame with room>", "exec"), namespace)  # noqa: S102
    return namespace["run"]


run_with_room = _frame_with_room(1 << 15)


def when_ready(server: Any) -> None:
    """In the master, after the preload and before the first fork."""
    gc.collect()
    gc.freeze()


def post_fork(server: Any, worker: Any) -> None:
    """In each worker: what the fork itself created joins the frozen generation too, and
    the request loop runs from a frame with room (`_frame_with_room`)."""
    gc.freeze()
    if worker is not None:
        loop = worker.run
        worker.run = lambda: run_with_room(loop)
