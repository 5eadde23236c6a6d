"""Fingerprint of the demo data: rows per model and one digest of everything `load_demo` wrote.

Two loads that build the same rows print the same digest, so a change to how the demo is
built (not what it builds) can be proved by comparing the figures before and after. The
dump is `dumpdata --natural-foreign` with what differs from one load to the next made
constant: passwords, tokens, the random suffix storage adds to a file name, and datetimes
taken from the clock while loading (`timezone.now()` defaults, "a day before loading"): the
demo's own datetimes are whole seconds, the clock's are not, so a datetime with a fraction of
a second is written as its distance from the start of the load, to ten minutes.

By default it loads the demo without documents into a throwaway test database (SQLite in
memory, or a PostgreSQL test database when DATABASE_URL is set), timing `load_demo` and its
second, idempotent run. With --current it fingerprints the configured database as it is,
e.g. after `manage.py load_demo --no-documents`. --out FILE writes the normalised dump for a
diff. Run: make bench, or python benchmarks/demo_fingerprint.py [--current] [--out FILE]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections import Counter
from datetime import datetime
from io import StringIO
from pathlib import Path
from typing import Any

# Built by migrations, the same in every database; sessions come from signing in.
EXCLUDE = ["contenttypes", "auth.permission", "sessions", "admin.logentry"]
SECRET_FIELDS = {"password", "token", "last_login"}
# FileSystemStorage appends "_" and 7 random characters when the name is taken.
STORAGE_SUFFIX = re.compile(r"_[A-Za-z0-9]{7}(?=\.[A-Za-z0-9]+$)")
CLOCK_DATETIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+")


def _normalise_value(value: Any, loaded: datetime) -> Any:
    if isinstance(value, str) and CLOCK_DATETIME.match(value):
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        minutes = round((moment - loaded).total_seconds() / 600) * 10
        return f"<loading {minutes:+d} min>"
    return value


def normalise(rows: list[dict[str, Any]], loaded: datetime) -> list[Any]:
    """The dumped rows with what changes from load to load made constant."""
    from django.apps import apps
    from django.db import models

    for row in rows:
        model = apps.get_model(row["model"])
        fields = row["fields"]
        for name, value in list(fields.items()):
            if name in SECRET_FIELDS:
                fields[name] = "<secret>" if value else value
                continue
            try:
                field = model._meta.get_field(name)
            except LookupError:
                continue
            if isinstance(field, models.FileField) and value:
                fields[name] = STORAGE_SUFFIX.sub("", value)
            else:
                fields[name] = _normalise_value(value, loaded)
    return rows


def fingerprint(loaded: datetime) -> tuple[Counter[str], str, list[Any]]:
    """Rows per model, the digest and the normalised dump of the configured database."""
    from django.core.management import call_command

    out = StringIO()
    call_command(
        "dumpdata", natural_foreign=True, exclude=EXCLUDE, stdout=out, format="json", indent=1
    )
    rows = normalise(json.loads(out.getvalue()), loaded)
    text = json.dumps(rows, ensure_ascii=False, sort_keys=True, indent=1)
    counts = Counter(str(row["model"]) for row in rows)
    return counts, hashlib.sha256(text.encode()).hexdigest(), rows


def _load_start() -> datetime:
    """When the demo superuser was made: the first row load_demo writes."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    user = get_user_model().objects.filter(username="demo").first()
    return user.date_joined if user is not None else timezone.now()


def report(args: argparse.Namespace) -> None:
    from django.db import connection

    from councils import voikko

    counts, digest, rows = fingerprint(_load_start())
    for model, count in sorted(counts.items()):
        print(f"{model:<40} {count:>6}")
    print(f"{'total':<40} {sum(counts.values()):>6}")
    # The search index holds Voikko's base forms when it is installed: compare like with like.
    print(f"{connection.vendor}, Voikko {'on' if voikko.available() else 'off'}: sha256 {digest}")
    if args.out:
        Path(args.out).write_text(
            json.dumps(rows, ensure_ascii=False, sort_keys=True, indent=1), encoding="utf-8"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--current", action="store_true", help="the configured database as is")
    parser.add_argument("--out", help="write the normalised dump (JSON) here")
    args = parser.parse_args()
    if args.current:
        import django
        from harness import ROOT  # noqa: F401 - puts the project on the path

        django.setup()
        report(args)
        return

    from harness import test_database

    with test_database():
        from django.core.management import call_command

        start = time.perf_counter()
        call_command("load_demo", documents=False, stdout=StringIO())
        first = time.perf_counter() - start
        start = time.perf_counter()
        call_command("load_demo", documents=False, stdout=StringIO())
        second = time.perf_counter() - start
        report(args)
        print(f"load_demo --no-documents: {first:.2f} s; again (nothing to add): {second:.2f} s")


if __name__ == "__main__":
    sys.exit(main())
