"""Staff pages of consultations, under /hallinta/kuulemiset/ (namespace forums_staff).

Who may: forums/rules.py. The list and a new consultation answer 403 to a user who may
not open consultations; a consultation's own pages answer 404 to one who may not manage
it (its existence is not told), like councils' clerk pages of another body.
"""

from __future__ import annotations

import csv
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from councils.documents import document_queue_for
from councils.models import Document, DocumentKind, DocumentState
from forums import consultation_reads as reads
from forums import consultations as services
from forums import rules
from forums.consultation_forms import (
    ConsultationForm,
    DecisionLinkForm,
    DocumentForm,
    InvitationForm,
    ModerationForm,
    UsageNoteForm,
)
from forums.models import Comment, CommentState, Consultation
from portal.lib.htmx import HtmxHttpRequest
from portal.lib.once import once_per_form


def _consultation(request: HtmxHttpRequest, pk: int) -> Consultation:
    """The consultation if this user may manage it, else 404."""
    return get_object_or_404(
        Consultation.objects.manageable_by(request.user).select_related(
            "case", "body", "preparer", "decision_item__meeting__body"
        ),
        pk=pk,
    )


def _user(request: HtmxHttpRequest) -> User | None:
    return request.user if isinstance(request.user, User) else None


def _may_open(request: HtmxHttpRequest) -> None:
    if not rules.may_open_consultations(request.user):
        raise PermissionDenied("may not open consultations")


def _back(consultation: Consultation, anchor: str = "") -> str:
    return reverse("forums_staff:consultation_edit", args=[consultation.pk]) + anchor


@login_required
@require_GET
def consultation_list(request: HtmxHttpRequest) -> HttpResponse:
    _may_open(request)
    consultations = reads.listed(Consultation.objects.manageable_by(request.user)).annotate(
        waiting=Count("comments", filter=Q(comments__state=CommentState.PENDING), distinct=True)
    )
    return render(
        request,
        "forums/staff/consultation_list.html",
        {"consultations": list(consultations.order_by("-opens_at")), "now": timezone.now()},
    )


@login_required
@require_http_methods(["GET", "POST"])
@once_per_form
def consultation_new(request: HtmxHttpRequest) -> HttpResponse:
    _may_open(request)
    form = ConsultationForm(
        request.POST or None,
        initial={"invited": True, "statements_visible": "after_closing"},
    )
    if request.method == "POST" and form.is_valid():
        try:
            consultation = services.consultation_create(
                data=form.data_object(), user=_user(request)
            )
        except services.RuleViolation as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                _(
                    "The consultation is saved as a draft: add material and invitations, then announce it."
                ),
            )
            return redirect(_back(consultation))
    return render(
        request,
        "forums/staff/consultation_form.html",
        {"form": form, "consultation": None},
        status=400 if form.errors else 200,
    )


def _edit_context(consultation: Consultation, **forms: Any) -> dict[str, Any]:
    invitations = reads.invitations_of(consultation)
    return {
        "consultation": consultation,
        "now": timezone.now(),
        "phase": consultation.phase(),
        "form": forms.get("form")
        or ConsultationForm(initial=ConsultationForm.initial_for(consultation)),
        "document_form": forms.get("document_form") or DocumentForm(),
        "invitation_form": forms.get("invitation_form") or InvitationForm(),
        "note_form": forms.get("note_form")
        or UsageNoteForm(initial={"text": consultation.usage_note}),
        "decision_form": DecisionLinkForm(
            initial={"item": consultation.decision_item_id}, consultation=consultation
        ),
        "documents": list(consultation.documents.all()),
        "invitations": invitations,
        "waiting": consultation.comments.filter(state=CommentState.PENDING).count(),
        "reports": list(
            Document.objects.filter(
                kind=DocumentKind.REPORT,
                owner_type=ContentType.objects.get_for_model(Consultation),
                owner_id=consultation.pk,
            ).order_by("-version")
        ),
    }


@login_required
@require_http_methods(["GET", "POST"])
@once_per_form
def consultation_edit(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    consultation = _consultation(request, pk)
    form = ConsultationForm(
        request.POST or None, initial=ConsultationForm.initial_for(consultation)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.consultation_update(consultation=consultation, data=form.data_object())
        except services.RuleViolation as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The consultation has been saved."))
            return redirect(_back(consultation))
    return render(
        request,
        "forums/staff/consultation_edit.html",
        _edit_context(consultation, form=form if form.is_bound else None),
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
@once_per_form
def consultation_publish(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    consultation = _consultation(request, pk)
    try:
        services.consultation_publish(consultation=consultation)
    except services.RuleViolation as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("The consultation is announced and the invitations are sent."))
    return redirect(_back(consultation))


@login_required
@require_POST
@once_per_form
def document_add(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    consultation = _consultation(request, pk)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.document_add(
                consultation=consultation,
                title=form.cleaned_data["title"],
                upload=form.cleaned_data["file"],
            )
        except ValidationError as exc:
            form.add_error("file", exc)
        else:
            messages.success(request, _("The document has been added."))
            return redirect(_back(consultation, "#documents-heading"))
    return render(
        request,
        "forums/staff/consultation_edit.html",
        _edit_context(consultation, document_form=form),
        status=400,
    )


@login_required
@require_POST
@once_per_form
def invitation_add(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    consultation = _consultation(request, pk)
    form = InvitationForm(request.POST)
    if form.is_valid():
        try:
            invitation = services.invitation_add(
                consultation=consultation,
                email=form.cleaned_data["email"],
                organisation=form.cleaned_data["organisation"],
                body=form.cleaned_data["body"],
            )
        except services.RuleViolation as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                _("%(name)s is invited.") % {"name": invitation.invitee_name}
                + " "
                + (
                    _("The e-mail with the personal link has been sent.")
                    if consultation.published_at
                    else _("The e-mail is sent when the consultation is announced.")
                ),
            )
            return redirect(_back(consultation, "#invitations-heading"))
    return render(
        request,
        "forums/staff/consultation_edit.html",
        _edit_context(consultation, invitation_form=form),
        status=400,
    )


@login_required
@require_GET
def moderation(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    consultation = _consultation(request, pk)
    comments = list(
        consultation.comments.exclude(state=CommentState.UNCONFIRMED)
        .annotate(
            open_flags=Count("flags", filter=Q(flags__handled_at__isnull=True)),
        )
        .prefetch_related("flags")
        .order_by("state", "created_at")
    )
    queue = [c for c in comments if c.state == CommentState.PENDING or c.open_flags]
    done = [c for c in comments if c not in queue]
    return render(
        request,
        "forums/staff/moderation.html",
        {
            "consultation": consultation,
            "queue": queue,
            "done": done,
            "form": ModerationForm(),
        },
    )


@login_required
@require_POST
def comment_moderate(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(Comment.objects.select_related("consultation"), pk=pk)
    consultation = _consultation(request, comment.consultation_id)
    form = ModerationForm(request.POST)
    url = reverse("forums_staff:moderation", args=[consultation.pk])
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect(url + f"#comment-{comment.pk}")
    try:
        services.comment_moderate(
            comment=comment,
            publish=form.cleaned_data["decision"] == "publish",
            reason=form.cleaned_data["reason"],
            user=_user(request),
        )
    except services.RuleViolation as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            _("The comment is published.")
            if form.cleaned_data["decision"] == "publish"
            else _("The comment is hidden; its reason is shown in its place."),
        )
    return redirect(url)


@login_required
@require_POST
@once_per_form
def consultation_close(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    consultation = _consultation(request, pk)
    try:
        services.consultation_close(consultation=consultation)
    except services.RuleViolation as exc:
        messages.error(request, str(exc))
        return redirect(_back(consultation))
    messages.success(request, _("The consultation is closed. Its summary is ready."))
    return redirect(reverse("forums_staff:consultation_summary", args=[consultation.pk]))


@login_required
@require_POST
@once_per_form
def usage_note(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    consultation = _consultation(request, pk)
    form = UsageNoteForm(request.POST)
    if form.is_valid():
        try:
            services.usage_note_publish(consultation=consultation, text=form.cleaned_data["text"])
        except services.RuleViolation as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The note on how the input was used is published."))
            return redirect(_back(consultation, "#note-heading"))
    return render(
        request,
        "forums/staff/consultation_edit.html",
        _edit_context(consultation, note_form=form),
        status=400,
    )


@login_required
@require_POST
def decision_link(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    consultation = _consultation(request, pk)
    form = DecisionLinkForm(request.POST, consultation=consultation)
    if not form.is_valid():
        messages.error(request, _("Choose an agenda item of the consultation's case."))
    else:
        try:
            services.decision_link(consultation=consultation, item=form.cleaned_data["item"])
        except services.RuleViolation as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("The deciding item is linked."))
    return redirect(_back(consultation, "#decision-heading"))


@login_required
@require_GET
def consultation_summary(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    consultation = _consultation(request, pk)
    return render(
        request,
        "forums/staff/consultation_summary.html",
        {
            "consultation": consultation,
            "summary": reads.summary(consultation),
            "ended": consultation.has_ended(),
        },
    )


def _csv_cell(text: str) -> str:
    """Keep spreadsheet programs from running a cell as a formula (CSV injection)."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@") else text


@login_required
@require_GET
def answers_csv(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """All answers: UTF-8 with a BOM and semicolons, as Excel in Finnish opens them."""
    consultation = _consultation(request, pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = slugify(consultation.title)[:60] or "kuuleminen"
    response["Content-Disposition"] = (
        f'attachment; filename="kuuleminen-{consultation.pk}-{name}.csv"'
    )
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    for row in reads.csv_rows(consultation):
        writer.writerow([_csv_cell(cell) for cell in row])
    return response


@login_required
@require_POST
@once_per_form
def report_queue(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    consultation = _consultation(request, pk)
    document_queue_for(
        consultation,
        kind=DocumentKind.REPORT,
        title=_("Consultation report: %(title)s") % {"title": consultation.title},
    )
    messages.success(request, _("The PDF report is queued for rendering."))
    return redirect(_back(consultation, "#reports-heading"))


@login_required
@require_GET
def report_file(request: HtmxHttpRequest, pk: int) -> FileResponse:
    document = get_object_or_404(
        Document.objects.filter(
            kind=DocumentKind.REPORT,
            owner_type=ContentType.objects.get_for_model(Consultation),
        ),
        pk=pk,
    )
    _consultation(request, int(document.owner_id or 0))
    if document.state != DocumentState.READY or not document.file:
        raise Http404("the report is not ready")
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404("file missing") from None
    response = FileResponse(handle, content_type="application/pdf", filename=document.filename)
    response["Cache-Control"] = "private, no-store"
    return response
