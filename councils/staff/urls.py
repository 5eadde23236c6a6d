"""Staff URLs under /hallinta/. Every one refuses anonymous users and clerks of other bodies."""

from __future__ import annotations

from django.urls import path

from councils.staff import (
    attachments,
    documents,
    home,
    items,
    meetings,
    minutes,
    officials,
    recording,
)

app_name = "staff"
urlpatterns = [
    path("", meetings.dashboard, name="dashboard"),
    path("aloitus/", home.staff_home, name="home"),
    path("kokoukset/uusi/", meetings.meeting_new, name="meeting_new"),
    path("kokoukset/<int:pk>/", meetings.meeting_workspace, name="meeting"),
    path("kokoukset/<int:pk>/esikatselu/", meetings.agenda_preview, name="agenda_preview"),
    path("kokoukset/<int:pk>/asiat/", meetings.item_add, name="item_add"),
    path(
        "kokoukset/<int:pk>/lisaesityslista/",
        meetings.supplementary_item_add,
        name="supplementary_item_add",
    ),
    path("kokoukset/<int:pk>/siirto/", meetings.meeting_move, name="meeting_move"),
    path(
        "kokoukset/<int:pk>/julkaise-kutsu/", meetings.meeting_publish_notice, name="publish_notice"
    ),
    path(
        "kokoukset/<int:pk>/julkaise-esityslista/",
        meetings.meeting_publish_agenda,
        name="publish_agenda",
    ),
    path("kokoukset/<int:pk>/pidetty/", meetings.meeting_mark_held, name="mark_held"),
    path("kokoukset/<int:pk>/peru/", meetings.meeting_cancel, name="cancel"),
    path("kokoukset/<int:pk>/lasnaolo/", recording.attendance, name="attendance"),
    path("kokoukset/<int:pk>/asiakirjat/", documents.meeting_documents, name="meeting_documents"),
    path("asiakirjat/<int:pk>/uudelleen/", documents.document_retry, name="document_retry"),
    path("kokoukset/<int:pk>/poytakirja/", minutes.minutes_draft, name="minutes_draft"),
    path("kokoukset/<int:pk>/tarkastus/", minutes.minutes_review, name="minutes_review"),
    path("kokoukset/<int:pk>/hyvaksy/", minutes.minutes_approve, name="minutes_approve"),
    path(
        "kokoukset/<int:pk>/julkaise-poytakirja/", minutes.minutes_publish, name="minutes_publish"
    ),
    path("pykalat/<int:pk>/", items.item_edit, name="item_edit"),
    path("pykalat/<int:pk>/siirra/", meetings.item_move, name="item_move"),
    path("pykalat/<int:pk>/poista/", meetings.item_remove, name="item_remove"),
    path("pykalat/<int:pk>/kasittely/", recording.item_record, name="item_record"),
    path("pykalat/<int:pk>/kasittely/tallenna/", recording.handling_save, name="handling_save"),
    path(
        "pykalat/<int:pk>/kasiteltavaksi-otto/",
        recording.take_up_save,
        name="take_up_save",
    ),
    path(
        "pykalat/<int:pk>/vastaehdotus/",
        recording.counter_proposal_add,
        name="counter_proposal_add",
    ),
    path(
        "pykalat/<int:pk>/vastaehdotus/ratkaisu/",
        recording.counter_proposal_settle,
        name="counter_proposal_settle",
    ),
    path("pykalat/<int:pk>/aanestys/", recording.vote_save, name="vote_save"),
    path(
        "pykalat/<int:pk>/esteellisyys/",
        recording.disqualification_add,
        name="disqualification_add",
    ),
    path("pykalat/<int:pk>/eriava-mielipide/", recording.dissent_add, name="dissent_add"),
    path("pykalat/<int:pk>/vaali/", recording.election_add, name="election_add"),
    path("pykalat/<int:pk>/korjaus/", minutes.decision_correct, name="decision_correct"),
    path("pykalat/<int:pk>/liitteet/", attachments.attachment_upload, name="attachment_upload"),
    path("liitteet/<int:pk>/poista/", attachments.attachment_delete, name="attachment_delete"),
    path(
        "viranhaltijapaatokset/uusi/",
        officials.official_decision_new,
        name="official_decision_new",
    ),
]
