"""Requests per second of the public pages against a static file of the same size.

One run prints the table of README.md, "Performance": for each page, a static file of
exactly its size served by WhiteNoise, the page uncached (PUBLIC_CACHE_SECONDS=0) and
the page from the shared page cache, each with req/s, its ratio to the static file and
the gunicorn workers' CPU time per request. Then the conditional GETs (304 with no body)
and the garbage collector's longest pause in 500 requests of one page.

gunicorn (gunicorn.conf.py, 2 workers) serves the demo data: SQLite (raati.sqlite3,
loaded if empty) unless DATABASE_URL is set; the cache is local memory unless REDIS_URL
is set. The load comes from `wrk` (8 connections) when it is installed, else from a
Python client with 8 threads (slower: the ratios still compare within one run).

    python benchmarks/throughput.py [--seconds 5] [--port 8103]

Figures vary between runs on a shared machine; compare the ratios of one run.
"""

from __future__ import annotations

import argparse
import gc
import http.client
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
ENV = {
    **os.environ,
    "PYTHONPATH": str(ROOT),
    "DJANGO_SETTINGS_MODULE": "portal.settings",
    "DEBUG": "0",
    "SECRET_KEY": os.environ.get(
        "SECRET_KEY", "benchmark-only-0123456789abcdefghijklmnopqrstuvwxyz"
    ),
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "SECURE_SSL_REDIRECT": "0",
    "SECURE_COOKIES": "0",
    "STATIC_MANIFEST": "1",
    "DEMO_DOCUMENTS": "0",
    "GUNICORN_ACCESS_LOG": "",
    "WEB_CONCURRENCY": "2",
    "GUNICORN_MAX_REQUESTS": "0",  # no worker replaced mid-row: its CPU time would be lost
    "LOG_LEVEL": "WARNING",
}
CONNECTIONS = 8


def manage(*args: str) -> str:
    done = subprocess.run(  # noqa: S603 - this interpreter, fixed arguments
        [PYTHON, "manage.py", *args], cwd=ROOT, env=ENV, capture_output=True, text=True
    )
    if done.returncode:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    return done.stdout


def prepare() -> list[tuple[str, str]]:
    """Migrate, load the demo if the database is empty, collect static; the pages to test."""
    manage("migrate", "--no-input", "-v0")
    probe = "from councils.models import Body; print(Body.objects.exists())"
    if manage("shell", "-c", probe).strip().endswith("False"):
        manage("load_demo", "--no-documents")
    manage("collectstatic", "--no-input", "-v0")
    script = (
        "from councils.models import Vote; from strategy.models import Strategy\n"
        "v = Vote.objects.select_related('handling__item__meeting__body').first()\n"
        "i = v.handling.item\n"
        "print(i.meeting.body.get_absolute_url(), i.meeting.get_absolute_url(),"
        " i.get_absolute_url(), Strategy.objects.first().get_absolute_url())"
    )
    body, meeting, decision, strategy = manage("shell", "-c", script).split()[-4:]
    return [
        ("home `/`", "/"),
        ("body page", body),
        ("meeting page", meeting),
        ("decision page with a vote", decision),
        ('search "strategia"', "/haku/?q=strategia"),
        ("strategy page", strategy),
    ]


class Server:
    """gunicorn with gunicorn.conf.py on 127.0.0.1:port; its workers' CPU time."""

    def __init__(self, port: int, **env: str) -> None:
        self.port = port
        self.process = subprocess.Popen(  # noqa: S603 - this interpreter, fixed arguments
            [PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py", "portal.wsgi:application"],
            cwd=ROOT,
            env={**ENV, "GUNICORN_BIND": f"127.0.0.1:{port}", **env},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            time.sleep(0.2)
            try:
                if get(port, "/health/")[0] == 200:
                    break
            except OSError:
                continue
        else:
            raise SystemExit("gunicorn did not start")

    def workers(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def cpu_seconds(self) -> float:
        ticks = 0
        for pid in self.workers():
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])  # utime + stime
        return ticks / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)


def get(port: int, path: str, headers: dict[str, str] | None = None) -> tuple[int, bytes, Any]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body, response


def _wrk(port: int, path: str, seconds: float) -> int:
    out = subprocess.run(  # noqa: S603 - wrk from PATH, our own URL
        [  # noqa: S607
            "wrk",
            "-t2",
            f"-c{CONNECTIONS}",
            f"-d{max(1, round(seconds))}s",
            f"http://127.0.0.1:{port}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    match = re.search(r"(\d+) requests in", out)
    if not match or "Non-2xx" in out:
        raise SystemExit(f"wrk failed for {path}:\n{out}")
    return int(match.group(1))


def _threads(port: int, path: str, seconds: float) -> int:
    """Keep-alive GETs from CONNECTIONS threads; the number of answered requests."""
    stop = time.monotonic() + seconds
    counts = [0] * CONNECTIONS

    def run(slot: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        while time.monotonic() < stop:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            if response.will_close:
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            counts[slot] += 1

    threads = [threading.Thread(target=run, args=(n,)) for n in range(CONNECTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts)


def load(server: Server, path: str, seconds: float) -> tuple[float, float]:
    """(requests per second, worker CPU milliseconds per request) of GET path."""
    generate = _wrk if shutil.which("wrk") else _threads
    generate(server.port, path, 1)  # warm up: templates, connections, the page cache
    cpu = server.cpu_seconds()
    start = time.monotonic()
    requests = generate(server.port, path, seconds)
    elapsed = time.monotonic() - start
    return requests / elapsed, 1000 * (server.cpu_seconds() - cpu) / requests


def static_twins(pages: list[tuple[str, str]], port: int) -> dict[str, str]:
    """A static file of exactly each page's size (WhiteNoise serves STATIC_ROOT)."""
    folder = ROOT / "staticfiles" / "benchmark"
    folder.mkdir(parents=True, exist_ok=True)
    twins = {}
    for _label, path in pages:
        size = len(get(port, path)[1])
        (folder / f"{size}.html").write_bytes(b"x" * size)
        twins[path] = f"/static/benchmark/{size}.html"
    return twins


def phase(pages: list[tuple[str, str]], seconds: float, port: int, cache_seconds: str) -> dict:
    server = Server(port, PUBLIC_CACHE_SECONDS=cache_seconds)
    try:
        twins = static_twins(pages, port)
        server.stop()  # WhiteNoise reads STATIC_ROOT once, at start-up
        server = Server(port, PUBLIC_CACHE_SECONDS=cache_seconds)
        results = {}
        for _label, path in pages:
            results[path] = (load(server, twins[path], seconds), load(server, path, seconds))
        return results
    finally:
        server.stop()


def conditional_gets(port: int) -> list[str]:
    server = Server(port)
    lines = []
    try:
        for path in ("/", "/kokoukset.ics", "/haku/syote.rss?q=strategia"):
            status, body, response = get(port, path)
            tag = response.getheader("ETag")
            again = get(port, path, {"If-None-Match": tag or ""})
            lines.append(
                f"| `{path}` | {status}, {len(body)} bytes | {again[0]}, {len(again[1])} bytes |"
            )
    finally:
        server.stop()
    return lines


def gc_pauses(path: str, requests: int = 500) -> tuple[float, float]:
    """The longest collection in `requests` GETs of one page: without and with gc.freeze()."""
    import django

    os.environ.update({k: v for k, v in ENV.items() if k not in os.environ or k == "DEBUG"})
    os.environ["PUBLIC_CACHE_SECONDS"] = "0"
    os.environ["ALLOWED_HOSTS"] = "127.0.0.1,localhost,testserver"
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.path.insert(0, str(ROOT))
    django.setup()
    from django.test import Client
    from harness import freeze_heap, longest_gc_pause

    assert Client().get(path).status_code == 200
    plain = longest_gc_pause(path, requests=requests)
    freeze_heap()
    frozen = longest_gc_pause(path, requests=requests)
    gc.unfreeze()
    return plain, frozen


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--port", type=int, default=8103)
    args = parser.parse_args()
    pages = prepare()
    uncached = phase(pages, args.seconds, args.port, "0")
    cached = phase(pages, args.seconds, args.port, "600")
    client = "wrk" if shutil.which("wrk") else "a Python client with threads"
    database = "PostgreSQL" if os.environ.get("DATABASE_URL") else "SQLite"
    cache = "Redis" if os.environ.get("REDIS_URL") else "local memory"
    print(
        f"gunicorn 2 workers, {database}, {cache} cache, {client}, {CONNECTIONS} connections,"
        f" {args.seconds:g} s per row\n"
    )
    print(
        "| response | static twin req/s | CPU/req | uncached req/s | ratio | CPU/req"
        " | cached req/s | ratio | CPU/req |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for label, path in pages:
        (static_u, static_cpu), (page_u, cpu_u) = uncached[path]
        (static_c, _cpu), (page_c, cpu_c) = cached[path]
        print(
            f"| {label} | {static_u:,.0f} / {static_c:,.0f} | {static_cpu:.2f} ms"
            f" | {page_u:,.0f} | {page_u / static_u:.3f} |"
            f" {cpu_u:.1f} ms | {page_c:,.0f} | {page_c / static_c:.2f} | {cpu_c:.2f} ms |"
        )
    print("\n| conditional GET | first | again with If-None-Match |\n|---|---|---|")
    print("\n".join(conditional_gets(args.port)))
    body = pages[1][1]
    plain, frozen = gc_pauses(body)
    print(
        f"\nLongest garbage collection (CPU time) in 500 requests of {body}:"
        f" {plain:.1f} ms; after gc.freeze() as in gunicorn.conf.py: {frozen:.1f} ms"
    )


if __name__ == "__main__":
    main()
