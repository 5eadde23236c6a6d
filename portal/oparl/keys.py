"""Stable numeric ids for what the record holds as text: political groups and places.

A political group is a person's `political_group` ("KOK"), a meeting place the
meeting's `place`; OParl serves both as objects with URLs of their own
(Organization, Location), so each gets a number derived from its normalised text that
stays the same as long as the text does.
"""

from __future__ import annotations

import hashlib


def _text_id(kind: str, text: str) -> int:
    normalised = " ".join(text.split()).casefold()
    digest = hashlib.sha256(f"{kind}:{normalised}".encode()).digest()
    return int.from_bytes(digest[:6], "big")  # 48 bits: fits any BIGINT and JavaScript


def group_id(name: str) -> int:
    return _text_id("group", name)


def location_id(place: str) -> int:
    return _text_id("place", place)
