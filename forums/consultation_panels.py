"""What consultations add to councils' pages: *Lausunnot* on an agenda item of the case,
and the PDF report rendered by councils' documents pipeline.

Registered by ForumsConfig.ready(); councils never imports forums.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from councils.documents import Rendering
from councils.extensions import ItemPanel
from councils.models import AgendaItem, Document
from forums import consultation_reads as reads
from forums.models import Consultation
from portal.lib.precompiled import Shapes

ITEM_TEMPLATE = "forums/panels/item_statements.html"
REPORT_TEMPLATE = "forums/documents/consultation_report.html"


# A case's announced consultations, the SQL built once per process.
_CASE_CONSULTATIONS = Shapes(
    lambda _shape, case_id: (
        Consultation.objects.published().filter(case_id=case_id).order_by("opens_at")
    ),
    Consultation,
)


def statements_item_panel(item: AgendaItem, *, editing: bool, may_change: bool) -> ItemPanel | None:
    """*Lausunnot*: the case's announced consultations, who was heard, the statements that
    are public, and the notes on how the input was used. Five queries per item at most,
    whatever the number of consultations and statements (one when the case had none)."""
    if item.case_id is None or (not item.is_public and not editing):
        return None
    consultations = _CASE_CONSULTATIONS.rows((), item.case_id)
    if not consultations:
        return None
    now = timezone.now()
    heard = reads.heard_in(consultations, now=now)
    comment_counts = reads.published_comment_counts(consultations)
    rows = [
        {
            "consultation": consultation,
            "invitations": heard[consultation.pk],
            "statements_public": consultation.statements_public(now),
            "statements": reads.submitted(heard[consultation.pk]),
            "comment_count": comment_counts.get(consultation.pk, 0),
        }
        for consultation in consultations
    ]
    return ItemPanel(ITEM_TEMPLATE, {"consultations": rows, "editing": editing})


def consultation_report_rendering(document: Document) -> Rendering:
    assert document.owner_id is not None, "a consultation report belongs to its consultation"
    consultation = Consultation.objects.select_related("case", "body", "preparer").get(
        pk=document.owner_id
    )
    invitations = reads.invitations_of(consultation)
    title = _("Consultation report: %(title)s") % {"title": consultation.title}
    return Rendering(
        title=title,
        template=REPORT_TEMPLATE,
        context={
            "title": title,
            "consultation": consultation,
            "summary": reads.summary(consultation),
            "statements": reads.submitted(invitations),
            "comments": [c for c in reads.public_comments(consultation) if c.state == "published"],
        },
        filename=f"kuuleminen-{consultation.pk}-raportti-v{document.version}.pdf",
    )
