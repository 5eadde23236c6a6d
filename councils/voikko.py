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


# Consonant gradation of a name's last syllable, strong → weak (Kokko → Kokon, Lehto →
# Lehdon, Kurki → Kurjen, Myllymäki → Myllymäen), and back for -as names (Kangas → Kankaan).
_WEAKENING = [
    ("kk", "k"),
    ("pp", "p"),
    ("tt", "t"),
    ("nk", "ng"),
    ("mp", "mm"),
    ("lt", "ll"),
    ("nt", "nn"),
    ("rt", "rr"),
    ("lk", "lj"),
    ("rk", "rj"),
    ("t", "d"),
    ("p", "v"),
    ("k", ""),
]
_STRENGTHENING = [
    ("ng", "nk"),
    ("ll", "lt"),
    ("nn", "nt"),
    ("rr", "rt"),
    ("d", "t"),
    ("v", "p"),
    ("", "k"),
]
_VOWELS = "aeiouyäö"


def _genitive_candidates(name: str) -> list[str]:
    """Genitives a Finnish name might take; Voikko says which one is right."""
    candidates = []
    if name.endswith("nen"):
        candidates.append(name[:-3] + "sen")  # Tenhunen → Tenhusen
    last = name[-1].lower()
    if last in _VOWELS:
        candidates.append(name + "n")  # Koskela → Koskelan
        stem = name[:-1]
        stems = [stem] + [stem[: -len(s)] + w for s, w in _WEAKENING if stem.endswith(s)]
        if last in "ei":  # an e-stem first: Lahti → Lahden (not "Lahdin"), Kivi → Kiven
            candidates += [weak + "en" for weak in stems]
        candidates += [weak + name[-1] + "n" for weak in stems]
        if last == "e":
            candidates.append(name + "en")
    else:
        candidates.append(name + "in")  # Lindroos → Lindroosin
        if name.endswith("is"):
            candidates.append(name[:-1] + "ksen")  # Varis → Variksen
        if len(name) > 3 and name[-2] in "aä" and last == "s":
            stem, vowel = name[:-2], name[-2]
            for weak, strong in _STRENGTHENING:
                if stem.endswith(weak):
                    candidates.append(stem[: len(stem) - len(weak)] + strong + vowel * 2 + "n")
    return list(dict.fromkeys(candidates))


def genitive(full_name: str) -> str | None:
    """The Finnish genitive of a person's name, when Voikko confirms it; else None.

    Only the last name inflects: "Marko Tenhunen" → "Marko Tenhusen". Without Voikko, or
    for a name it does not know, the caller phrases around the case ("vastaehdotus (Marko
    Tenhunen)") rather than guess ("Tenhunen:n" is not Finnish).
    """
    full_name = " ".join(full_name.split())
    if not full_name or not available():
        return None
    head, _space, last = full_name.rpartition(" ")
    prefix, _hyphen, surname = last.rpartition("-")
    inflected = _surname_genitive(surname)
    if inflected is None:
        return None
    return " ".join(p for p in (head, "-".join(p for p in (prefix, inflected) if p)) if p)


@functools.lru_cache(maxsize=10_000)
def _surname_genitive(name: str) -> str | None:
    voikko = _analyser()
    if voikko is None or len(name) < 2 or not name.isalpha():
        return None
    for candidate in _genitive_candidates(name):
        for analysis in voikko.analyze(candidate):  # type: ignore[attr-defined]
            if (
                analysis.get("SIJAMUOTO") == "omanto"
                and analysis.get("NUMBER", "singular") == "singular"
                and (analysis.get("BASEFORM") or "").lower() == name.lower()
            ):
                return candidate
    return None


def lexemes(text: str) -> str:
    """Space-separated base forms and compound parts of the words in a text."""
    if not available():
        return ""
    seen: dict[str, None] = {}
    for word in _WORD.findall(text)[:_MAX_WORDS]:
        for form in base_forms(word.lower()):
            seen.setdefault(form, None)
    return " ".join(seen)
