"""What the participation pages read about forums, each in a fixed number of queries.

The pages list several forums at once (the cooperation page has every forum of the four
levels); these helpers fetch the members, next meetings and latest memos of all of them
together, so the queries per page do not grow with the number of forums or members.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import F, QuerySet, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from councils.models import Body, Meeting, MeetingState, Membership, MembershipRole
from forums.models import Organisation

ROLE_ORDER: list[str] = [
    MembershipRole.CHAIR,
    MembershipRole.VICE_CHAIR,
    MembershipRole.MEMBER,
    MembershipRole.DEPUTY,
    MembershipRole.EXPERT,
    MembershipRole.PRESENTER,
    MembershipRole.SECRETARY,
]


@dataclass
class OrganisationSeats:
    """The members of one body who represent one organisation (or none: the body's staff)."""

    organisation: Organisation | None
    memberships: list[Membership] = field(default_factory=list)


def _memberships(bodies: Iterable[Body], today: date) -> QuerySet[Membership]:
    """Current members of active bodies; every member of a body that has ended (the 2021
    working groups), so their page still tells who took part."""
    active = [body.pk for body in bodies if body.active]
    ended = [body.pk for body in bodies if not body.active]
    current = Membership.objects.current(today).filter(body_id__in=active)
    past = Membership.objects.filter(body_id__in=ended)
    return (current | past).select_related("person", "representation__organisation")


def members_by_organisation(
    bodies: Iterable[Body], today: date | None = None
) -> dict[int, list[OrganisationSeats]]:
    """{body id: [the organisations represented, each with its members]} in one query.

    Organisations come in the order of their most senior member (the chair's first),
    then by name; members without an organisation (a secretary) come last.
    """
    bodies = list(bodies)
    grouped: dict[int, dict[int | None, OrganisationSeats]] = defaultdict(dict)
    for membership in _memberships(bodies, today or timezone.localdate()):
        representation = getattr(membership, "representation", None)
        organisation = representation.organisation if representation else None
        key = organisation.pk if organisation else None
        seats = grouped[membership.body_id].setdefault(key, OrganisationSeats(organisation))
        seats.memberships.append(membership)
    result: dict[int, list[OrganisationSeats]] = {}
    for body_id, by_organisation in grouped.items():
        for seats in by_organisation.values():
            seats.memberships.sort(
                key=lambda m: (ROLE_ORDER.index(m.role), m.person.last_name, m.person.first_name)
            )
        result[body_id] = sorted(
            by_organisation.values(),
            key=lambda s: (
                s.organisation is None,
                ROLE_ORDER.index(s.memberships[0].role),
                s.organisation.name if s.organisation else "",
            ),
        )
    return result


def next_meetings(bodies: Iterable[Body]) -> dict[int, Meeting]:
    """Each body's next announced meeting, in one query."""
    ranked = (
        Meeting.objects.upcoming()
        .filter(body__in=list(bodies))
        .annotate(rank=Window(RowNumber(), partition_by=F("body_id"), order_by=F("start").asc()))
        .filter(rank=1)
    )
    return {meeting.body_id: meeting for meeting in ranked}


def latest_memos(bodies: Iterable[Body], count: int = 3) -> dict[int, list[Meeting]]:
    """Each body's `count` latest meetings with their memo (or minutes) online, newest first."""
    ranked = (
        Meeting.objects.filter(body__in=list(bodies), state=MeetingState.MINUTES_PUBLISHED)
        .annotate(rank=Window(RowNumber(), partition_by=F("body_id"), order_by=F("start").desc()))
        .filter(rank__lte=count)
        .order_by("body_id", "-start")
    )
    result: dict[int, list[Meeting]] = defaultdict(list)
    for meeting in ranked:
        result[meeting.body_id].append(meeting)
    return dict(result)
