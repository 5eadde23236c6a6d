"""Initiatives (aloitteet, HVAL 30 §) with their supporters, state and public timeline.

A member of the county (a resident of a municipality of the region, a municipality, an
association or foundation domiciled there, an owner of real property there) or a user of
a service (on that service) may make an initiative; a member of the regional council
makes a council member's initiative (valtuustoaloite), and an advisory council one of its
own (hallintosääntö). Each goes received → registered (diary number) → routed (where it
is handled, by when, contact person; within one month of arrival) → hearing of the
initiators' representatives → answered (the decision that answered it, and the measures)
→ closed. Every step is an `InitiativeStep` row, stamped and shown on the public page.

The contact person's name and address are never public; the supporters' names are
public only with their consent. Both are removed on a schedule after closing
(forums/initiatives.py registers the removal with forums/participation.py).
"""

from __future__ import annotations

from datetime import date, datetime

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from forums import rules
from portal.lib.choices import in_choices


class InitiativeKind(models.TextChoices):
    RESIDENT = "resident", _("resident initiative")
    SERVICE_USER = "service_user", _("service-user initiative")
    COUNCIL_MEMBER = "council_member", _("council member's initiative")
    ADVISORY_COUNCIL = "advisory_council", _("advisory council's initiative")


class MembershipBasis(models.TextChoices):
    """On what ground the initiator may make an initiative (HVAL 30 §, hallintosääntö)."""

    RESIDENT = "resident", _("resident of a municipality of the region")
    MUNICIPALITY = "municipality", _("a municipality of the region")
    ASSOCIATION = "association", _("an association or foundation domiciled in the region")
    PROPERTY_OWNER = "property_owner", _("owner of real property in the region")
    SERVICE_USER = "service_user", _("user of the service the initiative concerns")
    COUNCIL_MEMBER = "council_member", _("member of the regional council")
    ADVISORY_COUNCIL = "advisory_council", _("advisory council of the county")


# Which grounds each kind of initiative may rest on.
BASES_OF_KIND: dict[str, tuple[str, ...]] = {
    InitiativeKind.RESIDENT: (
        MembershipBasis.RESIDENT,
        MembershipBasis.MUNICIPALITY,
        MembershipBasis.ASSOCIATION,
        MembershipBasis.PROPERTY_OWNER,
    ),
    InitiativeKind.SERVICE_USER: (MembershipBasis.SERVICE_USER,),
    InitiativeKind.COUNCIL_MEMBER: (MembershipBasis.COUNCIL_MEMBER,),
    InitiativeKind.ADVISORY_COUNCIL: (MembershipBasis.ADVISORY_COUNCIL,),
}
# Grounds that rest on a municipality of the region (which one is asked).
MUNICIPAL_BASES = (
    MembershipBasis.RESIDENT,
    MembershipBasis.MUNICIPALITY,
    MembershipBasis.ASSOCIATION,
    MembershipBasis.PROPERTY_OWNER,
)
# Kinds a resident submits through the public form; the others are recorded by staff.
PUBLIC_KINDS = (InitiativeKind.RESIDENT, InitiativeKind.SERVICE_USER)


class Municipality(models.TextChoices):
    """The ten municipalities of Päijät-Häme (proper names, the same in every language)."""

    ASIKKALA = "asikkala", "Asikkala"
    HARTOLA = "hartola", "Hartola"
    HEINOLA = "heinola", "Heinola"
    HOLLOLA = "hollola", "Hollola"
    IITTI = "iitti", "Iitti"
    KARKOLA = "karkola", "Kärkölä"
    LAHTI = "lahti", "Lahti"
    ORIMATTILA = "orimattila", "Orimattila"
    PADASJOKI = "padasjoki", "Padasjoki"
    SYSMA = "sysma", "Sysmä"


class InitiativeState(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("waiting for the e-mail confirmation")
    RECEIVED = "received", pgettext_lazy("initiative state", "received")
    REGISTERED = "registered", pgettext_lazy("initiative state", "registered")
    ROUTED = "routed", pgettext_lazy("initiative state", "in preparation")
    HEARING = "hearing", pgettext_lazy("initiative state", "initiators heard")
    ANSWERED = "answered", pgettext_lazy("initiative state", "answered")
    CLOSED = "closed", pgettext_lazy("initiative state", "closed")


# The public path, in order (an unconfirmed submission is nobody's business but its sender's).
PUBLIC_STATES = [
    InitiativeState.RECEIVED,
    InitiativeState.REGISTERED,
    InitiativeState.ROUTED,
    InitiativeState.HEARING,
    InitiativeState.ANSWERED,
    InitiativeState.CLOSED,
]
# While the initiative waits for its answer, others may support it.
SUPPORTABLE_STATES = [
    InitiativeState.RECEIVED,
    InitiativeState.REGISTERED,
    InitiativeState.ROUTED,
    InitiativeState.HEARING,
]
# Not yet told where it is handled: the one-month acknowledgement runs.
UNROUTED_STATES = [InitiativeState.RECEIVED, InitiativeState.REGISTERED]


class IdentifiedBy(models.TextChoices):
    """How the eligibility of an initiator or supporter was established (forums/identity.py)."""

    SELF_ASSERTED = "self_asserted", _("stated by the person (not verified)")
    SUOMIFI = "suomifi", _("strong identification through Suomi.fi")
    STAFF = "staff", _("recorded by the county's staff")


class InitiativeQuerySet(models.QuerySet["Initiative"]):
    def public(self) -> InitiativeQuerySet:
        """What residents see: every initiative once received (never an unconfirmed one)."""
        return self.exclude(state=InitiativeState.UNCONFIRMED)

    def with_support_count(self) -> InitiativeQuerySet:
        return self.annotate(
            support_count=Count("supporters", filter=Q(supporters__confirmed_at__isnull=False))
        )

    def awaiting_routing(self) -> InitiativeQuerySet:
        """Received or registered but the initiators not yet told where it is handled."""
        return self.filter(state__in=UNROUTED_STATES)

    def manageable_by(self, user: AbstractBaseUser | AnonymousUser) -> InitiativeQuerySet:
        """Every initiative for the registry and the organisations coordinator; for the clerk
        of a body, those addressed to it or routed to it (forums/rules.py)."""
        if rules.may_manage_all_initiatives(user):
            return self.public()
        from councils.models import Body

        # A subquery, not a join through the clerks: counts annotated later stay true.
        bodies = Body.objects.editable_by(user).values("pk")
        return self.public().filter(Q(addressed_to__in=bodies) | Q(handling_body__in=bodies))


class Initiative(models.Model):
    """An initiative to the county, with its state and where it is handled."""

    kind = models.CharField(_("kind"), max_length=20, choices=InitiativeKind.choices)
    title = models.CharField(_("title"), max_length=200)
    proposal = models.TextField(_("proposal"), max_length=5000)
    reasons = models.TextField(_("reasons"), max_length=5000, blank=True)
    concerns = models.CharField(
        _("the service or matter it concerns"),
        max_length=200,
        help_text=_("For example: home care in Heinola, the youth chat service."),
    )
    addressed_to = models.ForeignKey(
        "councils.Body",
        verbose_name=_("addressed to"),
        on_delete=models.PROTECT,
        related_name="initiatives",
    )
    initiators = models.CharField(
        _("initiators as shown publicly"),
        max_length=300,
        blank=True,
        help_text=_("Names or an organisation, as the initiators wish; empty: “a resident”."),
    )
    basis = models.CharField(
        _("right to make the initiative"), max_length=20, choices=MembershipBasis.choices
    )
    municipality = models.CharField(
        _("municipality"), max_length=20, choices=Municipality.choices, blank=True
    )
    identified_by = models.CharField(
        _("eligibility established"),
        max_length=20,
        choices=IdentifiedBy.choices,
        default=IdentifiedBy.SELF_ASSERTED,
    )
    # Never public; removed on a schedule after closing.
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact person's e-mail address"), blank=True)
    language = models.CharField(_("language"), max_length=8, default="fi")
    # Where the initiative was made, when it was made at a meeting (a council meeting's
    # notices, an advisory council's decision).
    made_at = models.ForeignKey(
        "councils.AgendaItem",
        verbose_name=_("made at"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="initiatives_made",
    )
    state = models.CharField(
        _("state"),
        max_length=12,
        choices=InitiativeState.choices,
        default=InitiativeState.UNCONFIRMED,
    )
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    received_at = models.DateTimeField(_("received"), null=True, blank=True)
    # Registered: the diary number.
    case = models.ForeignKey(
        "councils.Case",
        verbose_name=_("case"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="initiatives",
    )
    # Routed: where it is handled, by when, and whom to ask.
    handling_body = models.ForeignKey(
        "councils.Body",
        verbose_name=_("handled by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="initiatives_handled",
    )
    handling_unit = models.CharField(_("service or unit preparing it"), max_length=200, blank=True)
    answer_due = models.DateField(_("answer expected by"), null=True, blank=True)
    handling_contact = models.CharField(
        _("contact person at the county"),
        max_length=200,
        blank=True,
        help_text=_("An official's name, title and work contact details; shown publicly."),
    )
    # Answered: the decision that answered it, and the measures taken.
    answer_item = models.ForeignKey(
        "councils.AgendaItem",
        verbose_name=_("answered in the agenda item"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="initiatives_answered",
    )
    answer_decision = models.ForeignKey(
        "councils.OfficialDecision",
        verbose_name=_("answered by the official's decision"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="initiatives_answered",
    )
    measures = models.TextField(_("measures taken"), max_length=5000, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    personal_data_removed_at = models.DateTimeField(
        _("personal data removed"), null=True, blank=True
    )
    modified_at = models.DateTimeField(_("modified"), default=timezone.now, db_index=True)

    objects = InitiativeQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        permissions = [("register_initiatives", "Can register and route initiatives")]
        constraints = [
            in_choices("kind", InitiativeKind.choices),
            in_choices("basis", MembershipBasis.choices),
            in_choices("municipality", Municipality.choices, blank=True),
            in_choices("identified_by", IdentifiedBy.choices),
            in_choices("state", InitiativeState.choices),
            models.CheckConstraint(
                condition=~Q(title="") & ~Q(proposal=""), name="initiative_has_title_and_proposal"
            ),
            models.CheckConstraint(
                condition=Q(
                    *[
                        Q(kind=kind, basis__in=bases) | ~Q(kind=kind)
                        for kind, bases in BASES_OF_KIND.items()
                    ]
                ),
                name="initiative_basis_fits_its_kind",
            ),
            models.CheckConstraint(
                condition=Q(state=InitiativeState.UNCONFIRMED) | Q(received_at__isnull=False),
                name="initiative_received_has_a_time",
            ),
            models.CheckConstraint(
                condition=Q(state__in=[InitiativeState.UNCONFIRMED, InitiativeState.RECEIVED])
                | Q(case__isnull=False),
                name="initiative_registered_has_a_case",
            ),
            models.CheckConstraint(
                condition=Q(
                    state__in=[
                        InitiativeState.UNCONFIRMED,
                        InitiativeState.RECEIVED,
                        InitiativeState.REGISTERED,
                    ]
                )
                | Q(answer_due__isnull=False) & ~Q(handling_contact=""),
                name="initiative_routed_has_deadline_and_contact",
            ),
            models.CheckConstraint(
                condition=~Q(state__in=[InitiativeState.ANSWERED, InitiativeState.CLOSED])
                | Q(answer_item__isnull=False)
                | Q(answer_decision__isnull=False),
                name="initiative_answered_names_the_decision",
            ),
            models.CheckConstraint(
                condition=~Q(state=InitiativeState.CLOSED) | Q(closed_at__isnull=False),
                name="initiative_closed_has_a_time",
            ),
        ]
        indexes = [
            models.Index(fields=["state", "received_at"]),
            models.Index(fields=["contact_email"]),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("forums:initiative_detail", kwargs={"pk": self.pk})

    @property
    def is_public(self) -> bool:
        return self.state != InitiativeState.UNCONFIRMED

    @property
    def may_be_supported(self) -> bool:
        return self.state in SUPPORTABLE_STATES

    @property
    def received_on(self) -> date | None:
        return timezone.localdate(self.received_at) if self.received_at else None

    def acknowledgement_due(self) -> date | None:
        """The last day to tell the initiators where it is handled (forums/rules.py)."""
        if self.received_at is None:
            return None
        return rules.acknowledgement_last_day(received=self.received_at)

    def acknowledgement_overdue(self, today: date | None = None) -> bool:
        due = self.acknowledgement_due()
        today = today or timezone.localdate()
        return due is not None and self.state in UNROUTED_STATES and today > due

    def statutory_answer_due(self) -> date | None:
        """A council member's initiative's own deadline (the rules of procedure); else None."""
        if self.received_at is None or self.kind != InitiativeKind.COUNCIL_MEMBER:
            return None
        return rules.council_initiative_last_day(received=self.received_at)

    @property
    def public_initiators(self) -> str:
        return self.initiators or str(_("a resident"))


class InitiativeStep(models.Model):
    """One step of an initiative's path, stamped: its public timeline and audit trail."""

    initiative = models.ForeignKey(
        Initiative, verbose_name=_("initiative"), on_delete=models.CASCADE, related_name="steps"
    )
    state = models.CharField(_("state"), max_length=12, choices=InitiativeState.choices)
    at = models.DateTimeField(_("time"), default=timezone.now)
    note = models.TextField(_("note"), max_length=5000, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["initiative", "at", "pk"]
        verbose_name = _("step of an initiative")
        verbose_name_plural = _("steps of initiatives")
        constraints = [in_choices("state", InitiativeState.choices)]
        indexes = [models.Index(fields=["at"])]

    def __str__(self) -> str:
        return f"{self.initiative_id} {self.get_state_display()} {self.at:%Y-%m-%d}"


class SupporterQuerySet(models.QuerySet["Supporter"]):
    def confirmed(self) -> SupporterQuerySet:
        return self.filter(confirmed_at__isnull=False)

    def public_names(self) -> SupporterQuerySet:
        """Confirmed supporters who allowed their name to be published (and still have one)."""
        return self.confirmed().filter(publish_name=True).exclude(name="")


class Supporter(models.Model):
    """A person who supports an initiative, confirmed by e-mail (double opt-in)."""

    initiative = models.ForeignKey(
        Initiative,
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="supporters",
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    municipality = models.CharField(
        _("home municipality"), max_length=20, choices=Municipality.choices, blank=True
    )
    email = models.EmailField(_("e-mail address"), blank=True)
    publish_name = models.BooleanField(_("name may be published"), default=False)
    identified_by = models.CharField(
        _("eligibility established"),
        max_length=20,
        choices=IdentifiedBy.choices,
        default=IdentifiedBy.SELF_ASSERTED,
    )
    language = models.CharField(_("language"), max_length=8, default="fi")
    requested_at = models.DateTimeField(_("confirmation sent"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    personal_data_removed_at = models.DateTimeField(
        _("personal data removed"), null=True, blank=True
    )

    objects = SupporterQuerySet.as_manager()

    class Meta:
        ordering = ["initiative", "confirmed_at", "pk"]
        verbose_name = _("supporter")
        verbose_name_plural = _("supporters")
        constraints = [
            in_choices("municipality", Municipality.choices, blank=True),
            in_choices("identified_by", IdentifiedBy.choices),
            # One support per address and initiative (confirmed or waiting); removed
            # addresses are empty and do not count.
            models.UniqueConstraint(
                fields=["initiative", "email"],
                condition=~Q(email=""),
                name="supporter_once_per_email",
                violation_error_message=_("This address has already supported the initiative."),
            ),
            # A published name is a name someone consented to.
            models.CheckConstraint(
                condition=Q(publish_name=False) | ~Q(name=""), name="supporter_published_has_name"
            ),
            # While the personal data is kept, a supporter has all three.
            models.CheckConstraint(
                condition=Q(personal_data_removed_at__isnull=False)
                | ~Q(name="") & ~Q(email="") & ~Q(municipality=""),
                name="supporter_has_name_email_municipality",
            ),
        ]
        indexes = [
            models.Index(fields=["initiative", "confirmed_at"]),
            models.Index(fields=["email", "requested_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.initiative_id}: {self.name or '–'}"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None


class InitiativeReport(models.Model):
    """The yearly report to the council of the initiatives made in a year and the measures
    taken (HVAL 30 §). Its PDF versions are councils Documents owned by this row."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("yearly report of initiatives")
        verbose_name_plural = _("yearly reports of initiatives")
        constraints = [
            models.CheckConstraint(
                condition=Q(year__gte=2020) & Q(year__lte=2100), name="initiative_report_year"
            )
        ]

    def __str__(self) -> str:
        return str(self.year)


def helsinki_year_bounds(year: int) -> tuple[datetime, datetime]:
    """The first moment of `year` and of the next, in Helsinki time."""
    zone = timezone.get_default_timezone()
    return (datetime(year, 1, 1, tzinfo=zone), datetime(year + 1, 1, 1, tzinfo=zone))
