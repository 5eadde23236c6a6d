"""The people of the demo and who sits where: officials, the named and the generated.

Everyone but the officials and the people the story names (people.json) is generated in a
fixed order from a seeded generator, so two runs make the same people and seats.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from django.utils.text import slugify

from councils.demo.data import (
    ADVISORY,
    AH,
    AV,
    CITIES,
    COMMITTEES,
    DECLARED,
    FIRST_NAMES,
    GENITIVE,
    JAOS,
    LAST_NAMES,
    MUNICIPALITIES,
    MUNICIPALITY_WEIGHTS,
    NAMED,
    OCCUPATIONS,
    OFFICIALS,
    PEOPLE,
    PRESENTER,
    SECRETARY,
    SEED,
    TERMS,
    d,
)


@dataclass
class PersonRow:
    slug: str
    first_name: str
    last_name: str
    title: str = ""
    political_group: str = ""
    home_municipality: str = ""
    interests: str = ""
    interests_date: date | None = None


@dataclass
class Roster:
    """Who sits in a body during one term: seats, personal deputies, presenter, secretary."""

    body: str
    term: str
    start: date
    end: date
    chair: str
    vice_chairs: list[str]
    members: list[str]  # every seat; the chair and vice-chairs first
    deputies: dict[str, str]  # member -> personal deputy
    presenter: str
    secretary: str


class People:
    """Every person of the demo, generated in a fixed order from a seeded generator."""

    def __init__(self) -> None:
        self.rng = random.Random(SEED)  # noqa: S311 - not for security
        self.rows: dict[str, PersonRow] = {}
        self.ref: dict[str, str] = {}  # key used in the story -> slug
        self._names: set[tuple[str, str]] = set()
        for key, (first, last, title) in OFFICIALS.items():
            self.ref[key] = self._add(PersonRow("", first, last, title=title))
        for key, named in NAMED.items():
            self.ref[key] = self._add(
                PersonRow(
                    "",
                    named["first"],
                    named["last"],
                    title=named["occupation"],
                    political_group=named["group"],
                    home_municipality=named["municipality"],
                    interests=named.get("interests", ""),
                    interests_date=d(named["declared"]) if "declared" in named else None,
                )
            )

    def _add(self, row: PersonRow) -> str:
        row.slug = slugify(f"{row.first_name} {row.last_name}")
        if row.slug in self.rows:
            raise ValueError(f"two demo people share the address {row.slug}")
        self.rows[row.slug] = row
        self._names.add((row.first_name, row.last_name))
        return row.slug

    def new(
        self,
        *,
        group: str = "",
        municipality: str | None = None,
        title: str | None = None,
        first_names: Sequence[str] = FIRST_NAMES,
    ) -> str:
        while True:
            first, last = self.rng.choice(first_names), self.rng.choice(LAST_NAMES)
            if (first, last) not in self._names:
                break
        municipality = municipality or self.rng.choices(MUNICIPALITIES, MUNICIPALITY_WEIGHTS)[0]
        return self._add(
            PersonRow(
                "",
                first,
                last,
                title=title if title is not None else self.rng.choice(OCCUPATIONS),
                political_group=group,
                home_municipality=municipality,
            )
        )

    def declare(self, slug: str, on: date) -> None:
        """Give an elected person a register-of-interests entry, unless they have one."""
        row = self.rows[slug]
        if row.interests:
            return
        entry = PEOPLE["interests"]
        council = entry["city_council" if row.home_municipality in CITIES else "municipal_council"]
        row.interests = entry["text"].format(
            title=row.title, genitive=GENITIVE[row.home_municipality], council=council
        )
        row.interests_date = on

    def group(self, slug: str) -> str:
        return self.rows[slug].political_group

    def name(self, slug: str) -> str:
        row = self.rows[slug]
        return f"{row.first_name} {row.last_name}"

    def slug(self, ref: str) -> str:
        return self.ref.get(ref, ref)


# Committee seats by political group, the chair's group first and the vice-chair's second.
def _start(term: str, body: str) -> date:
    starts = PEOPLE["roster_start"][term]
    if body in starts:
        return d(starts[body])
    return d(starts["committee" if body in COMMITTEES else "advisory"])


class Pool:
    """Council members of each group not yet given a seat elsewhere, in council order."""

    def __init__(self, people: People, members: Iterable[str], skip: Iterable[str]) -> None:
        self.people = people
        skipped = set(skip)
        self.free: dict[str, list[str]] = defaultdict(list)
        for slug in members:
            if slug not in skipped:
                self.free[people.group(slug)].append(slug)

    def take(self, group: str) -> str:
        if self.free[group]:
            return self.free[group].pop(0)
        return self.people.new(group=group)


def _roster(
    people: People,
    body: str,
    term: str,
    seats: list[str],
    *,
    vice_chairs: int = 1,
    deputies: dict[str, str] | None = None,
) -> Roster:
    return Roster(
        body=body,
        term=term,
        start=_start(term, body),
        end=TERMS[term][1],
        chair=seats[0],
        vice_chairs=seats[1 : 1 + vice_chairs],
        members=seats,
        deputies=deputies or {},
        presenter=people.ref[PRESENTER[body]],
        secretary=people.ref[SECRETARY[body]],
    )


def _council(people: People, term: str, named: list[str], previous: list[str]) -> Roster:
    """The council: the named people, some re-elected members and new ones, by group."""
    rng = people.rng
    by_group: dict[str, list[str]] = defaultdict(list)
    for key in named:
        slug = people.ref[key]
        by_group[people.group(slug)].append(slug)
    for slug in previous:
        group = people.group(slug)
        if slug not in by_group[group] and rng.random() < 0.55:
            by_group[group].append(slug)
    seats = [people.ref[key] for key in named[:3]]
    for group, count in PEOPLE["seats"][term].items():
        members = by_group[group][:count]
        while len(members) < count:
            members.append(people.new(group=group))
        seats += [slug for slug in members if slug not in seats]
    deputies = {
        member: people.new(group=people.group(member))
        for index, member in enumerate(seats)
        if index % 3 == 1
    }
    return _roster(people, AV, term, seats, vice_chairs=2, deputies=deputies)


def _with_deputies(people: People, pool: Pool, body: str, term: str, seats: list[str]) -> Roster:
    deputies = {member: pool.take(people.group(member)) for member in seats}
    for slug in [*seats[:2], *deputies.values()]:
        people.declare(slug, DECLARED[term])
    return _roster(people, body, term, seats, vice_chairs=2 if body == AH else 1, deputies=deputies)


def _committee(people: People, pool: Pool, body: str, term: str) -> Roster:
    seats: list[str] = []
    for index, group in enumerate(PEOPLE["committee_groups"][term][body]):
        from_council = index < 2 or index % 2 == 0
        seats.append(pool.take(group) if from_council else people.new(group=group))
    deputies = {member: people.new(group=people.group(member)) for member in seats}
    for slug in seats[:2]:
        people.declare(slug, DECLARED[term])
    return _roster(people, body, term, seats, deputies=deputies)


def _advisory(people: People, pool: Pool, body: str, term: str) -> Roster:
    """One representative of each municipality, and a council member in two of them."""
    spec = PEOPLE["advisory"][body]
    seats = [
        people.new(
            municipality=municipality,
            title=spec["member"].format(genitive=GENITIVE[municipality]),
            first_names=PEOPLE[spec["first_names"]],
        )
        for municipality in [*spec.get("more_from", []), *MUNICIPALITIES]
    ]
    seats.insert(0, seats.pop(spec.get("chair_seat", 0)))
    if "from_council" in spec:
        seats.append(pool.take(spec["from_council"]))
    return _roster(people, body, term, seats)


def rosters(people: People) -> dict[tuple[str, str], Roster]:
    rosters: dict[tuple[str, str], Roster] = {}
    previous: list[str] = []
    for term in TERMS:
        council_named = PEOPLE["council_named"][term]
        board_named, division_named = PEOPLE["board"][term], PEOPLE["division"][term]
        council = _council(people, term, council_named, previous)
        previous = council.members
        rosters[AV, term] = council
        named = [people.ref[key] for key in council_named]
        pool = Pool(people, council.members, skip=named)
        board = [people.ref[key] for key in board_named]
        rosters[AH, term] = _with_deputies(people, pool, AH, term, board)
        division = [people.ref[key] for key in division_named]
        division += [pool.take(group) for group in PEOPLE["division_groups"][term]]
        rosters[JAOS, term] = _with_deputies(people, pool, JAOS, term, division)
        for body in COMMITTEES:
            rosters[body, term] = _committee(people, pool, body, term)
        for body in ADVISORY:
            rosters[body, term] = _advisory(people, pool, body, term)
    return rosters
