"""The demo's data files (councils/demo/data/), read once into plain Python values.

Texts in the files are paragraphs: a string is one paragraph, a list holds paragraphs and
`{"list": [...]}` bullet lists; `html()` turns them into the HTML the models store.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from councils.models import AppealType, BodyKind, MeetingMode, MeetingState

DATA = Path(__file__).parent / "data"
TZ = ZoneInfo("Europe/Helsinki")
SEED = 2022

# Bodies the planner treats in their own way (slugs, as in bodies.json).
AV = "aluevaltuusto"
AH = "aluehallitus"
JAOS = "yksiloasioiden-jaosto"

NO_APPEAL = AppealType.NONE
RECTIFICATION = AppealType.RECTIFICATION
REGIONAL = AppealType.REGIONAL_APPEAL


@cache
def read(name: str) -> Any:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def html(text: str | list[Any] | dict[str, str]) -> str:
    """Paragraphs and bullet lists from a data file as HTML."""
    if isinstance(text, dict):
        return text["html"]
    blocks = [text] if isinstance(text, str) else text
    return "".join(
        "<ul>" + "".join(f"<li>{entry}</li>" for entry in block["list"]) + "</ul>"
        if isinstance(block, dict)
        else f"<p>{block}</p>"
        for block in blocks
    )


def p(*paragraphs: str) -> str:
    return html(list(paragraphs))


def fi(day: date | datetime) -> str:
    return f"{day.day}.{day.month}.{day.year}"


def d(value: str) -> date:
    return date.fromisoformat(value)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=TZ)


# --- bodies.json ------------------------------------------------------------------------


def _bodies() -> list[dict[str, Any]]:
    data = read("bodies.json")
    bodies = [dict(body) for body in data["bodies"]]
    groups = data["working_groups"]
    for index, group in enumerate(groups["groups"]):
        bodies.append(
            {
                "slug": group["slug"],
                "name": group["name"],
                **groups["common"],
                "order": groups["first_order"] + index,
                "description": group["description"],
            }
        )
    for body in bodies:
        body["kind"] = BodyKind(body["kind"])
        if "ended" in body:
            body["ended"] = d(body["ended"])
    return bodies


BODIES: list[dict[str, Any]] = _bodies()
BODY = {body["slug"]: body for body in BODIES}
COMMITTEES = tuple(body["slug"] for body in BODIES if body["kind"] == BodyKind.COMMITTEE)
ADVISORY = tuple(body["slug"] for body in BODIES if body["kind"] == BodyKind.ADVISORY_COUNCIL)
TERMS = {
    name: (d(term["start"]), d(term["end"])) for name, term in read("bodies.json")["terms"].items()
}
T1, T2 = TERMS
DECLARED = {
    name: d(term["interests_declared"]) for name, term in read("bodies.json")["terms"].items()
}
SUBJECT: dict[str, str] = read("bodies.json")["subject"]
PRESENTER: dict[str, str] = read("bodies.json")["presenter"]
SECRETARY: dict[str, str] = read("bodies.json")["secretary"]
VENUE = {
    body: (venue["place"], MeetingMode(venue["mode"]), venue["hour"], venue["hours"])
    for body, venue in read("bodies.json")["venue"].items()
}
ABSENCE: dict[str, float] = read("bodies.json")["absence"]


def term_of(day: date) -> str:
    return T1 if day <= TERMS[T1][1] else T2


# --- people.json ------------------------------------------------------------------------

PEOPLE = read("people.json")
OFFICIALS: dict[str, tuple[str, str, str]] = {
    key: (row["first"], row["last"], row["title"]) for key, row in PEOPLE["officials"].items()
}
NAMED: dict[str, dict[str, str]] = PEOPLE["named"]
MUNICIPALITIES = [row["name"] for row in PEOPLE["municipalities"]]
MUNICIPALITY_WEIGHTS = [row["weight"] for row in PEOPLE["municipalities"]]
GENITIVE = {row["name"]: row["genitive"] for row in PEOPLE["municipalities"]}
CITIES = {row["name"] for row in PEOPLE["municipalities"] if row["city"]}
FIRST_NAMES: list[str] = PEOPLE["first_names"]
LAST_NAMES: list[str] = PEOPLE["last_names"]
OCCUPATIONS: list[str] = PEOPLE["occupations"]

# --- cases.json, official_decisions.json, meetings.json ------------------------------------

CASES: dict[str, tuple[str, int, str]] = {
    key: (case["task_class"], case["year"], case["title"])
    for key, case in read("cases.json")["cases"].items()
}
SCHEDULE = read("meetings.json")
HELD: dict[str, list[str]] = SCHEDULE["held"]
LATER = [
    (row["body"], row["day"], MeetingState(row["state"]), row["notice"])
    for row in SCHEDULE["later"]
]
CANCELLED_REASON: str = SCHEDULE["cancelled_reason"]
SPECIAL_NOTICES: dict[str, dict[str, str]] = SCHEDULE["special_notices"]
INITIATIVES: list[str] = SCHEDULE["initiatives"]
UPDATES: list[str] = SCHEDULE["updates"]
NOTICES: list[str] = SCHEDULE["notices"]


@dataclass(frozen=True)
class OfficialSpec:
    number: str
    official: str  # a key of OFFICIALS
    decided_on: str
    title: str
    text: str
    case: str | None = None
    appeal: str = RECTIFICATION


OFFICIAL_DECISIONS = [
    OfficialSpec(
        number=row["number"],
        official=row["official"],
        decided_on=row["decided_on"],
        title=row["title"],
        text=html(row["text"]),
        case=row.get("case"),
        appeal=AppealType(row.get("appeal", RECTIFICATION)),
    )
    for row in read("official_decisions.json")["decisions"]
]
