from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StrategyConfig(AppConfig):
    name = "strategy"
    verbose_name = _("Strategy")

    def ready(self) -> None:
        # The goals an agenda item advances show on councils' item page and item editor
        # through councils' extension point; councils never imports strategy.
        from councils import extensions
        from strategy.link_views import goal_links_panel

        extensions.register_item_panel(goal_links_panel)

        # The period report is rendered by councils' documents pipeline (also in workers).
        from strategy.staff import report

        report.register()

        # Every save and deletion here may change a public page: cached pages and ETags
        # follow the publication generation (councils/publication.py).
        from councils.publication import follow_app

        follow_app(self)
