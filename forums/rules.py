"""The rules of cooperation and participation, one function each.

Pure functions of plain values where the rule is about data (the business ID's check
digit); the staff role of the organisations coordinator (järjestökoordinaattori) is a
named permission asked of the user, never a username.
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, datetime

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, PermissionsMixin
from django.utils import timezone

# The organisations coordinator's permission (group "Järjestökoordinaattorit", created by
# the data migration forums/0002): organisations, their representatives, registrations.
MANAGE_ORGANISATIONS = "forums.manage_organisations"
COORDINATORS = "Järjestökoordinaattorit"

# --- Business ID (Y-tunnus) -----------------------------------------------------------------

BUSINESS_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2)
_BUSINESS_ID = re.compile(r"^(\d{7})-(\d)$")
_OLD_SIX_DIGITS = re.compile(r"^(\d{6})-(\d)$")


def business_id_check_digit(digits: str) -> int | None:
    """The check digit of a business ID's seven digits, or None if no ID can have them.

    The Finnish Tax Administration's rule for Y-tunnus: multiply the digits by 7, 9, 10,
    5, 8, 4 and 2 and sum; the remainder of the sum divided by 11 gives the check digit:
    remainder 0 → 0, remainder 1 → the number is never issued, otherwise 11 − remainder.
    """
    if len(digits) != len(BUSINESS_ID_WEIGHTS) or not digits.isdigit():
        raise ValueError("a business ID has seven digits before the check digit")
    remainder = sum(int(d) * w for d, w in zip(digits, BUSINESS_ID_WEIGHTS, strict=True)) % 11
    if remainder == 0:
        return 0
    if remainder == 1:
        return None
    return 11 - remainder


def normalise_business_id(value: str) -> str:
    """Spaces removed; an old six-digit ID gets its leading zero (123456-7 → 0123456-7)."""
    value = "".join(value.split())
    match = _OLD_SIX_DIGITS.match(value)
    return f"0{match[1]}-{match[2]}" if match else value


def business_id_problem(value: str) -> str | None:
    """What is wrong with a business ID: "malformed", "check_digit", or None when valid."""
    match = _BUSINESS_ID.match(value)
    if match is None:
        return "malformed"
    if business_id_check_digit(match[1]) != int(match[2]):
        return "check_digit"
    return None


# --- Who may do what ---------------------------------------------------------------------


def may_manage_organisations(user: AbstractBaseUser | AnonymousUser) -> bool:
    """The organisations coordinator (and an administrator) manages organisations, their
    representatives and the associations' registrations."""
    return bool(
        isinstance(user, PermissionsMixin)
        and user.is_authenticated
        and user.is_active
        and user.has_perm(MANAGE_ORGANISATIONS)
    )


# --- Initiatives (HVAL 30 §) ----------------------------------------------------------------

# The registry's permission (group "Kirjaamo", created by the data migration forums/0004):
# registers initiatives with a diary number and routes them, for every body.
REGISTER_INITIATIVES = "forums.register_initiatives"
REGISTRY = "Kirjaamo"


def _signed_in(user: AbstractBaseUser | AnonymousUser) -> bool:
    return bool(isinstance(user, PermissionsMixin) and user.is_authenticated and user.is_active)


# --- Consultations (HVAL 29 §, DESIGN.md rule 9) ---------------------------------------------


def may_open_consultations(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Who opens consultations: the organisations coordinator, a clerk of any body, and a
    preparer (a person with a sign-in who has prepared agenda items)."""
    from councils.models import Body, Person

    if not _signed_in(user):
        return False
    if may_manage_organisations(user) or Body.objects.editable_by(user).exists():
        return True
    return Person.objects.filter(user_id=user.pk or 0, prepared_items__isnull=False).exists()


def may_manage_consultation(user: AbstractBaseUser | AnonymousUser, consultation: object) -> bool:
    """Who changes, invites to, moderates, closes and reports on one consultation: the
    organisations coordinator, a clerk of the deciding body, the consultation's preparer."""
    from forums.models import Consultation

    if not _signed_in(user) or not isinstance(consultation, Consultation):
        return False
    return Consultation.objects.manageable_by(user).filter(pk=consultation.pk).exists()


def answers_accepted(*, opens_at: datetime, closes_at: datetime, now: datetime) -> bool:
    """HVAL 29 §, DESIGN.md rule 9: a statement or comment is taken from the opening until
    the deadline, which is an instant entered and shown in Helsinki time (Europe/Helsinki,
    daylight saving included): at the deadline's very second answers are no longer taken."""
    return opens_at <= now < closes_at


# --- Initiatives' staff ----------------------------------------------------------------------


def may_manage_all_initiatives(user: AbstractBaseUser | AnonymousUser) -> bool:
    """The registry (kirjaamo) and the organisations coordinator work on every initiative
    (an administrator too); the clerk of a body only on those addressed or routed to it."""
    return _signed_in(user) and (
        user.has_perm(REGISTER_INITIATIVES)  # type: ignore[union-attr]
        or user.has_perm(MANAGE_ORGANISATIONS)  # type: ignore[union-attr]
    )


def _clerk_of(user: AbstractBaseUser | AnonymousUser, *body_ids: int | None) -> bool:
    from councils.models import Body

    ids = [pk for pk in body_ids if pk is not None]
    return bool(ids) and Body.objects.editable_by(user).filter(pk__in=ids).exists()


def may_work_on_initiatives(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Who sees the initiatives' queue at all: the registry, the coordinator, any clerk."""
    from councils.models import Body

    return may_manage_all_initiatives(user) or (
        _signed_in(user) and Body.objects.editable_by(user).exists()
    )


def may_register_initiative(
    user: AbstractBaseUser | AnonymousUser, *, addressed_to_id: int
) -> bool:
    """Registering (a diary number): the registry and the coordinator, or the clerk of the
    body the initiative is addressed to, who registers the body's own mail."""
    return may_manage_all_initiatives(user) or _clerk_of(user, addressed_to_id)


def may_handle_initiative(
    user: AbstractBaseUser | AnonymousUser, *, addressed_to_id: int, handling_body_id: int | None
) -> bool:
    """Routing, recording the hearing, answering and closing: the registry and the
    coordinator, or a clerk of the body the initiative is addressed or routed to."""
    return may_manage_all_initiatives(user) or _clerk_of(user, addressed_to_id, handling_body_id)


def may_report_initiatives(user: AbstractBaseUser | AnonymousUser) -> bool:
    """The yearly report to the council: the registry, the coordinator, the council's clerk."""
    from councils.models import Body, BodyKind

    return may_manage_all_initiatives(user) or (
        _signed_in(user) and Body.objects.editable_by(user).filter(kind=BodyKind.COUNCIL).exists()
    )


def add_months(day: date, months: int) -> date:
    """The same day `months` later; the month's last day when it has no such day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def acknowledgement_last_day(*, received: datetime) -> date:
    """The last day to tell the initiators where their initiative is handled.

    HVAL 30 § 3 mom.: the initiators are told of the measures taken; the county's
    rules (hallintosääntö) and this portal's promise say where it is handled within one
    month of its arrival. Arrival is the day in Helsinki time; a month later is the same
    day number (the month's last day when it has none), and a last day on a weekend or
    public holiday moves to the next working day (laki säädettyjen määräaikain
    laskemisesta 150/1930, 5 §).
    """
    from councils.rules import next_working_day

    arrived = timezone.localdate(received)
    return next_working_day(add_months(arrived, ACKNOWLEDGEMENT_MONTHS))


ACKNOWLEDGEMENT_MONTHS = 1


def council_initiative_last_day(*, received: datetime) -> date:
    """The last day to answer a council member's initiative (valtuustoaloite).

    The council's rules of procedure (hallintosääntö) set it; the seed documents do not
    state it, so it is the setting COUNCIL_INITIATIVE_ANSWER_MONTHS (default 6, the
    common rule of Finnish councils' rules of procedure), counted as
    acknowledgement_last_day counts its month.
    """
    from councils.rules import next_working_day

    months = int(getattr(settings, "COUNCIL_INITIATIVE_ANSWER_MONTHS", 6))
    return next_working_day(add_months(timezone.localdate(received), months))
