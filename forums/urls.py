"""Public URLs of participation. Finnish paths, stable: links to them are shared.

/osallistu/ itself is portal's `portal:participate` (portal/urls.py), served by
forums.views.participate.
"""

from __future__ import annotations

from django.urls import path

from forums import consultation_feeds, consultation_views, views

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
]
