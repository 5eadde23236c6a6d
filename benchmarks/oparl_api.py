"""Open-data benchmark (issue 15): the OParl API and the full dump at a million items.

Uses the database that benchmarks/scale.py generates (1 000 000 agenda items on ~98 000
meetings, PostgreSQL), generating it first if it is not there, and prints for each
response p50/p95/p99 server time and SQL queries: the first and the 10 000th page of the
agenda-item list (100 per page), the first and a deep page of the meeting and paper lists,
a filtered list (`modified_since`), and a meeting with 30 embedded agenda items. Then it
writes the full dump (JSON Lines, gzip) and prints its time, size and peak memory.
It prints; it never asserts.

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/raati_h15_scale \\
        .venv/bin/python benchmarks/oparl_api.py [--items N] [--repeat N] [--no-dump]

Without PostgreSQL it prints one line and exits. The seed texts come from
benchmarks/data/seeds/ (nothing outside the repository is read).
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

import harness  # puts the project on sys.path and sets DJANGO_SETTINGS_MODULE

sys.path.insert(0, str(Path(__file__).resolve().parent))


def _cursor_at(queryset, position: int) -> int | None:  # type: ignore[no-untyped-def]
    """The key after which the page starting at `position` (0-based) begins."""
    if position <= 0:
        return None
    return queryset.order_by("pk").values_list("pk", flat=True)[position - 1 : position].first()


def measure(url: str, *, repeat: int) -> dict[str, float]:
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from harness import percentile

    client = Client()
    first = client.get(url)  # warm: templates, and the list's count goes to the cache
    assert first.status_code == 200, (url, first.status_code, first.content[:200])
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    # Counted now: the log is read lazily, and the next request's start empties it.
    query_count = len(queries)
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    return {
        "p50": percentile(timings, 50),
        "p95": percentile(timings, 95),
        "p99": percentile(timings, 99),
        "queries": query_count,
        "bytes": len(first.content),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--no-dump", action="store_true")
    args = parser.parse_args()

    import scale

    url = scale.bench_url()
    if url is None:
        print(
            "oparl_api.py needs PostgreSQL: set BENCH_DATABASE_URL or DATABASE_URL (see its docstring)."
        )
        return
    scale.ensure_database(url, drop=False)
    os.environ["DATABASE_URL"] = url
    harness.production_mode()  # DEBUG off: no query log
    os.environ.setdefault("OPARL_RATE_LIMIT", "0")

    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    info = scale.read_info()
    if not info or int(info["items"]) < args.items:
        if info or scale._has_rows():
            from django.db import connections

            connections.close_all()
            scale.ensure_database(url, drop=True)
            call_command("migrate", verbosity=0)
        scale.write_info(scale.generate(url, args.items))
        info = scale.read_info()

    from councils.models import AgendaItem, Case, Meeting

    items = AgendaItem.objects.on_public_agenda()
    body = "/oparl/v1/body/paijat-hame/"
    public_items = items.count()
    deep = min(10_000, public_items // 100)
    meetings = Meeting.objects.public()
    from portal.oparl.paging import DEFAULT_LIMITS

    per_meeting_page = DEFAULT_LIMITS["meeting"]
    deep_meeting_page = min(2_000, meetings.count() // per_meeting_page)
    papers = Case.objects.public()
    per_paper_page = DEFAULT_LIMITS["paper"]
    deep_paper_page = min(2_000, papers.count() // per_paper_page)
    recent = Meeting.objects.order_by("-modified_at").values_list("modified_at", flat=True)[
        DEFAULT_LIMITS["meeting"] - 1
    ]
    print(
        f"Bench database: {public_items:,} public agenda items, {meetings.count():,} public meetings".replace(
            ",", " "
        )
    )
    pages = [
        ("agenda items, page 1", body + "agendaitem/"),
        (
            f"agenda items, page {deep:,}".replace(",", " "),
            body + f"agendaitem/?after={_cursor_at(items, (deep - 1) * 100)}",
        ),
        (f"meetings, page 1 ({per_meeting_page} with their items)", body + "meeting/"),
        (
            f"meetings, page {deep_meeting_page:,}".replace(",", " "),
            body
            + f"meeting/?after={_cursor_at(meetings, (deep_meeting_page - 1) * per_meeting_page)}",
        ),
        (f"papers, page 1 ({per_paper_page} with their handlings)", body + "paper/"),
        (
            f"papers, page {deep_paper_page:,}".replace(",", " "),
            body + f"paper/?after={_cursor_at(papers, (deep_paper_page - 1) * per_paper_page)}",
        ),
        (
            f"meetings modified since (the newest {per_meeting_page})",
            body + "meeting/?modified_since=" + recent.isoformat().replace("+", "%2B"),
        ),
        ("meeting with 30 embedded items", f"/oparl/v1/meeting/{info['meeting30']}/"),
        ("meeting with few items", f"/oparl/v1/meeting/{info['meeting_small']}/"),
        ("agenda item", f"/oparl/v1/agendaitem/{info['item']}/"),
        ("organizations (bodies and groups)", body + "organization/"),
    ]
    print()
    print(
        f"{'response':44} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'queries':>8} {'kB':>7}  goal p95 <= 100"
    )
    harness.freeze_heap()  # as gunicorn.conf.py does after start-up
    for label, page_url in pages:
        m = measure(page_url, repeat=args.repeat)
        mark = "✓" if m["p95"] <= 100 else "✗"
        print(
            f"{label:44} {m['p50']:8.1f} {m['p95']:8.1f} {m['p99']:8.1f} {m['queries']:8.0f}"
            f" {m['bytes'] / 1000:7.0f}  {mark}"
        )
    if args.no_dump:
        return
    from portal.oparl.dump import write_dump

    print()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        written = write_dump(path=Path(folder) / "dump.jsonl.gz", base="https://raati.example.fi")
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        f"Full dump: {written['lines']:,} objects, {written['bytes'] / 1e6:.1f} MB gzip,"
        f" {seconds / 60:.1f} min, peak memory {peak / 1024:.0f} MB"
        f" (was {before / 1024:.0f} MB before the dump)".replace(",", " ")
    )


if __name__ == "__main__":
    main()
