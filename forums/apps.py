from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumsConfig(AppConfig):
    name = "forums"
    verbose_name = _("Participation")

    def ready(self) -> None:
        # A forum's body page and the strategy goal of the cooperation agreement show
        # forums' data through councils' and strategy's extension points; neither
        # imports forums.
        from councils import extensions as councils_extensions
        from forums import initiative_report, panels
        from strategy import extensions as strategy_extensions

        councils_extensions.register_body_panel(panels.forum_body_panel)
        # Consultations: *Lausunnot* on the case's agenda items, and the PDF report.
        from councils.documents import renderer_register
        from councils.models import DocumentKind
        from forums import consultation_panels

        councils_extensions.register_item_panel(consultation_panels.statements_item_panel)
        renderer_register(
            DocumentKind.REPORT,
            consultation_panels.consultation_report_rendering,
            owner_model="forums.consultation",
        )
        councils_extensions.register_item_panel(panels.initiative_item_panel)
        councils_extensions.register_dashboard_panel(panels.initiative_dashboard_panel)
        initiative_report.register()
        strategy_extensions.register_goal_panel(panels.agreement_follow_up_panel)

        # Every save and deletion here may change a public page: cached pages and ETags
        # follow the publication generation (councils/publication.py).
        from councils.publication import follow_app, follow_moments
        from forums.models import Consultation

        follow_app(self)
        # A consultation opens and closes by the clock: its pages change then, unsaved.
        follow_moments(Consultation, ("opens_at", "closes_at"))
