"""Every write of consultations: one function per change, each atomic, with its rule.

A broken rule raises councils' RuleViolation with a message naming it; e-mails go out
after the transaction commits. The deadline (HVAL 29 §, DESIGN.md rule 9) is asked of
forums.rules.answers_accepted by every path that takes an answer.

Personal data: commenters' names and addresses, and the invitation addresses and statement
writers' names, are removed PERSONAL_DATA_KEPT_DAYS after the consultation ended; comments
never confirmed are deleted after OPT_IN_DAYS (forums/participation.py runs both daily).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from councils.attachments import pdf_read, stored_name
from councils.models import AgendaItem, Body, Case, Person
from councils.services import RuleViolation
from forums.models import (
    Answer,
    Choice,
    Comment,
    CommentFlag,
    CommentState,
    Consultation,
    ConsultationDocument,
    Invitation,
    Organisation,
    Question,
    QuestionKind,
    Statement,
    StatementRevision,
    StatementState,
)
from forums.participation import (
    OPT_IN_DAYS,
    PERSONAL_DATA_KEPT_DAYS,
    opt_in_token,
    personal_data_removal,
)
from forums.rules import answers_accepted
from forums.services import _absolute, _send

logger = logging.getLogger(__name__)

__all__ = ["RuleViolation"]

COMMENT_PURPOSE = "consultation-comment"
# A comment is hidden from the list (not from the moderator) after this many flags.
AnswerValue = str | int | None


def _local(moment: datetime) -> str:
    return formats.date_format(timezone.localtime(moment), "j.n.Y \\k\\l\\o H.i")


def _refuse_unless_open(consultation: Consultation, now: datetime) -> None:
    """HVAL 29 §: answers are taken only while the consultation is open (Helsinki time)."""
    if consultation.published_at is None or consultation.closed_at is not None:
        raise RuleViolation(_("The consultation is not open for answers."))
    if not answers_accepted(
        opens_at=consultation.opens_at, closes_at=consultation.closes_at, now=now
    ):
        if now < consultation.opens_at:
            raise RuleViolation(
                _("The consultation opens on %(when)s.") % {"when": _local(consultation.opens_at)}
            )
        raise RuleViolation(
            _(
                "The deadline was %(when)s (Helsinki time); answers are no longer taken. "
                "Contact the preparer if your statement is late."
            )
            % {"when": _local(consultation.closes_at)}
        )


# --- Consultations ---------------------------------------------------------------------------


@dataclass(frozen=True)
class QuestionData:
    text: str
    kind: str = QuestionKind.TEXT
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class ConsultationData:
    case: Case
    body: Body
    title: str
    summary: str
    opens_at: datetime
    closes_at: datetime
    statements_visible: str
    invited: bool
    open_to_all: bool
    preparer: Person | None = None
    questions: tuple[QuestionData, ...] = field(default_factory=tuple)


def _check_data(data: ConsultationData) -> None:
    if timezone.is_naive(data.opens_at) or timezone.is_naive(data.closes_at):
        raise ValueError("consultation times must be aware datetimes")
    if data.closes_at <= data.opens_at:
        raise RuleViolation(_("The consultation must close after it opens."))
    if not (data.invited or data.open_to_all):
        raise RuleViolation(_("Choose who is heard: invited organisations, everyone, or both."))
    for question in data.questions:
        if question.kind == QuestionKind.CHOICE and len(question.choices) < 2:
            raise RuleViolation(
                _("The question “%(q)s” needs at least two choices.") % {"q": question.text}
            )


def _write_questions(consultation: Consultation, questions: Sequence[QuestionData]) -> None:
    consultation.questions.all().delete()
    for order, data in enumerate(questions, start=1):
        question = Question.objects.create(
            consultation=consultation, order=order, kind=data.kind, text=data.text.strip()
        )
        if data.kind == QuestionKind.CHOICE:
            Choice.objects.bulk_create(
                Choice(question=question, order=n, text=text.strip())
                for n, text in enumerate(data.choices, start=1)
            )


@transaction.atomic
def consultation_create(*, data: ConsultationData, user: User | None = None) -> Consultation:
    """A draft consultation: not public until it is announced (consultation_publish)."""
    _check_data(data)
    consultation = Consultation.objects.create(
        case=data.case,
        body=data.body,
        preparer=data.preparer,
        title=data.title.strip(),
        summary=data.summary.strip(),
        opens_at=data.opens_at,
        closes_at=data.closes_at,
        statements_visible=data.statements_visible,
        invited=data.invited,
        open_to_all=data.open_to_all,
        created_by=user,
    )
    _write_questions(consultation, data.questions)
    return consultation


@transaction.atomic
def consultation_update(
    *, consultation: Consultation, data: ConsultationData, now: datetime | None = None
) -> Consultation:
    """Change a consultation. Once answers exist its questions stay as they were answered,
    and a deadline that has passed is not moved (the consultation is then closed)."""
    now = now or timezone.now()
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    _check_data(data)
    if consultation.closed_at is not None:
        raise RuleViolation(_("The consultation is closed; it is no longer changed."))
    answered = Answer.objects.filter(question__consultation=consultation).exists()
    old = [
        (q.kind, q.text, tuple(c.text for c in q.choices.all()))
        for q in consultation.questions.all()
    ]
    new = [(q.kind, q.text.strip(), tuple(c.strip() for c in q.choices)) for q in data.questions]
    if answered and old != new:
        raise RuleViolation(
            _("The questions have been answered already; they can no longer be changed.")
        )
    if consultation.published_at is not None and data.closes_at <= now < consultation.closes_at:
        raise RuleViolation(
            _("The deadline cannot be moved into the past while the consultation is open.")
        )
    for name in (
        "case",
        "body",
        "preparer",
        "opens_at",
        "closes_at",
        "statements_visible",
        "invited",
        "open_to_all",
    ):
        setattr(consultation, name, getattr(data, name))
    consultation.title = data.title.strip()
    consultation.summary = data.summary.strip()
    consultation.save()
    if old != new:
        _write_questions(consultation, data.questions)
    return consultation


@transaction.atomic
def consultation_publish(
    *, consultation: Consultation, now: datetime | None = None
) -> Consultation:
    """Announce the consultation: its page is public and the invitations go out."""
    now = now or timezone.now()
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if consultation.published_at is not None:
        return consultation
    if consultation.closes_at <= now:
        raise RuleViolation(_("The deadline has passed; set a new one before announcing."))
    consultation.published_at = now
    consultation.save(update_fields=["published_at", "modified_at"])
    unsent = list(
        consultation.invitations.filter(sent_at__isnull=True).values_list("pk", flat=True)
    )
    transaction.on_commit(lambda: _send_invitations(unsent))
    return consultation


@transaction.atomic
def consultation_close(*, consultation: Consultation, now: datetime | None = None) -> Consultation:
    """Close after the deadline, once every confirmed comment has been moderated."""
    now = now or timezone.now()
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if consultation.closed_at is not None:
        return consultation
    if now < consultation.closes_at:
        raise RuleViolation(
            _(
                "The consultation is open until %(when)s (Helsinki time); it is closed "
                "after the deadline, so that no one loses the time promised."
            )
            % {"when": _local(consultation.closes_at)}
        )
    waiting = consultation.comments.filter(state=CommentState.PENDING).count()
    if waiting:
        raise RuleViolation(
            _("%(n)s comments are waiting for moderation: publish or hide them first.")
            % {"n": waiting}
        )
    consultation.closed_at = now
    consultation.save(update_fields=["closed_at", "modified_at"])
    return consultation


@transaction.atomic
def usage_note_publish(
    *, consultation: Consultation, text: str, now: datetime | None = None
) -> Consultation:
    """The note on how the input was used, public on the consultation and agenda item."""
    now = now or timezone.now()
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if not consultation.has_ended(now):
        raise RuleViolation(
            _("The note on how the input was used is published after the consultation ends.")
        )
    if not text.strip():
        raise RuleViolation(_("Write the note before publishing it."))
    consultation.usage_note = text.strip()
    consultation.usage_note_published_at = consultation.usage_note_published_at or now
    consultation.save(update_fields=["usage_note", "usage_note_published_at", "modified_at"])
    return consultation


@transaction.atomic
def decision_link(*, consultation: Consultation, item: AgendaItem | None) -> Consultation:
    """Link the agenda item that decides the case (or unlink it with None)."""
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if item is not None and item.case_id != consultation.case_id:
        raise RuleViolation(
            _("The deciding item must be on the consultation's case %(case)s.")
            % {"case": consultation.case.diary_number}
        )
    consultation.decision_item = item
    consultation.save(update_fields=["decision_item", "modified_at"])
    return consultation


def document_add(*, consultation: Consultation, title: str, upload: File) -> ConsultationDocument:
    """A PDF of the material, checked as agenda attachments are (councils/attachments.py)."""
    max_mb = settings.ATTACHMENT_MAX_MB
    if upload.size is None or upload.size > max_mb * 1024 * 1024:
        raise ValidationError(
            _("The file is larger than %(max)s MB.") % {"max": max_mb}, code="too_large"
        )
    content = pdf_read(upload)
    upload.seek(0)
    checksum = hashlib.sha512()
    for chunk in upload.chunks():
        checksum.update(chunk)
    upload.seek(0)
    with transaction.atomic():
        locked = Consultation.objects.select_for_update().get(pk=consultation.pk)
        last = locked.documents.aggregate(n=Max("order"))["n"] or 0
        document = ConsultationDocument(
            consultation=locked,
            title=title.strip(),
            size=upload.size,
            pages=content.pages,
            text=content.text,
            sha512=checksum.hexdigest(),
            order=last + 1,
        )
        document.file.save(stored_name(title), upload, save=False)
        try:
            with transaction.atomic():
                document.save()
        except Exception:
            document.file.delete(save=False)
            raise
    return document


# --- Invitations and statements ----------------------------------------------------------------


@transaction.atomic
def invitation_add(
    *,
    consultation: Consultation,
    email: str,
    organisation: Organisation | None = None,
    body: Body | None = None,
) -> Invitation:
    """Invite an organisation, or a forum or advisory council; the e-mail with the personal
    link goes out at once if the consultation is announced, else when it is."""
    if (organisation is None) == (body is None):
        raise ValueError("invite an organisation or a body")
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if not consultation.invited:
        raise RuleViolation(_("This consultation does not take invited statements."))
    if consultation.has_ended():
        raise RuleViolation(_("The consultation has ended; no one is invited any more."))
    existing = consultation.invitations.filter(organisation=organisation, body=body).first()
    if existing is not None:
        raise RuleViolation(_("%(name)s is invited already.") % {"name": existing.invitee_name})
    invitation = Invitation.objects.create(
        consultation=consultation,
        organisation=organisation,
        body=body,
        email=email.strip().lower(),
    )
    if consultation.published_at is not None:
        pk = invitation.pk
        transaction.on_commit(lambda: invitation_send(pk))
    return invitation


def _send_invitations(pks: list[int]) -> None:
    for pk in pks:
        invitation_send(pk)


def invitation_send(pk: int, *, now: datetime | None = None) -> None:
    """Send (or send again) the invitation's e-mail with its personal link."""
    invitation = (
        Invitation.objects.select_related("consultation__case", "organisation", "body")
        .filter(pk=pk)
        .first()
    )
    if invitation is None or not invitation.email:
        return
    with translation.override("fi"):
        link = _absolute(reverse("forums:statement_edit", kwargs={"token": invitation.token}))
        page = _absolute(invitation.consultation.get_absolute_url())
    _send(
        to=[invitation.email],
        language="fi",
        template="forums/email/consultation_invitation.txt",
        context={
            "invitation": invitation,
            "consultation": invitation.consultation,
            "link": link,
            "page": page,
            "deadline": _local(invitation.consultation.closes_at),
        },
    )
    Invitation.objects.filter(pk=pk).update(sent_at=now or timezone.now())


def _answers_write(
    *,
    questions: Sequence[Question],
    answers: Mapping[int, AnswerValue],
    statement: Statement | None = None,
    comment: Comment | None = None,
) -> dict[str, AnswerValue]:
    """Store the answers (replacing earlier ones); the stored values by question order."""
    target: dict[str, Any] = (
        {"statement": statement} if statement is not None else {"comment": comment}
    )
    Answer.objects.filter(**target).delete()
    stored: dict[str, AnswerValue] = {}
    rows = []
    for question in questions:
        value = answers.get(question.pk)
        if value in (None, ""):
            continue
        answer = Answer(question=question, **target)
        if question.kind == QuestionKind.TEXT:
            answer.text = str(value).strip()
            stored[str(question.order)] = answer.text
        elif question.kind == QuestionKind.CHOICE:
            choice = next((c for c in question.choices.all() if c.pk == value), None)
            if choice is None:
                raise RuleViolation(_("Choose one of the given choices."))
            answer.choice = choice
            stored[str(question.order)] = choice.text
        else:
            if not isinstance(value, int) or not 1 <= value <= 5:
                raise RuleViolation(_("A scale answer is a number from 1 to 5."))
            answer.scale = value
            stored[str(question.order)] = value
        rows.append(answer)
    Answer.objects.bulk_create(rows)
    return stored


def _locked_statement(invitation: Invitation) -> tuple[Invitation, Statement]:
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("consultation")
        .get(pk=invitation.pk)
    )
    statement, _created = Statement.objects.select_for_update().get_or_create(invitation=invitation)
    return invitation, statement


@transaction.atomic
def statement_save_draft(
    *,
    invitation: Invitation,
    text: str,
    author_name: str = "",
    answers: Mapping[int, AnswerValue] | None = None,
    now: datetime | None = None,
) -> Statement:
    """Save the working copy; nothing of it is public. Refused after the deadline."""
    now = now or timezone.now()
    invitation, statement = _locked_statement(invitation)
    _refuse_unless_open(invitation.consultation, now)
    statement.draft_text = text.strip()
    statement.author_name = author_name.strip()
    statement.updated_at = now
    statement.save(update_fields=["draft_text", "author_name", "updated_at"])
    if answers is not None and statement.state == StatementState.DRAFT:
        _answers_write(
            questions=list(invitation.consultation.questions.prefetch_related("choices")),
            answers=answers,
            statement=statement,
        )
    return statement


@transaction.atomic
def statement_submit(
    *,
    invitation: Invitation,
    text: str,
    author_name: str = "",
    answers: Mapping[int, AnswerValue] | None = None,
    now: datetime | None = None,
) -> Statement:
    """Submit, or revise a submitted statement, until the deadline; each submission is kept
    as a revision. Sending the same content again (a double submit) adds no revision."""
    now = now or timezone.now()
    invitation, statement = _locked_statement(invitation)
    _refuse_unless_open(invitation.consultation, now)
    text = text.strip()
    questions = list(invitation.consultation.questions.prefetch_related("choices"))
    if not text and not any(v not in (None, "") for v in (answers or {}).values()):
        raise RuleViolation(_("Write the statement or answer at least one question."))
    stored = _answers_write(questions=questions, answers=answers or {}, statement=statement)
    last = statement.revisions.order_by("-number").first()
    if (
        statement.state == StatementState.SUBMITTED
        and last is not None
        and last.text == text
        and last.answers == stored
    ):
        return statement
    statement.state = StatementState.SUBMITTED
    statement.text = text
    statement.draft_text = text
    statement.author_name = author_name.strip() or statement.author_name
    statement.submitted_at = now
    statement.updated_at = now
    statement.save()
    StatementRevision.objects.create(
        statement=statement,
        number=(last.number + 1) if last else 1,
        text=text,
        answers=stored,
        submitted_at=now,
    )
    return statement


@transaction.atomic
def statement_answer_with_decision(
    *, invitation: Invitation, item: AgendaItem, now: datetime | None = None
) -> Statement:
    """An advisory council (or forum) answers with its own decision: a link to its item."""
    now = now or timezone.now()
    invitation, statement = _locked_statement(invitation)
    if invitation.body_id is None or item.meeting.body_id != invitation.body_id:
        raise RuleViolation(
            _("Only the invited body's own agenda item can stand as its statement.")
        )
    _refuse_unless_open(invitation.consultation, now)
    statement.answered_by_item = item
    statement.state = StatementState.SUBMITTED
    statement.submitted_at = now
    statement.updated_at = now
    statement.save()
    number = (statement.revisions.aggregate(n=Max("number"))["n"] or 0) + 1
    StatementRevision.objects.create(
        statement=statement,
        number=number,
        text=statement.text,
        answers={"item": item.pk},
        submitted_at=now,
    )
    return statement


# --- Open comments -------------------------------------------------------------------------------


@transaction.atomic
def comment_submit(
    *,
    consultation: Consultation,
    text: str,
    email: str,
    name: str = "",
    signed: bool = False,
    answers: Mapping[int, AnswerValue] | None = None,
    language: str = "fi",
    now: datetime | None = None,
) -> Comment:
    """A resident's comment, stored unconfirmed; the e-mailed link confirms the address and
    sends the comment to moderation. Nothing of it is public before a moderator publishes."""
    now = now or timezone.now()
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if not consultation.open_to_all:
        raise RuleViolation(
            _("This consultation takes statements from invited organisations only.")
        )
    _refuse_unless_open(consultation, now)
    if not text.strip():
        raise RuleViolation(_("Write your comment."))
    if signed and not name.strip():
        raise RuleViolation(_("Write your name to sign the comment, or choose a pen name."))
    comment = Comment.objects.create(
        consultation=consultation,
        text=text.strip(),
        name=name.strip(),
        signed=signed,
        email=email.strip().lower(),
        language=language,
        created_at=now,
    )
    _answers_write(
        questions=list(consultation.questions.prefetch_related("choices")),
        answers=answers or {},
        comment=comment,
    )
    pk = comment.pk
    transaction.on_commit(lambda: _send_comment_confirmation(pk))
    return comment


def comment_confirm_url(comment: Comment) -> str:
    token = opt_in_token(purpose=COMMENT_PURPOSE, pk=comment.pk, email=comment.email)
    with translation.override(comment.language):
        return _absolute(reverse("forums:comment_confirm", kwargs={"token": token}))


def _send_comment_confirmation(pk: int) -> None:
    comment = Comment.objects.select_related("consultation").filter(pk=pk).first()
    if comment is None or comment.state != CommentState.UNCONFIRMED:
        return
    _send(
        to=[comment.email],
        language=comment.language,
        template="forums/email/comment_confirm.txt",
        context={
            "comment": comment,
            "consultation": comment.consultation,
            "confirm_url": comment_confirm_url(comment),
            "days": OPT_IN_DAYS,
        },
    )


@transaction.atomic
def comment_confirm(*, comment: Comment, now: datetime | None = None) -> Comment:
    """The address is confirmed: the comment waits for moderation. Again: no change."""
    now = now or timezone.now()
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if comment.state != CommentState.UNCONFIRMED:
        return comment
    if now - comment.created_at > timedelta(days=OPT_IN_DAYS):
        raise RuleViolation(_("The confirmation link has expired; send the comment again."))
    comment.state = CommentState.PENDING
    comment.confirmed_at = now
    comment.save(update_fields=["state", "confirmed_at"])
    return comment


@transaction.atomic
def comment_moderate(
    *,
    comment: Comment,
    publish: bool,
    reason: str = "",
    user: User | None = None,
    now: datetime | None = None,
) -> Comment:
    """Publish a comment, or hide it with a reason that is shown in its place."""
    now = now or timezone.now()
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if comment.state == CommentState.UNCONFIRMED:
        raise RuleViolation(_("The writer has not confirmed this comment yet."))
    reason = reason.strip()
    if not publish and not reason:
        raise RuleViolation(
            _("Give the reason for hiding the comment: it is shown in the comment's place.")
        )
    comment.state = CommentState.PUBLISHED if publish else CommentState.HIDDEN
    comment.moderation_reason = reason
    comment.moderated_by = user
    comment.moderated_at = now
    comment.save(update_fields=["state", "moderation_reason", "moderated_by", "moderated_at"])
    comment.flags.filter(handled_at__isnull=True).update(handled_at=now)
    return comment


@transaction.atomic
def comment_flag(*, comment: Comment, reason: str, reporter: str) -> CommentFlag | None:
    """A resident flags a published comment for the moderators; once per reporter."""
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if comment.state != CommentState.PUBLISHED:
        raise RuleViolation(_("Only a published comment can be flagged."))
    digest = hashlib.sha256(reporter.encode("utf-8", "surrogatepass")).hexdigest()
    flag, created = CommentFlag.objects.get_or_create(
        comment=comment, reporter=digest, defaults={"reason": reason.strip()[:500]}
    )
    return flag if created else None


# --- Personal data on a schedule (forums/participation.py) -----------------------------------------


def _ended_before(cutoff: datetime) -> Q:
    return Q(consultation__closed_at__lt=cutoff) | Q(
        consultation__closed_at__isnull=True, consultation__closes_at__lt=cutoff
    )


@personal_data_removal(
    "consultation-commenters",
    what="names and e-mail addresses of commenters",
    days=PERSONAL_DATA_KEPT_DAYS,
)
def commenters_personal_data_remove(cutoff: datetime) -> int:
    """Commenters' names and addresses go; the published text stays, unsigned."""
    return (
        Comment.objects.filter(_ended_before(cutoff), personal_data_removed_at__isnull=True)
        .exclude(state=CommentState.UNCONFIRMED)
        .update(name="", signed=False, email="", personal_data_removed_at=timezone.now())
    )


@personal_data_removal(
    "consultation-unconfirmed-comments",
    what="comments never confirmed by e-mail",
    days=OPT_IN_DAYS,
)
def unconfirmed_comments_remove(cutoff: datetime) -> int:
    deleted, _by_model = Comment.objects.filter(
        state=CommentState.UNCONFIRMED, created_at__lt=cutoff
    ).delete()
    return deleted


@personal_data_removal(
    "consultation-invitation-contacts",
    what="invitation addresses and the names of statements' writers",
    days=PERSONAL_DATA_KEPT_DAYS,
)
def invitation_contacts_remove(cutoff: datetime) -> int:
    ended = _ended_before(cutoff)
    changed = Invitation.objects.filter(ended).exclude(email="").update(email="")
    changed += (
        Statement.objects.filter(
            Q(invitation__consultation__closed_at__lt=cutoff)
            | Q(
                invitation__consultation__closed_at__isnull=True,
                invitation__consultation__closes_at__lt=cutoff,
            )
        )
        .exclude(author_name="")
        .update(author_name="")
    )
    return changed
