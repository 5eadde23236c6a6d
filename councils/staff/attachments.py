"""Attachments of an agenda item: a clerk uploads PDFs and deletes them, until the minutes are out.

Plain multipart forms on the item editor page: they work without JavaScript.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from councils.attachments import attachment_add, attachment_remove
from councils.models import AgendaItem, Attachment
from councils.services import RuleViolation
from councils.staff.common import answer, item_for
from councils.staff.forms import ItemForm
from councils.staff.items import editor_context
from portal.lib.htmx import HtmxHttpRequest
from portal.lib.once import once_per_form


class AttachmentForm(forms.Form):
    # The item editor's own form has a "title" too; the prefix keeps the ids unique.
    prefix = "attachment"

    title = forms.CharField(label=gettext_lazy("Title of the attachment"), max_length=300)
    file = forms.FileField(
        label=gettext_lazy("PDF file"),
        widget=forms.FileInput(attrs={"accept": "application/pdf,.pdf"}),
    )
    is_public = forms.BooleanField(
        label=gettext_lazy("Public attachment"),
        required=False,
        initial=True,
        help_text=gettext_lazy("Residents see public attachments with the agenda."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _("PDF only, at most %(max)s MB.") % {
            "max": settings.ATTACHMENT_MAX_MB
        }


def _editor_url(item: AgendaItem) -> str:
    return reverse("staff:item_edit", args=[item.pk]) + "#attachments"


def _editor_with_errors(
    request: HtmxHttpRequest, item: AgendaItem, attachment_form: AttachmentForm
) -> HttpResponse:
    """The item editor page again, the upload form showing what was wrong."""
    context = editor_context(
        item,
        ItemForm(instance=item, initial={"version": item.version}),
        attachment_form=attachment_form,
    )
    return render(request, "councils/staff/item_edit.html", context, status=400)


@login_required
@require_POST
@once_per_form
def attachment_upload(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    item = item_for(request, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        try:
            attachment = attachment_add(
                item=item, title=data["title"], upload=data["file"], is_public=data["is_public"]
            )
        except RuleViolation as exc:
            return answer(request, url=_editor_url(item), error=str(exc))
        except ValidationError as exc:
            form.add_error("file", exc)
        else:
            return answer(
                request,
                url=_editor_url(item),
                message=_("“%(title)s” attached.") % {"title": attachment.title},
            )
    return _editor_with_errors(request, item, form)


@login_required
@require_POST
def attachment_delete(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    attachment = get_object_or_404(Attachment, pk=pk)
    item = item_for(request, attachment.item_id)  # 404 for a clerk of another body
    attachment.item = item
    try:
        attachment_remove(attachment=attachment)
    except RuleViolation as exc:
        return answer(request, url=_editor_url(item), error=str(exc))
    return answer(
        request,
        url=_editor_url(item),
        message=_("“%(title)s” deleted.") % {"title": attachment.title},
    )
