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
    AH,
    BODY,
    COMMITTEES,
    DATA,
    JAOS,
    T1,
    VAM,
    VN,
    html,
    p,
    read,
    ul,
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


# Texts written at planning time from the people elected, named in the data as
# {"generated": name}.


def _seat_list(ctx: Ctx, roster: Roster) -> str:
    names = ctx.people.name
    return ul(
        *(
            f"{names(member)} ({ctx.people.group(member)}), varajäsen {names(deputy)}"
            if (deputy := roster.deputies.get(member))
            else f"{names(member)}"
            for member in roster.members
        )
    )


def _board_elected(ctx: Ctx) -> str:
    board = ctx.rosters[AH, T1]
    name = ctx.people.name
    first, second = board.vice_chairs
    return (
        p(
            "Aluevaltuusto valitsi aluehallitukseen toimikaudeksi 2022–2025 seuraavat jäsenet ja "
            "heille henkilökohtaiset varajäsenet:"
        )
        + _seat_list(ctx, board)
        + p(
            f"Aluehallituksen puheenjohtajaksi valittiin suljetulla lippuäänestyksellä "
            f"{name(board.chair)}. Ensimmäiseksi varapuheenjohtajaksi valittiin {name(first)} ja "
            f"toiseksi varapuheenjohtajaksi {name(second)}."
        )
    )


def _committees_elected(ctx: Ctx) -> str:
    name = ctx.people.name
    rows = []
    for body in COMMITTEES:
        roster = ctx.rosters[body, T1]
        label = BODY[body]["name"].lower()
        rows.append(
            f"{label}: puheenjohtaja {name(roster.chair)}, "
            f"varapuheenjohtaja {name(roster.vice_chairs[0])}"
        )
    return p(
        "Aluevaltuusto valitsi lautakuntien jäsenet ja henkilökohtaiset varajäsenet "
        "valtuustoryhmien neuvottelutuloksen mukaisesti. Puheenjohtajiksi ja "
        "varapuheenjohtajiksi valittiin:"
    ) + ul(*rows)


def _division_elected(ctx: Ctx) -> str:
    division = ctx.rosters[JAOS, T1]
    name = ctx.people.name
    return (
        p(
            "Aluehallitus valitsi yksilöasioiden jaostoon 1.1.2023 alkaen seuraavat jäsenet ja "
            "heille henkilökohtaiset varajäsenet:"
        )
        + _seat_list(ctx, division)
        + p(
            f"Puheenjohtajaksi valittiin {name(division.chair)} ja varapuheenjohtajaksi "
            f"{name(division.vice_chairs[0])}."
        )
    )


def _advisory_named(ctx: Ctx) -> str:
    name = ctx.people.name
    vn, vam = ctx.rosters[VN, T1], ctx.rosters[VAM, T1]
    return p(
        "Aluehallitus nimesi vanhusneuvoston, vammaisneuvoston ja nuorisovaltuuston jäsenet "
        "kuntien esitysten mukaisesti toimikaudeksi 1.2.2023–31.5.2025.",
        f"Vanhusneuvoston puheenjohtajaksi nimettiin {name(vn.chair)} ja vammaisneuvoston "
        f"puheenjohtajaksi {name(vam.chair)}. Neuvostot valitsevat varapuheenjohtajansa ja "
        "nuorisovaltuusto myös puheenjohtajansa itse.",
    )


def _vice_elected(ctx: Ctx) -> str:
    return p(f"Varapuheenjohtajaksi valittiin {ctx.people.name(ctx.roster.vice_chairs[0])}.")


def _youth_elected(ctx: Ctx) -> str:
    name = ctx.people.name
    return p(
        f"Nuorisovaltuuston puheenjohtajaksi valittiin {name(ctx.roster.chair)} ja "
        f"varapuheenjohtajaksi {name(ctx.roster.vice_chairs[0])}."
    )


GENERATED: dict[str, Callable[[Ctx], str]] = {
    "board_elected": _board_elected,
    "committees_elected": _committees_elected,
    "division_elected": _division_elected,
    "advisory_named": _advisory_named,
    "vice_elected": _vice_elected,
    "youth_elected": _youth_elected,
}


def _text(value: Any) -> Text:
    if isinstance(value, dict) and "generated" in value:
        return GENERATED[value["generated"]]
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
        f"Yksilöasian oikaisuvaatimus ({label})",
        body=p(f"Asiakas hakee oikaisua viranhaltijan päätökseen, joka koskee {subject}."),
        proposal=p(rng.choice(data["proposals"])),
        secrecy=data["secrecy"],
        task_class=task_class,
        case="auto",
        appeal=AppealType.SPECIAL,
    )
