"""Search relevance on the Päijät-Häme demo: success@3, success@10 and MRR of resident queries.

Runs on SQLite unless DATABASE_URL is set (then on a PostgreSQL test database). Prints one
line per query that misses the top 3, then the figures. Run: make bench
"""

from __future__ import annotations

import sys
from io import StringIO

from harness import test_database
from relevance import evaluate, load_queries


def main() -> None:
    with test_database():
        from django.conf import settings
        from django.core.management import call_command
        from django.db import connection

        from councils import voikko

        call_command("load_demo", stdout=StringIO())
        queries = load_queries()
        figures = evaluate(queries)
        for outcome in figures.outcomes:
            if outcome.rank is None or outcome.rank > 3:
                rank = outcome.rank or "–"
                print(f"  rank {rank!s:>2}  {outcome.query.text!r}: top 3 {list(outcome.top)}")
        engine = connection.vendor
        if engine == "sqlite":
            from councils import search

            engine += (
                " (FTS5)" if getattr(search, "fts5_available", lambda: False)() else " (substring)"
            )
        print(
            f"{engine}, Voikko {'on' if voikko.available() else 'off'}"
            f" (SEARCH_VOIKKO={getattr(settings, 'SEARCH_VOIKKO', True)}),"
            f" {len(queries)} queries: success@3 {figures.success_at_3:.2f},"
            f" success@10 {figures.success_at_10:.2f}, MRR {figures.mrr:.2f}"
        )


if __name__ == "__main__":
    sys.exit(main())
