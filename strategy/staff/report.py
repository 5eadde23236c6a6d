"""The period report: a board-ready PDF rendered by councils' documents pipeline.

strategy/apps.py registers `period_report_rendering` for DocumentKind.REPORT; the
Celery task of councils renders it with WeasyPrint to PDF/A-3a like the minutes. A
closed period's report shows its frozen snapshot; an open period's report is a draft
judged on the day the document was queued (so a re-render of a version gives the same
bytes).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import gettext as _

from councils.documents import Rendering, renderer_register
from councils.models import Document, DocumentKind
from strategy import services
from strategy.charts import format_snapshot_value
from strategy.models import GoalLink, Indicator, ReportingPeriod
from strategy.staff.dashboard import Badge


def period_reports(period: ReportingPeriod) -> list[Document]:
    """The period's report versions, newest first."""
    return list(
        Document.objects.filter(
            kind=DocumentKind.REPORT,
            owner_type=ContentType.objects.get_for_model(ReportingPeriod),
            owner_id=period.pk,
        ).order_by("-version")
    )


@dataclass
class IndicatorLine:
    name: str
    unit: str
    is_demo: bool
    latest_value: str
    latest_on: date | None
    target_value: str
    target_on: date | None
    suggestion: Badge


@dataclass
class Section:
    code: str
    title: str
    is_sub: bool
    status: Badge
    suggestion: Badge
    reason: str
    narrative: str
    risks: str
    next_steps: str
    indicators: list[IndicatorLine] = field(default_factory=list)
    links: list[GoalLink] = field(default_factory=list)


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _line(data: dict[str, Any], decimals: int | None) -> IndicatorLine:
    latest, target = data.get("latest") or {}, data.get("next_target") or {}
    return IndicatorLine(
        name=data["name"],
        unit=data["unit"],
        is_demo=data["is_demo"],
        latest_value=format_snapshot_value(latest, data["unit"], decimals) or "–",
        latest_on=_day(latest.get("date")),
        target_value=format_snapshot_value(target, data["unit"], decimals) or "–",
        target_on=_day(target.get("date")),
        suggestion=Badge(data.get("suggested_status") or ""),
    )


def _section(data: dict[str, Any], *, code: str, title: str, is_sub: bool) -> Section:
    return Section(
        code=code,
        title=title,
        is_sub=is_sub,
        status=Badge(data.get("status") or ""),
        suggestion=Badge(data.get("suggested_status") or ""),
        reason=data.get("reason", ""),
        narrative=data.get("narrative", ""),
        risks=data.get("risks", ""),
        next_steps=data.get("next_steps", ""),
    )


def report_context(period: ReportingPeriod, *, today: date) -> dict[str, Any]:
    snapshot = period.snapshot if period.is_closed and period.snapshot else None
    snapshot = snapshot or services.period_snapshot(period, today=today)
    lines: dict[tuple[str, int], list[IndicatorLine]] = {}
    # The figures are the snapshot's; only how many decimals to show is looked up.
    decimals = dict(
        Indicator.objects.filter(
            pk__in=[data.get("id") for data in snapshot["indicators"]]
        ).values_list("pk", "decimals")
    )
    for data in snapshot["indicators"]:
        line = _line(data, decimals.get(data.get("id")))
        if data.get("goal_id"):
            lines.setdefault(("goal", data["goal_id"]), []).append(line)
        if data.get("programme_id"):
            lines.setdefault(("programme", data["programme_id"]), []).append(line)
    links: dict[int, list[GoalLink]] = {}
    for link in (
        GoalLink.objects.public()
        .filter(goal__strategy_id=period.strategy_id)
        .select_related("agenda_item__meeting__body")
        # A total order: links to items of one meeting would come in whatever order
        # the database's plan gives, and a report must render to the same bytes.
        .order_by("agenda_item__meeting__start", "agenda_item__section", "pk")
    ):
        links.setdefault(link.goal_id, []).append(link)
    goals = []
    for data in snapshot["goals"]:
        section = _section(
            data, code=data["code"], title=data["title"], is_sub=bool(data.get("parent_code"))
        )
        section.indicators = lines.get(("goal", data["id"]), [])
        section.links = links.get(data["id"], [])
        goals.append(section)
    programmes = []
    for data in snapshot["programmes"]:
        section = _section(data, code="", title=data["name"], is_sub=False)
        section.indicators = lines.get(("programme", data["id"]), [])
        programmes.append(section)
    return {
        "strategy": period.strategy,
        "period": period,
        "is_draft": not period.is_closed,
        "judged_on": _day(snapshot["judged_on"]),
        "goals": goals,
        "programmes": programmes,
    }


def period_report_rendering(document: Document) -> Rendering:
    assert document.owner_id is not None, "a period report belongs to its period"
    period = ReportingPeriod.objects.select_related("strategy").get(pk=document.owner_id)
    today = timezone.localtime(document.created_at).date()
    title = _("Strategy follow-up report %(code)s") % {"code": period.code}
    return Rendering(
        title=title,
        template="strategy/documents/period_report.html",
        context={"title": title, **report_context(period, today=today)},
        filename=f"strategia-raportti-{period.slug}-v{document.version}.pdf",
    )


def register() -> None:
    renderer_register(DocumentKind.REPORT, period_report_rendering)
