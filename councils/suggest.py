"""What a search page offers when nothing was found: nearer spellings and Finnish words.

Decisions are published in Finnish. A query in English or Swedish ("budget") gets the
county's own Finnish terms from a small glossary (`councils/data/glossary.json`); a
misspelt word ("talousarvoi") gets the nearest words of the record's titles. Only
suggestions that find something are offered.
"""

from __future__ import annotations

import contextlib
import difflib
import functools
import json
from dataclasses import dataclass
from pathlib import Path

from django.core.cache import cache

from councils import search, search_index
from councils.models import SearchEntry

GLOSSARY = Path(__file__).resolve().parent / "data" / "glossary.json"
# Titles whose words make the vocabulary: the newest, so the cost stays bounded at scale.
VOCABULARY_TITLES = 20_000
MAX_SUGGESTIONS = 3


@dataclass(frozen=True)
class Translation:
    term: str  # as the resident wrote it
    finnish: tuple[str, ...]  # the Finnish words to search for instead


@functools.cache
def _glossary() -> dict[str, tuple[str, ...]]:
    """Every language's terms in one map, longest phrase first."""
    data = json.loads(GLOSSARY.read_text(encoding="utf-8"))
    terms: dict[str, tuple[str, ...]] = {}
    for language in ("en", "sv"):
        for term, finnish in data[language].items():
            terms.setdefault(term.lower(), tuple(finnish))
    return dict(sorted(terms.items(), key=lambda pair: -len(pair[0])))


def translations(text: str) -> list[Translation]:
    """The glossary's Finnish words for the English or Swedish terms in a query."""
    words = " ".join(w.lower() for w in search.query_words(text, limit=20))
    found: list[Translation] = []
    padded = f" {words} "
    for term, finnish in _glossary().items():
        if f" {term} " in padded:
            found.append(Translation(term=term, finnish=finnish))
            padded = padded.replace(f" {term} ", " ")
    return found


def _vocabulary() -> frozenset[str]:
    """The words of the newest public titles and their base forms, cached until a save."""
    key = f"search-vocabulary:{search_index.generation()}"
    with contextlib.suppress(Exception):  # the cache (Redis) being away costs time only
        cached = cache.get(key)
        if cached is not None:
            return frozenset(cached)
    rows = (
        SearchEntry.objects.public()
        .order_by("-date", "-pk")
        .values_list("title", "title_lexemes")[:VOCABULARY_TITLES]
    )
    words = {
        word.lower()
        for title, lexemes in rows
        for word in search.query_words(f"{title} {lexemes}", limit=200)
        if len(word) >= 4 and not word.isdigit()
    }
    with contextlib.suppress(Exception):
        cache.set(key, sorted(words), 3600)
    return frozenset(words)


def spellings(text: str) -> list[str]:
    """Queries with each unknown word replaced by the nearest word of the record's titles."""
    words = search.query_words(text)
    vocabulary = _vocabulary()
    options: list[list[str]] = []
    for word in words:
        lowered = word.lower()
        if lowered.isdigit() or lowered in vocabulary:
            options.append([lowered])
            continue
        near = difflib.get_close_matches(lowered, vocabulary, n=MAX_SUGGESTIONS, cutoff=0.75)
        options.append(near or [lowered])
    candidates = []
    for rank in range(MAX_SUGGESTIONS):
        candidate = " ".join(choices[min(rank, len(choices) - 1)] for choices in options)
        if candidate != " ".join(w.lower() for w in words) and candidate not in candidates:
            candidates.append(candidate)
    return candidates


def suggestions(filters: search.SearchFilters) -> tuple[list[str], list[Translation]]:
    """Nearer spellings and glossary translations of a query that found nothing.

    Each suggested query is tried with the same filters, and kept only if it finds
    something: a few counts, run only on an empty result page.
    """

    def finds(text: str) -> bool:
        return search.run(search.SearchFilters(**{**filters.__dict__, "text": text})).exists()

    found_translations = [
        Translation(term=t.term, finnish=tuple(f for f in t.finnish if finds(f)))
        for t in translations(filters.text)
    ]
    found_translations = [t for t in found_translations if t.finnish]
    if found_translations:
        return [], found_translations
    return [s for s in spellings(filters.text) if finds(s)][:MAX_SUGGESTIONS], []
