"""Public URLs of participation. Finnish paths, stable: links to them are shared.

/osallistu/ itself is portal's `portal:participate` (portal/urls.py), served by
forums.views.participate.
"""

from __future__ import annotations

from django.urls import path

from forums import views

app_name = "forums"
urlpatterns = [
    path("yhteistyo/", views.cooperation, name="cooperation"),
    path("yhteistyo/valmistelu-2021/", views.preparation, name="preparation"),
    path("yhteistyo/<slug:slug>/", views.agreement_detail, name="agreement_detail"),
    path("organisaatiot/", views.organisation_list, name="organisation_list"),
    # Before <slug>: "ilmoittaudu" is reserved (forums.services.RESERVED_SLUGS).
    path("organisaatiot/ilmoittaudu/", views.register, name="register"),
    path("organisaatiot/ilmoittaudu/lahetetty/", views.register_sent, name="register_sent"),
    path(
        "organisaatiot/ilmoittaudu/vahvista/<str:token>/",
        views.register_confirm,
        name="register_confirm",
    ),
    path("organisaatiot/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
]
