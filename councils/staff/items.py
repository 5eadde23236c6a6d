"""Editing an agenda item in place, safely when two clerks edit at once."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from councils import extensions, services
from councils.models import AgendaItem
from councils.staff.forms import ItemForm
from portal.lib.htmx import HtmxHttpRequest


def _editable_item(request: HtmxHttpRequest, pk: int) -> tuple[AgendaItem, bool]:
    """The item and whether the user may edit only its proposal (a presenter, not a clerk)."""
    item = get_object_or_404(
        AgendaItem.objects.proposal_editable_by(request.user).select_related(
            "meeting__body", "case", "preparer", "presenter"
        ),
        pk=pk,
    )
    is_clerk = AgendaItem.objects.editable_by(request.user).filter(pk=pk).exists()
    return item, not is_clerk


def editor_context(
    item: AgendaItem,
    form: ItemForm,
    *,
    conflict: AgendaItem | None = None,
    proposal_only: bool = False,
    **extra: Any,
) -> dict[str, Any]:
    """What the item editor page shows; the attachment views render it too."""
    return {
        "item": item,
        "meeting": item.meeting,
        "form": form,
        "conflict": conflict,
        "proposal_only": proposal_only,
        "history": list(item.history.select_related("history_user").order_by("-history_date")[:30]),
        "attachments": list(item.attachments.all()),
        # What other apps add (e.g. links to strategy goals): councils/extensions.py
        "item_panels": extensions.item_panels_for(item, editing=True, may_change=not proposal_only),
        "section": "staff",
        **extra,
    }


@login_required
@require_http_methods(["GET", "POST"])
def item_edit(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    item, proposal_only = _editable_item(request, pk)
    conflict = None
    if request.method == "POST":
        form = ItemForm(request.POST, instance=item, proposal_only=proposal_only)
        if form.is_valid():
            changes = {
                name: form.cleaned_data[name] for name in form.cleaned_data if name != "version"
            }
            try:
                item = services.item_update(
                    item=item, expected_version=form.cleaned_data["version"], changes=changes
                )
            except services.EditConflict as exc:
                # Nothing is overwritten: the clerk sees what was saved meanwhile next to
                # what they typed (kept in the form), and saves again on purpose.
                conflict = exc.current
                data = request.POST.copy()
                data["version"] = str(conflict.version)
                form = ItemForm(data, instance=conflict, proposal_only=proposal_only)
                form.is_valid()
            except services.RuleViolation as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(
                    request, _("Saved. Version %(version)s.") % {"version": item.version}
                )
                if not request.htmx:
                    return redirect("staff:item_edit", pk=item.pk)
                form = ItemForm(
                    instance=item, initial={"version": item.version}, proposal_only=proposal_only
                )
    else:
        form = ItemForm(
            instance=item, initial={"version": item.version}, proposal_only=proposal_only
        )
    context = editor_context(item, form, conflict=conflict, proposal_only=proposal_only)
    template = "councils/staff/item_edit.html"
    if request.htmx:
        template += "#editor"
    status = 200
    if conflict is not None:
        status = 409
    elif form.is_bound and form.errors:
        status = 422 if request.htmx else 400
    return render(request, template, context, status=status)
