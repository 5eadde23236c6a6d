"""Public URLs of participation. Finnish paths, stable: links to them are shared.

/osallistu/ itself is portal's `portal:participate` (portal/urls.py), served by
forums.views.participate.
"""

from __future__ import annotations

from django.urls import path

from forums import (
    consultation_feeds,
    consultation_views,
    initiative_feeds,
    initiative_views,
    views,
)

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
    # Consultations (issue 13).
    path("kuulemiset/", consultation_views.consultation_list, name="consultation_list"),
    path("kuulemiset/rss/", consultation_feeds.ConsultationFeed(), name="consultation_rss"),
    path("kuulemiset/atom/", consultation_feeds.ConsultationAtomFeed(), name="consultation_atom"),
    path(
        "kuulemiset/<int:pk>/", consultation_views.consultation_detail, name="consultation_detail"
    ),
    path(
        "kuulemiset/<int:pk>/rss/",
        consultation_feeds.ConsultationNewsFeed(),
        name="consultation_news_rss",
    ),
    path(
        "kuulemiset/<int:pk>/atom/",
        consultation_feeds.ConsultationNewsAtomFeed(),
        name="consultation_news_atom",
    ),
    path(
        "kuulemiset/<int:pk>/kommentoi/",
        consultation_views.comment_submit,
        name="consultation_comment",
    ),
    path(
        "kuulemiset/aineisto/<int:pk>/",
        consultation_views.document_file,
        name="consultation_document",
    ),
    path(
        "kuulemiset/kommentti/vahvista/<str:token>/",
        consultation_views.comment_confirm,
        name="comment_confirm",
    ),
    path(
        "kuulemiset/kommentti/<int:pk>/ilmoita/",
        consultation_views.comment_flag,
        name="comment_flag",
    ),
    path(
        "kuulemiset/lausunto/<str:token>/",
        consultation_views.statement_edit,
        name="statement_edit",
    ),
    # Initiatives (aloitteet, HVAL 30 §).
    path("aloitteet/", initiative_views.initiative_list, name="initiative_list"),
    path("aloitteet/uusi/", initiative_views.initiative_new, name="initiative_new"),
    path("aloitteet/lahetetty/", initiative_views.initiative_sent, name="initiative_sent"),
    path(
        "aloitteet/vahvista/<str:token>/",
        initiative_views.initiative_confirm,
        name="initiative_confirm",
    ),
    path(
        "aloitteet/tuki/vahvista/<str:token>/",
        initiative_views.support_confirm,
        name="support_confirm",
    ),
    path("aloitteet/syote.rss", initiative_feeds.NewInitiativesFeed(), name="initiatives_rss"),
    path(
        "aloitteet/syote.atom", initiative_feeds.NewInitiativesAtomFeed(), name="initiatives_atom"
    ),
    path("aloitteet/<int:pk>/", initiative_views.initiative_detail, name="initiative_detail"),
    path("aloitteet/<int:pk>/tue/", initiative_views.support, name="support"),
    path("aloitteet/<int:pk>/tue/lahetetty/", initiative_views.support_sent, name="support_sent"),
    path(
        "aloitteet/<int:pk>/syote.rss",
        initiative_feeds.InitiativeStepsFeed(),
        name="initiative_rss",
    ),
    path(
        "aloitteet/<int:pk>/syote.atom",
        initiative_feeds.InitiativeStepsAtomFeed(),
        name="initiative_atom",
    ),
]
