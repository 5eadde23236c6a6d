"""SQLite's own full-text index (FTS5) over the search entries, kept in step by triggers.

On SQLite builds without FTS5 nothing is created and search falls back to substrings
(councils/search.py). PostgreSQL has its tsvector and GIN index (0004) instead.
"""

from django.db import migrations

FTS = "councils_searchentry_fts"
COLUMNS = "title, diary_number, title_lexemes, text, lexemes, attachment_text"
# councils/search.py ranks with bm25 and weights for these columns (BM25_WEIGHTS).


def _old(prefix: str) -> str:
    return ", ".join(f"{prefix}.{c.strip()}" for c in COLUMNS.split(","))


CREATE = [
    # The trigram tokenizer matches any substring of three letters or more, so compounds
    # ("keskus" in "terveyskeskus") and inflected stems are found as the fallback found them.
    f"CREATE VIRTUAL TABLE {FTS} USING fts5({COLUMNS}, content='councils_searchentry',"
    " content_rowid='id', tokenize='trigram')",
    f"CREATE TRIGGER {FTS}_insert AFTER INSERT ON councils_searchentry BEGIN"
    f" INSERT INTO {FTS}(rowid, {COLUMNS}) VALUES (new.id, {_old('new')}); END",
    f"CREATE TRIGGER {FTS}_delete AFTER DELETE ON councils_searchentry BEGIN"
    f" INSERT INTO {FTS}({FTS}, rowid, {COLUMNS}) VALUES ('delete', old.id, {_old('old')}); END",
    f"CREATE TRIGGER {FTS}_update AFTER UPDATE OF {COLUMNS} ON councils_searchentry BEGIN"
    f" INSERT INTO {FTS}({FTS}, rowid, {COLUMNS}) VALUES ('delete', old.id, {_old('old')});"
    f" INSERT INTO {FTS}(rowid, {COLUMNS}) VALUES (new.id, {_old('new')}); END",
    f"INSERT INTO {FTS}({FTS}) VALUES('rebuild')",
]
DROP = [
    f"DROP TRIGGER IF EXISTS {FTS}_insert",
    f"DROP TRIGGER IF EXISTS {FTS}_delete",
    f"DROP TRIGGER IF EXISTS {FTS}_update",
    f"DROP TABLE IF EXISTS {FTS}",
]


def _has_fts5(connection) -> bool:  # type: ignore[no-untyped-def]
    if connection.Database.sqlite_version_info < (3, 34):  # the trigram tokenizer
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT sqlite_compileoption_used('ENABLE_FTS5')")
        enabled = bool(cursor.fetchone()[0])
    if enabled:
        return True
    try:  # loaded as an extension rather than compiled in
        with connection.cursor() as cursor:
            cursor.execute("CREATE VIRTUAL TABLE temp.raati_fts5_probe USING fts5(x)")
            cursor.execute("DROP TABLE temp.raati_fts5_probe")
    except Exception:
        return False
    return True


def create(apps, schema_editor):  # type: ignore[no-untyped-def]
    connection = schema_editor.connection
    if connection.vendor != "sqlite" or not _has_fts5(connection):
        return
    for statement in CREATE:
        schema_editor.execute(statement)


def drop(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "sqlite":
        for statement in DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("councils", "0013_procedural_items_and_ranked_search"),
    ]

    operations = [migrations.RunPython(create, drop)]
