from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils.encoding import iri_to_uri
from django.utils.translation import get_language, override

# Each language is named in itself, so a reader finds their own.
OWN_NAMES = {"fi": "Suomeksi", "sv": "På svenska", "en": "In English"}


def _same_page_in(request: HttpRequest, code: str) -> str:
    """This page's address in language `code`: reversed from the match the request already
    has (translate_url would resolve the path again for each language)."""
    match = getattr(request, "resolver_match", None)
    if match is None:  # an error page before any view
        return translate_url(request.get_full_path(), code)
    with override(code):
        try:
            url = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return translate_url(request.get_full_path(), code)
    query = request.META.get("QUERY_STRING", "")
    return f"{url}?{iri_to_uri(query)}" if query else url


def site(request: HttpRequest) -> dict[str, Any]:
    """The language switcher's links: the same page in each interface language."""
    current = get_language()
    return {
        "language_links": [
            {
                "code": code,
                "name": OWN_NAMES[code],
                "url": _same_page_in(request, code),
                "current": code == current,
                "label": name,
            }
            for code, name in settings.LANGUAGES
        ]
    }
