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
from datetime import date

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Q, QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from councils.models import AgendaItem, Body, Case, OfficialDecision, parse_diary_number
from portal.lib.textdiff import html_to_text

MAX_QUERY_LENGTH = 200
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


def prefix_tsquery(text: str) -> str:
    """A to_tsquery() string: every word must match, each by any of its stems as a prefix.

    PostgreSQL's Finnish Snowball stemmer gives "päätös" and "päätöksen" different
    lexemes; prefix matching on the -s/-ks- variants joins them. Only letters and digits
    reach the query, so it cannot be malformed.
    """
    groups = []
    for word in query_words(text):
        variants = sorted({v.replace("-", "") for v in stem_variants(word)} - {""})
        if variants:
            groups.append("(" + " | ".join(f"{v}:*" for v in variants) + ")")
    return " & ".join(groups)


def query_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text[:MAX_QUERY_LENGTH]) if len(w) >= 2][:10]


@dataclass
class SearchFilters:
    text: str = ""
    body: Body | None = None
    start: date | None = None
    end: date | None = None
    outcome: str = ""
    kind: str = ""  # "", "items" or "officials"
    newest_first: bool = False


def diary_number_in(text: str) -> Case | None:
    """A query that is a diary number goes straight to its case."""
    try:
        number, _task_class, year = parse_diary_number(text.strip())
    except Exception:
        return None
    return Case.objects.filter(number=number, year=year).first()


ITEM_FIELDS = ["title", "summary", "body", "proposal", "handling__decision"]


def _sqlite_match(fields: list[str], text: str) -> Q:
    condition = Q()
    for word in query_words(text):
        any_field = Q()
        for variant in stem_variants(word):
            for field in fields:
                any_field |= Q(**{f"{field}__icontains": variant})
        condition &= any_field
    return condition


def search_items(filters: SearchFilters) -> QuerySet[AgendaItem]:
    items = AgendaItem.objects.on_public_agenda().select_related(
        "meeting__body", "meeting__minutes", "handling", "case"
    )
    if filters.body:
        items = items.filter(meeting__body=filters.body)
    if filters.start:
        items = items.filter(meeting__start__date__gte=filters.start)
    if filters.end:
        items = items.filter(meeting__start__date__lte=filters.end)
    if filters.outcome:
        items = items.filter(handling__outcome=filters.outcome, meeting__state="minutes_published")
    if not query_words(filters.text):
        return items.order_by("-meeting__start", "-section")
    if connection.vendor == "postgresql":
        vector = (
            SearchVector("title", weight="A", config="finnish")
            + SearchVector(
                "summary", "proposal", "handling__decision", weight="B", config="finnish"
            )
            + SearchVector("body", weight="C", config="finnish")
        )
        query = SearchQuery(prefix_tsquery(filters.text), search_type="raw", config="finnish")
        items = (
            items.annotate(rank=SearchRank(vector, query))
            .filter(rank__gt=0)
            .annotate(
                snippet=SearchHeadline(
                    "body",
                    query,
                    config="finnish",
                    start_sel=MARK_START,
                    stop_sel=MARK_STOP,
                    max_words=30,
                    min_words=15,
                )
            )
        )
        # A confidential item is found by its title only.
        items = items.filter(Q(is_public=True) | Q(title__search=query))
        ordering = ["-meeting__start"] if filters.newest_first else ["-rank", "-meeting__start"]
        return items.order_by(*ordering)
    public = _sqlite_match(ITEM_FIELDS, filters.text)
    confidential = _sqlite_match(["title"], filters.text)
    items = items.filter(
        (Q(is_public=True) & public) | (Q(is_public=False) & confidential)
    ).distinct()
    return items.order_by("-meeting__start", "-section")


def search_official_decisions(filters: SearchFilters) -> QuerySet[OfficialDecision]:
    decisions = OfficialDecision.objects.published().select_related("official", "case")
    if filters.start:
        decisions = decisions.filter(decided_on__gte=filters.start)
    if filters.end:
        decisions = decisions.filter(decided_on__lte=filters.end)
    if not query_words(filters.text):
        return decisions.order_by("-decided_on")
    if connection.vendor == "postgresql":
        vector = SearchVector("title", weight="A", config="finnish") + SearchVector(
            "text", weight="B", config="finnish"
        )
        query = SearchQuery(prefix_tsquery(filters.text), search_type="raw", config="finnish")
        return (
            decisions.annotate(rank=SearchRank(vector, query))
            .filter(rank__gt=0)
            .order_by(*(["-decided_on"] if filters.newest_first else ["-rank", "-decided_on"]))
        )
    return decisions.filter(_sqlite_match(["title", "text"], filters.text)).order_by("-decided_on")


def snippet(item: AgendaItem, text: str) -> SafeString:
    """A short, escaped excerpt of the item with the query's words in <mark>."""
    if not item.is_public:
        return mark_safe("")
    raw = getattr(item, "snippet", "") or ""
    if raw:
        plain = html_to_text(raw.replace(MARK_START, "\u2064").replace(MARK_STOP, "\u2065"))
        marked = escape(plain).replace("\u2064", "<mark>").replace("\u2065", "</mark>")
        return mark_safe(marked)  # noqa: S308 - escaped above, only our <mark> added
    plain = html_to_text(item.summary or item.body)
    lowered = plain.lower()
    positions = [
        lowered.find(v) for w in query_words(text) for v in stem_variants(w) if lowered.find(v) >= 0
    ]
    start = max(min(positions) - 80, 0) if positions else 0
    excerpt = plain[start : start + 240]
    marked = escape(excerpt)
    variants = sorted(
        {v for w in query_words(text) for v in stem_variants(w)}, key=len, reverse=True
    )
    if variants:
        pattern = "(" + "|".join(re.escape(v) for v in variants) + ")(\\w*)"
        marked = re.sub(pattern, r"<mark>\1\2</mark>", marked, flags=re.IGNORECASE)
    prefix = "… " if start else ""
    return mark_safe(prefix + marked + (" …" if start + 240 < len(plain) else ""))  # noqa: S308
