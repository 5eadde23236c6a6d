"""The database settings, from DATABASE_URL or the zero-set-up SQLite file.

One function so that SQLite keeps the same options however it is named: the demo's
default file and `DATABASE_URL=sqlite:///…` both take the write lock at BEGIN, wait for
each other and write ahead to a log.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import dj_database_url

SQLITE_OPTIONS: dict[str, Any] = {
    # IMMEDIATE takes the write lock at BEGIN, so two clerks saving at once wait for
    # each other instead of failing with "database is locked" (a read transaction that
    # later writes cannot wait: SQLite refuses the upgrade at once).
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}


# psycopg's own default: a query is prepared on the fifth time it runs on a connection.
PREPARE_THRESHOLD = 5


def database_settings(
    url: str, *, default_file: Path, conn_max_age: int = 60, prepared: bool = True
) -> dict[str, Any]:
    """The `default` entry of DATABASES for this URL (empty: the SQLite default file).

    On PostgreSQL, `prepared` keeps a query's plan on its connection once the query has
    run PREPARE_THRESHOLD times: a page's queries are the same text each time with other
    values, and planning them cost PostgreSQL more than running them (a decision page:
    10-12 ms of the server's CPU per request, 2.5-3 ms with its plans kept). It needs
    the values sent apart from the query (server-side binding) and a session that
    outlives a transaction: turn it off behind a pooler in transaction mode.
    """
    if not url:
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(default_file),
            "OPTIONS": dict(SQLITE_OPTIONS),
        }
    database: dict[str, Any] = dict(
        dj_database_url.parse(url, conn_max_age=conn_max_age, conn_health_checks=True)
    )
    options = database.setdefault("OPTIONS", {})
    if database["ENGINE"].endswith("sqlite3"):
        # Options given in the URL's query string win over the defaults.
        database["OPTIONS"] = {**SQLITE_OPTIONS, **options}
    elif database["ENGINE"].endswith("postgresql"):
        # JIT compilation added 15–80 ms to the large queries of a page at a million
        # items (benchmarks/scale.py) and never paid for itself: off for the web.
        options["options"] = "-c jit=off"
        if prepared:
            options["server_side_binding"] = True
            options["prepare_threshold"] = PREPARE_THRESHOLD
    return database
