"""The strategy itself: its values, its goals in two levels and its programmes."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from strategy import rules

if TYPE_CHECKING:
    from strategy.models.indicators import Indicator

GOAL_CODE = RegexValidator(
    r"^[1-9][0-9]?(\.[1-9][0-9]?)?$",
    _("A goal code is a number such as 1 for a main goal or 1.2 for a sub-goal."),
)


class StrategyQuerySet(models.QuerySet["Strategy"]):
    def in_force(self, on: date) -> StrategyQuerySet:
        """Strategies whose period has begun on `on`, newest first. A strategy stays the
        county's guide after its period until the next one is approved."""
        return self.filter(period_start__lte=on).order_by("-period_start")


class Strategy(models.Model):
    """A strategy approved by the regional council (hyvinvointialuestrategia)."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    period_start = models.DateField(_("period starts"))
    period_end = models.DateField(_("period ends"))
    approved_by = models.ForeignKey(
        "councils.AgendaItem",
        verbose_name=_("approving decision"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="approved_strategies",
        help_text=_("The council's agenda item that approved the strategy."),
    )
    vision = models.TextField(_("vision"), blank=True)
    mission = models.TextField(_("mission"), blank=True)
    description = models.TextField(_("description"), blank=True)

    objects = StrategyQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-period_start"]
        verbose_name = _("strategy")
        verbose_name_plural = _("strategies")
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gt=models.F("period_start")),
                name="strategy_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("strategy:strategy_detail", kwargs={"strategy": self.slug})


class Value(models.Model):
    """One of the strategy's values (arvot), e.g. luottamus."""

    strategy = models.ForeignKey(
        Strategy, verbose_name=_("strategy"), on_delete=models.CASCADE, related_name="values"
    )
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=1)

    history = HistoricalRecords()

    class Meta:
        ordering = ["strategy", "order", "name"]
        verbose_name = _("value")
        verbose_name_plural = _("values")
        constraints = [
            models.UniqueConstraint(fields=["strategy", "name"], name="value_unique_in_strategy")
        ]

    def __str__(self) -> str:
        return self.name


class GoalQuerySet(models.QuerySet["Goal"]):
    def main(self) -> GoalQuerySet:
        return self.filter(parent__isnull=True)

    def sub(self) -> GoalQuerySet:
        return self.filter(parent__isnull=False)


class Goal(models.Model):
    """A main goal (code "1", no parent) or a sub-goal (code "1.2", parent = main goal).

    Two levels only: a sub-goal's parent must be a main goal of the same strategy, and its
    code must start with the parent's code. The database also checks that exactly the
    codes with a dot have a parent.
    """

    strategy = models.ForeignKey(
        Strategy, verbose_name=_("strategy"), on_delete=models.CASCADE, related_name="goals"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("main goal"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
    )
    code = models.CharField(_("code"), max_length=5, validators=[GOAL_CODE])
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    responsible_body = models.ForeignKey(
        "councils.Body",
        verbose_name=_("responsible body"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="strategy_goals",
    )
    owner = models.CharField(
        _("owner"),
        max_length=200,
        blank=True,
        help_text=_("Who answers for the goal, e.g. a director's title."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)

    objects = GoalQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["strategy", "order", "code"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        constraints = [
            models.UniqueConstraint(fields=["strategy", "code"], name="goal_code_unique"),
            models.CheckConstraint(
                condition=(Q(parent__isnull=True) & ~Q(code__contains="."))
                | (Q(parent__isnull=False) & Q(code__contains=".")),
                name="goal_sub_goals_have_dotted_codes",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def save(self, *args: object, **kwargs: object) -> None:
        # Two levels are a rule of the model, not only of the forms: refuse a third level
        # from any path (admin, shell, import).
        if self.parent_id is not None and self.parent is not None and self.parent.parent_id:
            raise ValidationError(
                _("Goals have two levels: a sub-goal's parent must be a main goal.")
            )
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def get_absolute_url(self) -> str:
        return reverse(
            "strategy:goal_detail", kwargs={"strategy": self.strategy.slug, "code": self.code}
        )

    def clean(self) -> None:
        super().clean()
        if self.parent_id is None:
            if "." in self.code:
                raise ValidationError({"code": _("A main goal's code has no dot, e.g. 2.")})
            return
        parent = self.parent
        assert parent is not None
        if parent.parent_id is not None:
            raise ValidationError(
                {"parent": _("Goals have two levels: a sub-goal's parent must be a main goal.")}
            )
        if parent.strategy_id != self.strategy_id:
            raise ValidationError({"parent": _("The main goal belongs to another strategy.")})
        if not self.code.startswith(f"{parent.code}."):
            raise ValidationError(
                {
                    "code": _("A sub-goal's code starts with its main goal's code, e.g. %s.1.")
                    % parent.code
                }
            )

    @property
    def is_main(self) -> bool:
        return self.parent_id is None

    def all_indicators(self) -> list[Indicator]:
        """This goal's indicators, and for a main goal its sub-goals' too.

        Prefetch "indicators__targets", "indicators__values" and
        "children__indicators__targets/values" to avoid queries per indicator.
        """
        found = list(self.indicators.all())
        if self.is_main:
            for child in self.children.all():
                found.extend(child.indicators.all())
        return found

    def suggestion(self, today: date) -> rules.Suggestion:
        """The computed status: the worst of its indicators' suggestions."""
        return rules.aggregate(indicator.suggestion(today) for indicator in self.all_indicators())


class Programme(models.Model):
    """A programme that completes the strategy (henkilöstöohjelma, digi- ja dataohjelma...)."""

    strategy = models.ForeignKey(
        Strategy, verbose_name=_("strategy"), on_delete=models.CASCADE, related_name="programmes"
    )
    slug = models.SlugField(_("address"), max_length=80)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    goals = models.ManyToManyField(
        Goal, verbose_name=_("goals"), blank=True, related_name="programmes"
    )
    approved_by = models.ForeignKey(
        "councils.AgendaItem",
        verbose_name=_("approving decision"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="approved_programmes",
    )
    owner = models.CharField(_("owner"), max_length=200, blank=True)
    responsible_body = models.ForeignKey(
        "councils.Body",
        verbose_name=_("responsible body"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="strategy_programmes",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)

    history = HistoricalRecords()

    class Meta:
        ordering = ["strategy", "order", "name"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        constraints = [
            models.UniqueConstraint(fields=["strategy", "slug"], name="programme_slug_unique"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse(
            "strategy:programme_detail",
            kwargs={"strategy": self.strategy.slug, "slug": self.slug},
        )

    def suggestion(self, today: date) -> rules.Suggestion:
        """The computed status: the worst of its indicators' suggestions."""
        return rules.aggregate(indicator.suggestion(today) for indicator in self.indicators.all())
