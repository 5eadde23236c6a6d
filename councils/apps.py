from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouncilsConfig(AppConfig):
    name = "councils"
    verbose_name = _("Decision making")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from councils import changes, documents, publication, search_index, signals
        from councils.models import SearchEntry

        for model in search_index.INDEXED_MODELS:
            post_save.connect(
                search_index.on_save, sender=model, dispatch_uid=f"search-{model.__name__}"
            )
        post_delete.connect(
            search_index.on_delete,
            sender="councils.Attachment",
            dispatch_uid="search-Attachment-delete",
        )

        # Whatever else of councils' is saved may show on a public page (changes moves
        # the generation for the tracked models itself, the index for its entries).
        publication.follow_app(self, exclude=(*changes.TRACKED_MODELS, SearchEntry))

        # Every change of the public record dates itself and what shows it (modified_at).
        for tracked in changes.TRACKED_MODELS:
            post_save.connect(
                changes.on_change, sender=tracked, dispatch_uid=f"changes-save-{tracked.__name__}"
            )
            post_delete.connect(
                changes.on_change,
                sender=tracked,
                dispatch_uid=f"changes-delete-{tracked.__name__}",
            )

        signals.minutes_published.connect(
            documents.on_minutes_published, dispatch_uid="documents-minutes"
        )
        signals.agenda_published.connect(
            documents.on_agenda_published, dispatch_uid="documents-agenda"
        )
        signals.meeting_changed.connect(
            documents.on_meeting_changed, dispatch_uid="documents-meeting-changed"
        )
