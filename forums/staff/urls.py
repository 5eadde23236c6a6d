"""Staff URLs of participation, under /hallinta/ (namespace forums_staff): the organisations
coordinator's under jarjestot/, the chairs' forum's follow-up under yhteistyo/, and the
initiatives' steps and yearly report under aloitteet/.

Every one refuses an anonymous user (sign-in page) and a user without the role: the
organisations coordinator's pages answer 403, the follow-up 404 to a clerk of another body.
"""

from __future__ import annotations

from django.urls import path

from forums.staff import initiatives, views

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
    # Initiatives: the registry's, the coordinator's and the bodies' clerks' work.
    path("aloitteet/", initiatives.initiative_queue, name="initiative_queue"),
    path("aloitteet/uusi/", initiatives.initiative_record_new, name="initiative_record_new"),
    path("aloitteet/vuosiraportti/", initiatives.initiative_report, name="initiative_report"),
    path(
        "aloitteet/vuosiraportti/<int:pk>/",
        initiatives.initiative_report_file,
        name="initiative_report_file",
    ),
    path(
        "aloitteet/vuosiraportti/<int:pk>/liita/",
        initiatives.initiative_report_attach,
        name="initiative_report_attach",
    ),
    path("aloitteet/<int:pk>/", initiatives.initiative_manage, name="initiative"),
    path("aloitteet/<int:pk>/kirjaa/", initiatives.initiative_register, name="initiative_register"),
    path("aloitteet/<int:pk>/ohjaa/", initiatives.initiative_route, name="initiative_route"),
    path(
        "aloitteet/<int:pk>/kuuleminen/", initiatives.initiative_hearing, name="initiative_hearing"
    ),
    path("aloitteet/<int:pk>/vastaus/", initiatives.initiative_answer, name="initiative_answer"),
    path("aloitteet/<int:pk>/sulje/", initiatives.initiative_close, name="initiative_close"),
]
