"""SQLite keeps its write-lock settings however it is configured (DATABASE_URL or default);
PostgreSQL keeps the plans of the queries a page asks again."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from portal.lib.database import PREPARE_THRESHOLD, SQLITE_OPTIONS, database_settings

ROOT = Path(__file__).resolve().parents[2]


def test_it_gives_a_sqlite_url_the_same_options_as_the_default_file(tmp_path):
    default = database_settings("", default_file=tmp_path / "raati.sqlite3")
    from_url = database_settings(f"sqlite:///{tmp_path}/other.sqlite3", default_file=tmp_path / "x")
    assert from_url["ENGINE"] == default["ENGINE"] == "django.db.backends.sqlite3"
    assert from_url["OPTIONS"] == default["OPTIONS"] == SQLITE_OPTIONS
    assert from_url["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in from_url["OPTIONS"]["init_command"]


def test_it_turns_jit_off_for_postgresql_keeps_plans_and_adds_no_sqlite_options(tmp_path):
    database = database_settings("postgres://u:p@localhost:5432/raati", default_file=tmp_path / "x")
    assert database["OPTIONS"] == {
        "options": "-c jit=off",
        "server_side_binding": True,
        "prepare_threshold": PREPARE_THRESHOLD,
    }


def test_behind_a_pooler_in_transaction_mode_postgresql_prepares_nothing(tmp_path):
    database = database_settings(
        "postgres://u:p@localhost:5432/raati", default_file=tmp_path / "x", prepared=False
    )
    assert database["OPTIONS"] == {"options": "-c jit=off"}


def _as_postgresql_sees_it(sql: str) -> str:
    """A query with psycopg's %s placeholders as the server holds it ($1, $2, ...)."""
    parts = iter(range(1, sql.count("%s") + 1))
    return re.sub(r"%%|%s", lambda m: "%" if m[0] == "%%" else f"${next(parts)}", sql)


@pytest.mark.django_db
def test_a_page_asked_again_is_answered_from_plans_postgresql_keeps(client, settings):
    """The decision list's queries, the same text each time, are planned once per
    connection: from its sixth request on, every query the page asks has a kept plan."""
    if connection.vendor != "postgresql":
        pytest.skip("optional service absent: prepared statements are PostgreSQL's")
    settings.PUBLIC_CACHE_SECONDS = 0  # every request runs the view and its queries
    asked: list[str] = []

    def record(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        asked.append(_as_postgresql_sees_it(sql))
        return execute(sql, params, many, context)

    for _ in range(PREPARE_THRESHOLD + 1):
        asked.clear()
        with connection.execute_wrapper(record):
            assert client.get("/paatokset/").status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        kept = {row[0] for row in cursor.fetchall()}
    assert len(asked) >= 2  # the filters' bodies and the count, on an empty database
    assert set(asked) <= kept, set(asked) - kept


@pytest.fixture(scope="module")
def concurrent(tmp_path_factory):  # type: ignore[no-untyped-def]
    """Two threads post at once, 8 rounds per mode, through DATABASE_URL=sqlite:///…"""
    tmp_path = tmp_path_factory.mktemp("sqlite")
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment.update(
        DEBUG="1",
        DATABASE_URL=f"sqlite:///{tmp_path}/concurrent.sqlite3",
        MEDIA_ROOT=str(tmp_path / "media"),
    )
    environment.pop("REDIS_URL", None)
    result = subprocess.run(
        [sys.executable, "tests/portal/concurrent_posts.py", "8"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_two_clerks_posting_at_once_through_a_sqlite_url_both_succeed(concurrent):
    outcome = concurrent["distinct"]
    assert outcome["errors"] == []
    assert outcome["statuses"] == [302] * 16
    assert outcome["meetings"] == 16


def test_the_same_form_sent_twice_at_once_through_sqlite_creates_one_meeting(concurrent):
    """Issue 11, finding 4, on SQLite: the second answer shows what the first created."""
    outcome = concurrent["same"]
    assert outcome["errors"] == []
    assert outcome["statuses"] == [302] * 16
    assert outcome["meetings"] == 8
    locations = outcome["locations"]
    pairs = list(zip(locations[::2], locations[1::2], strict=True))
    assert all(first == second for first, second in pairs)
    assert len(set(locations)) == 8
