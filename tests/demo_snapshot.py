"""The demo for browser tests: loaded by `load_demo` once per test process, then copied
back table by table (a tenth of a second where loading takes ten).

Browser tests commit their data (the live server reads it from another thread), so each
test starts from an emptied database and needs the demo again. The first call runs the
real command and keeps every table's rows in memory; later calls empty the tables and
insert the same rows in one transaction, so each test still sees the whole demo and
nothing an earlier test changed.

The tests of what the demo holds (the `test_demo.py` modules, search relevance) load it
the same way, inside their module's transaction: the command runs once per process and
its printed report is kept with the rows. The tests of the command's own behaviour (run
twice, --no-documents, the rendered documents, the link walk) call the command.
"""

from __future__ import annotations

from io import StringIO

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

from councils.publication import publication_changed

# Per table: its columns and rows (SQLite), or its COPY text (PostgreSQL).
Rows = list[tuple[object, ...]] | bytes
_snapshot: list[tuple[str, list[str], Rows]] = []
_report: list[str] = []


def load_demo() -> str:
    """What `call_command("load_demo")` leaves in the database, as quickly as possible;
    what the command printed when it ran."""
    if not _snapshot:
        out = StringIO()
        call_command("load_demo", stdout=out)
        _snapshot.extend(_take())
        _report.append(out.getvalue())
    else:
        _restore(_snapshot)
    return _report[0]


def _tables() -> list[str]:
    return sorted(connection.introspection.django_table_names(only_existing=True))


def _take() -> list[tuple[str, list[str], Rows]]:
    quote = connection.ops.quote_name
    taken = []
    with connection.cursor() as cursor:
        for table in _tables():
            columns = [
                column.name
                for column in connection.introspection.get_table_description(cursor, table)
            ]
            if connection.vendor == "postgresql":
                with cursor.copy(f"COPY {quote(table)} TO STDOUT") as copy:
                    taken.append((table, columns, b"".join(bytes(block) for block in copy)))
                continue
            names = ", ".join(map(quote, columns))
            cursor.execute(f"SELECT {names} FROM {quote(table)}")  # noqa: S608 - the schema's names
            taken.append((table, columns, list(cursor.fetchall())))
    return taken


def _restore(snapshot: list[tuple[str, list[str], Rows]]) -> None:
    quote = connection.ops.quote_name
    # Foreign keys are checked at commit (Django makes them deferrable), so the tables can
    # be filled in any order.
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"TRUNCATE {', '.join(quote(table) for table, _, _ in snapshot)}")
        else:
            for table, _columns, _rows in snapshot:
                cursor.execute(f"DELETE FROM {quote(table)}")  # noqa: S608 - the schema's names
        for table, columns, rows in snapshot:
            if isinstance(rows, bytes):
                with cursor.copy(f"COPY {quote(table)} FROM STDIN") as copy:
                    copy.write(rows)
            elif rows:
                names, marks = ", ".join(map(quote, columns)), ", ".join(["%s"] * len(columns))
                insert = f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})"  # noqa: S608 - the schema's names
                cursor.executemany(insert, rows)
        models = apps.get_models(include_auto_created=True)
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
    # Whatever was cached about the database before is stale now.
    publication_changed()
