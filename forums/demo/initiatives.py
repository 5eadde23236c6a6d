"""The demo's initiatives, read from initiatives.json (see its "_about").

Rows are written directly, as the other demo loaders do (no e-mails go out), and looked
up by their natural keys (an initiative by its title, an official's decision by its
number), so a second run creates nothing. Runs after the councils demo: the initiatives
link to its agenda items, cases and people.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction

from councils.demo import demo_user
from councils.models import AgendaItem, Body, Case, OfficialDecision, Person
from forums.groups import registry_group_ensure
from forums.models import (
    IdentifiedBy,
    Initiative,
    InitiativeState,
    InitiativeStep,
    Supporter,
)
from portal.lib.sanitize import clean_html

HERE = Path(__file__).parent
TZ = ZoneInfo("Europe/Helsinki")


def _at(value: str, hour: int = 12) -> datetime:
    return datetime.combine(date.fromisoformat(value), time(hour), tzinfo=TZ)


def _item(body: str, title: str, day: str | None) -> AgendaItem:
    items = AgendaItem.objects.filter(meeting__body__slug=body, title=title)
    if day:
        items = items.filter(meeting__start__date=date.fromisoformat(day))
    item = items.select_related("case").chronological().first()
    if item is None:
        raise LookupError(f"the initiatives demo names an item {title!r} of {body} that is missing")
    return item


def _registry(spec: dict[str, Any]) -> Any:
    user, _created = demo_user(
        spec["username"], spec["first_name"], spec["last_name"], email=spec["email"]
    )
    user.groups.add(registry_group_ensure())
    for slug in spec.get("clerk_of", []):
        Body.objects.get(slug=slug).clerks.add(user)
    return user


def _decision(spec: dict[str, Any]) -> OfficialDecision:
    found = OfficialDecision.objects.filter(number=spec["number"]).first()
    if found is not None:
        return found
    decided = date.fromisoformat(spec["decided_on"])
    return OfficialDecision.objects.create(
        official=Person.objects.get(slug=spec["official"]),
        official_title=spec["official_title"],
        number=spec["number"],
        title=spec["title"],
        case=_item(spec["case_of"][0], spec["case_of"][1], None).case,
        decided_on=decided,
        text=clean_html("".join(f"<p>{p}</p>" for p in spec["text"].split("\n\n"))),
        appeal_type="rectification",
        published_at=_at(spec["decided_on"], 14),
    )


def _supporters(initiative: Initiative, spec: dict[str, Any], received: datetime) -> int:
    if initiative.supporters.exists():
        return 0
    named, unnamed = spec["named"], spec["unnamed"]
    municipalities = spec["municipalities"]
    rows = []
    for n in range(len(named) + unnamed):
        name = named[n] if n < len(named) else f"Tukija {n + 1}"
        at = received + timedelta(hours=1 + n % 20)
        rows.append(
            Supporter(
                initiative=initiative,
                name=name,
                municipality=municipalities[n % len(municipalities)],
                email=f"tukija-{initiative.pk}-{n + 1}@example.invalid",
                publish_name=n < len(named),
                identified_by=IdentifiedBy.SELF_ASSERTED,
                requested_at=at,
                confirmed_at=at,
            )
        )
    Supporter.objects.bulk_create(rows)
    return len(rows)


def _step(initiative: Initiative, state: str, at: datetime, note: str, by: Any) -> None:
    InitiativeStep.objects.create(initiative=initiative, state=state, at=at, note=note, by=by)


def _initiative(spec: dict[str, Any], decisions: dict[str, OfficialDecision], registry: Any) -> int:
    if Initiative.objects.filter(title=spec["title"]).exists():
        return 0
    place = spec.get("made_at")
    made_at = _item(place[0], place[1], place[2]) if place else None
    received = _at(spec["received"])
    contact = spec.get("contact", ["", ""])
    initiative = Initiative(
        kind=spec["kind"],
        title=spec["title"],
        proposal=spec["proposal"],
        reasons=spec.get("reasons", ""),
        concerns=spec["concerns"],
        addressed_to=Body.objects.get(slug=spec["addressed_to"]),
        initiators=spec.get("initiators", ""),
        basis=spec["basis"],
        municipality=spec.get("municipality", ""),
        identified_by=IdentifiedBy.STAFF if made_at else IdentifiedBy.SELF_ASSERTED,
        contact_name=contact[0],
        contact_email=contact[1],
        made_at=made_at,
        state=InitiativeState.RECEIVED,
        submitted_at=received,
        received_at=received,
        modified_at=received,
    )
    steps: list[tuple[str, datetime, str]] = [(InitiativeState.RECEIVED, received, "")]
    if "registered" in spec:
        day, number = spec["registered"]
        if number == "case_of_made_at":
            assert made_at is not None and made_at.case is not None
            initiative.case = made_at.case
        else:
            initiative.case, _created = Case.objects.get_or_create(
                diary_number=number, defaults={"title": spec["title"]}
            )
        initiative.state = InitiativeState.REGISTERED
        steps.append(
            (InitiativeState.REGISTERED, _at(day), f"Diaarinumero {initiative.case.diary_number}.")
        )
    for day, body, unit, due, handler in spec.get("routed", []):
        initiative.handling_body = Body.objects.get(slug=body)
        initiative.handling_unit = unit
        initiative.answer_due = date.fromisoformat(due)
        initiative.handling_contact = handler
        initiative.state = InitiativeState.ROUTED
        where = f"{initiative.handling_body.name}, {unit}"
        steps.append(
            (
                InitiativeState.ROUTED,
                _at(day),
                f"Käsittelee {where}; vastaus {initiative.answer_due:%-d.%-m.%Y} mennessä. "
                f"Yhteyshenkilö: {handler}.",
            )
        )
    if "hearing" in spec:
        day, note = spec["hearing"]
        initiative.state = InitiativeState.HEARING
        steps.append((InitiativeState.HEARING, _at(day), f"Kuultu {_at(day):%-d.%-m.%Y}. {note}"))
    if "answered" in spec:
        day, answer, measures = spec["answered"]
        if isinstance(answer, str) and answer.startswith("decision:"):
            decision = decisions[answer.removeprefix("decision:")]
            initiative.answer_decision = decision
            where = f"{decision.official_title} {decision.decided_on:%-d.%-m.%Y}"
        else:
            item = _item(answer[0], answer[1], answer[2])
            initiative.answer_item = item
            where = f"{item.meeting.body.name} {item.meeting.start:%-d.%-m.%Y} § {item.section}"
        initiative.measures = measures
        initiative.state = InitiativeState.ANSWERED
        steps.append((InitiativeState.ANSWERED, _at(day), f"Vastattu: {where}."))
    if "closed" in spec:
        day, note = spec["closed"]
        initiative.closed_at = _at(day)
        initiative.state = InitiativeState.CLOSED
        steps.append((InitiativeState.CLOSED, _at(day), note))
    if spec.get("personal_data_removed"):
        initiative.contact_name = initiative.contact_email = ""
        initiative.personal_data_removed_at = initiative.closed_at
    initiative.modified_at = steps[-1][1]
    initiative.save()
    for state, at, note in steps:
        _step(initiative, state, at, note, None if state == InitiativeState.RECEIVED else registry)
    if "supporters" in spec:
        _supporters(initiative, spec["supporters"], received)
    return 1


@transaction.atomic
def load() -> tuple[int, int]:
    """Load the demo's initiatives; returns (initiatives created, initiatives in all)."""
    data = json.loads((HERE / "initiatives.json").read_text(encoding="utf-8"))
    registry = _registry(data["registry"])
    decisions = {spec["key"]: _decision(spec) for spec in data["decisions"]}
    created = sum(_initiative(spec, decisions, registry) for spec in data["initiatives"])
    return created, Initiative.objects.public().count()
