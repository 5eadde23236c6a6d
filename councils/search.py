"""Searching the record: ranked so that the decision a resident means comes first.

Matching. On PostgreSQL the text is matched with the `finnish` text-search configuration
(Snowball stemming: "päätös" finds "päätöksen" and "päätöksestä"), each query word also
as its stem variants and prefixes. On SQLite, SQLite's own full-text index (FTS5, with the
trigram tokenizer: migration 0007) matches each word's stems as substrings, which also
finds them inside compounds ("keskus" in "terveyskeskus"); where a SQLite build has no
FTS5, the same substrings are matched with LIKE. With Voikko, base forms and compound
parts match on both (councils/voikko.py). See README.md, "Search", for what differs.

Ranking, the same on both databases (`run`):
1. substantive items before procedural ones (AgendaItem.is_procedural);
2. more of the query's words in the title (or its base forms, or the diary number);
3. a decision, agenda item or official's decision before a case page;
4. the engine's relevance: PostgreSQL's ts_rank over weighted parts, SQLite's bm25 with
   column weights (title ten times the text, the attachments' text lowest);
5. newest first.
An item's public attachments are searched as part of the item, so a decision is one result
(`attachment_hits` tells which of its attachments matched too).
"""

from __future__ import annotations

import functools
import operator
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import (
    Case,
    Count,
    Expression,
    F,
    FloatField,
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
    Window,
)
from django.db.models.expressions import RawSQL
from django.http import QueryDict
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from councils import voikko
from councils.models import DIARY_NUMBER, Body, EntryKind, SearchEntry, parse_diary_number
from councils.models import Case as CaseRecord
from portal.lib.precompiled import Shapes

MAX_QUERY_LENGTH = 200
# Relevance is computed among at most this many of the newest matches, and a result
# count above it is shown as "over 1 000".
RANKED_CANDIDATES = 1000
# Highlight markers that cannot occur in sanitised HTML; the view turns them into <mark>.
MARK_START, MARK_STOP = "\u2063[[", "]]\u2063"
_WORD = re.compile(r"[0-9A-Za-zÅÄÖåäöŠšŽžÉé-]+")
# Finnish case and possessive endings, longest first; a stem keeps at least four letters.
_ENDINGS = sorted(
    [
        "issa",
        "issä",
        "ista",
        "istä",
        "iin",
        "ihin",
        "illa",
        "illä",
        "ilta",
        "iltä",
        "ille",
        "ina",
        "inä",
        "iksi",
        "itta",
        "ittä",
        "ssa",
        "ssä",
        "sta",
        "stä",
        "lla",
        "llä",
        "lta",
        "ltä",
        "lle",
        "ksi",
        "tta",
        "ttä",
        "na",
        "nä",
        "ni",
        "si",
        "mme",
        "nne",
        "nsa",
        "nsä",
        "en",
        "in",
        "an",
        "än",
        "ja",
        "jä",
        "ta",
        "tä",
        "a",
        "ä",
        "n",
        "t",
        "e",
        "i",
    ],
    key=len,
    reverse=True,
)


def finnish_stem(word: str) -> str:
    """A crude stem of a Finnish word: common endings cut, at least four letters kept."""
    word = word.lower()
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


_VOWELS = frozenset("aeiouyäö")
# Consonant gradation, strong grade → weak grade, after a vowel.
_GRADATION = [
    ("kk", "k"),
    ("pp", "p"),
    ("tt", "t"),
    ("lt", "ll"),
    ("nt", "nn"),
    ("rt", "rr"),
    ("nk", "ng"),
    ("mp", "mm"),
    ("t", "d"),
    ("p", "v"),
]


def _weak_grade(stem: str) -> str | None:
    """kotihoit → kotihoid, sijaishuolt → sijaishuoll; None when no gradation applies."""
    for strong, weak in _GRADATION:
        if stem.endswith(strong) and len(stem) > len(strong) and stem[-len(strong) - 1] in _VOWELS:
            return stem[: -len(strong)] + weak
    return None


def stem_variants(word: str) -> set[str]:
    """The stem and its common alternations.

    -s/-ks- (päätös ~ päätöks-, rakennus ~ rakennuks-) and -nen/-s- (tasapainottaminen ~
    tasapainottamis-ohjelma, Tenhunen ~ Tenhusen).
    """
    lowered = word.lower()
    stem = finnish_stem(lowered)
    variants = {stem}
    if stem.endswith("ks"):
        variants.add(stem[:-2] + "s")
        variants.add(stem[:-1])  # päätöks -> päätök (päätökse-)
    elif re.search(r"[aeiouyäö]s$", stem):
        variants.add(stem[:-1] + "ks")
    if lowered.endswith("nen") and len(lowered) >= 7:
        variants.add(lowered[:-3] + "s")
    if len(stem) >= 6 and stem[-1] in _VOWELS:
        # The stem before its last vowel, also in the weak grade: suoja ~ suojien,
        # kotihoito ~ kotihoidossa, sijaishuolto ~ sijaishuollon (Voikko knows them all).
        variants.add(stem[:-1])
        weak = _weak_grade(stem[:-1])
        if weak:
            variants.add(weak)
    return {v for v in variants if len(v) >= 3}


# Words that say nothing about what is searched for, dropped when other words remain.
_STOP_WORDS = frozenset(
    ["ja", "tai", "sekä", "ei", "on", "se", "että", "och", "eller", "av", "the", "and", "of"]
)


def query_words(text: str, *, limit: int = 10) -> list[str]:
    """The words of a query, hyphenated compounds split ("digi- ja dataohjelma")."""
    words = [
        part
        for word in _WORD.findall(text[:MAX_QUERY_LENGTH])
        for part in word.split("-")
        if len(part) >= 2
    ]
    meaningful = [w for w in words if w.lower() not in _STOP_WORDS]
    return (meaningful or words)[:limit]


def title_length(title: str) -> int:
    """The words of a title that say what it is about: numbers and little words aside."""
    words = [w for w in query_words(title, limit=100) if not w.isdigit()]
    return len([w for w in words if w.lower() not in _STOP_WORDS])


@dataclass
class SearchFilters:
    text: str = ""
    body: Body | None = None
    start: date | None = None
    end: date | None = None
    outcome: str = ""
    kind: str = ""  # "" for every kind, else an EntryKind value
    newest_first: bool = False
    hide_procedural: bool = False


def diary_number_in(text: str) -> CaseRecord | None:
    """A query that is a diary number goes straight to its case."""
    try:
        number, _task_class, year = parse_diary_number(text.strip())
    except Exception:
        return None
    return CaseRecord.objects.filter(number=number, year=year).first()


def _base_forms(word: str) -> list[str]:
    """Voikko's base forms of a query word (none without Voikko), letters only."""
    return [f for f in voikko.base_forms(word) if f.isalpha() and len(f) >= 3][:1]


def _parts(word: str) -> list[str]:
    """A compound query word's parts (Voikko), each of three letters or more; else none."""
    parts = [p for p in voikko.compound_parts(word) if p.isalpha()]
    return parts if len(parts) >= 2 and all(len(p) >= 3 for p in parts) else []


def _alternatives(word: str) -> list[str]:
    """The ways one query word may appear: its stem variants and its base form."""
    return sorted(stem_variants(word)) + [
        f for f in _base_forms(word) if f not in stem_variants(word)
    ]


# --- Matching and ranking, one matcher per engine --------------------------------------

FTS_TABLE = "councils_searchentry_fts"
# bm25 weights of the FTS5 columns, in the order of migration 0007: title, diary number,
# title's base forms, text, text's base forms, attachments' text. The title already
# orders the list (title_words), so among equal titles the text decides.
BM25_WEIGHTS = "2.0, 2.0, 1.5, 1.0, 0.5, 0.3"
_TITLE_FIELDS = ("title", "diary_number", "title_lexemes")
_TEXT_FIELDS = ("text", "lexemes", "attachment_text")


@functools.cache
def _fts5_in(database: str) -> bool:
    return FTS_TABLE in connection.introspection.table_names()


def fts5_available() -> bool:
    """Whether this SQLite database has the FTS5 index (migration 0007)."""
    return connection.vendor == "sqlite" and _fts5_in(str(connection.settings_dict["NAME"]))


def _count(conditions: Iterable[Q]) -> Expression:
    """How many of the conditions a row meets."""
    cases = [Case(When(c, then=Value(1)), default=Value(0)) for c in conditions if c]
    if not cases:
        return Value(0, output_field=IntegerField())
    return functools.reduce(operator.add, cases)


@dataclass
class _Matcher:
    match: Q  # rows in which every word appears
    title_words: Expression  # how many words appear in the title, its base forms or number
    relevance: Expression  # the engine's own score, higher is better


def _substring_any(words: list[str], fields: Iterable[str]) -> list[Q]:
    """Per word: a substring match of any of its forms in any of the fields."""
    fields = list(fields)
    conditions = []
    for word in words:
        condition = Q()
        for form in _alternatives(word):
            for field in fields:
                condition |= Q(**{f"{field}__icontains": form})
        conditions.append(condition)
    return conditions


def _substring_matcher(words: list[str]) -> _Matcher:
    """SQLite without FTS5: LIKE on every field; the title count still orders the list."""
    # A "word" with no searchable form (punctuation such as "--") matches nothing by itself.
    match = functools.reduce(
        operator.and_,
        [c if c else Q(pk__in=[]) for c in _substring_any(words, _TITLE_FIELDS + _TEXT_FIELDS)],
        Q(),
    )
    return _Matcher(
        match=match,
        title_words=_count(_substring_any(words, _TITLE_FIELDS)),
        relevance=Value(0.0, output_field=FloatField()),
    )


def _fts5_group(word: str) -> str:
    forms = [f'"{form}"' for form in _alternatives(word) if len(form) >= 3]
    parts = _parts(word)
    if parts:
        forms.append("(" + " AND ".join(f'"{part}"' for part in parts) + ")")
    return "(" + " OR ".join(forms) + ")"


def _fts5_rows(match: str) -> Q:
    # The table name is a constant and the query a parameter.
    rows = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"  # noqa: S608
    return Q(pk__in=RawSQL(rows, (match,)))  # noqa: S611


def _fts5_scores(expression: str) -> dict[int, float]:
    """bm25 of the best-matching rows, higher is better (at most RANKED_CANDIDATES + 1).

    FTS5 computes bm25 only inside its own MATCH query: asking it row by row from the
    outer query re-reads every term's index each time (seconds on the demo), so the scores
    are read once here and handed to the ranking query as values.
    """
    # The table name and weights are constants and the query a parameter.
    sql = (
        f"SELECT rowid, -bm25({FTS_TABLE}, {BM25_WEIGHTS}) AS score FROM {FTS_TABLE}"  # noqa: S608
        f" WHERE {FTS_TABLE} MATCH %s ORDER BY score DESC LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [expression, RANKED_CANDIDATES + 1])
        return {int(rowid): float(score) for rowid, score in cursor.fetchall()}


def _fts5_matcher(words: list[str], *, ranked: bool) -> _Matcher:
    """SQLite's FTS5 index: trigram substrings, bm25 with column weights."""
    # The trigram index cannot look up fewer than three letters; such words use LIKE.
    indexed = [w for w in words if any(len(f) >= 3 for f in _alternatives(w))]
    short = [w for w in words if w not in indexed]
    if not indexed:
        return _substring_matcher(words)
    expression = " AND ".join(_fts5_group(w) for w in indexed)
    relevance: Expression = Value(0.0, output_field=FloatField())
    rows = _fts5_rows(expression)
    if ranked:
        # A word found in more rows than the cap ranks the best-scored RANKED_CANDIDATES.
        scores = _fts5_scores(expression)
        rows = Q(pk__in=list(scores))
        relevance = Case(
            *[When(pk=pk, then=Value(score)) for pk, score in scores.items()],
            default=Value(0.0),
            output_field=FloatField(),
        )
    title = "{" + " ".join(_TITLE_FIELDS) + "}: "
    return _Matcher(
        match=functools.reduce(
            operator.and_, _substring_any(short, _TITLE_FIELDS + _TEXT_FIELDS), rows
        ),
        title_words=_count(
            [_fts5_rows(title + _fts5_group(w)) for w in indexed]
            + _substring_any(short, _TITLE_FIELDS)
        ),
        relevance=relevance,
    )


def _tsquery_group(word: str, weight: str = "") -> str:
    prefixes = [f"{form}:*{weight}" for form in sorted(stem_variants(word))]
    bases = [f"{form}:{weight}" if weight else form for form in _base_forms(word)]
    parts = _parts(word)
    if parts:
        bases.append("(" + " & ".join(f"{p}:{weight}" if weight else p for p in parts) + ")")
    return "(" + " | ".join(prefixes + bases) + ")"


def tsquery(text: str) -> str:
    """The stem-prefix query, with Voikko's base form of each word as one more way to match."""
    return " & ".join(_tsquery_group(w) for w in query_words(text) if stem_variants(w))


def _raw_query(tsquery_text: str) -> SearchQuery:
    return SearchQuery(tsquery_text, search_type="raw", config="finnish")


def _postgres_queries(words: list[str]) -> tuple[str, list[str]]:
    """The words' tsquery, and one per word for the title (weight A): the values that a
    ranked search on PostgreSQL sends to the database."""
    in_title = [_tsquery_group(w, "A") for w in words if stem_variants(w)]
    return tsquery(" ".join(words)), in_title


def _postgres_matcher(words: list[str]) -> _Matcher:
    return _postgres_matcher_of(*_postgres_queries(words))


def _postgres_matcher_of(text: str, in_title: list[str]) -> _Matcher:
    """PostgreSQL: the stored tsvector; weight A is the title, its base forms and number."""
    query = _raw_query(text)
    return _Matcher(
        match=Q(vector=query),
        title_words=_count(Q(vector=_raw_query(title)) for title in in_title),
        relevance=SearchRank(F("vector"), query),
    )


def _matcher(words: list[str], *, ranked: bool = False) -> _Matcher:
    """How this database matches and ranks; `ranked` when the order will be by relevance."""
    if connection.vendor == "postgresql":
        return _postgres_matcher(words)
    if fts5_available():
        return _fts5_matcher(words, ranked=ranked)
    return _substring_matcher(words)


# --- The search -------------------------------------------------------------------------


# What a result list never reads: the index's own columns and the long texts of the joined
# rows (an attachment's whole PDF text). Left out, the rows are a fraction of the size.
_UNREAD = (
    "vector",
    "attachment_text",
    "attachment__text",
    "body__description",
    "body__powers",
    "body__contact",
)


def _listed(entries: QuerySet[SearchEntry]) -> QuerySet[SearchEntry]:
    return entries.select_related("body", "case", "attachment").defer(*_UNREAD)


def _filtered(filters: SearchFilters, now: datetime | None = None) -> QuerySet[SearchEntry]:
    entries = _listed(SearchEntry.objects.public(now))
    if filters.kind:
        entries = entries.filter(kind=filters.kind)
    else:
        # An attachment is found as part of its item (attachment_text): one result.
        entries = entries.exclude(kind=EntryKind.ATTACHMENT)
    if filters.body:
        entries = entries.filter(body=filters.body)
    if filters.start:
        entries = entries.filter(date__gte=filters.start)
    if filters.end:
        entries = entries.filter(date__lte=filters.end)
    if filters.outcome:
        entries = entries.filter(outcome=filters.outcome)
    if filters.hide_procedural:
        entries = entries.filter(is_procedural=False)
    return entries


_CASE_PAGES_LAST = Case(When(kind=EntryKind.CASE, then=Value(1)), default=Value(0))


def is_ranked(filters: SearchFilters) -> bool:
    """Whether `run` ranks its results (words to match, best first), sorting every match."""
    text = filters.text.strip()
    return bool(query_words(text)) and not filters.newest_first and not DIARY_NUMBER.match(text)


def run(filters: SearchFilters) -> QuerySet[SearchEntry]:
    """One result list over every kind of record, best match (or newest) first."""
    entries = _filtered(filters)
    diary = DIARY_NUMBER.match(filters.text.strip())
    if diary:
        # A diary number names one case: its decisions, newest first, then the case.
        return entries.filter(diary_number=diary.group(0)).order_by(
            _CASE_PAGES_LAST.asc(), "-date", "-pk"
        )
    words = query_words(filters.text)
    if not words:
        return entries.order_by("-date", "-pk")
    if connection.vendor == "postgresql" and not filters.newest_first:
        return _postgres_ranked(entries, *_postgres_queries(words))
    matcher = _matcher(words, ranked=not filters.newest_first)
    matches = entries.filter(matcher.match)
    if not filters.newest_first:
        return _ranked(matches, matcher)
    found = matches.order_by("-date", "-pk")
    if connection.vendor != "postgresql":
        return found
    return found.annotate(snippet=_headline(tsquery(" ".join(words))))


def _headline(text: str) -> SearchHeadline:
    return SearchHeadline(
        "text",
        _raw_query(text),
        config="finnish",
        start_sel=MARK_START,
        stop_sel=MARK_STOP,
        max_words=30,
        min_words=15,
        max_fragments=2,
    )


def _postgres_ranked(
    entries: QuerySet[SearchEntry], text: str, in_title: list[str]
) -> QuerySet[SearchEntry]:
    """Ranking every match of a common word (700 000 at a million items) takes seconds;
    the newest RANKED_CANDIDATES matches are ranked instead, which is every match for all
    but the commonest words (see README, "Search"). One more than the cap, so that the
    count can tell "over 1 000"."""
    matcher = _postgres_matcher_of(text, in_title)
    newest = (
        entries.filter(matcher.match).order_by("-date", "-pk").values("pk")[: RANKED_CANDIDATES + 1]
    )
    found = _listed(_ranked(SearchEntry.objects.filter(pk__in=newest), matcher))
    return found.annotate(snippet=_headline(text))


def with_total(entries: QuerySet[SearchEntry]) -> QuerySet[SearchEntry]:
    """Each row carries how many rows the list has (`total_matches`): ranking sorts every
    candidate anyway, so `COUNT(*) OVER ()` costs nothing more than a page."""
    return entries.annotate(total_matches=Window(expression=Count("pk")))


def ranked_page(filters: SearchFilters, bottom: int, top: int) -> list[SearchEntry]:
    """Rows bottom..top of a ranked search (`is_ranked`), each with `total_matches`.

    On PostgreSQL its SQL, 1.6 ms of Python to build against 1 ms to run, is built once
    per process for each shape (how many words, which filters, which page) and then only
    run with the request's words, filters and time (portal/lib/precompiled.py).
    """
    if connection.vendor != "postgresql":
        return list(with_total(run(filters))[bottom:top])
    text, in_title = _postgres_queries(query_words(filters.text))
    optional = (
        filters.kind,
        filters.body.pk if filters.body else None,
        filters.start,
        filters.end,
        filters.outcome,
    )
    shape = (
        len(in_title),
        *(value not in (None, "") for value in optional),
        filters.hide_procedural,
        bottom,
        top,
    )
    values = [value for value in optional if value not in (None, "")]
    return _RANKED_PAGES.rows(shape, timezone.now(), text, *in_title, *values)


def _ranked_page_query(shape: tuple[Any, ...], now: datetime, text: str, *values: Any) -> QuerySet:
    """What `ranked_page` runs, for its shape and values (or their markers)."""
    titles, has_kind, has_body, has_start, has_end, has_outcome, hide, bottom, top = shape
    in_title, rest = list(values[:titles]), iter(values[titles:])
    filters = SearchFilters(
        kind=next(rest) if has_kind else "",
        body=Body(pk=next(rest)) if has_body else None,
        start=next(rest) if has_start else None,
        end=next(rest) if has_end else None,
        outcome=next(rest) if has_outcome else "",
        hide_procedural=hide,
    )
    return with_total(_postgres_ranked(_filtered(filters, now), text, in_title))[bottom:top]


_RANKED_PAGES = Shapes(_ranked_page_query, SearchEntry)


def _ranked(entries: QuerySet[SearchEntry], matcher: _Matcher) -> QuerySet[SearchEntry]:
    return entries.annotate(title_words=matcher.title_words, relevance=matcher.relevance).order_by(
        "is_procedural",
        F("title_words").desc(),
        _CASE_PAGES_LAST.asc(),
        "is_confidential",
        "title_length",
        F("relevance").desc(),
        "-date",
        "-pk",
    )


def _matching_attachments(
    entries: QuerySet[SearchEntry], matcher: _Matcher, items: Iterable[int]
) -> QuerySet[SearchEntry]:
    return (
        entries.filter(kind=EntryKind.ATTACHMENT, item_id__in=items)
        .filter(matcher.match)
        .select_related("attachment")
        .only("kind", "item", "title", "attachment__file")
        .order_by("attachment__order", "pk")
    )


_MATCHING_ATTACHMENTS = Shapes(
    lambda _count, now, match, *items: _matching_attachments(
        SearchEntry.objects.public(now), _postgres_matcher_of(match, []), items
    ),
    SearchEntry,
)


def attachment_hits(entries: Iterable[SearchEntry], text: str) -> dict[int, list[SearchEntry]]:
    """Which public attachments of these results match the query too, per item id.

    One query for a page of results.
    """
    items = [e.item_id for e in entries if e.item_id and e.kind != EntryKind.ATTACHMENT]
    words = query_words(text)
    if not items or not words or DIARY_NUMBER.match(text.strip()):
        return {}
    hits: dict[int, list[SearchEntry]] = defaultdict(list)
    attachments: Iterable[SearchEntry]
    if connection.vendor == "postgresql":
        # The SQL built once per process for each number of items.
        now, match = timezone.now(), tsquery(" ".join(words))
        attachments = _MATCHING_ATTACHMENTS.rows(len(items), now, match, *items)
    else:
        attachments = _matching_attachments(SearchEntry.objects.public(), _matcher(words), items)
    for attachment in attachments:
        assert attachment.item_id is not None
        hits[attachment.item_id].append(attachment)
    return dict(hits)


def matches_own_text(entry: SearchEntry, text: str) -> bool:
    """Whether every query word appears in the entry's own title or text (not only in
    its attachments): the result then says "also in the attachment"."""
    own = " ".join(
        [entry.title, entry.diary_number, entry.text, entry.title_lexemes, entry.lexemes]
    ).lower()
    return all(any(form in own for form in _alternatives(w)) for w in query_words(text))


def alert_matches(query_string: str, since: datetime) -> QuerySet[SearchEntry]:
    """What a saved search finds that became public after `since`, newest first."""
    filters = filters_from_query(query_string)
    if filters is None:
        return SearchEntry.objects.none()
    return run(filters).filter(published_at__gt=since).order_by("-published_at", "-pk")


def filters_from_query(query: str | QueryDict) -> SearchFilters | None:
    """The filters of a search page's query string; None when it is empty or invalid."""
    from councils.forms import SearchForm

    data = QueryDict(query) if isinstance(query, str) else query
    form = SearchForm(data)
    if not form.is_valid():
        return None
    return form.filters()


def snippet(entry: SearchEntry, text: str) -> SafeString:
    """A short, escaped excerpt of the entry's text with the query's words in <mark>."""
    if entry.is_confidential or not entry.text:
        return mark_safe("")
    raw = getattr(entry, "snippet", "") or ""
    if raw:
        marked = (
            escape(raw).replace(escape(MARK_START), "<mark>").replace(escape(MARK_STOP), "</mark>")
        )
        return mark_safe(" … ".join(marked.split(" ... ")))  # noqa: S308 - escaped above
    plain = entry.text
    lowered = plain.lower()
    variants = sorted(
        {v for w in query_words(text) for v in stem_variants(w)}, key=len, reverse=True
    )
    positions = [p for p in (lowered.find(v) for v in variants) if p >= 0]
    start = max(min(positions) - 80, 0) if positions else 0
    marked = escape(plain[start : start + 240])
    if variants:
        pattern = "(" + "|".join(re.escape(v) for v in variants) + ")(\\w*)"
        marked = re.sub(pattern, r"<mark>\1\2</mark>", marked, flags=re.IGNORECASE)
    prefix = "… " if start else ""
    return mark_safe(prefix + marked + (" …" if start + 240 < len(plain) else ""))  # noqa: S308
