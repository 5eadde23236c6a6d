"""Demo content of participation, read from the JSON files beside this module.

- organisations.json: the county, its rescue department, the regional council, the ten
  municipalities, associations, foundations, staff organisations and state agencies, the
  people who represent them, and one association's registration waiting for approval;
- forums.json: the forums of the four levels of cooperation (councils bodies of kind
  forum), their members by organisation, and their meetings with memos;
- agreement.json: the cooperation agreement, its goals, rules of play, signatories and
  the chairs' forum's yearly follow-up;
- preparation_2021.json: the political steering group and working groups of 2021 (bodies
  of the councils demo), their chairs' monthly meeting, members and memos;
- users.json: the organisations coordinator and a forum secretary;
- consultations.json: the hearings of 2022 that the seeds tell of, one consultation
  running now and one closed open consultation with comments (forums/demo/consultations.py).
- initiatives.json: six initiatives, one in each state, with their supporters
  (loaded by forums/demo/initiatives.py).

`load()` runs after the councils and strategy demos (it links to their bodies, people,
decisions and goals). Every row is looked up by its natural key and only missing rows
are created, so a second run changes nothing.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from councils import search_index
from councils.demo import demo_user
from councils.models import (
    AgendaItem,
    AppealType,
    Attendance,
    AttendanceRole,
    Body,
    BodyKind,
    Handling,
    Meeting,
    MeetingState,
    Membership,
    MembershipRole,
    Minutes,
    Outcome,
    Person,
)
from forums.groups import coordinator_group_ensure
from forums.models import (
    AgreementGoal,
    AgreementRule,
    Consultation,
    CooperationAgreement,
    CooperationLevel,
    FollowUp,
    Forum,
    ForumTopic,
    Organisation,
    OrganisationField,
    OrganisationStatus,
    Registration,
    RegistrationState,
    Representation,
    Representative,
    Signatory,
)
from portal.lib.sanitize import clean_html

HERE = Path(__file__).parent
TZ = ZoneInfo("Europe/Helsinki")

ATTENDANCE_ROLE = {
    MembershipRole.CHAIR: AttendanceRole.CHAIR,
    MembershipRole.VICE_CHAIR: AttendanceRole.MEMBER,
    MembershipRole.MEMBER: AttendanceRole.MEMBER,
    MembershipRole.SECRETARY: AttendanceRole.SECRETARY,
    MembershipRole.EXPERT: AttendanceRole.EXPERT,
}
SEATED = {MembershipRole.CHAIR, MembershipRole.VICE_CHAIR, MembershipRole.MEMBER}


class _Writer(Protocol):
    def write(self, msg: str, /) -> object: ...


def _data(name: str) -> Any:
    return json.loads((HERE / name).read_text(encoding="utf-8"))


def _day(value: str) -> date:
    return date.fromisoformat(value)


def _at(day: date, clock: str) -> datetime:
    hour, minute = (int(part) for part in clock.split(":"))
    return datetime.combine(day, time(hour, minute), tzinfo=TZ)


def _paragraphs(text: str) -> str:
    return clean_html("".join(f"<p>{part.strip()}</p>" for part in text.split("\n\n") if part))


@dataclass
class _Load:
    created: int = 0
    new_meetings: list[Meeting] = field(default_factory=list)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    users: dict[str, Any] = field(default_factory=dict)
    follow_up_meetings: dict[int, Meeting] = field(default_factory=dict)

    def count(self, created: bool) -> None:
        self.created += int(created)


# --- People and organisations ------------------------------------------------------------------


def _people(load: _Load, rows: list[dict[str, Any]]) -> None:
    for row in rows:
        _person, created = Person.objects.get_or_create(
            slug=row["slug"],
            defaults={
                "first_name": row["first_name"],
                "last_name": row["last_name"],
                "title": row["title"],
                "home_municipality": row.get("municipality", ""),
            },
        )
        load.count(created)


def _person(slug: str) -> Person:
    try:
        return Person.objects.get(slug=slug)
    except Person.DoesNotExist:
        raise LookupError(f"the forums demo names a person {slug!r} who does not exist") from None


def _organisation_row(load: _Load, row: dict[str, Any], status: str) -> Organisation:
    organisation, created = Organisation.objects.get_or_create(
        slug=row["slug"],
        defaults={
            "name": row["name"],
            "kind": row["kind"],
            "business_id": row.get("business_id", ""),
            "website": row.get("website", ""),
            "email": row.get("email", ""),
            "phone": row.get("phone", ""),
            "address": row.get("address", ""),
            "description": row.get("description", ""),
            "status": status,
            "approved_at": timezone.now() if status == OrganisationStatus.APPROVED else None,
        },
    )
    load.count(created)
    load.organisations[organisation.slug] = organisation
    for name in row.get("fields", []):
        load.count(
            OrganisationField.objects.get_or_create(organisation=organisation, field=name)[1]
        )
    return organisation


def _organisations(load: _Load, data: dict[str, Any]) -> None:
    _people(load, data["people"])
    rows = data["organisations"]
    for row in rows:
        _organisation_row(load, row, OrganisationStatus.APPROVED)
    for row in rows:
        organisation = load.organisations[row["slug"]]
        home = row.get("municipality")
        if home and organisation.home_municipality_id is None:
            organisation.home_municipality = load.organisations[home]
            organisation.save(update_fields=["home_municipality"])
        for order, (slug, title) in enumerate(row.get("representatives", []), start=1):
            load.count(
                Representative.objects.get_or_create(
                    organisation=organisation,
                    person=_person(slug),
                    defaults={"title": title, "order": order},
                )[1]
            )
    for entry in data.get("registrations", []):
        row = entry["organisation"]
        if Organisation.objects.filter(slug=row["slug"]).exists():
            continue
        organisation = _organisation_row(load, row, OrganisationStatus.PENDING)
        if row.get("municipality"):
            organisation.home_municipality = load.organisations[row["municipality"]]
            organisation.save(update_fields=["home_municipality"])
        now = timezone.now()
        Registration.objects.create(
            organisation=organisation,
            contact_name=entry["contact_name"],
            email=entry["email"],
            message=entry.get("message", ""),
            language="fi",
            state=RegistrationState.CONFIRMED
            if entry.get("confirmed")
            else RegistrationState.UNCONFIRMED,
            requested_at=now - timedelta(days=1),
            confirmed_at=now - timedelta(hours=20) if entry.get("confirmed") else None,
        )
        load.created += 1


# --- Users -----------------------------------------------------------------------------------


def _users(load: _Load, rows: list[dict[str, Any]]) -> None:
    coordinators = coordinator_group_ensure()
    for row in rows:
        person = _person(row["person"])
        user, created = demo_user(
            row["username"], person.first_name, person.last_name, email=row["email"]
        )
        if created:
            load.created += 1
        if row.get("coordinator"):
            user.groups.add(coordinators)
        if person.user_id is None and not Person.objects.filter(user=user).exists():
            person.user = user
            person.save(update_fields=["user"])
        load.users[row["username"]] = user


# --- Forums, their members and meetings ----------------------------------------------------------


@dataclass(frozen=True)
class _Seat:
    person: Person
    organisation: Organisation | None
    role: str
    start: date
    end: date | None

    def valid_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or self.end >= day)


def _seats(
    load: _Load, rows: list[list[Any]], *, start: date, end: date | None = None
) -> list[_Seat]:
    """The members as listed; '@<body>:<role>' means every holder of that role there."""
    seats = []
    for row in rows:
        ref, organisation_slug = row[0], row[1]
        role = row[2] if len(row) > 2 else MembershipRole.MEMBER
        organisation = load.organisations[organisation_slug] if organisation_slug else None
        if ref.startswith("@"):
            body_slug, holder_role = ref[1:].split(":")
            holders = Membership.objects.filter(
                body__slug=body_slug, role=holder_role
            ).select_related("person")
            for holder in holders.order_by("start"):
                if holder.end is not None and holder.end < start:
                    continue
                seats.append(
                    _Seat(holder.person, organisation, role, max(start, holder.start), holder.end)
                )
        else:
            seats.append(_Seat(_person(ref), organisation, role, start, end))
    return seats


def _memberships(load: _Load, body: Body, seats: list[_Seat]) -> None:
    for seat in seats:
        membership, created = Membership.objects.get_or_create(
            person=seat.person,
            body=body,
            role=seat.role,
            start=seat.start,
            defaults={"term": None, "end": seat.end},
        )
        load.count(created)
        if seat.organisation is not None:
            load.count(
                Representation.objects.get_or_create(
                    membership=membership, defaults={"organisation": seat.organisation}
                )[1]
            )


def _item_of(body_slug: str, title: str, day: str | None = None) -> AgendaItem | None:
    items = AgendaItem.objects.filter(meeting__body__slug=body_slug, title=title)
    if day:
        items = items.filter(meeting__start__date=_day(day))
    return items.chronological().first()


def _meetings(
    load: _Load,
    body: Body,
    rows: list[dict[str, Any]],
    seats: list[_Seat],
    *,
    place: str,
) -> None:
    numbers: dict[int, int] = defaultdict(int)
    sections: dict[int, int] = defaultdict(int)
    for row in sorted(rows, key=lambda r: r["date"]):
        day = _day(row["date"])
        numbers[day.year] += 1
        start = _at(day, row.get("time", "13:00"))
        state = row.get("state", MeetingState.MINUTES_PUBLISHED)
        noticed = (
            _at(_day(row["notice"]), "12:00") if "notice" in row else start - timedelta(days=7)
        )
        first_section = sections[day.year] + 1
        sections[day.year] += len(row["items"])
        if Meeting.objects.filter(body=body, year=day.year, number=numbers[day.year]).exists():
            continue
        meeting = Meeting.objects.create(
            body=body,
            year=day.year,
            number=numbers[day.year],
            start=start,
            end=start + timedelta(hours=2),
            place=row.get("place", place),
            state=state,
            notice_published_at=noticed,
            agenda_published_at=noticed,
        )
        load.created += 1
        load.new_meetings.append(meeting)
        if "follow_up_year" in row:
            load.follow_up_meetings[row["follow_up_year"]] = meeting
        for offset, spec in enumerate(row["items"]):
            item = AgendaItem.objects.create(
                meeting=meeting,
                section=first_section + offset,
                title=spec["title"],
                body=_paragraphs(spec["text"]),
                appeal_type=AppealType.NONE,
            )
            if state == MeetingState.MINUTES_PUBLISHED:
                Handling.objects.create(
                    item=item,
                    outcome=Outcome.NOTED
                    if spec["decision"].startswith("Merkittiin")
                    else Outcome.AS_PROPOSED,
                    decision=_paragraphs(spec["decision"]),
                )
        if state != MeetingState.MINUTES_PUBLISHED:
            continue
        present = [seat for seat in seats if seat.valid_on(day)]
        for index, seat in enumerate(present):
            Attendance.objects.get_or_create(
                meeting=meeting,
                person=seat.person,
                defaults={
                    "role": ATTENDANCE_ROLE[MembershipRole(seat.role)],
                    # Every ninth member sends apologies: a memo lists who was away.
                    "presence": "absent" if index % 9 == 4 else "present",
                },
            )
        Minutes.objects.create(meeting=meeting, published_at=_at(day + timedelta(days=2), "12:00"))


def _forum(load: _Load, spec: dict[str, Any], *, level: str, body: Body) -> Forum:
    forum, created = Forum.objects.get_or_create(
        body=body,
        defaults={
            "level": level,
            "purpose": spec["purpose"],
            "rhythm": spec["rhythm"],
            "history": spec.get("history", ""),
            "order": spec.get("order", 100),
        },
    )
    load.count(created)
    for order, (title, description) in enumerate(spec.get("topics", []), start=1):
        load.count(
            ForumTopic.objects.get_or_create(
                forum=forum, title=title, defaults={"description": description, "order": order}
            )[1]
        )
    for decision in spec.get("decisions", []):
        item = _item_of(*decision)
        if item is not None:
            forum.founding_decisions.add(item)
    for username in spec.get("clerks", []):
        body.clerks.add(load.users[username])
    return forum


def _body(load: _Load, spec: dict[str, Any], *, kind: str, seats: int, active: bool) -> Body:
    body, created = Body.objects.get_or_create(
        slug=spec["slug"],
        defaults={
            "name": spec["name"],
            "kind": kind,
            "seats": max(seats, 1),
            "notice_days": 7,
            "appeal_open": False,
            "order": spec.get("order", 100),
            "description": spec.get("description", ""),
            "powers": spec.get("powers", ""),
            "contact": spec.get("contact", ""),
            "active": active,
        },
    )
    load.count(created)
    return body


def _forums(load: _Load, data: dict[str, Any]) -> None:
    for spec in data["forums"]:
        start = _day(spec["start"])
        seats = _seats(load, spec["members"], start=start)
        body = _body(
            load,
            spec["body"],
            kind=BodyKind.FORUM,
            seats=len({s.person.pk for s in seats if s.role in SEATED}),
            active=True,
        )
        _forum(load, spec, level=spec["level"], body=body)
        _memberships(load, body, seats)
        _meetings(load, body, spec["meetings"], seats, place=spec["place"])


def _preparation(load: _Load, data: dict[str, Any]) -> None:
    start, end = _day(data["start"]), _day(data["end"])
    for spec in data["groups"]:
        seats = _seats(load, spec["members"], start=start, end=end)
        if "body" in spec:
            body = _body(
                load,
                spec["body"],
                kind=BodyKind.WORKING_GROUP,
                seats=len({s.person.pk for s in seats if s.role in SEATED}),
                active=False,
            )
        else:
            found = Body.objects.filter(slug=spec["slug"]).first()
            if found is None:
                raise LookupError(f"the councils demo has no working group {spec['slug']!r}")
            body = found
        _forum(load, spec, level=CooperationLevel.PREPARATION, body=body)
        _memberships(load, body, seats)
        _meetings(load, body, spec["meetings"], seats, place=data["place"])


# --- The cooperation agreement ----------------------------------------------------------------


def _strategy_goal(strategy_slug: str, code: str) -> Any:
    from strategy.models import Goal

    return Goal.objects.filter(strategy__slug=strategy_slug, code=code).first()


def _agreement(load: _Load, data: dict[str, Any]) -> None:
    agreement, created = CooperationAgreement.objects.get_or_create(
        slug=data["slug"],
        defaults={
            "title": data["title"],
            "signed_on": _day(data["signed_on"]),
            "approved_by": _item_of(*data["approved_by"]),
            "summary": data["summary"],
            "basis": data["basis"],
            "strategy_goal": _strategy_goal(*data["strategy_goal"]),
        },
    )
    load.count(created)
    goals = []
    for order, (title, description) in enumerate(data["goals"], start=1):
        goal, created = AgreementGoal.objects.get_or_create(
            agreement=agreement, order=order, defaults={"title": title, "description": description}
        )
        load.count(created)
        goals.append(goal)
    for order, (title, description) in enumerate(data["rules"], start=1):
        load.count(
            AgreementRule.objects.get_or_create(
                agreement=agreement,
                order=order,
                defaults={"title": title, "description": description},
            )[1]
        )
    for order, (slug, signed_by) in enumerate(data["signatories"], start=1):
        load.count(
            Signatory.objects.get_or_create(
                agreement=agreement,
                organisation=load.organisations[slug],
                defaults={"signed_by": signed_by, "signed_on": agreement.signed_on, "order": order},
            )[1]
        )
    Forum.objects.filter(body__slug__in=data["forums"], agreement__isnull=True).update(
        agreement=agreement
    )
    chairs = Forum.objects.filter(agreement=agreement, level=CooperationLevel.CHAIRS).first()
    for year, assessments in data["follow_ups"].items():
        meeting = load.follow_up_meetings.get(int(year))
        if meeting is None and chairs is not None:
            meeting = (
                Meeting.objects.filter(body=chairs.body, year=int(year)).order_by("start").first()
            )
        for goal, (assessment, summary) in zip(goals, assessments, strict=True):
            load.count(
                FollowUp.objects.get_or_create(
                    goal=goal,
                    year=int(year),
                    defaults={"assessment": assessment, "summary": summary, "meeting": meeting},
                )[1]
            )


@transaction.atomic
def _load() -> _Load:
    load = _Load()
    _organisations(load, _data("organisations.json"))
    _users(load, _data("users.json")["users"])
    with search_index.paused():
        _forums(load, _data("forums.json"))
        _preparation(load, _data("preparation_2021.json"))
    _agreement(load, _data("agreement.json"))
    from forums.demo import consultations

    load.created += consultations.load()
    for meeting in load.new_meetings:
        search_index.index_meeting(meeting)
    return load


def load(*, stdout: _Writer | None = None) -> None:
    """Load the demo content of participation; a second run creates nothing."""
    result = _load()
    from forums.demo import initiatives

    initiatives_created, initiatives_total = initiatives.load()
    result.created += initiatives_created
    if stdout is not None:
        stdout.write(
            f"Participation: {Organisation.objects.public().count()} organisations, "
            f"{Forum.objects.count()} forums, "
            f"{Meeting.objects.filter(body__forum__isnull=False).count()} forum meetings, "
            f"{Consultation.objects.count()} consultations, "
            f"{initiatives_total} initiatives "
            f"({result.created} rows created now)."
        )
