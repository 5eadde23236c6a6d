"""The story: what each body handled, meeting by meeting, read from the data files.

story/<year>.json holds the items of each meeting as their preparers wrote them and what
happened to them; everyday.json the everyday business spread over each year's meetings;
individual_matters.json the division's confidential matters of individual clients.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from councils.demo.data import (
    DATA,
    html,
    p,
    read,
)
from councils.demo.people import People, Roster
from councils.models import AppealType, BallotChoice, Outcome


@dataclass(frozen=True)
class VoteSpec:
    """A seconded counter-proposal put to an open vote against the presenter's proposal.

    `choices` maps a political group or a person to "yes" (the presenter's proposal),
    "no" (the counter-proposal) or "blank"; everyone else votes `default`.
    """

    counter_by: str
    seconded_by: str
    text: str
    choices: dict[str, str]
    default: str = BallotChoice.YES


@dataclass(frozen=True)
class ElectionSpec:
    position: str
    candidates: tuple[tuple[str, float], ...]  # person, share of the ballots cast


@dataclass
class Ctx:
    """What a text written at planning time may refer to: the people and this meeting's body."""

    people: People
    rosters: dict[tuple[str, str], Roster]
    roster: Roster
    day: date


Text = str | Callable[[Ctx], str]


@dataclass(frozen=True)
class Spec:
    """One agenda item as written by its preparer, and what happened to it."""

    title: str
    body: Text = ""
    proposal: str = ""
    case: str | None = None  # a key of CASES, "auto" for a case of its own, None for none
    task_class: str = "00.00.00"  # for "auto" cases
    outcome: str = Outcome.AS_PROPOSED
    decision: Text | None = None  # None: the proposal, in the past tense
    notes: str = ""
    appeal: str | None = None  # None: the body's usual appeal type
    preparer: str | None = None
    presenter: str | None = None  # None: the body's presenter; "chair": the chair
    summary: str = ""
    secrecy: str = ""  # the legal basis for secrecy; set for confidential items
    vote: VoteSpec | None = None
    lapsed: tuple[str, str] | None = None  # an unseconded counter-proposal: (by, text)
    election: ElectionSpec | None = None
    disqualified: tuple[tuple[str, str], ...] = ()  # (person, ground)
    dissents: tuple[tuple[str, str], ...] = ()  # (person, reasons)
    attachments: tuple[tuple[str, str], ...] = ()  # (title, text)
    force_present: tuple[str, ...] = ()  # people who must be at the meeting for the story


def fill(text: Any, fields: dict[str, Any]) -> str:
    """A text of a data file as HTML, its {placeholders} filled from fields.

    A bullet list is given in the text, or named: {"list": "decisions"} is fields["decisions"].
    """
    blocks = [text] if isinstance(text, str) else text
    filled: list[Any] = []
    for block in blocks:
        if isinstance(block, dict):
            entries = block["list"]
            if isinstance(entries, str):
                filled.append({"list": fields[entries]})
            else:
                filled.append({"list": [entry.format(**fields) for entry in entries]})
        else:
            filled.append(block.format(**fields))
    return html(filled)


@dataclass(frozen=True)
class Seated:
    """The names in a body's seats, for {<body>.chair} and {<body>.vice_chairs[n]}."""

    chair: str
    vice_chairs: list[str]


def _seats(ctx: Ctx, roster: Roster) -> list[str]:
    """The members of a body, each with their personal deputy."""
    seat = read("routine.json")["seat"]
    name, group = ctx.people.name, ctx.people.group
    return [
        seat["with_deputy"].format(name=name(member), group=group(member), deputy=name(deputy))
        if (deputy := roster.deputies.get(member))
        else seat["alone"].format(name=name(member))
        for member in roster.members
    ]


def _naming(blocks: Any) -> Callable[[Ctx], str]:
    """A decision that names the people elected, written once the seats are filled."""

    def write(ctx: Ctx) -> str:
        term = ctx.roster.term
        rosters = {body: roster for (body, of), roster in ctx.rosters.items() if of == term}
        fields: dict[str, Any] = {
            body: Seated(
                ctx.people.name(roster.chair), [ctx.people.name(v) for v in roster.vice_chairs]
            )
            for body, roster in {**rosters, "this": ctx.roster}.items()
        }
        texts = [blocks] if isinstance(blocks, str) else blocks
        return fill(
            [
                {"list": _seats(ctx, rosters[block["seats"]])}
                if isinstance(block, dict) and "seats" in block
                else block
                for block in texts
            ],
            fields,
        )

    return write


def _text(value: Any) -> Text:
    if isinstance(value, dict) and "names" in value:
        return _naming(value["names"])
    return html(value)


def spec(row: dict[str, Any]) -> Spec:
    """An item of a data file as a Spec."""
    fields = dict(row)
    for name in ("body", "decision"):
        if name in fields:
            fields[name] = _text(fields[name])
    for name in ("proposal", "notes"):
        if name in fields:
            fields[name] = html(fields[name])
    if "vote" in fields:
        fields["vote"] = VoteSpec(**fields["vote"])
    if "election" in fields:
        election = fields["election"]
        candidates = tuple((ref, share) for ref, share in election["candidates"])
        fields["election"] = ElectionSpec(election["position"], candidates)
    if "lapsed" in fields:
        fields["lapsed"] = tuple(fields["lapsed"])
    for name in ("disqualified", "dissents"):
        if name in fields:
            fields[name] = tuple(tuple(pair) for pair in fields[name])
    if "attachments" in fields:
        fields["attachments"] = tuple((a["title"], a["text"]) for a in fields["attachments"])
    if "force_present" in fields:
        fields["force_present"] = tuple(fields["force_present"])
    return Spec(**fields)


def story() -> dict[tuple[str, str], list[Spec]]:
    """(body, day) -> the items of that meeting, from story/<year>.json."""
    out: dict[tuple[str, str], list[Spec]] = {}
    for path in sorted((DATA / "story").glob("*.json")):
        for meeting in read(f"story/{path.name}")["meetings"]:
            out[meeting["body"], meeting["day"]] = [spec(item) for item in meeting["items"]]
    return out


def everyday() -> dict[tuple[str, int], list[Spec]]:
    """(body, year) -> the everyday business of that year, in its order."""
    bodies = read("everyday.json")["bodies"]
    return {
        (body, int(year)): [spec(item) for item in items]
        for body, years in bodies.items()
        for year, items in years.items()
    }


def individual_matter(rng: random.Random) -> Spec:
    """A client's appeal against an official's decision, chosen with the meeting's generator."""
    data = read("individual_matters.json")
    label, task_class, subject = rng.choice(data["matters"])
    return Spec(
        data["title"].format(label=label),
        body=p(data["body"].format(subject=subject)),
        proposal=p(rng.choice(data["proposals"])),
        secrecy=data["secrecy"],
        task_class=task_class,
        case="auto",
        appeal=AppealType.SPECIAL,
    )


def routine(name: str, *, preparer: str | None = None, **fields: Any) -> Spec:
    """One of the routine items of routine.json, its texts filled from fields."""
    row = dict(read("routine.json")[name])
    for key in ("body", "proposal", "decision"):
        if key in row:
            row[key] = fill(row[key], fields)
    if preparer:
        row["preparer"] = preparer
    return Spec(**row)


def note(name: str, **fields: Any) -> str:
    """What the minutes say of a lapsed counter-proposal, a vote or an election."""
    return fill(read("routine.json")[name], fields)
