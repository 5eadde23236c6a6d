"""Reporting periods with their status updates, and the decisions that advance goals."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from councils.models import AgendaItem
from portal.lib.choices import in_choices
from strategy import rules
from strategy.choices import Status
from strategy.models.structure import Goal, Programme, Strategy


class ReportingPeriodQuerySet(models.QuerySet["ReportingPeriod"]):
    def open(self) -> ReportingPeriodQuerySet:
        return self.filter(closed_at__isnull=True)

    def closed(self) -> ReportingPeriodQuerySet:
        return self.filter(closed_at__isnull=False)

    def containing(self, day: date) -> ReportingPeriodQuerySet:
        return self.filter(start__lte=day, end__gte=day)


class ReportingPeriod(models.Model):
    """A reporting period (raportointikausi), e.g. the tertial T1/2026 (January–April).

    While open, status updates may change. `period_close` freezes a snapshot of every
    goal's and programme's status and the indicators' latest values into `snapshot`;
    after that the period's updates are immutable and the report shows the snapshot.
    """

    strategy = models.ForeignKey(
        Strategy,
        verbose_name=_("strategy"),
        on_delete=models.CASCADE,
        related_name="periods",
    )
    code = models.CharField(_("code"), max_length=20, help_text=_("For example T1/2026."))
    slug = models.SlugField(_("address"), max_length=30, editable=False)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("closed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    snapshot = models.JSONField(_("snapshot"), null=True, blank=True, editable=False)

    objects = ReportingPeriodQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["snapshot"])

    class Meta:
        ordering = ["strategy", "-start"]
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        constraints = [
            models.UniqueConstraint(fields=["strategy", "code"], name="period_code_unique"),
            models.UniqueConstraint(fields=["strategy", "slug"], name="period_slug_unique"),
            models.CheckConstraint(
                condition=Q(end__gte=models.F("start")), name="period_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(closed_at__isnull=True) | Q(snapshot__isnull=False),
                name="closed_period_has_snapshot",
            ),
        ]

    def __str__(self) -> str:
        return self.code

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.slug = slugify(self.code.replace("/", "-"))
        if kwargs.get("update_fields") is not None and "code" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "slug"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse(
            "strategy:period_detail", kwargs={"strategy": self.strategy.slug, "slug": self.slug}
        )

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    def judged_on(self, today: date) -> date:
        """The day a period's suggestions are computed for: its end, or today while it runs."""
        return min(self.end, today)


class StatusUpdateQuerySet(models.QuerySet["StatusUpdate"]):
    def for_goals(self) -> StatusUpdateQuerySet:
        return self.filter(goal__isnull=False)

    def for_programmes(self) -> StatusUpdateQuerySet:
        return self.filter(programme__isnull=False)


class StatusUpdate(models.Model):
    """How one goal or one programme did in a reporting period, as its owner reports it."""

    period = models.ForeignKey(
        ReportingPeriod,
        verbose_name=_("reporting period"),
        on_delete=models.CASCADE,
        related_name="updates",
    )
    goal = models.ForeignKey(
        Goal,
        verbose_name=_("goal"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="status_updates",
    )
    programme = models.ForeignKey(
        Programme,
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="status_updates",
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    suggested_status = models.CharField(
        _("suggested by the indicators"),
        max_length=20,
        choices=Status.choices,
        blank=True,
        help_text=_("Computed from the indicators when saved; empty when they suggest nothing."),
    )
    reason = models.TextField(_("reason for a status other than the suggestion"), blank=True)
    narrative = models.TextField(_("what happened"), blank=True)
    risks = models.TextField(_("risks"), blank=True)
    next_steps = models.TextField(_("next steps"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)

    objects = StatusUpdateQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["period", "goal__code", "programme__name"]
        verbose_name = _("status update")
        verbose_name_plural = _("status updates")
        constraints = [
            models.CheckConstraint(
                condition=(Q(goal__isnull=False) & Q(programme__isnull=True))
                | (Q(goal__isnull=True) & Q(programme__isnull=False)),
                name="status_update_for_a_goal_or_a_programme",
            ),
            models.UniqueConstraint(fields=["period", "goal"], name="status_update_once_per_goal"),
            models.UniqueConstraint(
                fields=["period", "programme"], name="status_update_once_per_programme"
            ),
            models.CheckConstraint(
                condition=Q(suggested_status="")
                | Q(status=models.F("suggested_status"))
                | ~Q(reason=""),
                name="status_update_differing_status_has_reason",
            ),
            in_choices("status", Status.choices),
            in_choices("suggested_status", Status.choices, blank=True),
        ]

    def __str__(self) -> str:
        return f"{self.period}: {self.subject} – {self.get_status_display()}"

    @property
    def subject(self) -> Goal | Programme:
        subject = self.goal or self.programme
        assert subject is not None
        return subject

    @property
    def differs_from_suggestion(self) -> bool:
        return rules.reason_required(status=self.status, suggested=self.suggested_status)

    def clean(self) -> None:
        super().clean()
        if (self.goal_id is None) == (self.programme_id is None):
            raise ValidationError(_("A status update is for either a goal or a programme."))
        if self.differs_from_suggestion and not self.reason.strip():
            raise ValidationError(
                {"reason": _("The status differs from the indicators' suggestion: say why.")}
            )
        if self.pk and self.period.is_closed:
            raise ValidationError(_("The reporting period is closed; its reports cannot change."))


class GoalLinkQuerySet(models.QuerySet["GoalLink"]):
    def public(self) -> GoalLinkQuerySet:
        """Links residents see: to public items on a published agenda."""
        return self.filter(
            agenda_item__in=AgendaItem.objects.on_public_agenda().filter(is_public=True)
        )

    def editable_by(self, user: AbstractBaseUser | AnonymousUser) -> GoalLinkQuerySet:
        """Links a user may remove: those on items of the bodies they are a clerk of."""
        return self.filter(agenda_item__in=AgendaItem.objects.editable_by(user))


class GoalLink(models.Model):
    """An agenda item (and so its decision) that advances a goal."""

    goal = models.ForeignKey(
        Goal, verbose_name=_("goal"), on_delete=models.CASCADE, related_name="links"
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.CASCADE,
        related_name="goal_links",
    )
    note = models.CharField(_("how it advances the goal"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("linked by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("linked"), default=timezone.now)

    objects = GoalLinkQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["goal", "-created_at"]
        verbose_name = _("link to a goal")
        verbose_name_plural = _("links to goals")
        constraints = [
            models.UniqueConstraint(fields=["goal", "agenda_item"], name="goal_link_unique")
        ]

    def __str__(self) -> str:
        return f"{self.goal.code} ← {self.agenda_item}"
