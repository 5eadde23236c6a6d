"""The site's URLs with the strategy pages included, until portal/urls.py includes them."""

from __future__ import annotations

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from portal.urls import handler500
from portal.urls import urlpatterns as portal_urlpatterns

urlpatterns = [
    *i18n_patterns(path("strategia/", include("strategy.urls")), prefix_default_language=False),
    *portal_urlpatterns,
]

__all__ = ["handler500", "urlpatterns"]
