"""Staff URLs of participation, under /hallinta/ (namespace forums_staff): the organisations
coordinator's under jarjestot/, the chairs' forum's follow-up under yhteistyo/.

Every one refuses an anonymous user (sign-in page) and a user without the role: the
organisations coordinator's pages answer 403, the follow-up 404 to a clerk of another body.
"""

from __future__ import annotations

from django.urls import path

from forums.staff import views

app_name = "forums_staff"
urlpatterns = [
    path("jarjestot/", views.dashboard, name="dashboard"),
    path("jarjestot/uusi/", views.organisation_new, name="organisation_new"),
    path("jarjestot/<int:pk>/", views.organisation_edit, name="organisation_edit"),
    path("jarjestot/<int:pk>/edustajat/", views.representative_add, name="representative_add"),
    path(
        "jarjestot/edustajat/<int:pk>/poista/",
        views.representative_remove,
        name="representative_remove",
    ),
    path(
        "jarjestot/ilmoittautumiset/<int:pk>/",
        views.registration_review,
        name="registration_review",
    ),
    path(
        "jarjestot/ilmoittautumiset/<int:pk>/hyvaksy/",
        views.registration_approve,
        name="registration_approve",
    ),
    path(
        "jarjestot/ilmoittautumiset/<int:pk>/hylkaa/",
        views.registration_reject,
        name="registration_reject",
    ),
    path("yhteistyo/<int:pk>/seuranta/", views.follow_up, name="follow_up"),
]
