"""The open-data page, /avoin-data/ (in each interface language)."""

from __future__ import annotations

from django.urls import path

from portal.oparl import pages

app_name = "opendata"
urlpatterns = [path("", pages.open_data, name="page")]
