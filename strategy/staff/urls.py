"""Staff URLs of the strategy, under "hallinta/strategia/" (namespace strategy_staff)."""

from __future__ import annotations

from django.urls import URLPattern

app_name = "strategy_staff"
urlpatterns: list[URLPattern] = []
