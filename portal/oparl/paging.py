"""OParl list pages: keyset paging, the date filters and `links`/`pagination`.

A page is found by the key it starts after (`after=`) or ends before (`before=`), never
by an offset, so the 10 000th page costs what the first does: each source answers
"the next N keys after K" from its primary-key index. The first page is the list's URL
itself; `next`/`prev` carry the cursor; `last` (`?last=1`) is the final, possibly short,
page of the same boundaries (`totalElements` tells how long it is). The total is counted
once per publication generation and kept in the cache.

Filters (OParl 1.1): `created_since`, `created_until`, `modified_since`,
`modified_until` take a date-time with its time zone and include the boundary itself;
`limit` (or OParl's `elementsPerPage`) asks for 1–1000 objects per page (default 100).
Malformed values give a 400 with a message, never a silent default.
"""

from __future__ import annotations

import contextlib
import math
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from django.core.cache import cache
from django.http import QueryDict
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from councils import search_index
from portal.oparl import serializers as s
from portal.oparl.sources import Entry, Filters, QuerySetSource, Source

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000
# A meeting carries its agenda items and files (ten on average), a case its handlings:
# smaller pages by default, so that a page holds about as many objects as a page of items
# (100) and costs about as much to serve.
DEFAULT_LIMITS = {"meeting": 10, "paper": 20}
_CURSOR = re.compile(r"^(?:(?P<source>[a-z]{1,20})-)?(?P<key>\d{1,18})$")
_FILTERS = ("created_since", "created_until", "modified_since", "modified_until")


class BadRequest(Exception):
    """A parameter the API cannot use; the message says which and why."""


def parse_datetime_param(name: str, value: str) -> datetime:
    # A "+" left unencoded in a query string arrives as a space: "…T10:00:00 02:00".
    text = value.strip()
    if re.fullmatch(r".*T\d\d:\d\d(:\d\d(\.\d+)?)? \d\d:\d\d", text):
        text = text[:-6] + "+" + text[-5:]
    try:
        parsed = parse_datetime(text) if "\x00" not in text else None
    except ValueError:
        parsed = None
    if parsed is None:
        raise BadRequest(
            _("%(name)s must be a date and time such as 2026-01-31T12:00:00+02:00.")
            % {"name": name}
        )
    if parsed.tzinfo is None:
        raise BadRequest(
            _("%(name)s needs a time zone, e.g. +02:00 or Z: %(value)s is ambiguous.")
            % {"name": name, "value": value[:40]}
        )
    if not 1900 <= parsed.year <= 2200:
        raise BadRequest(_("%(name)s is out of range.") % {"name": name})
    return parsed


@dataclass(frozen=True)
class Params:
    limit: int
    limit_given: bool
    after: tuple[int, int] | None  # (source index, key)
    before: tuple[int, int] | None
    last: bool
    filters: Filters


def _cursor(value: str, sources: list[Source], name: str) -> tuple[int, int]:
    match = _CURSOR.match(value)
    if match:
        for index, source in enumerate(sources):
            if source.name == (match["source"] or ""):
                return index, int(match["key"])
    raise BadRequest(_("%(name)s is not a position in this list.") % {"name": name})


def parse_params(
    query: QueryDict, sources: list[Source], *, default: int = DEFAULT_LIMIT
) -> Params:
    raw_limit = query.get("limit") or query.get("elementsPerPage")
    limit = default
    if raw_limit is not None:
        if (
            not raw_limit.isascii()
            or not raw_limit.isdigit()
            or not 1 <= int(raw_limit) <= MAX_LIMIT
        ):
            raise BadRequest(
                _("limit must be a whole number from 1 to %(max)s.") % {"max": MAX_LIMIT}
            )
        limit = int(raw_limit)
    filters = Filters(
        **{
            name: parse_datetime_param(name, str(query[name]))
            for name in _FILTERS
            if query.get(name)
        }
    )
    after = _cursor(str(query["after"]), sources, "after") if query.get("after") else None
    before = _cursor(str(query["before"]), sources, "before") if query.get("before") else None
    last = query.get("last") == "1"
    if sum(bool(x) for x in (after, before, last)) > 1:
        raise BadRequest(_("Give at most one of after, before and last."))
    return Params(limit, raw_limit is not None, after, before, last, filters)


def _forward(
    sources: list[Source], flt: Filters, start: tuple[int, int] | None, n: int
) -> list[Entry]:
    found: list[Entry] = []
    first, after = start if start else (0, None)
    for index in range(first, len(sources)):
        found += sources[index].entries(
            flt,
            after=after if index == first else None,
            before=None,
            limit=n - len(found),
            newest=False,
        )
        if len(found) >= n:
            break
    return found


def _backward(
    sources: list[Source], flt: Filters, start: tuple[int, int] | None, n: int
) -> list[Entry]:
    found: list[Entry] = []
    first, before = start if start else (len(sources) - 1, None)
    for index in range(first, -1, -1):
        found += sources[index].entries(
            flt,
            after=None,
            before=before if index == first else None,
            limit=n - len(found),
            newest=True,
        )
        if len(found) >= n:
            break
    return list(reversed(found))


def total(sources: list[Source], flt: Filters, *, scope: str) -> int:
    """How many objects the list has, counted once per publication generation."""
    generation = search_index.generation()
    key = f"oparl-count:{generation}:{scope}:{flt.cache_key()}"
    if generation:
        with contextlib.suppress(Exception):
            cached = cache.get(key)
            if cached is not None:
                return int(cached)
    count = sum(source.count(flt) for source in sources)
    if generation:
        with contextlib.suppress(Exception):
            cache.set(key, count, 3600)
    return count


def cursor_text(sources: list[Source], entry: Entry) -> str:
    source = next(src for src in sources if src.name == entry.source)
    return source.key_text(entry.key)


def render(
    ctx: s.Ctx, oparl_type: str, sources: list[Source], entries: list[Entry]
) -> list[dict[str, Any]]:
    """The page's objects in order, each live one serialised, each tombstone as deleted."""
    by_source: dict[str, list[int]] = {}
    for entry in entries:
        if not entry.deleted:
            by_source.setdefault(entry.source, []).append(entry.key)
    rendered: dict[tuple[str, int], dict[str, Any]] = {}
    for source in sources:
        keys = by_source.get(source.name)
        if keys:
            for key, serialised in source.serialize(ctx, keys).items():
                rendered[(source.name, key)] = serialised
    data = []
    for entry in entries:
        obj = rendered.get((entry.source, entry.key))
        if obj is None:  # a tombstone, or a row that went private between the two queries
            src = next(x for x in sources if x.name == entry.source)
            obj = s.tombstone(
                ctx, oparl_type, src.key_text(entry.key), entry.created, entry.modified
            )
        data.append(obj)
    return data


def list_page(
    ctx: s.Ctx,
    *,
    oparl_type: str,
    sources: list[Source],
    query: QueryDict,
    path: str,
    scope: str,
) -> dict[str, Any]:
    params = parse_params(query, sources, default=DEFAULT_LIMITS.get(oparl_type, DEFAULT_LIMIT))
    flt = params.filters
    limit = params.limit
    count = total(sources, flt, scope=scope)
    pages = max(1, math.ceil(count / limit))
    if params.last:
        on_last = ((count - 1) % limit) + 1 if count else 0
        entries = _backward(sources, flt, None, on_last) if on_last else []
        has_prev, has_next = count > on_last, False
    elif params.before:
        entries = _backward(sources, flt, params.before, limit + 1)
        has_prev = len(entries) > limit
        entries = entries[-limit:]
        has_next = True
    else:
        entries = _forward(sources, flt, params.after, limit + 1)
        has_next = len(entries) > limit
        entries = entries[:limit]
        has_prev = params.after is not None
    kept = {name: query[name] for name in _FILTERS if query.get(name)}
    if params.limit_given:
        kept["limit"] = str(limit)

    def link(**cursor: str) -> str:
        return ctx.base + path + ("?" + urlencode({**kept, **cursor}) if kept or cursor else "")

    links: dict[str, str] = {"first": link()}
    if has_prev and entries:
        links["prev"] = link(before=cursor_text(sources, entries[0]))
    elif has_prev:
        links["prev"] = link()
    links["self"] = ctx.base + path + (("?" + query.urlencode()) if query else "")
    if has_next and entries:
        links["next"] = link(after=cursor_text(sources, entries[-1]))
    if pages > 1:
        links["last"] = link(last="1")
    pagination: dict[str, int] = {
        "totalElements": count,
        "elementsPerPage": limit,
        "totalPages": pages,
    }
    if not (params.after or params.before or params.last):
        pagination["currentPage"] = 1
    elif params.last:
        pagination["currentPage"] = pages
    return {
        "data": render(ctx, oparl_type, sources, entries),
        "pagination": pagination,
        "links": links,
    }


def find(
    ctx: s.Ctx, oparl_type: str, sources: list[Source], key_text: str
) -> dict[str, Any] | None:
    """One object by its key: live, withdrawn or a tombstone; None if it never was public."""
    match = _CURSOR.match(key_text)
    if not match:
        return None
    name, key = match["source"] or "", int(match["key"])
    source = next((src for src in sources if src.name == name), None)
    if source is None:
        return None
    live = source.serialize(ctx, [key])
    if key in live:
        return live[key]
    if isinstance(source, QuerySetSource):
        withdrawn = source.withdrawn_entry(key)
        if withdrawn is not None:
            return s.tombstone(ctx, oparl_type, key_text, withdrawn.created, withdrawn.modified)
    if source.tombstones:
        from portal.oparl.models import Tombstone

        stone = Tombstone.objects.filter(oparl_type=oparl_type, source=name, object_id=key).first()
        if stone is not None:
            return s.tombstone(ctx, oparl_type, key_text, stone.created, stone.deleted_at)
    return None
