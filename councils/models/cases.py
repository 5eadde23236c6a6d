"""Cases (asiat) with their diary numbers, and officials' decisions."""

from __future__ import annotations

import re
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from councils.models.organisation import created_field, modified_field
from councils.rules import AppealDates, appeal_dates, personal_data_public
from portal.lib.choices import in_choices
from portal.lib.sanitize import clean_html, redact_personal_data
from portal.lib.urls import pk_url

# number / JHS 191 task class / year, e.g. 123/00.01.02/2025
DIARY_NUMBER = re.compile(
    r"^(?P<number>\d{1,6})/(?P<task_class>\d{2}(?:\.\d{2}){0,3})/(?P<year>\d{4})$"
)


def parse_diary_number(value: str) -> tuple[int, str, int]:
    """Split a diary number into (number, task class, year); ValidationError if malformed."""
    match = DIARY_NUMBER.match(value.strip())
    if not match:
        raise ValidationError(
            _("A diary number looks like 123/00.01.02/2025: number, task class and year."),
            code="diary_number",
        )
    return int(match["number"]), match["task_class"], int(match["year"])


class AppealType(models.TextChoices):
    """How a decision can be challenged (muutoksenhakutapa)."""

    RECTIFICATION = "rectification", _("request for rectification")
    REGIONAL_APPEAL = "regional_appeal", _("regional appeal")
    NONE = "none", _("no appeal (preparation or implementation)")
    SPECIAL = "special", _("appeal under a special act")


class CaseQuerySet(models.QuerySet["Case"]):
    def public(self) -> CaseQuerySet:
        """Cases residents can look up: once an item on a published agenda or a published
        official's decision belongs to it (until then even its title is internal)."""
        from councils.models.meetings import AgendaItem

        return self.filter(
            Exists(AgendaItem.objects.on_public_agenda().filter(case=OuterRef("pk")))
            | Exists(OfficialDecision.objects.published().filter(case=OuterRef("pk")))
        )


class Case(models.Model):
    """A matter (asia), followed across meetings, bodies and officials' decisions."""

    diary_number = models.CharField(_("diary number"), max_length=40, unique=True)
    number = models.PositiveIntegerField(_("number"))
    task_class = models.CharField(_("task class"), max_length=11)
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=300)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    modified_at = modified_field()

    objects = CaseQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["modified_at"])

    class Meta:
        ordering = ["-year", "-number"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        constraints = [
            models.UniqueConstraint(fields=["year", "number"], name="case_number_unique_in_year")
        ]

    def __str__(self) -> str:
        return f"{self.diary_number} {self.title}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.diary_number and (self.number is None or not self.task_class):
            self.number, self.task_class, self.year = parse_diary_number(self.diary_number)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def get_absolute_url(self) -> str:
        return reverse(
            "councils:case_detail",
            kwargs={"number": self.number, "task_class": self.task_class, "year": self.year},
        )

    def clean(self) -> None:
        self.number, self.task_class, self.year = parse_diary_number(self.diary_number)


class OfficialDecisionQuerySet(models.QuerySet["OfficialDecision"]):
    def published(self, now: datetime | None = None) -> OfficialDecisionQuerySet:
        return self.filter(published_at__isnull=False, published_at__lte=now or timezone.now())

    def editable_by(self, user: AbstractBaseUser | AnonymousUser) -> OfficialDecisionQuerySet:
        """An administrator publishes for anyone; an official for themselves."""
        if not user.is_authenticated:
            return self.none()
        if getattr(user, "is_superuser", False):
            return self
        return self.filter(official__user=user.pk)


class OfficialDecision(models.Model):
    """A decision made by an official (viranhaltijapäätös)."""

    official = models.ForeignKey(
        "councils.Person",
        verbose_name=_("official"),
        on_delete=models.PROTECT,
        related_name="official_decisions",
    )
    official_title = models.CharField(_("official's title"), max_length=200)
    number = models.CharField(_("decision number"), max_length=40, blank=True)
    title = models.CharField(_("title"), max_length=300)
    case = models.ForeignKey(
        Case,
        verbose_name=_("case"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="official_decisions",
    )
    decided_on = models.DateField(_("decided on"))
    text = models.TextField(_("decision"))
    appeal_type = models.CharField(
        _("appeal type"),
        max_length=20,
        choices=AppealType.choices,
        default=AppealType.RECTIFICATION,
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_at = created_field()
    modified_at = modified_field()

    objects = OfficialDecisionQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["modified_at"])

    class Meta:
        ordering = ["-decided_on", "-id"]
        verbose_name = _("official's decision")
        verbose_name_plural = _("officials' decisions")
        constraints = [
            models.CheckConstraint(condition=~Q(title=""), name="official_decision_has_title"),
            in_choices("appeal_type", AppealType.choices),
        ]
        indexes = [models.Index(fields=["-published_at"])]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: object, **kwargs: object) -> None:
        self.text = clean_html(self.text)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def get_absolute_url(self) -> str:
        return pk_url("councils:official_decision_detail", self.pk)

    def appeal_dates(self) -> AppealDates | None:
        if self.published_at is None:
            return None
        return appeal_dates(published=timezone.localtime(self.published_at), kind=self.appeal_type)

    @property
    def public_text(self) -> SafeString:
        """The decision as residents see it: tagged personal data hidden after the appeal period."""
        dates = self.appeal_dates()
        text = clean_html(self.text)
        if not personal_data_public(
            today=timezone.localdate(), appeal_last_day=dates.last_day if dates else None
        ):
            text = redact_personal_data(text)
        return mark_safe(text)  # noqa: S308 - sanitised by nh3 above
