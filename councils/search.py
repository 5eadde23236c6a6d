"""Searching decisions: PostgreSQL's Finnish full-text search, with a SQLite fallback.

On PostgreSQL the text is matched with the `finnish` text-search configuration (Snowball
stemming: "päätös" finds "päätöksen" and "päätöksestä"). On SQLite, which has no Finnish
stemmer, each query word is cut to a stem with a small table of Finnish case endings and
matched as a substring, which also finds it inside compounds ("keskus" in
"terveyskeskus"); see README.md for what differs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q, QuerySet
from django.http import QueryDict
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from councils import voikko
from councils.models import Body, Case, SearchEntry, parse_diary_number

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


def stem_variants(word: str) -> set[str]:
    """The stem, and the -s/-ks- alternation (päätös ~ päätöks-, rakennus ~ rakennuks-)."""
    stem = finnish_stem(word)
    variants = {stem}
    if stem.endswith("ks"):
        variants.add(stem[:-2] + "s")
        variants.add(stem[:-1])  # päätöks -> päätök (päätökse-)
    elif re.search(r"[aeiouyäö]s$", stem):
        variants.add(stem[:-1] + "ks")
    return {v for v in variants if len(v) >= 3}


def query_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text[:MAX_QUERY_LENGTH]) if len(w) >= 2][:10]


@dataclass
class SearchFilters:
    text: str = ""
    body: Body | None = None
    start: date | None = None
    end: date | None = None
    outcome: str = ""
    kind: str = ""  # "" for every kind, else an EntryKind value
    newest_first: bool = False


def diary_number_in(text: str) -> Case | None:
    """A query that is a diary number goes straight to its case."""
    try:
        number, _task_class, year = parse_diary_number(text.strip())
    except Exception:
        return None
    return Case.objects.filter(number=number, year=year).first()


ENTRY_FIELDS = ["title", "diary_number", "text", "lexemes"]


def _base_forms(word: str) -> list[str]:
    """Voikko's base forms of a query word (none without Voikko), letters only."""
    return [f for f in voikko.base_forms(word) if f.isalpha() and len(f) >= 3][:1]


def _sqlite_match(text: str) -> Q:
    condition = Q()
    for word in query_words(text):
        any_field = Q()
        for variant in stem_variants(word):
            for field in ENTRY_FIELDS:
                any_field |= Q(**{f"{field}__icontains": variant})
        for form in _base_forms(word):
            any_field |= Q(lexemes__icontains=form)
        condition &= any_field
    return condition


def tsquery(text: str) -> str:
    """The stem-prefix query, with Voikko's base form of each word as one more way to match."""
    groups = []
    for word in query_words(text):
        terms = sorted({v.replace("-", "") for v in stem_variants(word)} - {""})
        alternatives = [f"{t}:*" for t in terms] + _base_forms(word)
        if alternatives:
            groups.append("(" + " | ".join(alternatives) + ")")
    return " & ".join(groups)


def run(filters: SearchFilters) -> QuerySet[SearchEntry]:
    """One result list over every kind of record, best match (or newest) first."""
    entries = SearchEntry.objects.public().select_related("body", "case")
    if filters.kind:
        entries = entries.filter(kind=filters.kind)
    if filters.body:
        entries = entries.filter(body=filters.body)
    if filters.start:
        entries = entries.filter(date__gte=filters.start)
    if filters.end:
        entries = entries.filter(date__lte=filters.end)
    if filters.outcome:
        entries = entries.filter(outcome=filters.outcome)
    if not query_words(filters.text):
        return entries.order_by("-date", "-pk")
    if connection.vendor != "postgresql":
        return entries.filter(_sqlite_match(filters.text)).order_by("-date", "-pk")
    query = SearchQuery(tsquery(filters.text), search_type="raw", config="finnish")
    matches = entries.filter(vector=query)
    if filters.newest_first:
        found = matches.order_by("-date", "-pk")
    else:
        # Ranking every match of a common word (700 000 at a million items) takes
        # seconds; the newest RANKED_CANDIDATES matches are ranked instead, which is
        # every match for all but the commonest words (see README, "Search").
        # One more than the cap, so that the count can tell "over 1 000".
        newest = matches.order_by("-date", "-pk").values("pk")[: RANKED_CANDIDATES + 1]
        found = (
            SearchEntry.objects.filter(pk__in=newest)
            .select_related("body", "case")
            .annotate(rank=SearchRank(F("vector"), query))
            .order_by("-rank", "-date", "-pk")
        )
    return found.annotate(
        snippet=SearchHeadline(
            "text",
            query,
            config="finnish",
            start_sel=MARK_START,
            stop_sel=MARK_STOP,
            max_words=30,
            min_words=15,
            max_fragments=2,
        )
    )


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
