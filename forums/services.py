"""Every write of cooperation and participation: one function per change, each atomic.

A function checks its rule and raises councils' RuleViolation with a message naming
it; e-mails go out after the transaction commits. An association's registration is a
double opt-in: the organisation row is created pending (never public), the contact
person confirms the address by pressing a button behind the e-mailed link (mail
scanners fetch links), and the organisations coordinator approves or rejects it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from councils.models import Body, Membership, MembershipRole, Person
from councils.services import RuleViolation
from forums.models import (
    REGISTRATION_PENDING_DAYS,
    SELF_REGISTERING_KINDS,
    FollowUp,
    Organisation,
    OrganisationField,
    OrganisationStatus,
    Registration,
    RegistrationState,
    Representation,
    Representative,
)
from forums.models.cooperation import AgreementGoal
from forums.rules import MANAGE_ORGANISATIONS

logger = logging.getLogger(__name__)

__all__ = ["RuleViolation"]

# At most this many registrations from one contact address in this time: a stranger
# cannot flood someone's inbox (or the coordinator's queue) through the public form.
REGISTRATION_INTERVAL = timedelta(hours=1)
MAX_REGISTRATIONS_PER_INTERVAL = 3
# Path segments under /organisaatiot/ that are pages, not organisations.
RESERVED_SLUGS = {"ilmoittaudu"}


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _one_line(text: str) -> str:
    return " ".join(text.split())[:200]


def unique_slug(name: str, *, exclude_pk: int | None = None) -> str:
    base = slugify(name)[:110].strip("-") or "organisaatio"
    others = Organisation.objects.filter(slug__startswith=base)
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    taken = set(others.values_list("slug", flat=True)) | RESERVED_SLUGS
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


# --- Organisations ---------------------------------------------------------------------------


@dataclass(frozen=True)
class OrganisationData:
    """What an organisation says of itself: the fields of the forms and the services."""

    name: str
    kind: str
    home_municipality: Organisation | None = None
    business_id: str = ""
    website: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""
    description: str = ""
    fields: tuple[str, ...] = field(default_factory=tuple)


def _check_unique(data: OrganisationData, *, exclude_pk: int | None = None) -> None:
    others = Organisation.objects.exclude(status=OrganisationStatus.REJECTED)
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    if others.filter(name__iexact=data.name.strip()).exists():
        raise RuleViolation(
            _(
                "“%(name)s” is already in the directory or waiting for approval; an "
                "organisation is listed once."
            )
            % {"name": data.name.strip()}
        )
    if data.business_id and others.filter(business_id=data.business_id).exists():
        raise RuleViolation(
            _(
                "An organisation with the business ID %(id)s is already in the directory or "
                "waiting for approval; an organisation is listed once."
            )
            % {"id": data.business_id}
        )


def _write(organisation: Organisation, data: OrganisationData) -> Organisation:
    organisation.name = data.name.strip()
    organisation.kind = data.kind
    organisation.home_municipality = data.home_municipality
    organisation.business_id = data.business_id
    organisation.website = data.website
    organisation.email = data.email
    organisation.phone = data.phone
    organisation.address = data.address
    organisation.description = data.description
    try:
        with transaction.atomic():
            organisation.save()
    except IntegrityError as exc:  # two saves of the same name at once: the other won
        raise RuleViolation(
            _("“%(name)s” is already in the directory or waiting for approval.")
            % {"name": organisation.name}
        ) from exc
    OrganisationField.objects.filter(organisation=organisation).exclude(
        field__in=data.fields
    ).delete()
    existing = set(organisation.activity_fields.values_list("field", flat=True))
    OrganisationField.objects.bulk_create(
        OrganisationField(organisation=organisation, field=name)
        for name in dict.fromkeys(data.fields)
        if name not in existing
    )
    return organisation


@transaction.atomic
def organisation_create(*, data: OrganisationData) -> Organisation:
    """An organisation entered by the coordinator: in the directory at once."""
    _check_unique(data)
    organisation = Organisation(
        slug=unique_slug(data.name),
        status=OrganisationStatus.APPROVED,
        approved_at=timezone.now(),
    )
    return _write(organisation, data)


@transaction.atomic
def organisation_update(*, organisation: Organisation, data: OrganisationData) -> Organisation:
    """The coordinator's edit; the address (slug) stays, so shared links keep working."""
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    _check_unique(data, exclude_pk=organisation.pk)
    return _write(organisation, data)


# --- Registration by an association ------------------------------------------------------------


@transaction.atomic
def registration_submit(
    *,
    data: OrganisationData,
    contact_name: str,
    contact_email: str,
    message: str = "",
    language: str = "fi",
    now: datetime | None = None,
) -> Registration | None:
    """An association registers itself: a pending organisation and a confirmation e-mail.

    Sending the same registration again (a double submit, or "I never got the e-mail")
    makes no second row: the contact gets the link again at most once per
    REGISTRATION_INTERVAL. Returns None when nothing was stored because the address has
    sent too many registrations; the page says the same either way.
    """
    now = now or timezone.now()
    contact_email = contact_email.strip().lower()
    if data.kind not in SELF_REGISTERING_KINDS:
        raise RuleViolation(
            _(
                "Only associations and foundations register themselves; the organisations "
                "coordinator adds municipalities, agencies and staff organisations."
            )
        )
    if not data.fields:
        raise RuleViolation(_("Choose at least one field of activity."))
    again = (
        Registration.objects.select_for_update()
        .select_related("organisation")
        .filter(
            email=contact_email,
            organisation__name__iexact=data.name.strip(),
            state__in=[RegistrationState.UNCONFIRMED, RegistrationState.CONFIRMED],
        )
        .first()
    )
    if again is not None:
        if again.state == RegistrationState.UNCONFIRMED and (
            again.requested_at <= now - REGISTRATION_INTERVAL
        ):
            again.requested_at = now
            again.save(update_fields=["requested_at"])
            pk = again.pk
            transaction.on_commit(lambda: _send_confirmation(pk))
        return again
    recent = Registration.objects.filter(
        email=contact_email, requested_at__gt=now - REGISTRATION_INTERVAL
    ).count()
    if recent >= MAX_REGISTRATIONS_PER_INTERVAL:
        logger.info("registration throttled: too many from one address")
        return None
    _check_unique(data)
    organisation = _write(
        Organisation(slug=unique_slug(data.name), status=OrganisationStatus.PENDING), data
    )
    registration = Registration.objects.create(
        organisation=organisation,
        contact_name=contact_name.strip(),
        email=contact_email,
        message=message.strip(),
        language=language,
        requested_at=now,
    )
    pk = registration.pk
    transaction.on_commit(lambda: _send_confirmation(pk))
    return registration


def _send(*, to: Iterable[str], language: str, template: str, context: dict[str, Any]) -> None:
    recipients = [address for address in to if address]
    if not recipients:
        return
    with translation.override(language):
        text = render_to_string(template, context)
        subject, _blank, body = text.partition("\n\n")
        message = EmailMessage(
            subject=_one_line(subject),
            body=body,
            to=recipients,
            headers={"Auto-Submitted": "auto-generated"},
        )
    try:
        message.send()
    except Exception:  # the state is stored; the coordinator sees it in the staff pages
        logger.exception("sending a registration e-mail failed")


def _send_confirmation(pk: int) -> None:
    registration = Registration.objects.select_related("organisation").filter(pk=pk).first()
    if registration is None or registration.state != RegistrationState.UNCONFIRMED:
        return
    with translation.override(registration.language):
        confirm_url = _absolute(
            reverse("forums:register_confirm", kwargs={"token": registration.token})
        )
    _send(
        to=[registration.email],
        language=registration.language,
        template="forums/email/registration_confirm.txt",
        context={
            "registration": registration,
            "organisation": registration.organisation,
            "confirm_url": confirm_url,
            "days": REGISTRATION_PENDING_DAYS,
        },
    )


def _coordinator_addresses() -> list[str]:
    app_label, codename = MANAGE_ORGANISATIONS.split(".")
    permission = Q(
        groups__permissions__codename=codename,
        groups__permissions__content_type__app_label=app_label,
    ) | Q(
        user_permissions__codename=codename,
        user_permissions__content_type__app_label=app_label,
    )
    return sorted(
        set(
            get_user_model()
            .objects.filter(permission, is_active=True)
            .exclude(email="")
            .values_list("email", flat=True)
        )
    )


def _notify_coordinators(pk: int) -> None:
    registration = Registration.objects.select_related("organisation").filter(pk=pk).first()
    if registration is None:
        return
    _send(
        to=_coordinator_addresses(),
        language="fi",
        template="forums/email/registration_received.txt",
        context={
            "registration": registration,
            "organisation": registration.organisation,
            "review_url": _absolute(
                reverse("forums_staff:registration_review", kwargs={"pk": registration.pk})
            ),
        },
    )


@transaction.atomic
def registration_confirm(
    *, registration: Registration, now: datetime | None = None
) -> Registration:
    """The contact person confirmed the address: the coordinator can now decide.

    Confirming again changes nothing; an expired link confirms nothing.
    """
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    now = now or timezone.now()
    if registration.is_expired(now):
        raise RuleViolation(
            _("The confirmation link has expired (%(days)s days). Please register again.")
            % {"days": REGISTRATION_PENDING_DAYS}
        )
    if registration.state == RegistrationState.UNCONFIRMED:
        registration.state = RegistrationState.CONFIRMED
        registration.confirmed_at = now
        registration.save(update_fields=["state", "confirmed_at"])
        pk = registration.pk
        transaction.on_commit(lambda: _notify_coordinators(pk))
    return registration


def _decidable(registration: Registration) -> Registration:
    registration = (
        Registration.objects.select_for_update(of=("self",))
        .select_related("organisation")
        .get(pk=registration.pk)
    )
    if registration.state == RegistrationState.UNCONFIRMED:
        raise RuleViolation(
            _(
                "The registration waits for its contact person to confirm the e-mail address; "
                "it can be decided only after that."
            )
        )
    if registration.state != RegistrationState.CONFIRMED:
        raise RuleViolation(
            _("This registration has already been decided: %(state)s.")
            % {"state": registration.get_state_display()}
        )
    return registration


def _tell_applicant(pk: int) -> None:
    registration = Registration.objects.select_related("organisation").filter(pk=pk).first()
    if registration is None:
        return
    organisation = registration.organisation
    with translation.override(registration.language):
        page_url = _absolute(organisation.get_absolute_url())
    _send(
        to=[registration.email],
        language=registration.language,
        template="forums/email/registration_decided.txt",
        context={
            "registration": registration,
            "organisation": organisation,
            "approved": registration.state == RegistrationState.APPROVED,
            "page_url": page_url,
        },
    )


@transaction.atomic
def registration_approve(*, registration: Registration, decided_by: Any) -> Organisation:
    """The coordinator approves: the organisation appears in the public directory."""
    registration = _decidable(registration)
    now = timezone.now()
    organisation = registration.organisation
    _check_unique(
        OrganisationData(
            name=organisation.name, kind=organisation.kind, business_id=organisation.business_id
        ),
        exclude_pk=organisation.pk,
    )
    organisation.status = OrganisationStatus.APPROVED
    organisation.approved_at = now
    organisation.save(update_fields=["status", "approved_at"])
    registration.state = RegistrationState.APPROVED
    registration.decided_at = now
    registration.decided_by = decided_by
    registration.save(update_fields=["state", "decided_at", "decided_by"])
    pk = registration.pk
    transaction.on_commit(lambda: _tell_applicant(pk))
    return organisation


@transaction.atomic
def registration_reject(
    *, registration: Registration, decided_by: Any, reason: str
) -> Registration:
    """The coordinator rejects, with a reason the applicant is told; nothing is published."""
    if not reason.strip():
        raise RuleViolation(_("Give the reason for rejecting; the applicant is told it."))
    registration = _decidable(registration)
    now = timezone.now()
    organisation = registration.organisation
    organisation.status = OrganisationStatus.REJECTED
    organisation.save(update_fields=["status"])
    registration.state = RegistrationState.REJECTED
    registration.decided_at = now
    registration.decided_by = decided_by
    registration.reason = reason.strip()
    registration.save(update_fields=["state", "decided_at", "decided_by", "reason"])
    pk = registration.pk
    transaction.on_commit(lambda: _tell_applicant(pk))
    return registration


@transaction.atomic
def registration_expire(*, now: datetime | None = None) -> int:
    """Remove unconfirmed registrations whose link ran out, and old rejections, with their
    pending organisations and the applicants' names and addresses (data minimisation)."""
    expired = Registration.objects.expired(now or timezone.now())
    organisations = Organisation.objects.filter(
        pk__in=list(expired.values_list("organisation_id", flat=True)),
        status__in=[OrganisationStatus.PENDING, OrganisationStatus.REJECTED],
    )
    count = organisations.count()
    organisations.delete()  # with their registrations (CASCADE)
    return count


# --- Representatives ---------------------------------------------------------------------------


def _new_person(first_name: str, last_name: str, title: str) -> Person:
    first_name, last_name = first_name.strip(), last_name.strip()
    if not first_name or not last_name:
        raise RuleViolation(_("Choose a person, or give the new person's first and last name."))
    base = slugify(f"{first_name} {last_name}")[:110] or "henkilo"
    slug, number = base, 1
    while Person.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return Person.objects.create(slug=slug, first_name=first_name, last_name=last_name, title=title)


@transaction.atomic
def representative_add(
    *,
    organisation: Organisation,
    person: Person | None = None,
    first_name: str = "",
    last_name: str = "",
    title: str = "",
    body: Body | None = None,
    role: str = MembershipRole.MEMBER,
    start: date | None = None,
) -> Representative:
    """Name a person who represents the organisation, and optionally seat them in a forum.

    A forum's seat is a councils membership on behalf of the organisation (a
    Representation). Only a body whose members represent organisations takes such a
    seat (Body.rules), and one that is elected needs its term: forums have none.
    """
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if not organisation.is_public:
        raise RuleViolation(_("Approve the organisation before naming its representatives."))
    if person is None:
        person = _new_person(first_name, last_name, title)
    representative, _created = Representative.objects.get_or_create(
        organisation=organisation, person=person, defaults={"title": title.strip()}
    )
    if title.strip() and representative.title != title.strip():
        representative.title = title.strip()
        representative.save(update_fields=["title"])
    if body is not None:
        forum_seat_add(
            organisation=organisation,
            person=person,
            body=body,
            role=role,
            start=start or timezone.localdate(),
        )
    return representative


@transaction.atomic
def forum_seat_add(
    *, organisation: Organisation, person: Person, body: Body, role: str, start: date
) -> Membership:
    rules = body.rules
    if not rules.members_represent_organisations:
        raise RuleViolation(
            _(
                "%(body)s is not a forum: its members hold seats of their own and are elected "
                "by the council, not named by organisations."
            )
            % {"body": body.name}
        )
    if role not in (MembershipRole.CHAIR, MembershipRole.VICE_CHAIR, MembershipRole.MEMBER):
        raise RuleViolation(
            _("An organisation's representative sits as chair, vice-chair or member.")
        )
    if Membership.objects.current(start).filter(body=body, person=person).exists():
        raise RuleViolation(
            _("%(name)s is already a member of %(body)s.")
            % {"name": person.full_name, "body": body.name}
        )
    membership = Membership.objects.create(
        person=person, body=body, term=None, role=role, start=start
    )
    Representation.objects.create(membership=membership, organisation=organisation)
    return membership


@transaction.atomic
def representative_remove(*, representative: Representative, end: date | None = None) -> None:
    """The person no longer represents the organisation: their forum seats on its behalf
    end today (the record of who sat where stays), and the representative row goes."""
    end = end or timezone.localdate()
    seats = Membership.objects.filter(
        person_id=representative.person_id,
        representation__organisation_id=representative.organisation_id,
        end__isnull=True,
    )
    for membership in seats:
        membership.end = max(end, membership.start)
        membership.save(update_fields=["end"])
    representative.delete()


# --- The yearly follow-up of the agreement ------------------------------------------------------


@transaction.atomic
def follow_up_record(
    *,
    goal: AgreementGoal,
    year: int,
    assessment: str,
    summary: str,
    meeting: Any = None,
) -> FollowUp:
    """The chairs' forum records how a goal of the agreement was realised in a year."""
    if not 2020 <= year <= timezone.localdate().year:
        raise RuleViolation(_("A follow-up is recorded for a past or the current year."))
    if not summary.strip():
        raise RuleViolation(_("Write what the forum found; residents read it."))
    follow_up, _created = FollowUp.objects.update_or_create(
        goal=goal,
        year=year,
        defaults={"assessment": assessment, "summary": summary.strip(), "meeting": meeting},
    )
    return follow_up
