"""Addresses of objects by primary key, for lists that link hundreds of them."""

from __future__ import annotations

from functools import lru_cache

from django.urls import reverse
from django.utils.translation import get_language

_MARKER = 987654321


@lru_cache(maxsize=512)
def _around(url_name: str, language: str | None) -> tuple[str, str]:
    # `language` is part of the key only: reverse() uses the active language.
    before, after = reverse(url_name, kwargs={"pk": _MARKER}).split(str(_MARKER))
    return before, after


def pk_url(url_name: str, pk: int) -> str:
    """`reverse(url_name, kwargs={"pk": pk})` in the active language, reversed once per
    name and language: a page of a year's meetings or of 100 API objects links each."""
    before, after = _around(url_name, get_language())
    return f"{before}{pk}{after}"
