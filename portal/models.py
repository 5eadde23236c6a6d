from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.lib.choices import in_choices

# Laki digitaalisten palvelujen tarjoamisesta (306/2019) § 16: feedback on
# accessibility is answered within 14 days.
ACCESSIBILITY_REPLY_DAYS = 14


class AccessibilityFeedback(models.Model):
    """A resident's message about the accessibility of the site (saavutettavuuspalaute)."""

    message = models.TextField(_("message"), max_length=5000)
    page = models.CharField(_("page concerned"), max_length=500, blank=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    language = models.CharField(_("language"), max_length=8)
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("accessibility feedback")
        verbose_name_plural = _("accessibility feedback")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d} {self.message[:60]}"

    @property
    def answer_due(self) -> datetime:
        return self.created_at + timedelta(days=ACCESSIBILITY_REPLY_DAYS)


# --- E-mail alerts ------------------------------------------------------------------------

# A confirmation link works this long; unconfirmed requests are then removed.
SUBSCRIPTION_PENDING_DAYS = 7
# The longest saved search (the search page's query string) that can be followed.
SUBSCRIPTION_QUERY_MAX_LENGTH = 1000


class SubscriptionKind(models.TextChoices):
    BODY = "body", _("body")
    CASE = "case", _("case")
    SEARCH = "search", _("saved search")
    CONSULTATION = "hearing", _("consultation")
    CONSULTATIONS = "hearings", _("all new consultations")
    INITIATIVE = "initiative", _("initiative")
    INITIATIVES = "initiatives", _("new initiatives")


class SubscriptionState(models.TextChoices):
    PENDING = "pending", _("waiting for confirmation")
    ACTIVE = "active", _("active")


class SubscriptionQuerySet(models.QuerySet["Subscription"]):
    def active(self) -> SubscriptionQuerySet:
        return self.filter(state=SubscriptionState.ACTIVE)

    def pending(self) -> SubscriptionQuerySet:
        return self.filter(state=SubscriptionState.PENDING)

    def expired(self, now: datetime) -> SubscriptionQuerySet:
        """Requests whose confirmation link has run out (SUBSCRIPTION_PENDING_DAYS)."""
        return self.pending().filter(
            requested_at__lt=now - timedelta(days=SUBSCRIPTION_PENDING_DAYS)
        )

    def for_email(self, email: str) -> SubscriptionQuerySet:
        return self.filter(email=email.strip().lower())


def new_subscription_token() -> str:
    return secrets.token_urlsafe(32)


class Subscription(models.Model):
    """An e-mail alert: a daily digest of what is new in a body, a case, a saved search, a
    consultation or an initiative, or of new consultations or initiatives.

    One row per address and target, pending until the address owner confirms it
    (double opt-in). The token authorises both the confirmation and the unsubscribe
    links. Unsubscribing deletes the row, address and all: nothing about a cancelled
    alert is kept (data minimisation).
    """

    email = models.EmailField(_("e-mail address"))
    kind = models.CharField(_("follows"), max_length=12, choices=SubscriptionKind.choices)
    body = models.ForeignKey(
        "councils.Body",
        verbose_name=_("body"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    case = models.ForeignKey(
        "councils.Case",
        verbose_name=_("case"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    query = models.CharField(
        _("saved search"), max_length=SUBSCRIPTION_QUERY_MAX_LENGTH, blank=True
    )
    consultation = models.ForeignKey(
        "forums.Consultation",
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    initiative = models.ForeignKey(
        "forums.Initiative",
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    language = models.CharField(_("language"), max_length=8)
    token = models.CharField(
        _("token"), max_length=64, unique=True, default=new_subscription_token, editable=False
    )
    state = models.CharField(
        _("state"),
        max_length=10,
        choices=SubscriptionState.choices,
        default=SubscriptionState.PENDING,
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    # When the latest confirmation e-mail went out: throttles resending and expires the link.
    requested_at = models.DateTimeField(_("confirmation sent"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    last_sent_at = models.DateTimeField(_("last digest covers until"), null=True, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["email", "created_at"]
        verbose_name = _("e-mail alert")
        verbose_name_plural = _("e-mail alerts")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        kind=SubscriptionKind.BODY,
                        body__isnull=False,
                        case__isnull=True,
                        consultation__isnull=True,
                        initiative__isnull=True,
                        query="",
                    )
                    | Q(
                        kind=SubscriptionKind.CASE,
                        body__isnull=True,
                        case__isnull=False,
                        consultation__isnull=True,
                        initiative__isnull=True,
                        query="",
                    )
                    | Q(
                        kind=SubscriptionKind.SEARCH,
                        body__isnull=True,
                        case__isnull=True,
                        consultation__isnull=True,
                        initiative__isnull=True,
                    )
                    | Q(
                        kind=SubscriptionKind.CONSULTATION,
                        body__isnull=True,
                        case__isnull=True,
                        consultation__isnull=False,
                        initiative__isnull=True,
                        query="",
                    )
                    | Q(
                        kind=SubscriptionKind.CONSULTATIONS,
                        body__isnull=True,
                        case__isnull=True,
                        consultation__isnull=True,
                        initiative__isnull=True,
                        query="",
                    )
                    | Q(
                        kind=SubscriptionKind.INITIATIVE,
                        body__isnull=True,
                        case__isnull=True,
                        consultation__isnull=True,
                        initiative__isnull=False,
                        query="",
                    )
                    | Q(
                        kind=SubscriptionKind.INITIATIVES,
                        body__isnull=True,
                        case__isnull=True,
                        consultation__isnull=True,
                        initiative__isnull=True,
                        query="",
                    )
                ),
                name="subscription_has_one_target_of_its_kind",
            ),
            models.UniqueConstraint(
                fields=["email", "body"],
                condition=Q(kind=SubscriptionKind.BODY),
                name="subscription_unique_body_per_email",
            ),
            models.UniqueConstraint(
                fields=["email", "case"],
                condition=Q(kind=SubscriptionKind.CASE),
                name="subscription_unique_case_per_email",
            ),
            models.UniqueConstraint(
                fields=["email", "query"],
                condition=Q(kind=SubscriptionKind.SEARCH),
                name="subscription_unique_search_per_email",
            ),
            models.UniqueConstraint(
                fields=["email", "consultation"],
                condition=Q(kind=SubscriptionKind.CONSULTATION),
                name="subscription_unique_consultation_per_email",
            ),
            models.UniqueConstraint(
                fields=["email"],
                condition=Q(kind=SubscriptionKind.CONSULTATIONS),
                name="subscription_unique_all_consultations_per_email",
            ),
            models.UniqueConstraint(
                fields=["email", "initiative"],
                condition=Q(kind=SubscriptionKind.INITIATIVE),
                name="subscription_unique_initiative_per_email",
            ),
            models.UniqueConstraint(
                fields=["email"],
                condition=Q(kind=SubscriptionKind.INITIATIVES),
                name="subscription_unique_new_initiatives_per_email",
            ),
            in_choices("kind", SubscriptionKind.choices),
            in_choices("state", SubscriptionState.choices),
        ]
        indexes = [models.Index(fields=["state", "email"])]

    def __str__(self) -> str:
        return f"{self.email}: {self.get_kind_display()}"

    def is_expired(self, now: datetime) -> bool:
        """A request whose confirmation link ran out (SUBSCRIPTION_PENDING_DAYS)."""
        return self.state == SubscriptionState.PENDING and self.requested_at < now - timedelta(
            days=SUBSCRIPTION_PENDING_DAYS
        )

    @property
    def window_start(self) -> datetime | None:
        """Where the next digest starts: after the last one, or at confirmation."""
        return self.last_sent_at or self.confirmed_at


class FormSubmission(models.Model):
    """A one-time form token that has been used, and where its first answer pointed.

    Written by `portal.once.once_per_form`: a repeated submission of the same form (a
    double click, a reload, two requests at once) gets the first one's result instead
    of doing the work again. Rows older than two days are deleted by Celery beat.
    """

    token = models.CharField(_("form token"), max_length=64, unique=True)
    user = models.ForeignKey(
        "auth.User", verbose_name=_("user"), on_delete=models.CASCADE, null=True, blank=True
    )
    path = models.CharField(_("address"), max_length=500)
    result_url = models.CharField(_("result"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("sent"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("form submission")
        verbose_name_plural = _("form submissions")

    def __str__(self) -> str:
        return f"{self.path} ({self.created_at:%Y-%m-%d %H:%M})"
