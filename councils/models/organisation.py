"""Terms, bodies, people and their memberships."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import models
from django.db.models import Q
from django.db.models.functions import Now
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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
    description = models.TextField(_("description"), blank=True)
    powers = models.TextField(_("powers in plain words"), blank=True)
    contact = models.TextField(_("contact"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=100)
    active = models.BooleanField(_("active"), default=True)
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
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("councils:body_detail", kwargs={"slug": self.slug})

    @property
    def is_council(self) -> bool:
        return self.kind == BodyKind.COUNCIL


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
    term = models.ForeignKey(
        Term, verbose_name=_("term"), on_delete=models.PROTECT, related_name="memberships"
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
        ]
        indexes = [models.Index(fields=["body", "start", "end"])]

    def __str__(self) -> str:
        return f"{self.person} – {self.body} ({self.get_role_display()})"
