from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StrategyConfig(AppConfig):
    name = "strategy"
    verbose_name = _("Strategy")

    def ready(self) -> None:
        # The period report is rendered by councils' documents pipeline (also in workers).
        from strategy.staff import report

        report.register()
