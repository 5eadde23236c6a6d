"""Generated documents: the agenda, the minutes and the extracts, rendered to PDF/A.

Other apps render their own documents through the same pipeline (kind REPORT): such a
document belongs to any object (`owner`, a generic relation) instead of a meeting, and
the app registers a renderer for it in councils.documents.
"""

from __future__ import annotations

from datetime import date
from pathlib import PurePosixPath

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from councils.models.meetings import (
    AgendaItem,
    Meeting,
    MeetingState,
    on_public_agenda_q,
    personal_data_expired_q,
)
from councils.models.organisation import modified_field
from portal.lib.choices import in_choices
from portal.lib.urls import pk_url


class DocumentKind(models.TextChoices):
    AGENDA = "agenda", _("agenda")
    MINUTES = "minutes", _("minutes")
    EXTRACT = "extract", _("extract from the minutes")
    REPORT = "report", _("report")


class DocumentState(models.TextChoices):
    QUEUED = "queued", _("queued")
    RENDERING = "rendering", _("rendering")
    READY = "ready", _("ready")
    FAILED = "failed", _("failed")


class DocumentQuerySet(models.QuerySet["Document"]):
    def ready(self) -> DocumentQuerySet:
        return self.filter(state=DocumentState.READY)

    def latest_versions(self) -> DocumentQuerySet:
        """The newest version of each document (the public sees these by default)."""
        return self.filter(superseded_at__isnull=True)

    def personal_data_expired(self, today: date) -> DocumentQuerySet:
        """Minutes and extracts that still carry personal data which has left the public
        web (rule 7): an extract when its item's has, the minutes when any item's has."""
        return self.filter(_expired_q(today))

    def public_copies(self, today: date | None = None) -> DocumentQuerySet:
        """Meeting documents residents may open now: the public copies of an agenda that is
        out and of minutes that are out, an extract only of a public item, and no copy that
        still carries personal data past its time (the redacted copy takes its place).
        The meeting page, the file downloads and the open-data API all ask this."""
        today = today or timezone.localdate()
        agenda = Q(kind=DocumentKind.AGENDA) & on_public_agenda_q()
        minutes = Q(kind=DocumentKind.MINUTES, meeting__state=MeetingState.MINUTES_PUBLISHED)
        extract = Q(
            kind=DocumentKind.EXTRACT,
            meeting__state=MeetingState.MINUTES_PUBLISHED,
            item__is_public=True,
        )
        return self.filter(agenda | minutes | extract, public=True, meeting__isnull=False).exclude(
            _expired_q(today)
        )


def _expired_q(today: date) -> Q:
    """Correlated per document row (an index lookup each), never a list of every item."""
    expired = AgendaItem.objects.filter(personal_data_expired_q(today))
    return Q(redacted=False) & (
        Q(kind=DocumentKind.EXTRACT) & Exists(expired.filter(pk=OuterRef("item_id")))
        | Q(kind=DocumentKind.MINUTES) & Exists(expired.filter(meeting_id=OuterRef("meeting_id")))
    )


class Document(models.Model):
    """One rendered version of a document. A ready document is never overwritten:
    a correction renders a new version, and the page lists the earlier ones."""

    kind = models.CharField(_("kind"), max_length=10, choices=DocumentKind.choices)
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="documents",
    )
    # A document of another app (a report) belongs to its owner instead of a meeting.
    owner_type = models.ForeignKey(
        ContentType,
        verbose_name=_("owner type"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    owner_id = models.PositiveBigIntegerField(_("owner id"), null=True, blank=True)
    owner = GenericForeignKey("owner_type", "owner_id")
    title = models.CharField(_("title"), max_length=300, blank=True)
    item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="documents",
    )
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    # The public copy leaves out tagged personal data once the appeal period has ended;
    # the internal original keeps the record whole.
    public = models.BooleanField(_("public copy"), default=True)
    redacted = models.BooleanField(_("personal data removed"), default=False)
    state = models.CharField(
        _("state"), max_length=10, choices=DocumentState.choices, default=DocumentState.QUEUED
    )
    failure = models.TextField(_("reason for failure"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    file = models.FileField(_("file"), upload_to="asiakirjat/%Y/", blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    size = models.PositiveIntegerField(_("size in bytes"), default=0)
    pages = models.PositiveIntegerField(_("pages"), default=0)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    superseded_at = models.DateTimeField(_("superseded"), null=True, blank=True)
    sha512 = models.CharField(_("SHA-512"), max_length=128, blank=True)
    modified_at = modified_field()

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "kind", "item", "-version"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "meeting", "version", "public", "redacted"],
                condition=Q(item__isnull=True),
                name="document_version_unique",
            ),
            models.UniqueConstraint(
                fields=["item", "version", "public", "redacted"],
                condition=Q(item__isnull=False),
                name="extract_version_unique",
            ),
            models.CheckConstraint(
                condition=Q(kind="extract", item__isnull=False)
                | Q(~Q(kind="extract"), item__isnull=True),
                name="document_extract_has_item",
            ),
            models.CheckConstraint(
                condition=~Q(state="ready") | ~Q(sha256=""), name="ready_document_has_sha"
            ),
            models.UniqueConstraint(
                fields=["kind", "owner_type", "owner_id", "version"],
                condition=Q(meeting__isnull=True),
                name="owned_document_version_unique",
            ),
            models.CheckConstraint(
                condition=Q(meeting__isnull=False, owner_type__isnull=True, owner_id__isnull=True)
                | Q(meeting__isnull=True, owner_type__isnull=False, owner_id__isnull=False),
                name="document_has_a_meeting_or_an_owner",
            ),
            in_choices("kind", DocumentKind.choices),
            in_choices("state", DocumentState.choices),
        ]
        indexes = [
            models.Index(fields=["state", "created_at"]),
            models.Index(fields=["owner_type", "owner_id"]),
        ]

    def __str__(self) -> str:
        if self.meeting_id is None:
            return f"{self.title or self.get_kind_display()} v{self.version}"
        return f"{self.get_kind_display()} {self.meeting} v{self.version}"

    def get_absolute_url(self) -> str:
        return pk_url("councils:document", self.pk)

    @property
    def filename(self) -> str:
        if self.meeting_id is None:
            # Stored as "<pk>-<the renderer's file name>" (councils.documents.document_render).
            stored = PurePosixPath(self.file.name).name if self.file else ""
            return stored.partition("-")[2] or f"{self.kind}-{self.pk}-v{self.version}.pdf"
        meeting = self.meeting
        assert meeting is not None
        stem = {"agenda": "esityslista", "minutes": "poytakirja", "extract": "poytakirjanote"}[
            self.kind
        ]
        section = f"-{self.item.section}" if self.item_id and self.item else ""
        return f"{meeting.body.slug}-{meeting.number}-{meeting.year}-{stem}{section}-v{self.version}.pdf"
