"""The four levels of cooperation, their forums, and the cooperation agreement."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class CooperationLevel(models.TextChoices):
    STRATEGIC = "strategic", _("strategic level")
    CHAIRS = "chairs", _("chairs' forum")
    TACTICAL = "tactical", _("tactical level")
    OPERATIVE = "operative", _("operative level")
    PREPARATION = "preparation", _("preparation of the county in 2021")


# The four levels of the cooperation agreement, from the top (the 2021 preparation is
# history, not a level).
FOUR_LEVELS = [
    CooperationLevel.STRATEGIC,
    CooperationLevel.CHAIRS,
    CooperationLevel.TACTICAL,
    CooperationLevel.OPERATIVE,
]


# What each level is for, in the words of the cooperation agreement.
LEVEL_DESCRIPTIONS = {
    CooperationLevel.STRATEGIC: _(
        "The councils, boards and leadership of the county, the municipalities and the "
        "regional council meet once per council term: a shared picture of the situation, "
        "trust, and the lines of their network cooperation."
    ),
    CooperationLevel.CHAIRS: _(
        "Keeps the strategic and operative cooperation pointing the same way; follows up "
        "yearly the lines and goals set for the council term and the wellbeing of the region."
    ),
    CooperationLevel.TACTICAL: _(
        "The municipal managers' meeting, the interface advisory board and the organisations' "
        "advisory board turn the shared lines into work across organisations."
    ),
    CooperationLevel.OPERATIVE: _(
        "Day-to-day cooperation, among others on safety and preparedness (PHTURVA) and in "
        "the county's regional cooperation group."
    ),
    CooperationLevel.PREPARATION: _(
        "Before the county began, working groups of the county, the municipalities, the rescue "
        "department and staff organisations prepared the reform in 2021."
    ),
}


class ForumQuerySet(models.QuerySet["Forum"]):
    def of_levels(self) -> ForumQuerySet:
        """The forums of the four levels, top down."""
        return self.filter(level__in=FOUR_LEVELS)

    def preparation(self) -> ForumQuerySet:
        return self.filter(level=CooperationLevel.PREPARATION)


class Forum(models.Model):
    """What a cooperation body is for: its level, purpose, rhythm and standing agenda.

    The body itself (members, meetings, memos) is councils' Body of kind forum (or a
    working group of the 2021 preparation): one meeting engine for every body.
    """

    body = models.OneToOneField(
        "councils.Body",
        verbose_name=_("body"),
        on_delete=models.CASCADE,
        related_name="forum",
        limit_choices_to={"kind__in": ["forum", "working_group"]},
    )
    level = models.CharField(_("level"), max_length=20, choices=CooperationLevel.choices)
    purpose = models.TextField(_("purpose"))
    rhythm = models.CharField(
        _("how often it meets"),
        max_length=200,
        help_text=_("In words, e.g. once per council term, yearly, monthly."),
    )
    history = models.TextField(
        _("how it was founded"), blank=True, help_text=_("Paragraphs separated by a blank line.")
    )
    agreement = models.ForeignKey(
        "CooperationAgreement",
        verbose_name=_("cooperation agreement"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="forums",
    )
    founding_decisions = models.ManyToManyField(
        "councils.AgendaItem",
        verbose_name=_("decisions that founded it"),
        blank=True,
        related_name="+",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=100)

    objects = ForumQuerySet.as_manager()

    class Meta:
        ordering = ["order", "body__name"]
        verbose_name = _("cooperation forum")
        verbose_name_plural = _("cooperation forums")
        constraints = [
            models.CheckConstraint(
                condition=Q(level__in=CooperationLevel.values), name="forum_level_is_a_choice"
            ),
        ]

    def __str__(self) -> str:
        return self.body.name

    def get_absolute_url(self) -> str:
        return self.body.get_absolute_url()

    @property
    def level_description(self) -> str:
        return str(LEVEL_DESCRIPTIONS[CooperationLevel(self.level)])


class ForumTopic(models.Model):
    """A standing item of a forum's agenda (e.g. the organisation cooperation model)."""

    forum = models.ForeignKey(
        Forum, verbose_name=_("forum"), on_delete=models.CASCADE, related_name="topics"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta:
        ordering = ["forum", "order"]
        verbose_name = _("standing agenda topic")
        verbose_name_plural = _("standing agenda topics")

    def __str__(self) -> str:
        return self.title


class CooperationAgreement(models.Model):
    """The cooperation agreement (yhteistyöpöytäkirja) of the county, the municipalities
    and the regional council: goals, rules of play, signatories, the approving decision."""

    slug = models.SlugField(_("address"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=300)
    signed_on = models.DateField(_("signed"))
    approved_by = models.ForeignKey(
        "councils.AgendaItem",
        verbose_name=_("approving decision"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    summary = models.TextField(_("summary"))
    basis = models.TextField(_("basis of the cooperation"), blank=True)
    strategy_goal = models.ForeignKey(
        "strategy.Goal",
        verbose_name=_("strategy goal it serves"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cooperation_agreements",
    )

    class Meta:
        ordering = ["-signed_on"]
        verbose_name = _("cooperation agreement")
        verbose_name_plural = _("cooperation agreements")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("forums:agreement_detail", kwargs={"slug": self.slug})


class AgreementGoal(models.Model):
    agreement = models.ForeignKey(
        CooperationAgreement,
        verbose_name=_("cooperation agreement"),
        on_delete=models.CASCADE,
        related_name="goals",
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta:
        ordering = ["agreement", "order"]
        verbose_name = _("goal of the agreement")
        verbose_name_plural = _("goals of the agreement")

    def __str__(self) -> str:
        return self.title


class AgreementRule(models.Model):
    """A rule of play (pelisääntö): equality, sharing information, settling disputes..."""

    agreement = models.ForeignKey(
        CooperationAgreement,
        verbose_name=_("cooperation agreement"),
        on_delete=models.CASCADE,
        related_name="rules",
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta:
        ordering = ["agreement", "order"]
        verbose_name = _("rule of play")
        verbose_name_plural = _("rules of play")

    def __str__(self) -> str:
        return self.title


class Signatory(models.Model):
    agreement = models.ForeignKey(
        CooperationAgreement,
        verbose_name=_("cooperation agreement"),
        on_delete=models.CASCADE,
        related_name="signatories",
    )
    organisation = models.ForeignKey(
        "forums.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="signed_agreements",
    )
    signed_by = models.CharField(
        _("signed by"), max_length=200, blank=True, help_text=_("Name and title.")
    )
    signed_on = models.DateField(_("signed"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta:
        ordering = ["agreement", "order", "organisation__name"]
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "organisation"], name="signatory_once_per_agreement"
            ),
        ]

    def __str__(self) -> str:
        return str(self.organisation)


class FollowUpAssessment(models.TextChoices):
    REALISED = "realised", _("realised")
    PARTLY = "partly", _("partly realised")
    NOT_REALISED = "not_realised", _("not realised")


class FollowUp(models.Model):
    """The chairs' forum's yearly follow-up of one goal of the agreement."""

    goal = models.ForeignKey(
        AgreementGoal,
        verbose_name=_("goal of the agreement"),
        on_delete=models.CASCADE,
        related_name="follow_ups",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    assessment = models.CharField(
        _("assessment"), max_length=20, choices=FollowUpAssessment.choices
    )
    summary = models.TextField(_("what was found"), max_length=5000)
    meeting = models.ForeignKey(
        "councils.Meeting",
        verbose_name=_("meeting that recorded it"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-year", "goal__order"]
        verbose_name = _("yearly follow-up")
        verbose_name_plural = _("yearly follow-ups")
        constraints = [
            models.UniqueConstraint(fields=["goal", "year"], name="follow_up_once_a_year"),
            models.CheckConstraint(
                condition=Q(year__gte=2020, year__lte=2100), name="follow_up_year_in_range"
            ),
            models.CheckConstraint(
                condition=Q(assessment__in=FollowUpAssessment.values),
                name="follow_up_assessment_is_a_choice",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.goal} {self.year}"
