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


def database_settings(url: str, *, default_file: Path, conn_max_age: int = 60) -> dict[str, Any]:
    """The `default` entry of DATABASES for this URL (empty: the SQLite default file)."""
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
    return database
