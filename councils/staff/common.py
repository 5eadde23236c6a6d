"""What every staff view shares: fetching with permission, and answering after a write."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django_htmx.http import HttpResponseClientRedirect

from councils.models import AgendaItem, Meeting
from portal.lib.htmx import HtmxHttpRequest


def meeting_for(request: HtmxHttpRequest, pk: int) -> Meeting:
    """The meeting if the user is a clerk of its body; 404 otherwise (no existence leak)."""
    return get_object_or_404(
        Meeting.objects.editable_by(request.user).select_related("body", "minutes"), pk=pk
    )


def item_for(request: HtmxHttpRequest, pk: int) -> AgendaItem:
    return get_object_or_404(
        AgendaItem.objects.editable_by(request.user).select_related(
            "meeting__body", "case", "preparer", "presenter"
        ),
        pk=pk,
    )


def answer(
    request: HtmxHttpRequest,
    *,
    url: str,
    message: str = "",
    error: str = "",
    partial: str | None = None,
    context: dict[str, Any] | None = None,
) -> HttpResponse:
    """After a write: a redirect for plain forms (POST-redirect-GET), a partial for htmx.

    The message travels in the messages framework either way, so the partial shows it
    in its own status region and a full page shows it at the top.
    """
    if message:
        messages.success(request, message)
    if error:
        messages.error(request, error)
    if request.htmx:
        if partial is None:
            return HttpResponseClientRedirect(url)
        return render(request, partial, context or {}, status=422 if error else 200)
    return redirect(url)
