"""The yearly report to the council of the initiatives made and the measures taken.

HVAL 30 §: the council is told at least once a year of the initiatives made and of the
measures taken on them. The report is generated from the data as a PDF/A by councils'
documents pipeline (a Document of kind REPORT owned by the year's InitiativeReport);
ForumsConfig.ready() registers the renderer. A version's content is what the data said
when the document was queued, up to that moment: re-rendering it gives the same bytes
while the data stands.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef

from councils.documents import Rendering, renderer_register
from councils.models import AgendaItem, Document, DocumentKind, OfficialDecision
from forums.initiatives import report_title
from forums.models import Initiative, InitiativeKind, InitiativeReport, InitiativeState
from forums.models.initiatives import helsinki_year_bounds


def report_documents(report: InitiativeReport | None) -> list[Document]:
    """The report's versions, newest first."""
    if report is None:
        return []
    return list(
        Document.objects.filter(
            kind=DocumentKind.REPORT,
            owner_type=ContentType.objects.get_for_model(InitiativeReport),
            owner_id=report.pk,
        ).order_by("-version")
    )


def initiatives_of_year(year: int) -> list[Initiative]:
    """The initiatives received in `year` (Helsinki time), oldest first, with the public
    status of the decisions that answered them."""
    start, end = helsinki_year_bounds(year)
    return list(
        Initiative.objects.public()
        .filter(received_at__gte=start, received_at__lt=end)
        .with_support_count()
        .select_related(
            "addressed_to",
            "handling_body",
            "case",
            "answer_item__meeting__body",
            "answer_decision",
        )
        .annotate(
            answer_item_public=Exists(
                AgendaItem.objects.decided().filter(pk=OuterRef("answer_item_id"))
            ),
            answer_decision_public=Exists(
                OfficialDecision.objects.published().filter(pk=OuterRef("answer_decision_id"))
            ),
        )
        .order_by("received_at", "pk")
    )


def report_context(year: int) -> dict[str, Any]:
    initiatives = initiatives_of_year(year)
    by_kind = Counter(initiative.kind for initiative in initiatives)
    by_state = Counter(initiative.state for initiative in initiatives)
    return {
        "year": year,
        "initiatives": initiatives,
        "kinds": [(kind.label, by_kind.get(kind.value, 0)) for kind in InitiativeKind],
        "states": [
            (state.label, by_state.get(state.value, 0))
            for state in InitiativeState
            if state != InitiativeState.UNCONFIRMED
        ],
        "answered": sum(
            1 for i in initiatives if i.state in (InitiativeState.ANSWERED, InitiativeState.CLOSED)
        ),
    }


def initiative_report_rendering(document: Document) -> Rendering:
    assert document.owner_id is not None, "a yearly report belongs to its year"
    report = InitiativeReport.objects.get(pk=document.owner_id)
    title = report_title(report.year)
    return Rendering(
        title=title,
        template="forums/documents/initiative_report.html",
        context={"title": title, **report_context(report.year)},
        filename=f"aloitteet-{report.year}-v{document.version}.pdf",
    )


def register() -> None:
    renderer_register(
        DocumentKind.REPORT,
        initiative_report_rendering,
        owner_model=InitiativeReport._meta.label_lower,
    )
