"""A small world for the initiatives' tests: bodies with clerks, the registry, and helpers
that take an initiative along its path."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.contrib.auth.models import Group
from django.db.models import Max
from django.utils import timezone

from councils.models import AgendaItem, Body, BodyKind, Case
from forums import initiatives as services
from forums.identity import Identity
from forums.initiatives import InitiativeData
from forums.models import IdentifiedBy, Initiative, InitiativeKind, MembershipBasis
from forums.rules import REGISTRY
from tests import factories as f


@dataclass
class Arena:
    board: Body
    council: Body
    clerk: Any
    other_clerk: Any
    registry: Any
    decided_item: AgendaItem


def arena() -> Arena:
    board = f.BodyFactory(slug="aluehallitus", name="Aluehallitus", kind=BodyKind.EXECUTIVE_BOARD)
    council = f.BodyFactory(slug="aluevaltuusto", name="Aluevaltuusto", kind=BodyKind.COUNCIL)
    clerk = f.UserFactory(username="sihteeri", email="sihteeri@example.invalid")
    board.clerks.add(clerk)
    other_clerk = f.UserFactory(username="toinen")
    f.BodyFactory(name="Tarkastuslautakunta", kind=BodyKind.COMMITTEE).clerks.add(other_clerk)
    registry = f.UserFactory(username="kirjaamo")
    registry.groups.add(Group.objects.get(name=REGISTRY))
    published = f.PublishedMeetingFactory(body=board, start=timezone.now() - timedelta(days=20))
    decided = f.HandlingFactory(item__meeting=published, item__section=7).item
    return Arena(board, council, clerk, other_clerk, registry, decided)


def data(body: Body, **changes: Any) -> InitiativeData:
    values: dict[str, Any] = {
        "kind": InitiativeKind.RESIDENT,
        "title": "Penkkejä kävelyreiteille",
        "proposal": "Lisätään penkkejä terveysaseman kävelyreitille.",
        "reasons": "Moni iäkäs ei jaksa kävellä pysähtymättä.",
        "concerns": "terveysaseman lähiympäristö, Hollola",
        "addressed_to": body,
        "basis": MembershipBasis.RESIDENT,
        "municipality": "hollola",
        "initiators": "Aino Asukas ja Hollolan eläkeläiset ry",
    }
    values.update(changes)
    return InitiativeData(**values)


IDENTITY = Identity(
    name="Aino Asukas", municipality="hollola", identified_by=IdentifiedBy.SELF_ASSERTED
)


def received(body: Body, *, at: datetime | None = None, **changes: Any) -> Initiative:
    """A resident's initiative, confirmed (received) at `at`."""
    initiative = services.initiative_submit(
        data=data(body, **changes),
        identity=IDENTITY,
        contact_name="Aino Asukas",
        contact_email=f"aino{Initiative.objects.count()}@example.invalid",
        now=at,
    )
    assert initiative is not None
    return services.initiative_confirm(initiative=initiative, now=at)


def routed(world: Arena, **changes: Any) -> Initiative:
    initiative = received(world.board, **changes)
    # The tests' diary numbers are of 2024, a year the factories never number cases in.
    number = (Case.objects.filter(year=2024).aggregate(n=Max("number"))["n"] or 0) + 1
    services.initiative_register(
        initiative=initiative, diary_number=f"{number}/00.01.05/2024", by=world.registry
    )
    return services.initiative_route(
        initiative=initiative,
        handling_body=world.board,
        handling_unit="Ikääntyneiden palvelut",
        answer_due=timezone.localdate() + timedelta(days=60),
        handling_contact="Palvelujohtaja Pekka Palvelu, puh. 044 000 0000",
        by=world.clerk,
    )


def answered(world: Arena, **changes: Any) -> Initiative:
    initiative = routed(world, **changes)
    services.initiative_hearing_record(
        initiative=initiative,
        heard_on=timezone.localdate(),
        note="Edustajat kuultiin palaverissa.",
        by=world.clerk,
    )
    return services.initiative_answer(
        initiative=initiative,
        answer_item=world.decided_item,
        measures="Penkit asennetaan keväällä.",
        by=world.clerk,
    )
