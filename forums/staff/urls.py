"""Staff URLs of participation, under /hallinta/ (namespace forums_staff): the organisations
coordinator's under jarjestot/, the chairs' forum's follow-up under yhteistyo/, and the
initiatives' steps and yearly report under aloitteet/.

Every one refuses an anonymous user (sign-in page) and a user without the role: the
organisations coordinator's pages answer 403, the follow-up 404 to a clerk of another body.
"""

from __future__ import annotations

from django.urls import path

from forums.staff import consultations, initiatives, views

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
    # Consultations (issue 13): the preparer, a clerk of the deciding body, the coordinator.
    path("kuulemiset/", consultations.consultation_list, name="consultation_list"),
    path("kuulemiset/uusi/", consultations.consultation_new, name="consultation_new"),
    path("kuulemiset/<int:pk>/", consultations.consultation_edit, name="consultation_edit"),
    path(
        "kuulemiset/<int:pk>/julkaise/",
        consultations.consultation_publish,
        name="consultation_publish",
    ),
    path(
        "kuulemiset/<int:pk>/aineisto/",
        consultations.document_add,
        name="consultation_document_add",
    ),
    path("kuulemiset/<int:pk>/kutsut/", consultations.invitation_add, name="invitation_add"),
    path("kuulemiset/<int:pk>/moderointi/", consultations.moderation, name="moderation"),
    path("kuulemiset/kommentit/<int:pk>/", consultations.comment_moderate, name="comment_moderate"),
    path("kuulemiset/<int:pk>/sulje/", consultations.consultation_close, name="consultation_close"),
    path("kuulemiset/<int:pk>/kaytto/", consultations.usage_note, name="usage_note"),
    path("kuulemiset/<int:pk>/paatos/", consultations.decision_link, name="decision_link"),
    path(
        "kuulemiset/<int:pk>/yhteenveto/",
        consultations.consultation_summary,
        name="consultation_summary",
    ),
    path("kuulemiset/<int:pk>/vastaukset.csv", consultations.answers_csv, name="answers_csv"),
    path("kuulemiset/<int:pk>/raportti/", consultations.report_queue, name="report_queue"),
    path("kuulemiset/raportit/<int:pk>/", consultations.report_file, name="report_file"),
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
