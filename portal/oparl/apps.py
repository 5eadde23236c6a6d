from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OparlConfig(AppConfig):
    name = "portal.oparl"
    label = "oparl"
    verbose_name = _("Open data")

    def ready(self) -> None:
        from portal.oparl import partners, tombstones

        tombstones.connect()
        partners.register()
