"""The documents of a meeting as the clerk sees them: their state, live, and a retry."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from councils.documents import enqueue
from councils.models import Document, DocumentState, Meeting
from councils.staff.common import answer, meeting_for
from portal.lib.htmx import HtmxHttpRequest


def documents_context(meeting: Meeting) -> dict[str, object]:
    documents = list(
        Document.objects.filter(meeting=meeting)
        .select_related("item")
        .order_by("kind", "item__section", "-version")
    )
    return {
        "meeting": meeting,
        "documents": documents,
        "pending": any(
            d.state in (DocumentState.QUEUED, DocumentState.RENDERING) for d in documents
        ),
    }


@login_required
@require_GET
def meeting_documents(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The documents region; htmx polls it every two seconds until nothing is pending."""
    meeting = meeting_for(request, pk)
    return render(request, "councils/staff/documents.html", documents_context(meeting))


@login_required
@require_POST
def document_retry(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(
        Document.objects.filter(meeting__in=Meeting.objects.editable_by(request.user)), pk=pk
    )
    url = reverse("staff:meeting", args=[document.meeting_id]) + "#documents"
    if document.state != DocumentState.FAILED:
        return answer(request, url=url, error=_("Only a failed document can be rendered again."))
    Document.objects.filter(pk=document.pk).update(state=DocumentState.QUEUED, failure="")
    enqueue(document)
    return answer(request, url=url, message=_("The document is queued for rendering again."))
