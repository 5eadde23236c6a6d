"""The plan: every meeting of the demo, its items, attendance, votes and minutes, in memory.

The planner takes the story (councils/demo/story.py) and the schedule (meetings.json), adds
the routine items every meeting has, seats the members of the day and lets the seeded
generators decide who was absent, late or remote. It checks the rules as it goes (notice
in time, quorum, the presenter's proposal winning its vote), so a story that breaks one
fails here, before anything is written.
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from councils.demo.data import (
    ABSENCE,
    ADVISORY,
    AH,
    AV,
    BODY,
    CANCELLED_REASON,
    CASES,
    HELD,
    INITIATIVES,
    JAOS,
    LATER,
    NAMED,
    NO_APPEAL,
    NOTICES,
    OFFICIAL_DECISIONS,
    OFFICIALS,
    PRESENTER,
    RECTIFICATION,
    REGIONAL,
    SECRETARY,
    SEED,
    SPECIAL_NOTICES,
    SUBJECT,
    UPDATES,
    VENUE,
    at,
    d,
    fi,
    read,
    term_of,
)
from councils.demo.people import People, Roster, rosters
from councils.demo.story import (
    Ctx,
    ElectionSpec,
    Spec,
    VoteSpec,
    everyday,
    individual_matter,
    note,
    routine,
    story,
)
from councils.models import (
    AttendanceRole,
    BallotChoice,
    BodyKind,
    MeetingMode,
    MeetingState,
    Outcome,
    Presence,
    ProposalKind,
)
from councils.rules import has_quorum, next_working_day, notice_in_time, quorum_needed, vote_result
from portal.lib.textdiff import html_to_text

_PAST: dict[str, str] = read("finnish.json")["past_tense"]
_VERB = re.compile(r"\b(" + "|".join(_PAST) + r")\b")
_CLAUSE = re.compile(r"\b(että|ettei)\b")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])")
_TAG = re.compile(r"(<[^>]+>)")


def _past(html: str) -> str:
    """A proposal as a decision: the main verbs in the past tense.

    Verbs after "päättää" are infinitives and verbs after "että" belong to what is
    proposed to someone else, so both stay as they are.
    """

    def sentence(text: str) -> str:
        out, pos = [], 0
        for match in _VERB.finditer(text):
            clause = _CLAUSE.search(text, pos, match.start())
            if clause:
                break
            out += [text[pos : match.start()], _PAST[match[1]]]
            pos = match.end()
            if match[1] == "päättää":
                break
        return "".join(out) + text[pos:]

    parts = _TAG.split(html)
    return "".join(
        part if part.startswith("<") else " ".join(map(sentence, _SENTENCE.split(part)))
        for part in parts
    )


@dataclass
class AttendPlan:
    person: str
    role: str
    presence: str = Presence.PRESENT
    deputy_for: str | None = None
    arrived_at: int | None = None
    left_at: int | None = None

    @property
    def seated(self) -> bool:
        return self.role in {AttendanceRole.CHAIR, AttendanceRole.MEMBER, AttendanceRole.DEPUTY}

    def in_room(self, section: int) -> bool:
        if self.presence == Presence.ABSENT:
            return False
        if self.arrived_at is not None and section < self.arrived_at:
            return False
        return not (self.left_at is not None and section > self.left_at)


@dataclass
class VotePlan:
    chair: str
    ballots: list[tuple[str, str]]


@dataclass
class ItemPlan:
    section: int
    title: str
    case: str | None
    preparer: str | None
    presenter: str | None
    appeal: str
    summary: str = ""
    body: str = ""
    proposal: str = ""
    secrecy: str = ""
    handled: bool = False
    outcome: str = Outcome.AS_PROPOSED
    decision: str = ""
    notes: str = ""
    proposals: list[tuple[str, str, str | None, str | None]] = field(default_factory=list)
    votes: list[VotePlan] = field(default_factory=list)
    elections: list[tuple[str, int, list[tuple[str, int, bool]]]] = field(default_factory=list)
    disqualified: list[tuple[str, str]] = field(default_factory=list)
    dissents: list[tuple[str, str]] = field(default_factory=list)
    attachments: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class MeetingPlan:
    body: str
    year: int
    number: int
    start: datetime
    end: datetime | None
    place: str
    mode: str
    state: str
    notice_at: datetime | None
    agenda_at: datetime | None
    cancelled_reason: str = ""
    items: list[ItemPlan] = field(default_factory=list)
    attendance: list[AttendPlan] = field(default_factory=list)
    checkers: tuple[str, str] | None = None
    minutes_published_at: datetime | None = None


@dataclass
class Plan:
    people: People
    rosters: dict[tuple[str, str], Roster]
    meetings: list[MeetingPlan]
    case_titles: dict[str, tuple[str, int, str]]  # key -> (task class, year, title)
    case_opened: dict[str, datetime]


class Planner:
    def __init__(self) -> None:
        self.people = People()
        self.rosters = rosters(self.people)
        self.story = story()
        # Everyday business is spread evenly over the year's meetings, in its own order.
        self.everyday: dict[tuple[str, date], list[Spec]] = defaultdict(list)
        for (body, year), specs in everyday().items():
            days = [d(day) for day in HELD[body] if day.startswith(str(year))]
            for index, spec in enumerate(specs):
                slot = round((index + 0.5) * len(days) / len(specs) - 0.5)
                self.everyday[body, days[min(max(slot, 0), len(days) - 1)]].append(spec)
        self.sections: dict[tuple[str, int], int] = defaultdict(int)
        self.cases: dict[str, tuple[str, int, str]] = {}
        self.case_opened: dict[str, datetime] = {}
        self.initiatives = 0
        self.notices = 0

    # -- the whole plan --

    def plan(self) -> Plan:
        schedule: list[tuple[str, date, str, date | None]] = []
        for body, days in HELD.items():
            schedule += [(body, d(day), MeetingState.MINUTES_PUBLISHED, None) for day in days]
        schedule += [(body, d(day), state, d(n) if n else None) for body, day, state, n in LATER]
        schedule.sort(key=lambda entry: (entry[0], entry[1]))
        numbers: dict[tuple[str, int], int] = defaultdict(int)
        meetings = []
        previous: dict[str, date] = {}
        for body, day, state, notice_on in schedule:
            numbers[body, day.year] += 1
            meetings.append(
                self._meeting(
                    body, day, numbers[body, day.year], state, notice_on, previous.get(body)
                )
            )
            previous[body] = day
        for spec in OFFICIAL_DECISIONS:
            if spec.case:
                self._open_case(spec.case, at(d(spec.decided_on), 9) - timedelta(days=10))
        return Plan(self.people, self.rosters, meetings, self.cases, self.case_opened)

    def _open_case(self, key: str, when: datetime) -> None:
        if key not in self.cases:
            self.cases[key] = CASES[key]
        if key not in self.case_opened or when < self.case_opened[key]:
            self.case_opened[key] = when

    # -- one meeting --

    def _meeting(
        self,
        body: str,
        day: date,
        number: int,
        state: str,
        notice_on: date | None,
        previous: date | None,
    ) -> MeetingPlan:
        place, mode, hour, hours = VENUE[body]
        if body == AH and day.isoformat() in HELD[AV]:
            hour = 13  # the board meets before the council on the same day
        start = at(day, hour)
        body_row = BODY[body]
        rng = random.Random(f"{SEED}:{body}:{day.isoformat()}")  # noqa: S311 - not for security
        held = state == MeetingState.MINUTES_PUBLISHED
        if held:
            notice_on = day - timedelta(days=body_row["notice_days"] + 3)
            while notice_on.weekday() >= 5:
                notice_on -= timedelta(days=1)
        if notice_on and not notice_in_time(
            published_on=notice_on, meeting_day=day, notice_days=body_row["notice_days"]
        ):
            raise ValueError(f"the notice of {body} {day} would be late")
        notice_at = at(notice_on, 12) if notice_on else None
        meeting = MeetingPlan(
            body=body,
            year=day.year,
            number=number,
            start=start,
            end=start + timedelta(hours=hours) if held else None,
            place=place,
            mode=mode,
            state=state,
            notice_at=notice_at,
            agenda_at=notice_at if state != MeetingState.CANCELLED else None,
            cancelled_reason=CANCELLED_REASON if state == MeetingState.CANCELLED else "",
        )
        if state == MeetingState.CANCELLED:
            return meeting
        roster = self.rosters[body, term_of(day)]
        ctx = Ctx(self.people, self.rosters, roster, day)
        specs = list(self.story.get((body, day.isoformat()), []))
        if held:
            specs += self._everyday(body, day, rng)
        if held:
            meeting.attendance = self._attendance(body, meeting, roster, specs, rng)
            meeting.checkers = self._checkers(meeting, roster)
            published = next_working_day(day + timedelta(days=3))
            meeting.minutes_published_at = at(published, 12)
        routine = state != MeetingState.PLANNED
        if routine:
            specs = [
                *self._opening(body, meeting, roster),
                *specs,
                self._closing(body, day, previous, ctx),
            ]
        for spec in specs:
            self.sections[body, day.year] += 1
            meeting.items.append(
                self._item(spec, self.sections[body, day.year], meeting, ctx, held)
            )
        if held:
            self._late_and_early(meeting, roster, rng)
            self._check_quorum(meeting, roster)
        return meeting

    def _everyday(self, body: str, day: date, rng: random.Random) -> list[Spec]:
        if body == JAOS:
            return [individual_matter(rng) for _ in range(rng.randint(2, 4))]
        return self.everyday.get((body, day), [])

    # -- who was there --

    def _attendance(
        self,
        body: str,
        meeting: MeetingPlan,
        roster: Roster,
        specs: list[Spec],
        rng: random.Random,
    ) -> list[AttendPlan]:
        must = {roster.chair}
        for spec in specs:
            refs = [*spec.force_present, *(p for p, _ in spec.disqualified)]
            refs += [p for p, _ in spec.dissents]
            if spec.vote:
                refs += [spec.vote.counter_by, spec.vote.seconded_by]
                if body != AV:
                    must.update(roster.members)  # the board's tie needs every member there
            if spec.lapsed:
                refs.append(spec.lapsed[0])
            must.update(self._ref(ref, roster) for ref in refs if not ref.startswith("@"))
        absence = ABSENCE.get(body, 0.1)
        remote = 0.25 if meeting.mode == MeetingMode.HYBRID else 0.0
        everyone_remote = meeting.mode == MeetingMode.ELECTRONIC

        def presence() -> str:
            if everyone_remote or rng.random() < remote:
                return Presence.REMOTE
            return Presence.PRESENT

        rows: list[AttendPlan] = []
        for member in roster.members:
            role = AttendanceRole.CHAIR if member == roster.chair else AttendanceRole.MEMBER
            if member in must or rng.random() >= absence:
                rows.append(AttendPlan(member, role, presence()))
                continue
            rows.append(AttendPlan(member, role, Presence.ABSENT))
            deputy = roster.deputies.get(member)
            if deputy and rng.random() < 0.7:
                rows.append(AttendPlan(deputy, AttendanceRole.DEPUTY, presence(), member))
        quorum = _quorum(body)
        for row in [r for r in rows if r.presence == Presence.ABSENT]:
            if sum(1 for r in rows if r.seated and r.presence != Presence.ABSENT) >= quorum:
                break
            row.presence = presence()  # called in after all, so their deputy stays home
            rows[:] = [r for r in rows if r.deputy_for != row.person]
        rows.append(AttendPlan(roster.presenter, AttendanceRole.PRESENTER, presence()))
        if roster.secretary != roster.presenter:
            rows.append(AttendPlan(roster.secretary, AttendanceRole.SECRETARY, presence()))
        return rows

    def _checkers(self, meeting: MeetingPlan, roster: Roster) -> tuple[str, str]:
        candidates = sorted(
            (
                r.person
                for r in meeting.attendance
                if r.role == AttendanceRole.MEMBER and r.presence != Presence.ABSENT
            ),
            key=lambda slug: (self.people.rows[slug].last_name, self.people.rows[slug].first_name),
        )
        first = (meeting.number * 2) % len(candidates)
        return candidates[first], candidates[(first + 1) % len(candidates)]

    def _late_and_early(self, meeting: MeetingPlan, roster: Roster, rng: random.Random) -> None:
        """Somebody now and then arrives late or leaves early, and experts visit their item."""
        eventful = any(i.votes or i.elections or i.disqualified for i in meeting.items)
        sections = [item.section for item in meeting.items]
        members = [
            r
            for r in meeting.attendance
            if r.role == AttendanceRole.MEMBER
            and r.presence != Presence.ABSENT
            and (meeting.checkers is None or r.person not in meeting.checkers)
        ]
        if not eventful and len(sections) >= 5 and len(members) > 3:
            quorum = _quorum(meeting.body)
            present = sum(1 for r in meeting.attendance if r.seated and r.in_room(sections[0]))
            if present - 1 >= quorum and rng.random() < 0.25:
                rng.choice(members).left_at = sections[-2]
            elif present - 1 >= quorum and rng.random() < 0.2:
                rng.choice(members).arrived_at = sections[2]
        if meeting.body not in (AV, AH):
            return
        seen = {r.person for r in meeting.attendance}
        visits: dict[str, list[int]] = defaultdict(list)
        for item in meeting.items:
            if item.preparer and item.preparer not in seen:
                visits[item.preparer].append(item.section)
        for person, visited in visits.items():
            presence = (
                Presence.REMOTE if meeting.mode == MeetingMode.ELECTRONIC else Presence.PRESENT
            )
            meeting.attendance.append(
                AttendPlan(
                    person, AttendanceRole.EXPERT, presence, None, min(visited), max(visited)
                )
            )

    def _check_quorum(self, meeting: MeetingPlan, roster: Roster) -> None:
        body = BODY[meeting.body]
        for item in meeting.items:
            out = {person for person, _ in item.disqualified}
            present = sum(
                1
                for r in meeting.attendance
                if r.seated and r.in_room(item.section) and r.person not in out
            )
            if not has_quorum(
                seats=body["seats"], is_council=body["kind"] == BodyKind.COUNCIL, present=present
            ):
                raise ValueError(
                    f"{meeting.body} {meeting.start:%Y-%m-%d} § {item.section} lacks a quorum"
                )

    # -- references to people in the story --

    def _ref(self, ref: str, roster: Roster) -> str:
        if ref.startswith("#"):
            return roster.members[int(ref[1:])]
        return self.people.slug(ref)

    def _pick(self, ref: str, meeting: MeetingPlan, roster: Roster, taken: set[str]) -> str:
        if not ref.startswith("@"):
            return self._ref(ref, roster)
        group = ref[1:]
        present = {r.person for r in meeting.attendance if r.presence != Presence.ABSENT}
        for member in roster.members:
            if (
                member not in taken
                and member in present
                and member != roster.chair
                and self.people.group(member) == group
            ):
                return member
        raise ValueError(f"nobody of {group} at {meeting.body} {meeting.start:%Y-%m-%d}")

    # -- the items --

    def _opening(self, body: str, meeting: MeetingPlan, roster: Roster) -> list[Spec]:
        quorum = read("routine.json")["quorum"]["council" if body == AV else "other"]
        legality = routine(
            "legality",
            preparer=SECRETARY[body],
            notice=fi(meeting.notice_at) if meeting.notice_at else "–",
            subject=SUBJECT[body],
            quorum=quorum,
        )
        if not meeting.checkers:
            return [legality, routine("checkers_to_come", preparer=SECRETARY[body])]
        first, second = map(self.people.name, meeting.checkers)
        published = fi(next_working_day(meeting.start.date() + timedelta(days=3)))
        checking = routine(
            "checkers", preparer=SECRETARY[body], published=published, first=first, second=second
        )
        return [legality, checking]

    def _closing(self, body: str, day: date, previous: date | None, ctx: Ctx) -> Spec:
        """The last item: notices, and officials' decisions, initiatives or an update."""
        if body == AH:
            since = previous or day - timedelta(days=30)
            decisions = [
                read("routine.json")["official_decision"].format(
                    title=o.title,
                    official=OFFICIALS[o.official][2],
                    number=o.number,
                    day=fi(d(o.decided_on)),
                )
                for o in OFFICIAL_DECISIONS
                if since < d(o.decided_on) <= day
            ]
            extra = NOTICES[self.notices % len(NOTICES)]
            extra = SPECIAL_NOTICES.get(body, {}).get(day.isoformat(), extra)
            self.notices += 1
            name = "board_notices" if decisions else "board_notices_no_decisions"
            return routine(name, preparer=SECRETARY[body], decisions=decisions, extra=extra)
        if body == AV:
            named = {ctx.people.ref[key] for key in NAMED}
            signers = [m for m in ctx.roster.members[3:] if m not in named]
            entries = []
            for _ in range(1 + self.initiatives % 2):
                entries.append(
                    read("routine.json")["initiative"].format(
                        signer=ctx.people.name(signers[(self.initiatives * 7) % len(signers)]),
                        others=5 + (self.initiatives * 3) % 20,
                        topic=INITIATIVES[self.initiatives % len(INITIATIVES)],
                    )
                )
                self.initiatives += 1
            return routine("council_notices", preparer=SECRETARY[body], initiatives=entries)
        if body in ADVISORY:
            update = routine(
                "advisory_update",
                title=OFFICIALS[PRESENTER[body]][2],
                first=UPDATES[self.notices % len(UPDATES)],
                second=UPDATES[(self.notices + 2) % len(UPDATES)],
                subject=SUBJECT[body],
            )
            self.notices += 1
            return update
        self.notices += 1
        return routine(
            "notices",
            preparer=SECRETARY[body],
            notice=NOTICES[self.notices % len(NOTICES)],
            subject=SUBJECT[body],
        )

    def _item(
        self, spec: Spec, section: int, meeting: MeetingPlan, ctx: Ctx, held: bool
    ) -> ItemPlan:
        body = meeting.body
        roster = ctx.roster
        case = spec.case
        if case == "auto":
            case = f"auto:{body}:{meeting.year}:{spec.title}"
            self.cases.setdefault(case, (spec.task_class, meeting.year, spec.title))
        elif case:
            self.cases.setdefault(case, CASES[case])
        if case:
            self._open_case(case, (meeting.agenda_at or meeting.start) - timedelta(days=14))
        body_row = BODY[body]
        appeal = spec.appeal or _usual_appeal(body)
        if not body_row.get("appeal_open", True):
            appeal = NO_APPEAL
        presenter = roster.chair if spec.presenter == "chair" else roster.presenter
        item = ItemPlan(
            section=section,
            title=spec.title,
            case=case,
            preparer=self.people.ref[spec.preparer] if spec.preparer else roster.presenter,
            presenter=presenter,
            appeal=appeal,
            summary=spec.summary,
            body=spec.body(ctx) if callable(spec.body) else spec.body,
            proposal=spec.proposal,
            secrecy=spec.secrecy,
            attachments=list(spec.attachments),
        )
        if not held:
            return item
        item.handled = True
        item.outcome = spec.outcome
        if callable(spec.decision):
            item.decision = spec.decision(ctx)
        else:
            item.decision = spec.decision if spec.decision is not None else _past(spec.proposal)
        item.notes = spec.notes
        item.disqualified = [(self._ref(p, roster), ground) for p, ground in spec.disqualified]
        item.dissents = [(self._ref(p, roster), reasons) for p, reasons in spec.dissents]
        taken: set[str] = set()
        if spec.vote:
            item.notes += self._vote(item, spec.vote, meeting, roster, taken)
        if spec.lapsed:
            by = self._pick(spec.lapsed[0], meeting, roster, taken)
            item.proposals = [
                (ProposalKind.PRESENTER, html_to_text(spec.proposal), None, None),
                (ProposalKind.COUNTER, spec.lapsed[1], by, None),
            ]
            item.notes += note(
                "lapsed",
                by=self.people.name(by),
                text=spec.lapsed[1],
                **_wording(body),
            )
        if spec.election:
            item.notes += self._election(item, spec.election, meeting, roster)
        return item

    def _voters(
        self, item: ItemPlan, meeting: MeetingPlan, roster: Roster
    ) -> list[tuple[str, str]]:
        """(seat holder, voter or "") for every seat: the member, their deputy, or nobody."""
        rows = {r.person: r for r in meeting.attendance}
        out = {person for person, _ in item.disqualified}
        seats = []
        for member in roster.members:
            row = rows.get(member)
            if row and row.in_room(item.section) and member not in out:
                seats.append((member, member))
                continue
            deputy = next(
                (
                    r.person
                    for r in meeting.attendance
                    if r.deputy_for == member and r.in_room(item.section)
                ),
                "",
            )
            seats.append((member, deputy))
        return seats

    def _vote(
        self, item: ItemPlan, vote: VoteSpec, meeting: MeetingPlan, roster: Roster, taken: set[str]
    ) -> str:
        by = self._pick(vote.counter_by, meeting, roster, taken)
        taken.add(by)
        seconder = self._pick(vote.seconded_by, meeting, roster, taken)
        taken.add(seconder)
        item.proposals = [
            (ProposalKind.PRESENTER, html_to_text(item.proposal), None, None),
            (ProposalKind.COUNTER, vote.text, by, seconder),
        ]
        groups = {k: v for k, v in vote.choices.items() if k.isupper()}
        persons = {self.people.slug(k): v for k, v in vote.choices.items() if not k.isupper()}
        ballots: list[tuple[str, str]] = []
        for member, voter in self._voters(item, meeting, roster):
            if not voter:
                ballots.append((member, BallotChoice.ABSENT))
                continue
            choice = persons.get(voter) or groups.get(self.people.group(voter), vote.default)
            ballots.append((voter, choice))
        chair_choice = next(c for p, c in ballots if p == roster.chair)
        result = vote_result([c for _, c in ballots], chair_choice=chair_choice)
        if result.winner != "yes":
            raise ValueError(f"the story has the presenter's proposal win: {item.title}")
        item.votes = [VotePlan(roster.chair, ballots)]
        return note(
            "vote",
            by=self.people.name(by),
            seconder=self.people.name(seconder),
            text=vote.text,
            yes=result.yes,
            no=result.no,
            blank=result.blank,
            absent=result.absent,
            tie=read("routine.json")["tie"] if result.decided_by_chair else "",
            **_wording(meeting.body),
        )

    def _election(
        self, item: ItemPlan, election: ElectionSpec, meeting: MeetingPlan, roster: Roster
    ) -> str:
        voters = sum(1 for _, voter in self._voters(item, meeting, roster) if voter)
        candidates = []
        for ref, share in election.candidates:
            candidates.append((self._ref(ref, roster), int(voters * share)))
        best = max(votes for _, votes in candidates)
        if sum(1 for _, votes in candidates if votes == best) > 1:
            raise ValueError(f"the election at {item.title} would need a lot")
        blank = voters - sum(votes for _, votes in candidates)
        item.elections.append((election.position, 1, [(p, v, v == best) for p, v in candidates]))
        winner = next(p for p, v in candidates if v == best)
        counts = ", ".join(f"{self.people.name(p)} {v}" for p, v in candidates)
        return note(
            "election",
            position=election.position,
            voters=voters,
            counts=counts,
            blank=blank,
            winner=self.people.name(winner),
        )


def _quorum(body: str) -> int:
    row = BODY[body]
    return quorum_needed(seats=row["seats"], is_council=row["kind"] == BodyKind.COUNCIL)


def _usual_appeal(body: str) -> str:
    if body == AV:
        return REGIONAL
    if body in ADVISORY:
        return NO_APPEAL
    return RECTIFICATION


def _wording(body: str) -> dict[str, str]:
    """How the minutes name a member, the body and the proposal put to it."""
    texts = read("routine.json")
    kind = "council" if body == AV else "other"
    proposal = texts["proposal"][kind]
    return {
        "member": texts["member"][kind],
        "subject": SUBJECT[body].lower(),
        "proposal": proposal["accusative"],
        "proposal_partitive": proposal["partitive"],
    }


def build() -> Plan:
    """The whole demo as plain data, without touching the database."""
    return Planner().plan()
