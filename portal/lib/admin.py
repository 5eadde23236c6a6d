"""Admin helpers that every app's admin shares."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from simple_history.admin import SimpleHistoryAdmin as HistoryAdminBase

# An address typed without a scheme is taken as https:// (Django 6's default, asked for now).
HTTPS_URLS: dict[type[models.Field[Any, Any]], dict[str, Any]] = {
    models.URLField: {"assume_scheme": "https"}
}


class SimpleHistoryAdmin(HistoryAdminBase):
    """django-simple-history's admin, answering 404 to an id that is not a number.

    Its history view looks the object up with the id as written, so `history/` of
    `/admin/strategy/goal/x/` raised a ValueError (a 500) where Django's own views say 404.
    """

    formfield_overrides = HTTPS_URLS

    def history_view(
        self, request: HttpRequest, object_id: str, extra_context: Any = None
    ) -> HttpResponse:
        if not str(object_id).isdigit():
            raise Http404("no such object")
        return super().history_view(request, object_id, extra_context)

    def history_form_view(
        self, request: HttpRequest, object_id: str, version_id: str, extra_context: Any = None
    ) -> HttpResponse:
        if not (str(object_id).isdigit() and str(version_id).isdigit()):
            raise Http404("no such version")
        return super().history_form_view(request, object_id, version_id, extra_context)
