"""The county's partners: municipalities, the regional council, associations and others."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from councils.models.organisation import modified_field
from forums import rules
from forums.validators import validate_business_id


class OrganisationKind(models.TextChoices):
    COUNTY = "county", _("wellbeing services county")
    MUNICIPALITY = "municipality", _("municipality")
    REGIONAL_COUNCIL = "regional_council", pgettext_lazy("organisation kind", "regional council")
    ASSOCIATION = "association", _("association")
    FOUNDATION = "foundation", _("foundation")
    STAFF_ORGANISATION = "staff_organisation", _("staff organisation")
    STATE_AGENCY = "state_agency", _("state agency")


# Kinds that may register themselves through the public form; the others are entered by
# the organisations coordinator.
SELF_REGISTERING_KINDS = (OrganisationKind.ASSOCIATION, OrganisationKind.FOUNDATION)


class ActivityField(models.TextChoices):
    SOCIAL_HEALTH = "social_health", _("social and health")
    SPORTS = "sports", _("sports and exercise")
    CULTURE = "culture", _("culture")
    RESCUE = "rescue", _("rescue and safety")
    CHILDREN_YOUTH = "children_youth", _("children, young people and families")
    OLDER_PEOPLE = "older_people", _("older people")
    DISABILITY = "disability", _("disability")
    MENTAL_HEALTH = "mental_health", _("mental health and substance use")
    VILLAGES = "villages", _("villages and neighbourhoods")
    WORKING_LIFE = "working_life", _("working life")
    PUBLIC_ADMINISTRATION = "public_administration", _("public administration")


class OrganisationStatus(models.TextChoices):
    PENDING = "pending", _("awaiting approval")
    APPROVED = "approved", _("in the directory")
    REJECTED = "rejected", _("rejected")


class OrganisationQuerySet(models.QuerySet["Organisation"]):
    def public(self) -> OrganisationQuerySet:
        """What residents see: approved organisations only, never a registration."""
        return self.filter(status=OrganisationStatus.APPROVED)

    def municipalities(self) -> OrganisationQuerySet:
        return self.public().filter(kind=OrganisationKind.MUNICIPALITY)

    def manageable_by(self, user: AbstractBaseUser | AnonymousUser) -> OrganisationQuerySet:
        """Every organisation for the organisations coordinator, none for anyone else."""
        return self if rules.may_manage_organisations(user) else self.none()


class Organisation(models.Model):
    """A partner of the county (yhteistyökumppani) with the people who represent it."""

    slug = models.SlugField(_("address"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    home_municipality = models.ForeignKey(
        "self",
        verbose_name=_("home municipality"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="domiciled",
        limit_choices_to={"kind": OrganisationKind.MUNICIPALITY},
        help_text=_("Where the organisation is domiciled; empty if outside the region."),
    )
    business_id = models.CharField(
        _("business ID"),
        max_length=9,
        blank=True,
        validators=[validate_business_id],
        help_text=_("Y-tunnus, e.g. 0112038-9."),
    )
    website = models.URLField(_("website"), max_length=300, blank=True)
    email = models.EmailField(_("public e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address = models.CharField(_("contact address"), max_length=300, blank=True)
    description = models.TextField(_("what the organisation does"), max_length=2000, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=OrganisationStatus.choices,
        default=OrganisationStatus.APPROVED,
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    # Open-data clients sync by it (an OParl Organization's `modified`).
    modified_at = modified_field()

    objects = OrganisationQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["modified_at"])

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        permissions = [("manage_organisations", "Can manage organisations and registrations")]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=OrganisationKind.values), name="organisation_kind_is_a_choice"
            ),
            models.CheckConstraint(
                condition=Q(status__in=OrganisationStatus.values),
                name="organisation_status_is_a_choice",
            ),
            # A rejected registration does not block the real organisation's name or ID.
            models.UniqueConstraint(
                fields=["name"],
                condition=~Q(status=OrganisationStatus.REJECTED),
                name="organisation_name_unique",
                violation_error_message=_(
                    "An organisation with this name is already in the directory or waiting "
                    "for approval."
                ),
            ),
            models.UniqueConstraint(
                fields=["business_id"],
                condition=~Q(business_id="") & ~Q(status=OrganisationStatus.REJECTED),
                name="organisation_business_id_unique",
                violation_error_message=_(
                    "An organisation with this business ID is already in the directory or "
                    "waiting for approval."
                ),
            ),
        ]
        indexes = [models.Index(fields=["status", "kind", "name"])]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        self.modified_at = timezone.now()
        fields = kwargs.get("update_fields")
        if fields is not None:
            kwargs["update_fields"] = {*fields, "modified_at"}  # type: ignore[misc]
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def get_absolute_url(self) -> str:
        return reverse("forums:organisation_detail", kwargs={"slug": self.slug})

    @property
    def is_public(self) -> bool:
        return self.status == OrganisationStatus.APPROVED


class OrganisationField(models.Model):
    """One field of activity (toimiala) of an organisation."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="activity_fields",
    )
    field = models.CharField(_("field of activity"), max_length=30, choices=ActivityField.choices)

    class Meta:
        ordering = ["organisation", "field"]
        verbose_name = _("field of activity")
        verbose_name_plural = _("fields of activity")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "field"], name="organisation_field_once"
            ),
            models.CheckConstraint(
                condition=Q(field__in=ActivityField.values), name="organisation_field_is_a_choice"
            ),
        ]

    def __str__(self) -> str:
        return self.get_field_display()


class Representative(models.Model):
    """A person who represents an organisation (its chair, director, contact person)."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="representatives",
    )
    person = models.ForeignKey(
        "councils.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="organisation_roles",
    )
    title = models.CharField(
        _("position in the organisation"),
        max_length=200,
        blank=True,
        help_text=_("For example: chair, executive director, mayor."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=100)

    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation", "order", "person__last_name"]
        verbose_name = _("representative")
        verbose_name_plural = _("representatives")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "person"], name="representative_once_per_organisation"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.organisation})"


class Representation(models.Model):
    """A member of a forum (a councils membership) who sits on behalf of an organisation.

    A forum's members represent organisations rather than holding seats of their own;
    the membership stays councils' (one meeting engine), this row says for whom.
    """

    membership = models.OneToOneField(
        "councils.Membership",
        verbose_name=_("membership"),
        on_delete=models.CASCADE,
        related_name="representation",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="representations",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("representation in a body")
        verbose_name_plural = _("representations in bodies")

    def __str__(self) -> str:
        return f"{self.membership} – {self.organisation}"


# --- Registration by the association itself ----------------------------------------------------

# A confirmation link works this long; unconfirmed registrations are then removed.
REGISTRATION_PENDING_DAYS = 7
# Rejected registrations (with the applicant's name and address) are removed after this.
REJECTED_KEPT_DAYS = 30


class RegistrationState(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("waiting for the e-mail confirmation")
    CONFIRMED = "confirmed", _("waiting for approval")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")


def new_registration_token() -> str:
    return secrets.token_urlsafe(32)


class RegistrationQuerySet(models.QuerySet["Registration"]):
    def awaiting_decision(self) -> RegistrationQuerySet:
        return self.filter(state=RegistrationState.CONFIRMED)

    def expired(self, now: datetime) -> RegistrationQuerySet:
        """Unconfirmed after REGISTRATION_PENDING_DAYS, rejected after REJECTED_KEPT_DAYS."""
        return self.filter(
            Q(
                state=RegistrationState.UNCONFIRMED,
                requested_at__lt=now - timedelta(days=REGISTRATION_PENDING_DAYS),
            )
            | Q(
                state=RegistrationState.REJECTED,
                decided_at__lt=now - timedelta(days=REJECTED_KEPT_DAYS),
            )
        )

    def reviewable_by(self, user: AbstractBaseUser | AnonymousUser) -> RegistrationQuerySet:
        return self if rules.may_manage_organisations(user) else self.none()


class Registration(models.Model):
    """An association's own request to join the directory (no account: double opt-in).

    The organisation row exists from the start, pending and never public; the confirmed
    address and the coordinator's decision live here. The token authorises the
    confirmation link only.
    """

    organisation = models.OneToOneField(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="registration",
    )
    contact_name = models.CharField(_("contact person"), max_length=200)
    email = models.EmailField(_("contact person's e-mail address"))
    message = models.TextField(_("message to the coordinator"), max_length=2000, blank=True)
    language = models.CharField(_("language"), max_length=8)
    token = models.CharField(
        _("token"), max_length=64, unique=True, default=new_registration_token, editable=False
    )
    state = models.CharField(
        _("state"),
        max_length=12,
        choices=RegistrationState.choices,
        default=RegistrationState.UNCONFIRMED,
    )
    requested_at = models.DateTimeField(_("registered"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("e-mail confirmed"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.TextField(_("reason for rejection"), max_length=2000, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=RegistrationState.values),
                name="registration_state_is_a_choice",
            ),
            models.CheckConstraint(
                condition=~Q(state=RegistrationState.REJECTED) | ~Q(reason=""),
                name="registration_rejection_has_a_reason",
            ),
        ]
        indexes = [models.Index(fields=["state", "requested_at"]), models.Index(fields=["email"])]

    def __str__(self) -> str:
        return f"{self.organisation.name} ({self.get_state_display()})"

    def is_expired(self, now: datetime) -> bool:
        return self.state == RegistrationState.UNCONFIRMED and self.requested_at < now - timedelta(
            days=REGISTRATION_PENDING_DAYS
        )
