"""Consultations (kuuleminen, lausuntopyyntö) on a case: who is heard, what they said, and
how it was used (DESIGN.md rule 9, HVAL 29 §).

A consultation is opened on a case (diary number) by its preparer, a clerk of the deciding
body or the organisations coordinator. Invited organisations, municipalities, advisory
councils and forums answer with a statement through a personal link; in an open
consultation anyone may comment (signed or under a pen name, the address confirmed by
double opt-in), and a moderator publishes or hides each comment with a public reason.
The deadline is an aware datetime, shown and entered in Helsinki time.
"""

from __future__ import annotations

import secrets
from datetime import datetime

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from councils.models import AgendaItem, Body, BodyKind, Case, Person
from councils.models.organisation import modified_field
from forums.models.organisations import Organisation, OrganisationKind
from forums.rules import answers_accepted
from portal.lib.choices import in_choices

SCALE_MIN, SCALE_MAX = 1, 5
MAX_STATEMENT_CHARS = 20_000
MAX_COMMENT_CHARS = 5_000


class StatementVisibility(models.TextChoices):
    AT_ONCE = "at_once", _("at once when submitted")
    AFTER_CLOSING = "after_closing", _("after the consultation has closed")


class QuestionKind(models.TextChoices):
    TEXT = "text", _("free text")
    CHOICE = "choice", _("one choice")
    SCALE = "scale", _("scale 1–5")


class StatementState(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")


class CommentState(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("waiting for e-mail confirmation")
    PENDING = "pending", _("waiting for moderation")
    PUBLISHED = "published", _("published")
    HIDDEN = "hidden", _("hidden")


class RespondentKind(models.TextChoices):
    """Who answered, for the summary's counts."""

    MUNICIPALITY = "municipality", _("municipality")
    ORGANISATION = "organisation", _("organisation")
    ADVISORY_COUNCIL = "advisory_council", _("advisory council")
    FORUM = "forum", _("cooperation forum")
    BODY = "body", _("committee or other body of the county")
    RESIDENT = "resident", _("resident (open comment)")


def new_invitation_token() -> str:
    return secrets.token_urlsafe(32)


class ConsultationQuerySet(models.QuerySet["Consultation"]):
    def published(self) -> ConsultationQuerySet:
        """What residents see: every consultation that has been opened (announced)."""
        return self.filter(published_at__isnull=False)

    def running(self, now: datetime) -> ConsultationQuerySet:
        return self.published().filter(opens_at__lte=now, closes_at__gt=now, closed_at__isnull=True)

    def upcoming(self, now: datetime) -> ConsultationQuerySet:
        return self.published().filter(opens_at__gt=now, closed_at__isnull=True)

    def ended(self, now: datetime) -> ConsultationQuerySet:
        return self.published().filter(Q(closes_at__lte=now) | Q(closed_at__isnull=False))

    def manageable_by(self, user: AbstractBaseUser | AnonymousUser) -> ConsultationQuerySet:
        """The consultations this user may change: the organisations coordinator's all, a
        clerk's those decided by their bodies, a preparer's their own (forums/rules.py)."""
        from forums.rules import may_manage_organisations

        if not user.is_authenticated:
            return self.none()
        if may_manage_organisations(user):
            return self
        return self.filter(
            Q(body__in=Body.objects.editable_by(user)) | Q(preparer__user=user)
        ).distinct()


class Consultation(models.Model):
    """A request for statements and, when open, comments on a case before it is decided."""

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.PROTECT, related_name="consultations"
    )
    body = models.ForeignKey(
        Body,
        verbose_name=_("deciding body"),
        on_delete=models.PROTECT,
        related_name="consultations",
    )
    preparer = models.ForeignKey(
        Person,
        verbose_name=_("preparer"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consultations",
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary in plain language"), max_length=5000)
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    statements_visible = models.CharField(
        _("statements are public"),
        max_length=20,
        choices=StatementVisibility.choices,
        default=StatementVisibility.AFTER_CLOSING,
    )
    invited = models.BooleanField(_("invited statements"), default=True)
    open_to_all = models.BooleanField(_("open to everyone's comments"), default=False)
    published_at = models.DateTimeField(_("announced"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    usage_note = models.TextField(_("how the input was used"), blank=True, max_length=10_000)
    usage_note_published_at = models.DateTimeField(_("note published"), null=True, blank=True)
    decision_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("deciding agenda item"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    modified_at = modified_field()

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_at", "pk"]
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=F("opens_at")), name="consultation_closes_after_opening"
            ),
            models.CheckConstraint(
                condition=Q(invited=True) | Q(open_to_all=True),
                name="consultation_hears_someone",
            ),
            models.CheckConstraint(
                condition=Q(usage_note_published_at__isnull=True) | ~Q(usage_note=""),
                name="consultation_published_note_has_text",
            ),
            in_choices("statements_visible", StatementVisibility.choices),
        ]
        indexes = [models.Index(fields=["opens_at", "closes_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("forums:consultation_detail", kwargs={"pk": self.pk})

    def is_open(self, now: datetime | None = None) -> bool:
        """Answers are taken: announced, opened, before the deadline and not closed."""
        now = now or timezone.now()
        return (
            self.published_at is not None
            and self.closed_at is None
            and answers_accepted(opens_at=self.opens_at, closes_at=self.closes_at, now=now)
        )

    def has_ended(self, now: datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.closed_at is not None or now >= self.closes_at

    def statements_public(self, now: datetime | None = None) -> bool:
        return self.statements_visible == StatementVisibility.AT_ONCE or self.has_ended(now)

    def phase(self, now: datetime | None = None) -> str:
        now = now or timezone.now()
        if self.published_at is None:
            return "draft"
        if self.has_ended(now):
            return "closed"
        return "open" if self.opens_at <= now else "upcoming"


class ConsultationDocument(models.Model):
    """A PDF of the consultation's material, checked like agenda attachments."""

    consultation = models.ForeignKey(
        Consultation,
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="kuulemiset/%Y/")
    size = models.PositiveIntegerField(_("size in bytes"), default=0)
    pages = models.PositiveIntegerField(_("pages"), default=0)
    text = models.TextField(_("text for search"), blank=True)
    sha512 = models.CharField(_("SHA-512"), max_length=128, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=1)

    class Meta:
        ordering = ["consultation", "order", "pk"]
        verbose_name = _("consultation document")
        verbose_name_plural = _("consultation documents")

    def __str__(self) -> str:
        return self.title


class Question(models.Model):
    consultation = models.ForeignKey(
        Consultation,
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="questions",
    )
    order = models.PositiveSmallIntegerField(_("order"))
    kind = models.CharField(
        _("kind"), max_length=10, choices=QuestionKind.choices, default=QuestionKind.TEXT
    )
    text = models.CharField(_("question"), max_length=500)

    class Meta:
        ordering = ["consultation", "order"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.UniqueConstraint(fields=["consultation", "order"], name="question_order_unique"),
            in_choices("kind", QuestionKind.choices),
        ]

    def __str__(self) -> str:
        return self.text


class Choice(models.Model):
    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="choices"
    )
    order = models.PositiveSmallIntegerField(_("order"))
    text = models.CharField(_("choice"), max_length=200)

    class Meta:
        ordering = ["question", "order"]
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        constraints = [
            models.UniqueConstraint(fields=["question", "order"], name="choice_order_unique")
        ]

    def __str__(self) -> str:
        return self.text


class Invitation(models.Model):
    """A request for a statement from one organisation, forum or advisory council. The
    token in the e-mailed link lets its representative write without an account."""

    consultation = models.ForeignKey(
        Consultation,
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="invitations",
    )
    body = models.ForeignKey(
        Body,
        verbose_name=_("advisory council, forum or committee"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="invitations",
    )
    email = models.EmailField(_("e-mail address of the invitation"), blank=True)
    token = models.CharField(
        _("token"), max_length=64, unique=True, default=new_invitation_token, editable=False
    )
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        ordering = ["consultation", "pk"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.CheckConstraint(
                condition=Q(organisation__isnull=False, body__isnull=True)
                | Q(organisation__isnull=True, body__isnull=False),
                name="invitation_has_one_invitee",
            ),
            models.UniqueConstraint(
                fields=["consultation", "organisation"],
                condition=Q(organisation__isnull=False),
                name="invitation_organisation_once",
            ),
            models.UniqueConstraint(
                fields=["consultation", "body"],
                condition=Q(body__isnull=False),
                name="invitation_body_once",
            ),
        ]

    def __str__(self) -> str:
        return self.invitee_name

    def get_absolute_url(self) -> str:
        return reverse("forums:statement_edit", kwargs={"token": self.token})

    @property
    def invitee_name(self) -> str:
        if self.organisation is not None:
            return self.organisation.name
        return self.body.name if self.body is not None else ""

    @property
    def respondent_kind(self) -> str:
        if self.organisation is not None:
            if self.organisation.kind == OrganisationKind.MUNICIPALITY:
                return RespondentKind.MUNICIPALITY
            return RespondentKind.ORGANISATION
        if self.body is not None and self.body.kind == BodyKind.ADVISORY_COUNCIL:
            return RespondentKind.ADVISORY_COUNCIL
        if self.body is not None and self.body.kind == BodyKind.FORUM:
            return RespondentKind.FORUM
        return RespondentKind.BODY

    @property
    def is_body(self) -> bool:
        return self.body_id is not None


class Statement(models.Model):
    """The one statement of an invitation: a draft until submitted; every submission is
    kept as a revision, and the latest is what the public reads."""

    invitation = models.OneToOneField(
        Invitation,
        verbose_name=_("invitation"),
        on_delete=models.CASCADE,
        related_name="statement",
    )
    state = models.CharField(
        _("state"), max_length=10, choices=StatementState.choices, default=StatementState.DRAFT
    )
    text = models.TextField(_("statement"), blank=True, max_length=MAX_STATEMENT_CHARS)
    # The working copy that a draft save changes; `text` is what was last submitted.
    draft_text = models.TextField(_("draft"), blank=True, max_length=MAX_STATEMENT_CHARS)
    author_name = models.CharField(_("written by (not public)"), max_length=200, blank=True)
    # An advisory council may answer with one of its own decisions.
    answered_by_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("answered by the decision"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    updated_at = models.DateTimeField(_("saved"), default=timezone.now)

    class Meta:
        ordering = ["invitation"]
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        constraints = [
            in_choices("state", StatementState.choices),
            models.CheckConstraint(
                condition=Q(state="draft") | Q(submitted_at__isnull=False),
                name="statement_submitted_has_time",
            ),
        ]

    def __str__(self) -> str:
        return str(self.invitation)


class StatementRevision(models.Model):
    """One submitted version of a statement, kept when it is revised."""

    statement = models.ForeignKey(
        Statement, verbose_name=_("statement"), on_delete=models.CASCADE, related_name="revisions"
    )
    number = models.PositiveSmallIntegerField(_("revision"))
    text = models.TextField(_("statement"), blank=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    submitted_at = models.DateTimeField(_("submitted"))

    class Meta:
        ordering = ["statement", "-number"]
        verbose_name = _("statement revision")
        verbose_name_plural = _("statement revisions")
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "number"], name="statement_revision_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.statement} ({self.number})"


class Comment(models.Model):
    """A comment in an open consultation: public only once confirmed and published."""

    consultation = models.ForeignKey(
        Consultation,
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    text = models.TextField(_("comment"), max_length=MAX_COMMENT_CHARS)
    name = models.CharField(_("name or pen name"), max_length=100, blank=True)
    signed = models.BooleanField(_("signed with one's own name"), default=False)
    email = models.EmailField(_("e-mail address"), blank=True)
    language = models.CharField(_("language"), max_length=5, default="fi")
    state = models.CharField(
        _("state"),
        max_length=12,
        choices=CommentState.choices,
        default=CommentState.UNCONFIRMED,
    )
    moderation_reason = models.CharField(_("reason given"), max_length=500, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    personal_data_removed_at = models.DateTimeField(
        _("personal data removed"), null=True, blank=True
    )

    class Meta:
        ordering = ["consultation", "created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        constraints = [
            in_choices("state", CommentState.choices),
            models.CheckConstraint(
                condition=~Q(state="hidden") | ~Q(moderation_reason=""),
                name="comment_hidden_has_reason",
            ),
        ]
        indexes = [models.Index(fields=["consultation", "state"])]

    def __str__(self) -> str:
        return f"{self.display_name}: {self.text[:40]}"

    @property
    def display_name(self) -> str:
        return self.name or str(_("anonymous"))


class CommentFlag(models.Model):
    """A resident's report that a published comment breaks the rules."""

    comment = models.ForeignKey(
        Comment, verbose_name=_("comment"), on_delete=models.CASCADE, related_name="flags"
    )
    reason = models.CharField(_("reason"), max_length=500)
    # A digest of the reporter's address: one flag per address and comment, nothing more.
    reporter = models.CharField(_("reporter"), max_length=64)
    created_at = models.DateTimeField(_("flagged"), default=timezone.now)
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)

    class Meta:
        ordering = ["comment", "created_at"]
        verbose_name = _("flag")
        verbose_name_plural = _("flags")
        constraints = [
            models.UniqueConstraint(fields=["comment", "reporter"], name="comment_flag_once")
        ]

    def __str__(self) -> str:
        return self.reason[:60]


class Answer(models.Model):
    """The answer of one statement or comment to one question."""

    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="answers"
    )
    statement = models.ForeignKey(
        Statement,
        verbose_name=_("statement"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="answers",
    )
    comment = models.ForeignKey(
        Comment,
        verbose_name=_("comment"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="answers",
    )
    text = models.TextField(_("answer"), blank=True, max_length=MAX_COMMENT_CHARS)
    choice = models.ForeignKey(
        Choice,
        verbose_name=_("choice"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="answers",
    )
    scale = models.PositiveSmallIntegerField(
        _("scale"),
        null=True,
        blank=True,
        validators=[MinValueValidator(SCALE_MIN), MaxValueValidator(SCALE_MAX)],
    )

    class Meta:
        ordering = ["question"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.CheckConstraint(
                condition=Q(statement__isnull=False, comment__isnull=True)
                | Q(statement__isnull=True, comment__isnull=False),
                name="answer_has_one_respondent",
            ),
            models.CheckConstraint(
                condition=Q(scale__isnull=True) | Q(scale__gte=SCALE_MIN, scale__lte=SCALE_MAX),
                name="answer_scale_1_to_5",
            ),
            models.UniqueConstraint(
                fields=["question", "statement"],
                condition=Q(statement__isnull=False),
                name="answer_once_per_statement",
            ),
            models.UniqueConstraint(
                fields=["question", "comment"],
                condition=Q(comment__isnull=False),
                name="answer_once_per_comment",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question}: {self.text[:40]}"
