"""Writing the plan: find each row by its natural key, create only what is missing.

Every row is looked up by its natural key (Body.slug, Person.slug, Case.diary_number, the
meeting's body, year and number, the item's meeting and §, ...) and only missing rows are
created, in bulk; nothing that exists is rewritten, so a second run changes nothing.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any, Protocol, TypeVar

from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.utils.text import slugify

from councils import search_index
from councils.demo.data import (
    AH,
    BODIES,
    JAOS,
    OFFICIAL_DECISIONS,
    OFFICIALS,
    SECRETARY,
    SEED,
    T2,
    TERMS,
    at,
    d,
)
from councils.demo.plan import ItemPlan, Plan, build
from councils.models import (
    AgendaItem,
    Attachment,
    Attendance,
    Ballot,
    Body,
    Case,
    Disqualification,
    Dissent,
    Election,
    ElectionCandidate,
    Handling,
    Meeting,
    Membership,
    MembershipRole,
    Minutes,
    Office,
    OfficialDecision,
    Person,
    Proposal,
    SearchEntry,
    Term,
    Vote,
    VoteMethod,
    parse_diary_number,
)
from councils.rules import is_procedural_title, next_working_day
from councils.services import appeal_dates_store_missing
from portal.lib.sanitize import clean_html

CLERK_USERNAME = "sihteeri"
CLERK_PASSWORD = "raati-demo-2026"  # noqa: S105 - the public demo password


class _Writer(Protocol):
    def write(self, msg: str, /) -> object: ...


M = TypeVar("M", bound=models.Model)


class _Store:
    def __init__(self) -> None:
        self.created = 0

    def ensure(
        self,
        model: type[M],
        key: tuple[str, ...],
        rows: Iterable[dict[str, Any]],
        **scope: Any,
    ) -> dict[tuple[Any, ...], int]:
        """Create the rows whose key is not in the database yet; return key -> pk for all."""
        manager = model._default_manager

        def existing() -> dict[tuple[Any, ...], int]:
            found = manager.filter(**scope) if scope else manager.all()
            return {tuple(values[:-1]): values[-1] for values in found.values_list(*key, "pk")}

        found = existing()
        missing: list[M] = []
        seen: set[tuple[Any, ...]] = set()
        for row in rows:
            natural = tuple(row[name] for name in key)
            if natural not in found and natural not in seen:
                seen.add(natural)
                missing.append(model(**row))
        if not missing:
            return found
        manager.bulk_create(missing, batch_size=500)
        self.created += len(missing)
        return existing()


def _diary_numbers(plan: Plan) -> dict[str, str]:
    """Number the cases in the order they were opened, with gaps as in a real registry."""
    rng = random.Random(SEED)  # noqa: S311 - not for security
    counters: dict[int, int] = {}
    numbers = {}
    for key in sorted(plan.case_titles, key=lambda k: (plan.case_opened[k], k)):
        task_class, year, _ = plan.case_titles[key]
        counters[year] = counters.get(year, rng.randint(20, 60)) + rng.randint(1, 9)
        numbers[key] = f"{counters[year]}/{task_class}/{year}"
    return numbers


def _write(plan: Plan) -> int:
    store = _Store()
    people = plan.people

    terms = {}
    for name, (start, end) in TERMS.items():
        term, created = Term.objects.get_or_create(name=name, defaults={"start": start, "end": end})
        store.created += created
        terms[name] = term.pk

    def body_row(spec: dict[str, Any], parent: int | None) -> dict[str, Any]:
        return {
            "slug": spec["slug"],
            "name": spec["name"],
            "kind": spec["kind"],
            "parent_id": parent,
            "seats": spec["seats"],
            "notice_days": spec["notice_days"],
            "appeal_open": spec.get("appeal_open", True),
            "description": spec["description"],
            "powers": spec["powers"],
            "contact": spec["contact"],
            "order": spec["order"],
            "active": spec.get("active", True),
            "ended": spec.get("ended"),
        }

    top = store.ensure(Body, ("slug",), [body_row(b, None) for b in BODIES if "parent" not in b])
    store.ensure(
        Body,
        ("slug",),
        [body_row(b, top[b["parent"],]) for b in BODIES if "parent" in b],
    )
    bodies = dict(Body.objects.values_list("slug", "pk"))

    clerk = _clerk(store)
    secretary = people.ref[SECRETARY[AH]]
    linked = Person.objects.filter(user=clerk).exists()
    found = store.ensure(
        Person,
        ("slug",),
        [
            {
                "slug": row.slug,
                "first_name": row.first_name,
                "last_name": row.last_name,
                "title": row.title,
                "political_group": row.political_group,
                "home_municipality": row.home_municipality,
                "interests": row.interests,
                "interests_date": row.interests_date,
                "user_id": clerk.pk if row.slug == secretary and not linked else None,
            }
            for row in people.rows.values()
        ],
    )
    if not Person.objects.filter(user=clerk).exists():
        Person.objects.filter(slug=secretary, user__isnull=True).update(user=clerk)
    person = {slug: pk for (slug,), pk in found.items()}
    # The demo clerk prepares and records the board's and its division's meetings.
    for slug in (AH, JAOS):
        Body.objects.get(slug=slug).clerks.add(clerk)

    membership_rows = []
    for roster in plan.rosters.values():
        seats: list[tuple[str, str, str | None]] = [
            (m, MembershipRole.CHAIR if m == roster.chair else MembershipRole.VICE_CHAIR, None)
            if m == roster.chair or m in roster.vice_chairs
            else (m, MembershipRole.MEMBER, None)
            for m in roster.members
        ]
        seats += [(d, MembershipRole.DEPUTY, m) for m, d in roster.deputies.items()]
        seats += [(roster.presenter, MembershipRole.PRESENTER, None)]
        seats += [(roster.secretary, MembershipRole.SECRETARY, None)]
        membership_rows += [
            {
                "person_id": person[slug],
                "body_id": bodies[roster.body],
                "term_id": terms[roster.term],
                "role": role,
                "deputy_of_id": person[principal] if principal else None,
                "start": roster.start,
                "end": roster.end,
            }
            for slug, role, principal in seats
        ]
    store.ensure(Membership, ("person_id", "body_id", "role", "start"), membership_rows)

    diary = _diary_numbers(plan)
    case_rows = []
    for key, number in diary.items():
        case_number, task_class, year = parse_diary_number(number)
        case_rows.append(
            {
                "diary_number": number,
                "number": case_number,
                "task_class": task_class,
                "year": year,
                "title": plan.case_titles[key][2],
                "created_at": plan.case_opened[key],
            }
        )
    by_diary = store.ensure(Case, ("diary_number",), case_rows)
    case = {key: by_diary[number,] for key, number in diary.items()}

    meetings = store.ensure(
        Meeting,
        ("body_id", "year", "number"),
        [
            {
                "body_id": bodies[m.body],
                "year": m.year,
                "number": m.number,
                "start": m.start,
                "end": m.end,
                "place": m.place,
                "mode": m.mode,
                "state": m.state,
                "notice_published_at": m.notice_at,
                "agenda_published_at": m.agenda_at,
                "cancelled_reason": m.cancelled_reason,
            }
            for m in plan.meetings
        ],
    )
    meeting_id = {id(m): meetings[bodies[m.body], m.year, m.number] for m in plan.meetings}
    ids = list(meeting_id.values())

    minutes_rows = []
    for m in plan.meetings:
        if m.checkers and m.minutes_published_at:
            approved = next_working_day(m.start.date() + timedelta(days=1))
            minutes_rows.append(
                {
                    "meeting_id": meeting_id[id(m)],
                    "checker_1_id": person[m.checkers[0]],
                    "checker_2_id": person[m.checkers[1]],
                    "checker_1_approved_at": at(approved, 9, 30),
                    "checker_2_approved_at": at(approved, 15, 10),
                    "published_at": m.minutes_published_at,
                }
            )
    store.ensure(Minutes, ("meeting_id",), minutes_rows, meeting_id__in=ids)
    store.ensure(
        Attendance,
        ("meeting_id", "person_id"),
        [
            {
                "meeting_id": meeting_id[id(m)],
                "person_id": person[a.person],
                "role": a.role,
                "presence": a.presence,
                "deputy_for_id": person[a.deputy_for] if a.deputy_for else None,
                "arrived_at": a.arrived_at,
                "left_at": a.left_at,
            }
            for m in plan.meetings
            for a in m.attendance
        ],
        meeting_id__in=ids,
    )

    items = [(m, item) for m in plan.meetings for item in m.items]
    item_ids = store.ensure(
        AgendaItem,
        ("meeting_id", "section"),
        [
            {
                "meeting_id": meeting_id[id(m)],
                "section": item.section,
                "case_id": case[item.case] if item.case else None,
                "title": item.title,
                "is_procedural": is_procedural_title(item.title),
                "is_public": not item.secrecy,
                "secrecy_basis": item.secrecy,
                "preparer_id": person[item.preparer] if item.preparer else None,
                "presenter_id": person[item.presenter] if item.presenter else None,
                "summary": item.summary,
                "body": clean_html(item.body),
                "proposal": clean_html(item.proposal),
                "appeal_type": item.appeal,
                "modified_at": m.agenda_at or m.start - timedelta(days=7),
            }
            for m, item in items
        ],
        meeting_id__in=ids,
    )
    item_id = {id(item): item_ids[meeting_id[id(m)], item.section] for m, item in items}
    store.ensure(
        Attachment,
        ("item_id", "order"),
        [
            {
                "item_id": item_id[id(item)],
                "title": title,
                "text": text,
                "size": len(text.encode()),
                "order": order,
            }
            for _, item in items
            for order, (title, text) in enumerate(item.attachments, start=1)
        ],
        item_id__in=item_id.values(),
    )
    _write_handlings(store, [item for _, item in items if item.handled], item_id, person)
    _write_official_decisions(store, person, case)
    _write_offices(store, person, bodies)
    return store.created


def _write_handlings(
    store: _Store, items: list[ItemPlan], item_id: dict[int, int], person: dict[str, int]
) -> None:
    found = store.ensure(
        Handling,
        ("item_id",),
        [
            {
                "item_id": item_id[id(item)],
                "outcome": item.outcome,
                "decision": clean_html(item.decision),
                "notes": clean_html(item.notes),
            }
            for item in items
        ],
        item_id__in=item_id.values(),
    )
    handling = {id(item): found[item_id[id(item)],] for item in items}
    eventful = [item for item in items if item.proposals or item.elections or item.dissents]
    scope = [handling[id(item)] for item in eventful]
    store.ensure(
        Disqualification,
        ("item_id", "person_id"),
        [
            {"item_id": item_id[id(item)], "person_id": person[p], "ground": ground}
            for item in items
            for p, ground in item.disqualified
        ],
        item_id__in=item_id.values(),
    )
    store.ensure(
        Dissent,
        ("handling_id", "person_id"),
        [
            {"handling_id": handling[id(item)], "person_id": person[p], "reasons": reasons}
            for item in eventful
            for p, reasons in item.dissents
        ],
        handling_id__in=scope,
    )
    proposals = store.ensure(
        Proposal,
        ("handling_id", "order"),
        [
            {
                "handling_id": handling[id(item)],
                "kind": kind,
                "text": text,
                "proposer_id": person[by] if by else None,
                "seconder_id": person[seconder] if seconder else None,
                "order": order,
            }
            for item in eventful
            for order, (kind, text, by, seconder) in enumerate(item.proposals, start=1)
        ],
        handling_id__in=scope,
    )
    votes = store.ensure(
        Vote,
        ("handling_id", "order"),
        [
            {
                "handling_id": handling[id(item)],
                "order": order,
                "method": VoteMethod.OPEN,
                "yes_proposal_id": proposals[handling[id(item)], 1],
                "no_proposal_id": proposals[handling[id(item)], 2],
                "chair_id": person[vote.chair],
            }
            for item in eventful
            for order, vote in enumerate(item.votes, start=1)
        ],
        handling_id__in=scope,
    )
    store.ensure(
        Ballot,
        ("vote_id", "person_id"),
        [
            {"vote_id": votes[handling[id(item)], order], "person_id": person[p], "choice": c}
            for item in eventful
            for order, vote in enumerate(item.votes, start=1)
            for p, c in vote.ballots
        ],
        vote_id__in=votes.values(),
    )
    elections = store.ensure(
        Election,
        ("handling_id", "position"),
        [
            {"handling_id": handling[id(item)], "position": position, "seats": seats}
            for item in eventful
            for position, seats, _ in item.elections
        ],
        handling_id__in=scope,
    )
    store.ensure(
        ElectionCandidate,
        ("election_id", "person_id"),
        [
            {
                "election_id": elections[handling[id(item)], position],
                "person_id": person[p],
                "votes": votes_for,
                "elected": elected,
            }
            for item in eventful
            for position, _, candidates in item.elections
            for p, votes_for, elected in candidates
        ],
        election_id__in=elections.values(),
    )


def _write_official_decisions(store: _Store, person: dict[str, int], case: dict[str, int]) -> None:
    store.ensure(
        OfficialDecision,
        ("number",),
        [
            {
                "official_id": person[slugify(" ".join(OFFICIALS[spec.official][:2]))],
                "official_title": OFFICIALS[spec.official][2],
                "number": spec.number,
                "title": spec.title,
                "case_id": case[spec.case] if spec.case else None,
                "decided_on": d(spec.decided_on),
                "text": clean_html(spec.text),
                "appeal_type": spec.appeal,
                "published_at": at(next_working_day(d(spec.decided_on) + timedelta(days=1)), 12),
            }
            for spec in OFFICIAL_DECISIONS
        ],
        number__in=[spec.number for spec in OFFICIAL_DECISIONS],
    )


# Officials with delegated decision power (hallintosääntö): every official whose decisions
# the demo publishes, their power delegated by the executive board, whose clerk (sihteeri)
# publishes for them. The finance director also signs in himself as "talousjohtaja".
OFFICE_START = date(2022, 3, 1)
OFFICIAL_USERNAME = "talousjohtaja"


def _write_offices(store: _Store, person: dict[str, int], bodies: dict[str, int]) -> None:
    keys = sorted({spec.official for spec in OFFICIAL_DECISIONS})
    for key in keys:
        first, last, title = OFFICIALS[key]
        _office, created = Office.objects.get_or_create(
            holder_id=person[slugify(f"{first} {last}")],
            title=title,
            defaults={"delegated_by_id": bodies[AH], "start": OFFICE_START},
        )
        store.created += created
    first, last, _title = OFFICIALS[OFFICIAL_USERNAME]
    user, created = demo_user(OFFICIAL_USERNAME, first, last)
    store.created += created
    if not Person.objects.filter(user=user).exists():
        Person.objects.filter(slug=slugify(f"{first} {last}"), user__isnull=True).update(user=user)


def _clerk(store: _Store) -> Any:
    """The demo clerk: the board's secretary, who signs in as "sihteeri"."""
    first, last, _ = OFFICIALS[SECRETARY[AH]]
    user, created = demo_user(CLERK_USERNAME, first, last, is_staff=False)
    store.created += created
    return user


def demo_user(username: str, first: str, last: str, **extra: Any) -> tuple[Any, bool]:
    """A demo user who signs in with the demo password; (user, whether made now).

    Every app's demo makes its users here (`extra`: more fields, e.g. the e-mail)."""
    user, created = get_user_model().objects.get_or_create(
        username=username,
        defaults={
            "first_name": first,
            "last_name": last,
            "email": f"{username}@example.invalid",
            **extra,
        },
    )
    if created:
        user.set_password(CLERK_PASSWORD)
        user.save(update_fields=["password"])
    return user, created


@transaction.atomic
def _checkers() -> int:
    """Two current board members who check minutes sign in as tarkastaja1 and tarkastaja2."""
    created = 0
    members = (
        Membership.objects.filter(body__slug=AH, role=MembershipRole.MEMBER, term__name=T2)
        .select_related("person")
        .order_by("person__last_name", "person__first_name")
    )
    for number, membership in enumerate(members[:2], start=1):
        person = membership.person
        user, new = demo_user(f"tarkastaja{number}", person.first_name, person.last_name)
        created += new
        if person.user_id is None and not Person.objects.filter(user=user).exists():
            person.user = user
            person.save(update_fields=["user"])
    return created


def load(*, stdout: _Writer | None = None) -> None:
    """Load the demo content of decision making; a second run creates nothing."""
    with search_index.paused():
        created = _write(build())
        created += _checkers()
        appeal_dates_store_missing()
    if created or not SearchEntry.objects.exists():
        search_index.rebuild()
    if stdout is not None:
        counts = [
            (Body, "bodies"),
            (Person, "people"),
            (Membership, "memberships"),
            (Case, "cases"),
            (Meeting, "meetings"),
            (AgendaItem, "agenda items"),
            (OfficialDecision, "officials' decisions"),
        ]
        summary = ", ".join(f"{model._default_manager.count()} {label}" for model, label in counts)
        stdout.write(f"Councils: {summary} ({created} rows created now).")
