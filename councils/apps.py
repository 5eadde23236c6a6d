from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouncilsConfig(AppConfig):
    name = "councils"
    verbose_name = _("Decision making")

    def ready(self) -> None:
        from councils import documents, signals

        signals.minutes_published.connect(
            documents.on_minutes_published, dispatch_uid="documents-minutes"
        )
        signals.agenda_published.connect(
            documents.on_agenda_published, dispatch_uid="documents-agenda"
        )
