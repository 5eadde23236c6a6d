"""Terms, bodies, people and their memberships."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Max, Q
from django.db.models.functions import Now
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from councils.rules import BodyRules, QuorumRule, body_rules
from portal.lib.choices import in_choices


def created_field() -> models.DateTimeField:
    """When the row was made; `db_default` covers rows written by bulk loads (COPY)."""
    return models.DateTimeField(_("created"), default=timezone.now, db_default=Now())


def modified_field() -> models.DateTimeField:
    """When the row, or anything shown with it, last changed (councils/changes.py keeps it).

    Open-data clients sync incrementally by it (`modified_since`), so it is indexed.
    """
    return models.DateTimeField(
        _("modified"), default=timezone.now, db_default=Now(), db_index=True
    )


class Term(models.Model):
    """A term of office (valtuustokausi)."""

    name = models.CharField(_("name"), max_length=50, unique=True)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    created_at = created_field()
    modified_at = modified_field()

    class Meta:
        ordering = ["-start"]
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=models.F("start")), name="term_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.name


class BodyKind(models.TextChoices):
    COUNCIL = "council", _("regional council")
    EXECUTIVE_BOARD = "executive_board", _("executive board")
    DIVISION = "division", _("division")
    COMMITTEE = "committee", _("committee")
    ADVISORY_COUNCIL = "advisory_council", _("advisory council")
    ELECTION_BOARD = "election_board", _("election board")
    WORKING_GROUP = "working_group", _("working group")
    FORUM = "forum", _("cooperation forum")


# The order in which kinds are listed to residents: from the top of the hierarchy down.
BODY_KIND_ORDER = [kind.value for kind in BodyKind]


QUORUM_RULE_LABELS = {
    QuorumRule.MORE_THAN_HALF: _("more than half of the members"),
    QuorumRule.TWO_THIRDS: _("at least two thirds of the members"),
}


class BodyQuerySet(models.QuerySet["Body"]):
    def active(self) -> BodyQuerySet:
        return self.filter(active=True)

    def editable_by(self, user: AbstractBaseUser | AnonymousUser) -> BodyQuerySet:
        """The bodies whose meetings this user may prepare and record: a clerk's own."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if getattr(user, "is_superuser", False):
            return self
        return self.filter(clerks=user.pk)


class Body(models.Model):
    """A decision-making or advisory body (toimielin)."""

    slug = models.SlugField(_("address"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=BodyKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent body"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="divisions",
    )
    seats = models.PositiveSmallIntegerField(_("number of seats"))
    notice_days = models.PositiveSmallIntegerField(
        _("notice period in days"),
        default=4,
        help_text=_("How many days before the meeting the notice must be published."),
    )
    appeal_open = models.BooleanField(
        _("decisions open to appeal"),
        default=True,
        help_text=_("Advisory councils and working groups make no appealable decisions."),
    )
    quorum_rule = models.CharField(
        _("quorum set by the body's own rules"),
        max_length=20,
        blank=True,
        choices=[(rule.value, label) for rule, label in QUORUM_RULE_LABELS.items()],
        help_text=_(
            "Only for a forum or working group whose rules set a quorum; the law sets the "
            "quorum of every other body."
        ),
    )
    description = models.TextField(_("description"), blank=True)
    powers = models.TextField(_("powers in plain words"), blank=True)
    contact = models.TextField(_("contact"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=100)
    active = models.BooleanField(_("active"), default=True)
    ended = models.DateField(
        _("ended on"),
        null=True,
        blank=True,
        help_text=_("The day the body ceased to work (a working group that finished its task)."),
    )
    clerks = models.ManyToManyField(
        "auth.User",
        verbose_name=_("clerks"),
        blank=True,
        related_name="clerk_of",
        help_text=_("Staff who prepare and record this body's meetings."),
    )
    created_at = created_field()
    modified_at = modified_field()

    objects = BodyQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        constraints = [
            models.CheckConstraint(condition=Q(seats__gt=0), name="body_has_seats"),
            in_choices(
                "quorum_rule",
                [(rule.value, label) for rule, label in QUORUM_RULE_LABELS.items()],
                blank=True,
            ),
            in_choices("kind", BodyKind.choices),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("councils:body_detail", kwargs={"slug": self.slug})

    @property
    def is_council(self) -> bool:
        return self.kind == BodyKind.COUNCIL

    @property
    def rules(self) -> BodyRules:
        """What this body may or must do: its record, appeal, quorum (councils/rules.py)."""
        return body_rules(kind=self.kind, appeal_open=self.appeal_open, quorum=self.quorum_rule)

    @property
    def record_name(self) -> Promise:
        """What its meetings produce, in words: minutes (pöytäkirja) or a memo (muistio)."""
        return _("memo") if self.rules.writes_memo else _("minutes")

    @property
    def quorum(self) -> int:
        """Members present needed to proceed; 0 when no quorum is set."""
        return self.rules.quorum_needed(self.seats)

    def end(self, today: date | None = None) -> BodyEnd:
        """Whether the body has ended, and when if known (one query unless set by hand).

        A body has ended on the day set by hand (`ended`); else an inactive body, or one
        whose memberships have all ended, ended with its last membership. An ended body has
        no meetings or members to come: nothing to follow, no quorum to tell. A body with
        no memberships recorded at all is working unless marked inactive.
        """
        today = today or timezone.localdate()
        if self.ended is not None:
            return BodyEnd(ended=self.ended <= today, on=self.ended)
        memberships = self.memberships.aggregate(
            last=Max("end"),
            current=Count("pk", filter=Q(end__isnull=True) | Q(end__gte=today)),
            recorded=Count("pk"),
        )
        if memberships["current"] or (self.active and not memberships["recorded"]):
            return BodyEnd(ended=not self.active, on=None)
        return BodyEnd(ended=True, on=memberships["last"])


@dataclass(frozen=True)
class BodyEnd:
    ended: bool
    on: date | None  # when it ended, if known


class PersonQuerySet(models.QuerySet["Person"]):
    def public(self) -> PersonQuerySet:
        """People residents may look up: everyone in the record (members, presenters,
        officials) has a public page; what is shown of them is decided per record."""
        return self.all()


class Person(models.Model):
    """An elected member, deputy or official who appears in the records."""

    slug = models.SlugField(_("address"), max_length=120, unique=True)
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    title = models.CharField(_("title or occupation"), max_length=200, blank=True)
    political_group = models.CharField(_("political group"), max_length=100, blank=True)
    home_municipality = models.CharField(_("home municipality"), max_length=100, blank=True)
    interests = models.TextField(_("register of interests"), blank=True)
    interests_date = models.DateField(_("register of interests updated"), null=True, blank=True)
    user = models.OneToOneField(
        "auth.User",
        verbose_name=_("staff account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
    )
    created_at = created_field()
    modified_at = modified_field()

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.full_name

    def get_absolute_url(self) -> str:
        return reverse("councils:person_detail", kwargs={"slug": self.slug})

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def name_with_group(self) -> str:
        return (
            f"{self.full_name} ({self.political_group})" if self.political_group else self.full_name
        )


class MembershipRole(models.TextChoices):
    CHAIR = "chair", _("chair")
    VICE_CHAIR = "vice_chair", _("vice-chair")
    MEMBER = "member", _("member")
    DEPUTY = "deputy", _("deputy member")
    PRESENTER = "presenter", _("presenter")
    SECRETARY = "secretary", _("secretary")
    EXPERT = "expert", _("expert")


# Roles that hold a seat and count towards the quorum.
VOTING_ROLES = {MembershipRole.CHAIR, MembershipRole.VICE_CHAIR, MembershipRole.MEMBER}


class MembershipQuerySet(models.QuerySet["Membership"]):
    def current(self, on: date | None = None) -> MembershipQuerySet:
        on = on or date.today()
        return self.filter(Q(end__isnull=True) | Q(end__gte=on), start__lte=on)


class Membership(models.Model):
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="memberships"
    )
    body = models.ForeignKey(
        Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="memberships"
    )
    # Empty only where the body is not elected (Body.rules.elected): a forum's members,
    # the 2021 working groups that predate the first term.
    term = models.ForeignKey(
        Term,
        verbose_name=_("term"),
        on_delete=models.PROTECT,
        related_name="memberships",
        null=True,
        blank=True,
    )
    role = models.CharField(_("role"), max_length=20, choices=MembershipRole.choices)
    deputy_of = models.ForeignKey(
        Person,
        verbose_name=_("personal deputy of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="personal_deputies",
    )
    start = models.DateField(_("start"))
    end = models.DateField(_("end"), null=True, blank=True)
    created_at = created_field()
    modified_at = modified_field()

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["body", "role", "person"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="membership_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(deputy_of__isnull=True) | Q(role="deputy"),
                name="membership_only_deputies_have_a_principal",
            ),
            models.UniqueConstraint(
                fields=["person", "body", "role", "start"], name="membership_unique_start"
            ),
            in_choices("role", MembershipRole.choices),
        ]
        indexes = [models.Index(fields=["body", "start", "end"])]

    def __str__(self) -> str:
        return f"{self.person} – {self.body} ({self.get_role_display()})"

    def clean(self) -> None:
        super().clean()
        if self.term_id is None and self.body_id is not None and self.body.rules.elected:
            raise ValidationError(
                {"term": _("Members of an elected body serve a term: choose the term.")}
            )


class OfficeQuerySet(models.QuerySet["Office"]):
    def current(self, on: date | None = None) -> OfficeQuerySet:
        on = on or date.today()
        return self.filter(Q(end__isnull=True) | Q(end__gte=on), start__lte=on)

    def publishable_by(self, user: AbstractBaseUser | AnonymousUser) -> OfficeQuerySet:
        """The offices whose decisions this user may publish: the rule of who publishes.

        HVAL 93 §: the regional council delegates decision power to officials in the
        administrative regulations; an official's decision is published by its maker or by
        the registry acting for them. So a user publishes for a current office they hold
        themselves, or, as a clerk of the body that delegated the power, for its holder;
        an administrator for any current office. Being a person without a political
        group, or a member of a body, gives no such right.
        """
        if not user.is_authenticated or not user.is_active:
            return self.none()
        current = self.current().select_related("holder", "delegated_by")
        if getattr(user, "is_superuser", False):
            return current
        return current.filter(
            Q(holder__user=user.pk) | Q(delegated_by__in=Body.objects.editable_by(user))
        ).distinct()


class Office(models.Model):
    """A post with delegated decision power (viranhaltijan ratkaisuvalta) and its holder.

    Only the holder of such an office is an official who makes officials' decisions;
    the body that delegated the power (in the administrative regulations) names whose
    clerks publish them.
    """

    title = models.CharField(_("title of the office"), max_length=200)
    holder = models.ForeignKey(
        Person, verbose_name=_("holder"), on_delete=models.PROTECT, related_name="offices"
    )
    delegated_by = models.ForeignKey(
        Body,
        verbose_name=_("power delegated by"),
        on_delete=models.PROTECT,
        related_name="delegated_offices",
        help_text=_("The body whose delegation gives the decision power; its clerks publish."),
    )
    powers = models.TextField(_("matters decided"), blank=True)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"), null=True, blank=True)

    objects = OfficeQuerySet.as_manager()

    class Meta:
        ordering = ["holder__last_name", "holder__first_name", "title"]
        verbose_name = _("office with decision power")
        verbose_name_plural = _("offices with decision power")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="office_ends_after_start",
            ),
            models.CheckConstraint(condition=~Q(title=""), name="office_has_title"),
        ]

    def __str__(self) -> str:
        return f"{self.holder.full_name}, {self.title}"

    def held_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)
