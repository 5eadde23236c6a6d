from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Site")

    def ready(self) -> None:
        # Apps that may import only portal/lib get one submission per form through it.
        from portal.lib import once as lib_once
        from portal.once import once_per_form

        lib_once.register(once_per_form)
