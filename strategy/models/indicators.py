"""Indicators (mittarit) with their targets and measured values."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.lib.choices import in_choices
from strategy import rules
from strategy.choices import Direction, Municipality, UpdateFrequency
from strategy.models.structure import Goal, Programme


class Indicator(models.Model):
    """A measure of a goal or a programme (or both), with a direction and a baseline."""

    goal = models.ForeignKey(
        Goal,
        verbose_name=_("goal"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="indicators",
    )
    programme = models.ForeignKey(
        Programme,
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="indicators",
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    unit = models.CharField(_("unit"), max_length=30, help_text=_("For example %, M€ or days."))
    decimals = models.PositiveSmallIntegerField(
        _("decimals shown"), default=1, help_text=_("How many decimals the pages show.")
    )
    direction = models.CharField(
        _("direction"), max_length=4, choices=Direction.choices, default=Direction.UP
    )
    baseline_value = models.DecimalField(
        _("baseline"), null=True, blank=True, max_digits=14, decimal_places=3
    )
    baseline_date = models.DateField(_("baseline date"), null=True, blank=True)
    source_name = models.CharField(_("data source"), max_length=200, blank=True)
    source_url = models.URLField(_("data source link"), blank=True)
    update_frequency = models.CharField(
        _("update frequency"),
        max_length=10,
        choices=UpdateFrequency.choices,
        default=UpdateFrequency.QUARTERLY,
    )
    next_due = models.DateField(_("next values due"), null=True, blank=True)
    is_demo = models.BooleanField(
        _("demo figure"),
        default=False,
        help_text=_("The figures are invented for the demonstration, not measured."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.CheckConstraint(
                condition=Q(goal__isnull=False) | Q(programme__isnull=False),
                name="indicator_measures_a_goal_or_programme",
            ),
            models.CheckConstraint(
                condition=Q(baseline_value__isnull=True, baseline_date__isnull=True)
                | Q(baseline_value__isnull=False, baseline_date__isnull=False),
                name="indicator_baseline_has_a_date",
            ),
            in_choices("direction", Direction.choices),
            in_choices("update_frequency", UpdateFrequency.choices),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.unit})"

    def get_absolute_url(self) -> str:
        strategy = self.goal.strategy if self.goal else self.programme.strategy  # type: ignore[union-attr]
        return reverse(
            "strategy:indicator_detail", kwargs={"strategy": strategy.slug, "pk": self.pk}
        )

    @property
    def baseline(self) -> rules.Point | None:
        if self.baseline_value is None or self.baseline_date is None:
            return None
        return rules.Point(self.baseline_date, self.baseline_value)

    def target_points(self) -> list[rules.Point]:
        """The targets, oldest first (uses prefetched "targets")."""
        return sorted((rules.Point(t.due, t.value) for t in self.targets.all()), key=lambda p: p.on)

    def county_points(self) -> list[rules.Point]:
        """The whole county's measured values, oldest first (uses prefetched "values")."""
        return sorted(
            (rules.Point(v.measured_on, v.value) for v in self.values.all() if not v.municipality),
            key=lambda p: p.on,
        )

    def latest_value(self, today: date | None = None) -> rules.Point | None:
        """The latest county-wide value measured on or before `today` (default: any)."""
        return rules.latest(self.county_points(), today or date.max)

    def suggestion(self, today: date) -> rules.Suggestion:
        """The computed status on `today` (strategy/rules.py)."""
        return rules.suggest_status(
            values=self.county_points(),
            targets=self.target_points(),
            direction=self.direction,
            today=today,
            baseline=self.baseline,
        )


class IndicatorTarget(models.Model):
    """The value an indicator should reach by a date."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="targets"
    )
    due = models.DateField(_("due"))
    value = models.DecimalField(_("target value"), max_digits=14, decimal_places=3)
    note = models.CharField(_("note"), max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "due"]
        verbose_name = _("indicator target")
        verbose_name_plural = _("indicator targets")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "due"], name="indicator_target_unique_due")
        ]

    def __str__(self) -> str:
        return f"{self.indicator.name}: {self.value} ({self.due})"


class IndicatorValue(models.Model):
    """A measured value of an indicator on a date, for the county or one municipality.

    `municipality` is "" for the whole county: an empty string rather than NULL, so one
    plain unique constraint on (indicator, measured_on, municipality) holds on SQLite and
    PostgreSQL alike (NULLs would be distinct, and `nulls_distinct` is PostgreSQL 15 only).
    """

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="values"
    )
    measured_on = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=3)
    municipality = models.CharField(
        _("municipality"),
        max_length=30,
        choices=Municipality.choices,
        blank=True,
        default="",
        help_text=_("Empty for the whole county."),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("entered"), default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "measured_on", "municipality"]
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "measured_on", "municipality"],
                name="indicator_value_unique_per_day_and_area",
            ),
            in_choices("municipality", Municipality.choices, blank=True),
        ]
        indexes = [models.Index(fields=["indicator", "municipality", "-measured_on"])]

    def __str__(self) -> str:
        where = f" {self.municipality}" if self.municipality else ""
        return f"{self.indicator.name}{where} {self.measured_on}: {self.value}"
