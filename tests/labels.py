"""How the Finnish interface names things, for tests that compare what a resident reads."""

from __future__ import annotations


def counter_label(name: str) -> str:
    """ "Marko Tenhusen vastaehdotus" where Voikko confirms the genitive, else in brackets."""
    from councils.voikko import genitive

    named = genitive(name)
    return f"{named} vastaehdotus" if named else f"vastaehdotus ({name})"


def capfirst(text: str) -> str:
    return text[:1].upper() + text[1:]
