"""gunicorn's settings for Raati: the Dockerfile and docker-compose.yml start it with these.

The app is imported once in the master (`preload_app`) and the workers fork from it, so
they share its memory and start at once. After start-up the garbage collector is
frozen: the tens of thousands of objects Django builds at import (URL patterns,
templates, translations, models) move to a permanent generation that collections no
longer walk, so a full collection in a worker takes a few milliseconds, not 80-110, and
copy-on-write pages stay shared.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
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


def when_ready(server: Any) -> None:
    """In the master, after the preload and before the first fork."""
    gc.collect()
    gc.freeze()


def post_fork(server: Any, worker: Any) -> None:
    """In each worker: what the fork itself created joins the frozen generation too."""
    gc.freeze()
