"""Public URLs of decision making. Finnish paths, stable: links to decisions are shared."""

from __future__ import annotations

from django.urls import path, register_converter

from councils import feeds, views


class TaskClassConverter:
    """A JHS 191 task class such as 00.01.02."""

    regex = r"\d{2}(?:\.\d{2}){0,3}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(TaskClassConverter, "taskclass")

app_name = "councils"
urlpatterns = [
    path("paatoksenteko/", views.index, name="index"),
    path("toimielimet/<slug:slug>/", views.body_detail, name="body_detail"),
    path("toimielimet/<slug:slug>/kokoukset.ics", feeds.calendar_body, name="body_calendar"),
    path("toimielimet/<slug:slug>/paatokset.rss", feeds.BodyDecisionsFeed(), name="body_rss"),
    path("toimielimet/<slug:slug>/paatokset.atom", feeds.BodyDecisionsAtomFeed(), name="body_atom"),
    path("kokoukset.ics", feeds.calendar_all, name="calendar_ics"),
    path("henkilot/<slug:slug>/", views.person_detail, name="person_detail"),
    path("kokoukset/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("kalenteri/", views.meeting_calendar, name="calendar"),
    path("pykalat/<int:pk>/", views.item_detail, name="item_detail"),
    path("pykalat/<int:pk>/versiot/<int:number>/", views.item_version, name="item_version"),
    path("paatokset/", views.decision_list, name="decision_list"),
    path("haku/", views.search, name="search"),
    path("haku/syote.rss", feeds.SearchFeed(), name="search_rss"),
    path("haku/syote.atom", feeds.SearchAtomFeed(), name="search_atom"),
    path("liitteet/<int:pk>/", views.attachment_file, name="attachment"),
    path("asiakirjat/<int:pk>/", views.document_file, name="document"),
    path(
        "asiat/<int:number>/<taskclass:task_class>/<int:year>/",
        views.case_detail,
        name="case_detail",
    ),
    path(
        "asiat/<int:number>/<taskclass:task_class>/<int:year>/syote.rss",
        feeds.CaseFeed(),
        name="case_rss",
    ),
    path(
        "viranhaltijapaatokset/",
        views.official_decision_list,
        name="official_decision_list",
    ),
    path(
        "viranhaltijapaatokset/<int:pk>/",
        views.official_decision_detail,
        name="official_decision_detail",
    ),
]
