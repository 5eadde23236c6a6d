"""The legal rules of decision making, one function each.

Every rule names its source in law. They are pure functions of plain values so that
they can be tested on their edges and called from every path that needs them (the
public pages, the clerks' views, the documents). Nothing here touches the database.

Sources: Laki hyvinvointialueesta (611/2021, "HVAL"), kuntalaki (410/2015, "KuntaL"),
hallintolaki (434/2003, "HL"), laki sähköisestä asioinnista viranomaistoiminnassa
(13/2003), laki säädettyjen määräaikain laskemisesta (150/1930) and laki viranomaisten
toiminnan julkisuudesta (621/1999, "JulkL").
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

import holidays

# --- Quorum ------------------------------------------------------------------------------


def quorum_needed(*, seats: int, is_council: bool) -> int:
    """The smallest number of members present for a body to be quorate.

    HVAL 108 § 1 mom.: the regional council (aluevaltuusto) has a quorum when at least
    two thirds of its members are present. HVAL 108 § 2 mom.: any other body has a
    quorum when more than half of its members are present.
    """
    if seats <= 0:
        raise ValueError("a body has at least one seat")
    if is_council:
        return math.ceil(2 * seats / 3)
    return seats // 2 + 1


def has_quorum(*, seats: int, is_council: bool, present: int) -> bool:
    """Whether `present` members make a quorum (HVAL 108 §).

    Members taking part remotely in an electronic or hybrid meeting count as present
    (HVAL, as KuntaL 99 §). A member disqualified from an item does not count for that item
    (HL 28 §); callers pass the count for the item in question.
    """
    return present >= quorum_needed(seats=seats, is_council=is_council)


# --- Proposals and votes -----------------------------------------------------------------


class Side(StrEnum):
    YES = "yes"  # Jaa
    NO = "no"  # Ei


@dataclass(frozen=True)
class ProposalInput:
    key: object
    is_presenter: bool
    seconded: bool


def proposals_to_vote(proposals: Iterable[ProposalInput]) -> list[ProposalInput]:
    """The proposals that go to the vote, in order; unseconded counter-proposals lapse.

    The county's administrative rules (hallintosääntö), as every Finnish council's: a
    counter-proposal that nobody seconds lapses and is not put to the vote. The presenter's
    proposal always goes to the vote without a seconder.
    """
    return [p for p in proposals if p.is_presenter or p.seconded]


def vote_needed(proposals: Iterable[ProposalInput]) -> bool:
    """A vote is needed when at least one seconded counter-proposal stands against the presenter's."""
    return len(proposals_to_vote(proposals)) > 1


@dataclass(frozen=True)
class CounterProposalState:
    """What the record says of one counter-proposal."""

    key: object
    seconded: bool
    withdrawn: bool = False
    adopted_unanimously: bool = False
    voted: bool = False


def counter_proposals_unsettled(counters: Iterable[CounterProposalState]) -> list[object]:
    """The seconded counter-proposals that the record leaves hanging (their keys).

    DESIGN.md rule 4 and the county's administrative rules (hallintosääntö), as every
    Finnish council's: a seconded counter-proposal is put to the vote against the
    presenter's proposal, unless its proposer withdraws it or the body adopts it
    unanimously, when there is nothing to vote on. A seconded counter-proposal with none
    of the three would leave the minutes saying that the body decided as proposed while
    a standing proposal was never decided on.
    """
    return [
        c.key
        for c in counters
        if c.seconded and not (c.withdrawn or c.adopted_unanimously or c.voted)
    ]


def decision_follows_winner(
    *, counter_won: bool, decided_as_proposed: bool, decision_is_presenters: bool
) -> bool:
    """Whether the recorded decision agrees with the proposal that won.

    When a counter-proposal won the vote or was adopted unanimously, the body did not
    decide as the presenter proposed (rule 4): the outcome cannot be "decided as
    proposed", and the decision's text cannot be the presenter's proposal.
    """
    return not counter_won or not (decided_as_proposed or decision_is_presenters)


@dataclass(frozen=True)
class VoteResult:
    yes: int
    no: int
    blank: int
    absent: int
    winner: Side
    decided_by_chair: bool


def vote_result(choices: Iterable[str], *, chair_choice: str | None) -> VoteResult:
    """The result of an open vote, computed from the ballots.

    Each choice is "yes" (Jaa), "no" (Ei), "blank" (Tyhjä) or "absent". The side with
    more votes wins. HVAL, as KuntaL 104 §: when the votes are even, the
    chair's vote decides; the chair must then have voted yes or no, otherwise a tie
    cannot be resolved (ValueError). Blank votes count for neither side.
    """
    counts = Counter(choices)
    unknown = set(counts) - {"yes", "no", "blank", "absent"}
    if unknown:
        raise ValueError(f"unknown ballot choice(s): {sorted(unknown)}")
    yes, no = counts["yes"], counts["no"]
    if yes != no:
        winner = Side.YES if yes > no else Side.NO
        return VoteResult(yes, no, counts["blank"], counts["absent"], winner, False)
    if chair_choice not in (Side.YES, Side.NO):
        raise ValueError(
            "a tie is decided by the chair's vote, and the chair voted neither yes nor no"
        )
    return VoteResult(yes, no, counts["blank"], counts["absent"], Side(chair_choice), True)


def election_tie_needs_lot(votes: Iterable[int], *, seats: int) -> bool:
    """Whether the last seat(s) of an election must be drawn by lot.

    HVAL, as KuntaL 104 §: in an election, equal votes are decided by
    lot. A draw is needed when candidates tied with the last elected candidate would
    together exceed the seats to fill.
    """
    ordered = sorted(votes, reverse=True)
    if len(ordered) <= seats or seats <= 0:
        return False
    return ordered[seats - 1] == ordered[seats]


# --- Recording a meeting ----------------------------------------------------------------


def recording_open(*, start: datetime, now: datetime) -> bool:
    """Whether what happened at a meeting can be recorded yet: only once it has started.

    The minutes are the record of the meeting as it was held (the county's administrative
    rules on minutes, as every Finnish council's hallintosääntö): who attended, what was
    proposed, how the members voted and what was decided. Before the meeting starts none of it has
    happened, so attendance, handlings, proposals, votes, elections, disqualifications and
    dissents are refused, and so is marking the meeting held.
    """
    return now >= start


# --- Confidential items ----------------------------------------------------------------

# Titles that say nothing but "secret": refused, because JulkL 24 § and the publicity of
# minutes require the public to learn what kind of matter was handled and on what basis.
_BARE_SECRET_TITLE = re.compile(
    r"^\s*(ei\s+julkinen|salainen|salassa\s+pidettävä|salassapidettävä|luottamuksellinen|"
    r"sekretess(belagd)?|hemlig|confidential|secret|not\s+public)\s*[.!]?\s*$",
    re.IGNORECASE,
)


def confidential_item_problems(*, title: str, secrecy_basis: str) -> list[str]:
    """What is wrong with how a confidential item would appear to the public, if anything.

    A confidential item is published with a descriptive title and the legal basis of
    its secrecy only (JulkL 24 §; HVAL, as KuntaL 140 §). A bare "ei julkinen" is no description,
    and a missing basis leaves the resident unable to judge the secrecy.
    Returns codes: "bare_title", "missing_basis".
    """
    problems = []
    if not title.strip() or _BARE_SECRET_TITLE.match(title):
        problems.append("bare_title")
    if not secrecy_basis.strip():
        problems.append("missing_basis")
    return problems


# --- Procedural items ---------------------------------------------------------------

_PROCEDURAL_TITLES = Path(__file__).resolve().parent / "data" / "procedural_titles.json"


def _normalised_title(title: str) -> str:
    return " ".join(title.casefold().split()).rstrip(".")


@lru_cache(maxsize=1)
def _procedural_titles() -> frozenset[str]:
    data = json.loads(_PROCEDURAL_TITLES.read_text(encoding="utf-8"))
    return frozenset(_normalised_title(title) for title in data["titles"])


def is_procedural_title(title: str) -> bool:
    """Whether an item of this title is a formality of the meeting, not a matter decided.

    The opening, legality and quorum (HVAL 108 §), the choice of minutes checkers, the
    order of business and the items only noted for information are recorded like any other
    item, but a resident looking for what was decided is not looking for them. The titles
    are data (`councils/data/procedural_titles.json`); the clerk can override the mark.
    """
    return _normalised_title(title) in _procedural_titles()


# --- Notice -----------------------------------------------------------------------------


# A meeting is planned at most this many years ahead (the next term's first meetings at
# the latest); a date further on is a typing error such as the year 9999.
MEETING_YEARS_AHEAD = 2


def meeting_latest_day(*, today: date) -> date:
    """The last day for which a meeting can be planned today."""
    try:
        return today.replace(year=today.year + MEETING_YEARS_AHEAD)
    except ValueError:  # 29 February
        return today.replace(year=today.year + MEETING_YEARS_AHEAD, day=28)


def notice_last_day(*, meeting_day: date, notice_days: int) -> date:
    """The last day on which the notice of a meeting may be published.

    The county's administrative rules (as HVAL and KuntaL 94 §): the notice is sent, and published
    online, at least `notice_days` days before the meeting (4 for the regional council).
    """
    return meeting_day - timedelta(days=notice_days)


def notice_in_time(*, published_on: date, meeting_day: date, notice_days: int) -> bool:
    return published_on <= notice_last_day(meeting_day=meeting_day, notice_days=notice_days)


def move_notice_last_day(
    *, notice_published: bool, time_changed: bool, meeting_day: date, notice_days: int
) -> date | None:
    """The last day on which a meeting may still be moved to `meeting_day`, or None when
    any day before the meeting will do.

    The notice names the meeting's time and place and says whether it is held
    electronically (HVAL and KuntaL 94 §; the county's administrative rules). Before the
    notice is out, a planned meeting moves freely: the notice, when published, carries the
    new time. After the notice, a new time is a new notice, so the changed notice must be
    published at least `notice_days` days before the new day (notice_last_day), just as
    the first one. A change of place or form at the same time keeps the original notice
    period; the changed notice is published at once and the members are told.
    """
    if not notice_published or not time_changed:
        return None
    return notice_last_day(meeting_day=meeting_day, notice_days=notice_days)


class TakeUp(StrEnum):
    URGENT = "urgent"  # the body declared the matter urgent
    UNANIMOUS = "unanimous"  # the body decided unanimously to take it up
    DECLINED = "declined"  # the body did not take it up


def supplementary_item_problem(
    *, on_time: bool, take_up: str, is_council: bool, prepared: bool
) -> str | None:
    """Whether an item of the supplementary agenda (lisäesityslista) may be decided.

    An item is decided only if the notice named it (HVAL, as KuntaL 95 § 1 mom., and the
    county's administrative rules for other bodies). A supplementary agenda sent within
    the notice period is part of the notice (`on_time`). An item added later is decided
    only if the body takes it up: by declaring it urgent (HVAL, as KuntaL 95 § 2 mom.;
    the county's hallintosääntö for its boards and committees), and, for the council, an
    item that was not prepared (no proposal) only by a unanimous decision.
    Returns None when it may be decided, else "needs_take_up", "declined" or
    "needs_unanimity".
    """
    if on_time:
        return None
    if not take_up:
        return "needs_take_up"
    if take_up == TakeUp.DECLINED:
        return "declined"
    if is_council and not prepared and take_up != TakeUp.UNANIMOUS:
        return "needs_unanimity"
    return None


# --- The appeal clock -------------------------------------------------------------------


class AppealKind(StrEnum):
    RECTIFICATION = "rectification"  # oikaisuvaatimus
    REGIONAL_APPEAL = "regional_appeal"  # aluevalitus
    NONE = "none"
    SPECIAL = "special"


class Delivery(StrEnum):
    ONLINE = "online"  # minutes published in the public network: residents, members
    LETTER = "letter"  # a party sent the decision by ordinary letter
    EMAIL = "email"  # a party sent the decision by e-mail


# Days after which the recipient is deemed to have received the decision.
DEEMED_RECEIPT_DAYS = {
    # HVAL (as KuntaL 140 § 2 mom.): 7 days after the minutes are online.
    Delivery.ONLINE: 7,
    # HL 59 § 2 mom.: the 7th day after a letter was sent.
    Delivery.LETTER: 7,
    # Laki sähköisestä asioinnista viranomaistoiminnassa 19 § 2 mom.: the 3rd day.
    Delivery.EMAIL: 3,
}

# Length of the period in days, counted from the day after receipt.
APPEAL_PERIOD_DAYS = {
    AppealKind.RECTIFICATION: 14,  # HVAL (as KuntaL 138 §): 14 days
    AppealKind.REGIONAL_APPEAL: 30,  # HVAL (as KuntaL 135 §), hallintoprosessilaki: 30 days
}


@lru_cache(maxsize=64)
def _finnish_holidays(year: int) -> holidays.HolidayBase:
    # The package's Finland calendar includes 1 May, Midsummer Eve and Christmas Eve,
    # which laki säädettyjen määräaikain laskemisesta 5 § also treats as days off.
    return holidays.country_holidays("FI", years=year)


def is_working_day(day: date) -> bool:
    """Not a Saturday, Sunday or Finnish public holiday (incl. 1.5., Midsummer and Christmas Eve)."""
    return day.weekday() < 5 and day not in _finnish_holidays(day.year)


def next_working_day(day: date) -> date:
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


@dataclass(frozen=True)
class AppealDates:
    published: date
    deemed_received: date
    last_day: date
    period_days: int
    overridden: bool = False  # the clerk set the last day by hand, with a reason


def appeal_dates(
    *, published: date | datetime, kind: str, delivery: str = Delivery.ONLINE
) -> AppealDates | None:
    """The appeal clock for a decision, or None when the decision is not open to appeal.

    The recipient is deemed to have received the decision a set number of days after
    publication or sending (see DEEMED_RECEIPT_DAYS). The period (14 days for a request
    for rectification, 30 for a regional appeal) is counted from the day after receipt,
    so the last day is receipt + period. A last day that falls on a Saturday, Sunday or
    public holiday moves to the next working day (laki säädettyjen määräaikain
    laskemisesta 150/1930, 5 §); the day of receipt itself never moves.
    """
    if kind not in APPEAL_PERIOD_DAYS:
        return None
    start = published.date() if isinstance(published, datetime) else published
    received = start + timedelta(days=DEEMED_RECEIPT_DAYS[Delivery(delivery)])
    period = APPEAL_PERIOD_DAYS[AppealKind(kind)]
    last = next_working_day(received + timedelta(days=period))
    return AppealDates(published=start, deemed_received=received, last_day=last, period_days=period)


# --- Personal data ----------------------------------------------------------------------


def personal_data_public(*, today: date, appeal_last_day: date | None) -> bool:
    """Whether tagged personal data in published minutes may still be shown to the public.

    HVAL (as KuntaL 140 § 3 mom.): personal data in minutes and officials' decisions kept
    in the public network is removed when the period for rectification or appeal ends.
    Decisions without an appeal period keep personal data off the public web from the
    start. The internal record is never changed.
    """
    if appeal_last_day is None:
        return False
    return today <= appeal_last_day


# --- What a body of a kind may or must do ----------------------------------------------


class Record(StrEnum):
    """What a body's meeting produces."""

    MINUTES = "minutes"  # pöytäkirja: checked, published, carries the appeal instructions
    MEMO = "memo"  # muistio: the secretary's record of a discussion; nothing to appeal


class QuorumRule(StrEnum):
    TWO_THIRDS = "two_thirds"  # HVAL 108 § 1 mom.: the regional council
    MORE_THAN_HALF = "more_than_half"  # HVAL 108 § 2 mom.: every other body of the county
    NONE = "none"  # a forum or working group, unless its own rules set a quorum


@dataclass(frozen=True)
class BodyRules:
    """What a body may or must do, asked of the body (`Body.rules`), never of its kind.

    Pages, documents and services ask these properties instead of branching on the kind,
    so a new kind of body is one more row in KIND_RULES and no new branches.
    """

    record: Record
    # Decisions open to a request for rectification or an appeal: the appeal clock, the
    # appeal instructions and an extract per item for the parties.
    appealable: bool
    quorum: QuorumRule
    # Members are elected or appointed for a term (valtuustokausi); otherwise a membership
    # may have no term (a forum's members, the 2021 working groups).
    elected: bool
    # Members sit on behalf of an organisation (a municipality, an association) rather
    # than holding a seat of their own.
    members_represent_organisations: bool = False

    @property
    def writes_memo(self) -> bool:
        return self.record == Record.MEMO

    @property
    def record_checked_by_members(self) -> bool:
        """Minutes are checked by two members before they go online (HVAL, as KuntaL 140 §);
        a memo is the secretary's record and needs no checkers."""
        return self.record == Record.MINUTES

    def quorum_needed(self, seats: int) -> int:
        """Members present needed to proceed; 0 when no quorum is set."""
        if self.quorum == QuorumRule.NONE:
            return 0
        return quorum_needed(seats=seats, is_council=self.quorum == QuorumRule.TWO_THIRDS)

    def has_quorum(self, *, seats: int, present: int) -> bool:
        return present >= self.quorum_needed(seats)


_STATUTORY = BodyRules(
    record=Record.MINUTES, appealable=True, quorum=QuorumRule.MORE_THAN_HALF, elected=True
)

# By BodyKind value. Advisory councils (HVAL 32–33 §) keep minutes but decide nothing that
# could be appealed; forums and working groups write memos and set their own quorum.
KIND_RULES: dict[str, BodyRules] = {
    "council": BodyRules(
        record=Record.MINUTES, appealable=True, quorum=QuorumRule.TWO_THIRDS, elected=True
    ),
    "executive_board": _STATUTORY,
    "division": _STATUTORY,
    "committee": _STATUTORY,
    "election_board": _STATUTORY,
    "advisory_council": BodyRules(
        record=Record.MINUTES,
        appealable=False,
        quorum=QuorumRule.MORE_THAN_HALF,
        elected=True,
    ),
    "working_group": BodyRules(
        record=Record.MEMO,
        appealable=False,
        quorum=QuorumRule.NONE,
        elected=False,
        members_represent_organisations=True,
    ),
    "forum": BodyRules(
        record=Record.MEMO,
        appealable=False,
        quorum=QuorumRule.NONE,
        elected=False,
        members_represent_organisations=True,
    ),
}


def body_rules(*, kind: str, appeal_open: bool = True, quorum: str = "") -> BodyRules:
    """The rules of a body of `kind`, with the body's own settings applied.

    `appeal_open=False` closes appeal for a body whose kind is otherwise appealable (the
    body decides nothing that could be challenged); it never opens appeal for a kind that
    has none. `quorum` is the body's own rule and counts only where the law sets none
    (a forum whose rules require more than half of its members, say): the quorums of
    HVAL 108 § cannot be lowered by a body's settings.
    """
    rules = KIND_RULES[kind]
    if not appeal_open and rules.appealable:
        rules = replace(rules, appealable=False)
    if quorum and rules.quorum == QuorumRule.NONE:
        rules = replace(rules, quorum=QuorumRule(quorum))
    return rules
