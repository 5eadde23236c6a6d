"""Public pages of consultations: the list, a consultation, an invited organisation's
statement page (by its personal link), commenting with double opt-in, and flagging."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from forums import consultation_reads as reads
from forums import consultations as services
from forums.consultation_forms import CommentForm, FilterForm, FlagForm, StatementForm
from forums.models import (
    Comment,
    CommentState,
    Consultation,
    ConsultationDocument,
    Invitation,
    StatementState,
)
from forums.participation import (
    CONSENT_STATEMENT,
    RateLimit,
    client_address,
    opt_in_read,
    rate_limited,
)
from portal.lib.once import once_per_form

# One address may send this many comments to one consultation an hour, and a
# consultation takes at most this many an hour from everyone (a flood waits).
COMMENT_LIMIT = RateLimit(bucket="consultation-comment", per_address=5, window=3600, per_target=200)
FLAG_LIMIT = RateLimit(bucket="consultation-flag", per_address=20, window=3600)
STATEMENT_LIMIT = RateLimit(bucket="consultation-statement", per_address=60, window=3600)
LIST_LIMIT = 200


@require_GET
def consultation_list(request: HttpRequest) -> HttpResponse:
    form = FilterForm(request.GET or None)
    now = timezone.now()
    base = Consultation.objects.published()
    if form.is_valid() and form.cleaned_data.get("toimielin"):
        base = base.filter(body=form.cleaned_data["toimielin"])
    phase = form.cleaned_data.get("tila", "") if form.is_valid() else ""
    sections = []
    for key, title, queryset in (
        ("open", _("Open now"), base.running(now).order_by("closes_at")),
        ("upcoming", _("Upcoming"), base.upcoming(now).order_by("opens_at")),
        ("closed", _("Closed"), base.ended(now).order_by("-closes_at")),
    ):
        if phase and phase != key:
            continue
        sections.append((key, title, list(reads.listed(queryset)[:LIST_LIMIT])))
    return render(
        request,
        "forums/consultation_list.html",
        {"form": form, "sections": sections, "section": "participate", "now": now},
        status=200 if form.is_valid() or not request.GET else 400,
    )


def _detail_context(request: HttpRequest, consultation: Consultation) -> dict[str, object]:
    now = timezone.now()
    invitations = reads.invitations_of(consultation)
    return {
        "consultation": consultation,
        "now": now,
        "phase": consultation.phase(now),
        "documents": list(consultation.documents.all()),
        "questions": reads.questions_of(consultation),
        "invitations": invitations,
        "statements_public": consultation.statements_public(now),
        "statements": reads.submitted(invitations),
        "comments": reads.public_comments(consultation),
        "accepts_comments": consultation.open_to_all and consultation.is_open(now),
        "section": "participate",
    }


def _published_or_404(pk: int) -> Consultation:
    return get_object_or_404(
        Consultation.objects.published().select_related(
            "case", "body", "preparer", "decision_item__meeting__body"
        ),
        pk=pk,
    )


@require_GET
def consultation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = _published_or_404(pk)
    context = _detail_context(request, consultation)
    if context["accepts_comments"]:
        context["form"] = CommentForm(questions=context["questions"])  # type: ignore[arg-type]
    return render(request, "forums/consultation_detail.html", context)


@require_POST
@once_per_form
def comment_submit(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = _published_or_404(pk)
    context = _detail_context(request, consultation)
    form = CommentForm(request.POST, questions=context["questions"])  # type: ignore[arg-type]
    context["form"] = form
    if not context["accepts_comments"]:
        messages.error(request, _("The consultation is not open for comments."))
        return render(request, "forums/consultation_detail.html", context, status=409)
    if form.is_valid():
        wait = rate_limited(request, COMMENT_LIMIT, target=f"consultation:{consultation.pk}")
        if wait:
            form.add_error(
                None,
                _("Too many comments from your address: try again in %(m)s minutes.")
                % {"m": max(1, wait // 60)},
            )
        else:
            try:
                services.comment_submit(
                    consultation=consultation,
                    text=form.cleaned_data["text"],
                    email=form.cleaned_data["email"],
                    name=form.cleaned_data["name"],
                    signed=form.cleaned_data["signed"],
                    answers=form.answers(),
                    language=get_language() or "fi",
                )
            except services.RuleViolation as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(
                    request,
                    _(
                        "Thank you. We sent a link to your e-mail address: open it and press "
                        "the button to confirm your comment. A moderator then reads it before "
                        "it is published."
                    ),
                )
                return redirect(consultation.get_absolute_url() + "#comments-heading")
    return render(request, "forums/consultation_detail.html", context, status=400)


@require_http_methods(["GET", "POST"])
def comment_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The e-mailed link shows a button (mail scanners fetch links); only the POST confirms."""
    opt_in = opt_in_read(token, purpose=services.COMMENT_PURPOSE)
    comment = (
        Comment.objects.select_related("consultation").filter(pk=opt_in.pk).first()
        if opt_in
        else None
    )
    if opt_in is None or comment is None or not opt_in.matches(comment.email):
        return render(
            request,
            "forums/comment_confirm.html",
            {"invalid": True, "section": "participate"},
            status=404,
        )
    if request.method == "POST":
        try:
            services.comment_confirm(comment=comment)
        except services.RuleViolation as exc:
            messages.error(request, str(exc))
        return redirect(reverse("forums:comment_confirm", kwargs={"token": token}))
    return render(
        request,
        "forums/comment_confirm.html",
        {
            "comment": comment,
            "consultation": comment.consultation,
            "confirmed": comment.state != CommentState.UNCONFIRMED,
            "section": "participate",
        },
    )


@require_http_methods(["GET", "POST"])
def comment_flag(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(
        Comment.objects.select_related("consultation").filter(
            state=CommentState.PUBLISHED, consultation__published_at__isnull=False
        ),
        pk=pk,
    )
    form = FlagForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if rate_limited(request, FLAG_LIMIT):
            form.add_error(None, _("Too many reports from your address: try again later."))
        else:
            services.comment_flag(
                comment=comment,
                reason=form.cleaned_data["reason"],
                reporter=client_address(request),
            )
            messages.success(request, _("Thank you. A moderator reads the comment again."))
            return redirect(comment.consultation.get_absolute_url() + f"#comment-{comment.pk}")
    return render(
        request,
        "forums/comment_flag.html",
        {"comment": comment, "form": form, "section": "participate"},
        status=400 if form.is_bound else 200,
    )


# --- An invited organisation's statement --------------------------------------------------------


def _invitation_for(token: str) -> Invitation:
    if len(token) > 64:
        raise Http404
    invitation = (
        Invitation.objects.select_related(
            "consultation__case", "consultation__body", "organisation", "body", "statement"
        )
        .filter(token=token, consultation__published_at__isnull=False)
        .first()
    )
    if invitation is None:
        raise Http404
    return invitation


@require_http_methods(["GET", "POST"])
def statement_edit(request: HttpRequest, token: str) -> HttpResponse:
    """Write, save a draft, submit and revise until the deadline: no account, no script."""
    invitation = _invitation_for(token)
    consultation = invitation.consultation
    questions = reads.questions_of(consultation)
    statement = getattr(invitation, "statement", None)
    initial: dict[str, object] = {}
    if statement is not None:
        initial = {
            "text": statement.draft_text or statement.text,
            "author_name": statement.author_name,
        }
        for answer in statement.answers.all():
            initial[f"q_{answer.question_id}"] = answer.choice_id or answer.scale or answer.text
    form = StatementForm(request.POST or None, initial=initial, questions=questions)
    if request.method == "POST":
        if rate_limited(request, STATEMENT_LIMIT, target=f"invitation:{invitation.pk}"):
            form.add_error(None, _("Too many saves in a short time: wait a moment and retry."))
        elif form.is_valid():
            submit = request.POST.get("action") == "submit"
            call = services.statement_submit if submit else services.statement_save_draft
            try:
                call(
                    invitation=invitation,
                    text=form.cleaned_data["text"],
                    author_name=form.cleaned_data["author_name"],
                    answers=form.answers(),
                )
            except services.RuleViolation as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(
                    request,
                    _("The statement has been submitted. You may revise it until the deadline.")
                    if submit
                    else _("The draft has been saved. It is not public and not yet submitted."),
                )
                return redirect(reverse("forums:statement_edit", kwargs={"token": token}))
    statement = getattr(invitation, "statement", None)
    now = timezone.now()
    return render(
        request,
        "forums/statement_edit.html",
        {
            "invitation": invitation,
            "consultation": consultation,
            "statement": statement,
            "submitted": statement is not None and statement.state == StatementState.SUBMITTED,
            "revisions": list(statement.revisions.all()) if statement else [],
            "form": form,
            "open": consultation.is_open(now),
            "documents": list(consultation.documents.all()),
            "consent": CONSENT_STATEMENT,
            "section": "participate",
        },
        status=400 if form.errors else 200,
    )


@require_GET
def document_file(request: HttpRequest, pk: int) -> FileResponse:
    document = get_object_or_404(
        ConsultationDocument.objects.filter(consultation__published_at__isnull=False), pk=pk
    )
    try:
        handle = document.file.open("rb")
    except (FileNotFoundError, ValueError) as exc:
        raise Http404 from exc
    return FileResponse(
        handle, content_type="application/pdf", filename=document.file.name.rsplit("/", 1)[-1]
    )
