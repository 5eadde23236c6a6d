"""Finnish base forms and compound parts from Voikko, when it is installed.

Voikko (Debian `libvoikko1` and `voikko-fi`, Python `libvoikko`) knows that
"terveyskeskuksessa" is "terveyskeskus", made of "terveys" and "keskus". The search
index stores those base forms next to the text, so that "keskus" finds the health
centre. Without Voikko, `lexemes()` returns nothing and search relies on stemming
alone (see README.md, "Search").
"""

from __future__ import annotations

import functools
import logging
import re

from django.conf import settings

logger = logging.getLogger(__name__)

_WORD = re.compile(r"[A-Za-zÅÄÖåäöŠšŽžÉé]{3,}")
_MAX_WORDS = 20_000


@functools.cache
def _analyser() -> object | None:
    try:
        from libvoikko import Voikko  # type: ignore[import-untyped,unused-ignore]

        return Voikko("fi")
    except Exception:  # a missing library or dictionary means "no Voikko"
        logger.info("Voikko is not installed: search uses stemming only")
        return None


def available() -> bool:
    return bool(getattr(settings, "SEARCH_VOIKKO", True)) and _analyser() is not None


def base_forms(word: str) -> tuple[str, ...]:
    """The base forms of a word and of the parts of a compound, lower case.

    "terveyskeskuksen" → ("terveyskeskus", "terveys", "keskus").
    """
    return _base_forms(word.lower()) if available() else ()


@functools.lru_cache(maxsize=100_000)
def _base_forms(word: str) -> tuple[str, ...]:
    voikko = _analyser()
    if voikko is None:
        return ()
    forms: list[str] = []
    for analysis in voikko.analyze(word):  # type: ignore[attr-defined]
        base = (analysis.get("BASEFORM") or "").lower()
        if base and base not in forms:
            forms.append(base)
        for part in _compound_parts(word, analysis.get("STRUCTURE") or ""):
            part_analyses = voikko.analyze(part)  # type: ignore[attr-defined]
            part_base = (
                (part_analyses[0].get("BASEFORM") or part) if part_analyses else part
            ).lower()
            if part_base not in forms:
                forms.append(part_base)
    return tuple(forms)


def compound_parts(word: str) -> tuple[str, ...]:
    """The base forms of a compound's parts by Voikko's first analysis; () for a simple word.

    "palveluverkko" → ("palvelu", "verkko"): a query for the compound then also finds a
    text that has both parts ("palveluverkkosuunnitelma" is indexed as palvelu, verkko,
    suunnitelma).
    """
    return _first_compound_parts(word.lower()) if available() else ()


@functools.lru_cache(maxsize=10_000)
def _first_compound_parts(word: str) -> tuple[str, ...]:
    voikko = _analyser()
    if voikko is None:
        return ()
    analyses = voikko.analyze(word)  # type: ignore[attr-defined]
    if not analyses:
        return ()
    parts = []
    for part in _compound_parts(word, analyses[0].get("STRUCTURE") or ""):
        part_analyses = voikko.analyze(part)  # type: ignore[attr-defined]
        parts.append(
            ((part_analyses[0].get("BASEFORM") or part) if part_analyses else part).lower()
        )
    return tuple(parts)


def _compound_parts(word: str, structure: str) -> list[str]:
    """The surface parts of a compound: "=" in Voikko's STRUCTURE starts each part.

    ("terveyskeskuksen", "=ppppppp=ppppppppp") → ["terveys", "keskuksen"].
    """
    if structure.count("=") < 2 or len(structure) - structure.count("=") != len(word):
        return []
    parts: list[str] = []
    position = 0
    for mark in structure:
        if mark == "=":
            parts.append("")
            continue
        parts[-1] += word[position]
        position += 1
    return [part.strip("-") for part in parts if len(part.strip("-")) >= 3]


def lexemes(text: str) -> str:
    """Space-separated base forms and compound parts of the words in a text."""
    if not available():
        return ""
    seen: dict[str, None] = {}
    for word in _WORD.findall(text)[:_MAX_WORDS]:
        for form in base_forms(word.lower()):
            seen.setdefault(form, None)
    return " ".join(seen)
