from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language


def site(request: HttpRequest) -> dict[str, Any]:
    """The language switcher's links: the same page in each interface language."""
    current = get_language()
    path = request.get_full_path()
    links = []
    for code, name in settings.LANGUAGES:
        links.append(
            {
                "code": code,
                # Each language is named in itself, so a reader finds their own.
                "name": {"fi": "Suomeksi", "sv": "På svenska", "en": "In English"}[code],
                "url": translate_url(path, code),
                "current": code == current,
                "label": name,
            }
        )
    return {"language_links": links}
