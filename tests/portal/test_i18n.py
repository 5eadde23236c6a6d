from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[2] / "locale"
KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(\".*\")$")


def _entries(po_text: str) -> list[dict[str, object]]:
    """Each live entry of a .po file: its fields joined across lines, and its fuzzy flag."""
    entries: list[dict[str, object]] = []
    entry: dict[str, object] = {}
    field = ""
    for line in [*po_text.splitlines(), ""]:
        if not line.strip():
            if "msgid" in entry:
                entries.append(entry)
            entry, field = {}, ""
        elif line.startswith("#,"):
            entry["fuzzy"] = "fuzzy" in line
        elif line.startswith("#"):
            continue
        elif match := KEYWORD.match(line):
            field = match.group(1)
            entry[field] = ast.literal_eval(match.group(2))
        elif line.startswith('"') and field:
            entry[field] = str(entry[field]) + ast.literal_eval(line)
    return entries


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_every_interface_string_is_translated(lang):
    po = (LOCALE / lang / "LC_MESSAGES" / "django.po").read_text()
    untranslated = [
        entry["msgid"]
        for entry in _entries(po)
        if entry["msgid"]
        and (
            entry.get("fuzzy")
            or not all(value for key, value in entry.items() if str(key).startswith("msgstr"))
        )
    ]
    assert untranslated == []


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_compiled_catalogues_are_newer_than_their_sources(lang):
    folder = LOCALE / lang / "LC_MESSAGES"
    assert (folder / "django.mo").stat().st_mtime >= (folder / "django.po").stat().st_mtime - 1
