"""The search index: one row per thing a resident can find, kept up to date on save.

Agenda items and decisions, officials' decisions, cases and the text of PDF
attachments each get a `SearchEntry` with their title, plain text, body, date and
outcome copied in, so that one query over one table gives the single result list, with
paging, however many kinds of record match. On PostgreSQL the entry also stores a
`tsvector` (Finnish configuration, title weighted above text) behind a GIN index, so
matching never re-parses the text of a million items. `councils/search_index.py`
writes the rows; `councils/search.py` reads them.
"""

from __future__ import annotations

from datetime import datetime

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from councils.models.cases import Case, OfficialDecision
from councils.models.handling import Outcome
from councils.models.meetings import AgendaItem, Attachment
from councils.models.organisation import Body
from portal.lib.choices import in_choices
from portal.lib.urls import pk_url


class EntryKind(models.TextChoices):
    DECISION = "decision", _("Decision")
    ITEM = "item", _("Agenda item")
    OFFICIAL = "official", _("Official's decision")
    CASE = "case", _("Case")
    ATTACHMENT = "attachment", _("Attachment")


class SearchEntryQuerySet(models.QuerySet["SearchEntry"]):
    def public(self, now: datetime | None = None) -> SearchEntryQuerySet:
        """What residents may find now: published, and not waiting for a future date."""
        return self.filter(published_at__isnull=False, published_at__lte=now or timezone.now())


class SearchEntry(models.Model):
    kind = models.CharField(_("kind"), max_length=12, choices=EntryKind.choices)
    item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    attachment = models.ForeignKey(
        Attachment, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    official_decision = models.ForeignKey(
        OfficialDecision, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, null=True, blank=True, related_name="search_entries"
    )
    body = models.ForeignKey(
        Body, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    title = models.CharField(_("title"), max_length=300)
    # How many words the title has, numbers and little words aside: among results that
    # match as many query words in the title, the shorter title is more nearly the thing
    # searched for ("Hyvinvointialuestrategia 2023–2025" for "strategia").
    title_length = models.PositiveSmallIntegerField(
        _("words in the title"), default=0, db_default=0
    )
    # Where the record is (e.g. "§ 12" or the official's name), shown under the title.
    context = models.CharField(_("context"), max_length=300, blank=True)
    # Plain text without tagged personal data. Empty for a confidential item, which is
    # found by its descriptive title only.
    text = models.TextField(_("text"), blank=True)
    # Base forms and compound parts from Voikko, when it is installed (see README): of
    # the title (ranked as the title) and of the text.
    title_lexemes = models.TextField(_("base forms of the title"), blank=True, db_default="")
    lexemes = models.TextField(_("base forms"), blank=True)
    # An item's public attachments (their text and base forms), ranked below its own text:
    # a decision is one result, found also by what its attachments say.
    attachment_text = models.TextField(_("text of the attachments"), blank=True, db_default="")
    date = models.DateField(_("date"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    diary_number = models.CharField(_("diary number"), max_length=40, blank=True)
    is_confidential = models.BooleanField(_("confidential"), default=False)
    # A formality of a meeting (AgendaItem.is_procedural): ranked last, hidden from lists.
    is_procedural = models.BooleanField(_("procedural"), default=False, db_default=False)
    # When residents could first see it; null while it is not public.
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    vector = SearchVectorField(null=True, editable=False)

    objects = SearchEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        ordering = ["-date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(
                        kind__in=["decision", "item"],
                        item__isnull=False,
                        attachment__isnull=True,
                        official_decision__isnull=True,
                    )
                    | models.Q(
                        kind="attachment",
                        item__isnull=False,
                        attachment__isnull=False,
                        official_decision__isnull=True,
                    )
                    | models.Q(
                        kind="official",
                        official_decision__isnull=False,
                        item__isnull=True,
                        attachment__isnull=True,
                    )
                    | models.Q(
                        kind="case",
                        item__isnull=True,
                        attachment__isnull=True,
                        official_decision__isnull=True,
                    )
                ),
                name="search_entry_points_at_its_kind",
            ),
            models.UniqueConstraint(
                fields=["item"],
                condition=models.Q(kind__in=["decision", "item"]),
                name="one_entry_per_item",
            ),
            models.UniqueConstraint(fields=["attachment"], name="one_entry_per_attachment"),
            models.UniqueConstraint(
                fields=["official_decision"], name="one_entry_per_official_decision"
            ),
            models.UniqueConstraint(
                fields=["case"], condition=models.Q(kind="case"), name="one_entry_per_case"
            ),
            in_choices("kind", EntryKind.choices),
            in_choices("outcome", Outcome.choices, blank=True),
        ]
        indexes = [
            models.Index(fields=["-date", "-id"], name="search_entry_newest"),
            models.Index(fields=["body", "-date"], name="search_entry_body_date"),
            # Created on PostgreSQL only (migration 0004); SQLite has no GIN.
            GinIndex(fields=["vector"], name="search_entry_vector"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"

    def get_absolute_url(self) -> str:
        if self.kind in (EntryKind.DECISION, EntryKind.ITEM, EntryKind.ATTACHMENT):
            assert self.item_id is not None
            return pk_url("councils:item_detail", self.item_id)
        if self.kind == EntryKind.OFFICIAL:
            assert self.official_decision_id is not None
            return pk_url("councils:official_decision_detail", self.official_decision_id)
        assert self.case is not None
        return self.case.get_absolute_url()

    @property
    def file_url(self) -> str:
        """The PDF itself, for an attachment."""
        if self.attachment_id is None:
            return ""
        return pk_url("councils:attachment", self.attachment_id)
