"""The nightly full dump: every public object as OParl JSON, one per line, gzip-compressed.

Celery beat writes it every night (`portal.oparl.tasks.write_dump`, 03:15 Helsinki time);
`manage.py oparl_dump` writes it at once. A line is a whole top-level object as the API
serves it (a meeting with its agenda items and files inside, a person with their
memberships, a case with its handlings), followed by every object that was withdrawn
(`deleted: true`), so a researcher can load the record without a thousand requests. The
objects are read in batches, so memory stays flat however large the record is; the
file is written beside the old one and moved into place, so a download never sees half a
dump. /avoin-data/raati-oparl.jsonl.gz serves it with ETag and Last-Modified.
"""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.conf import settings
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.utils.http import http_date
from django.views.decorators.http import condition, require_GET

from councils.models import Term
from portal.oparl import serializers as s
from portal.oparl.http import bulk_limited
from portal.oparl.sources import Filters, county_modified, sources_of

FILENAME = "raati-oparl.jsonl.gz"
BATCH = 200
# Top-level types are written whole; the others are inside them, and only their
# tombstones get lines of their own.
TOP_LEVEL = ["legislativeterm", "organization", "person", "meeting", "paper", "location"]
EMBEDDED = ["membership", "agendaitem", "consultation", "file"]


def dump_path() -> Path:
    return Path(settings.OPARL_DUMP_DIR) / FILENAME


def objects(ctx: s.Ctx) -> Iterator[dict[str, Any]]:
    yield s.system(ctx)
    yield s.county_body(ctx, terms=list(Term.objects.order_by("start")), modified=county_modified())
    everything = Filters()
    for oparl_type in TOP_LEVEL + EMBEDDED:
        whole = oparl_type in TOP_LEVEL
        for source in sources_of(oparl_type):
            after: int | None = None
            while True:
                entries = source.entries(
                    everything, after=after, before=None, limit=BATCH, newest=False
                )
                if not entries:
                    break
                after = entries[-1].key
                live = (
                    source.serialize(ctx, [e.key for e in entries if not e.deleted])
                    if whole
                    else {}
                )
                for entry in entries:
                    if entry.key in live:
                        yield live[entry.key]
                    elif entry.deleted or whole:
                        yield s.tombstone(
                            ctx,
                            oparl_type,
                            source.key_text(entry.key),
                            entry.created,
                            entry.modified,
                        )


def write_dump(*, path: Path | None = None, base: str | None = None) -> dict[str, int]:
    """Write the dump and move it into place; returns the number of lines and bytes."""
    path = path or dump_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    ctx = s.Ctx(base=base or settings.SITE_URL)
    lines = 0
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".dump-", suffix=".gz")
    try:
        with os.fdopen(fd, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
            for obj in objects(ctx):
                out.write(json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode())
                out.write(b"\n")
                lines += 1
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return {"lines": lines, "bytes": path.stat().st_size}


def _stat(request: HttpRequest) -> os.stat_result | None:
    try:
        return dump_path().stat()
    except FileNotFoundError:
        return None


def _etag(request: HttpRequest) -> str | None:
    stat = _stat(request)
    return f'"{stat.st_size:x}-{stat.st_mtime_ns:x}"' if stat else None


def _last_modified(request: HttpRequest) -> Any:
    stat = _stat(request)
    if stat is None:
        return None
    from datetime import UTC, datetime

    return datetime.fromtimestamp(int(stat.st_mtime), tz=UTC)


@require_GET
@bulk_limited
@condition(etag_func=_etag, last_modified_func=_last_modified)
def dump_file(request: HttpRequest) -> HttpResponse | FileResponse:
    path = dump_path()
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        return JsonResponse(
            {"error": {"status": 404, "message": "The dump has not been written yet."}},
            status=404,
        )
    response = FileResponse(
        handle, content_type="application/gzip", as_attachment=True, filename=FILENAME
    )
    response["Last-Modified"] = http_date(int(path.stat().st_mtime))
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=3600"
    return response
