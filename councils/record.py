"""What the minutes say of one item's handling: one function, and every output renders it.

The public decision page, the checkers' review and every PDF (minutes, extract) show an
item's handling from the HandlingRecord built by `record_for`, so they cannot say
different things: the proposals with their seconders, how each seconded
counter-proposal was settled (put to the vote, withdrawn or adopted unanimously), the
votes with their results, which proposal won, the outcome and the decision's text, the
elections, disqualifications and dissents. The record also names what in it breaks the
rules (rules.counter_proposals_unsettled, rules.decision_follows_winner); the services
refuse to draft, check or publish minutes that carry such a problem.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, Model, OuterRef, Prefetch, QuerySet
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from councils import rules
from councils.models import (
    AgendaItem,
    Ballot,
    CounterResolution,
    Disqualification,
    Dissent,
    Election,
    ElectionCandidate,
    Handling,
    Outcome,
    Proposal,
    ProposalKind,
    Vote,
)
from portal.lib.precompiled import Shapes, listed_by, prefetched
from portal.lib.sanitize import clean_html, redact_personal_data
from portal.lib.textdiff import html_to_text

# What a proposal's line says of it.
PRESENTER = "presenter"
LAPSED = "lapsed"
WITHDRAWN = "withdrawn"
ADOPTED = "adopted"
VOTED = "voted"
UNSETTLED = "unsettled"


@dataclass(frozen=True)
class _RowList:
    """A list of each row's own (a vote's ballots): its related name, the model, the
    foreign key to the row and what is read with each."""

    related: str
    model: type[Model]
    parent: str
    joined: tuple[str, ...]


@dataclass(frozen=True)
class _RecordList:
    """One list `record_for` reads: the annotation that says whether it has any row
    (`record_presence`), its holder ("handling", or "" for the item), its related name,
    the model, what is read with each row and the rows' own list."""

    flag: str
    owner: str
    related: str
    model: type[Model]
    joined: tuple[str, ...] = ()
    own: _RowList | None = None

    def queryset(self) -> QuerySet[Any]:
        rows = _joined(self.model, self.joined)
        if self.own:
            own = _joined(self.own.model, self.own.joined)
            rows = rows.prefetch_related(Prefetch(self.own.related, queryset=own))
        return rows


def _joined(model: type[Model], joined: tuple[str, ...]) -> QuerySet[Any]:
    rows = model._default_manager.all()
    # select_related() of nothing would follow every relation.
    return rows.select_related(*joined) if joined else rows


_RECORD_LISTS = (
    _RecordList("has_proposals", "handling", "proposals", Proposal, ("proposer", "seconder")),
    _RecordList(
        "has_votes", "handling", "votes", Vote, own=_RowList("ballots", Ballot, "vote", ("person",))
    ),
    _RecordList(
        "has_elections",
        "handling",
        "elections",
        Election,
        own=_RowList("candidates", ElectionCandidate, "election", ("person",)),
    ),
    _RecordList("has_dissents", "handling", "dissents", Dissent, ("person",)),
    _RecordList("has_disqualifications", "", "disqualifications", Disqualification, ("person",)),
)


def record_prefetches(prefix: str = "") -> list[Prefetch]:
    """The relations `record_for` reads, to prefetch on items (or on `prefix` + items)."""
    return [
        Prefetch(
            f"{prefix}{lst.owner}__{lst.related}" if lst.owner else f"{prefix}{lst.related}",
            queryset=lst.queryset(),
        )
        for lst in _RECORD_LISTS
    ]


@dataclass(frozen=True)
class ProposalLine:
    proposal: Proposal
    label: str
    status: str
    status_label: str
    won: bool = False

    @property
    def is_counter(self) -> bool:
        return self.proposal.kind == ProposalKind.COUNTER


@dataclass(frozen=True)
class VoteLine:
    vote: Vote
    number: int
    method_label: str
    yes: ProposalLine
    no: ProposalLine
    result: rules.VoteResult | None
    winner: ProposalLine | None
    ballots: list[Ballot]


@dataclass(frozen=True)
class HandlingRecord:
    item: AgendaItem
    handling: Handling
    outcome: str
    outcome_label: str
    how_decided: str
    decision_html: SafeString
    notes_html: SafeString
    proposals: list[ProposalLine]
    votes: list[VoteLine]
    elections: list[Election]
    disqualifications: list[Disqualification]
    dissents: list[Dissent]
    winner: ProposalLine | None
    problems: list[str]
    take_up_label: str = ""

    @property
    def counter_won(self) -> bool:
        return self.winner is not None and self.winner.is_counter

    @property
    def has_handling_details(self) -> bool:
        return bool(
            self.notes_html
            or self.proposals
            or self.votes
            or self.elections
            or self.disqualifications
            or self.dissents
        )


def _plain(html: str) -> str:
    return re.sub(r"\s+", " ", html_to_text(html or "")).strip()


def _rich(value: str, *, redact: bool) -> SafeString:
    cleaned = clean_html(value)
    if redact:
        cleaned = redact_personal_data(cleaned)
    return mark_safe(cleaned)  # noqa: S308 - sanitised by nh3 just above


def _status(proposal: Proposal, voted: set[int]) -> tuple[str, str]:
    if proposal.kind == ProposalKind.PRESENTER:
        return PRESENTER, ""
    if proposal.seconder_id is None:
        return LAPSED, _("no seconder, so the proposal lapsed")
    if proposal.resolution == CounterResolution.WITHDRAWN:
        return WITHDRAWN, str(CounterResolution.WITHDRAWN.label)
    if proposal.resolution == CounterResolution.ADOPTED:
        return ADOPTED, str(CounterResolution.ADOPTED.label)
    if proposal.pk in voted:
        return VOTED, _("put to the vote")
    return UNSETTLED, _("not yet put to the vote, withdrawn or adopted")


def winning_proposal(proposals: Iterable[Proposal], votes: Iterable[Vote]) -> Proposal | None:
    """The proposal that became the decision when proposals competed (None if none did).

    A counter-proposal adopted unanimously is the decision; otherwise the last vote's
    winner; otherwise the presenter's proposal, the only one left standing.
    """
    proposals = list(proposals)
    if not any(p.kind == ProposalKind.COUNTER for p in proposals):
        return None
    by_id = {p.pk: p for p in proposals}
    adopted = [p for p in proposals if p.resolution == CounterResolution.ADOPTED]
    if adopted:
        return adopted[-1]
    for vote in sorted(votes, key=lambda v: v.order, reverse=True):
        if vote.result is not None:
            side = (
                vote.yes_proposal_id
                if vote.result.winner == rules.Side.YES
                else vote.no_proposal_id
            )
            return by_id.get(side)
    return next((p for p in proposals if p.kind == ProposalKind.PRESENTER), None)


def decision_is_presenters(handling: Handling, proposals: Iterable[Proposal]) -> bool:
    """Whether the decision's text reads as the presenter's proposal."""
    decision = _plain(handling.decision)
    if not decision:
        return False
    presenter_texts = {_plain(handling.item.proposal)} | {
        _plain(p.text) for p in proposals if p.kind == ProposalKind.PRESENTER
    }
    return decision in presenter_texts


def record_for(item: AgendaItem, *, redact: bool = False) -> HandlingRecord | None:
    """What the minutes say of the item's handling; None before it is recorded.

    `redact` hides tagged personal data in the decision and the notes (a public page
    after the appeal period, a redacted PDF). Reads the relations of record_prefetches.
    """
    handling: Handling | None = getattr(item, "handling", None)
    if handling is None:
        return None
    proposals = list(handling.proposals.all())
    votes = sorted(handling.votes.all(), key=lambda v: v.order)
    voted = {v.no_proposal_id for v in votes} | {v.yes_proposal_id for v in votes}
    winner = winning_proposal(proposals, votes)
    lines: dict[int, ProposalLine] = {}
    for proposal in proposals:
        status, status_label = _status(proposal, voted)
        lines[proposal.pk] = ProposalLine(
            proposal=proposal,
            label=proposal.label,
            status=status,
            status_label=status_label,
            won=winner is not None and proposal.pk == winner.pk,
        )
    vote_lines = []
    for number, vote in enumerate(votes, start=1):
        result = vote.result
        winning_id = None
        if result is not None:
            winning_id = (
                vote.yes_proposal_id if result.winner == rules.Side.YES else vote.no_proposal_id
            )
        vote_lines.append(
            VoteLine(
                vote=vote,
                number=number,
                method_label=vote.get_method_display(),
                yes=lines[vote.yes_proposal_id],
                no=lines[vote.no_proposal_id],
                result=result,
                winner=lines.get(winning_id) if winning_id else None,
                ballots=list(vote.ballots.all()),
            )
        )
    winner_line = lines.get(winner.pk) if winner else None
    return HandlingRecord(
        item=item,
        handling=handling,
        outcome=handling.outcome,
        outcome_label=handling.get_outcome_display(),
        how_decided=_how_decided(winner_line, bool(vote_lines)),
        decision_html=_rich(handling.decision, redact=redact),
        notes_html=_rich(handling.notes, redact=redact),
        proposals=list(lines.values()) if winner is not None else [],
        votes=vote_lines,
        elections=list(handling.elections.all()),
        disqualifications=list(item.disqualifications.all()),
        dissents=list(handling.dissents.all()),
        winner=winner_line,
        problems=_problems(item, handling, list(lines.values()), winner_line),
        take_up_label=_take_up_label(item),
    )


def _take_up_label(item: AgendaItem) -> str:
    if item.supplementary_at is None:
        return ""
    if item.take_up:
        return _("On the supplementary agenda: %(decision)s.") % {
            "decision": item.get_take_up_display()
        }
    if item.supplementary_on_time():
        return _("On the supplementary agenda, sent within the notice period.")
    return _("On the supplementary agenda.")


def _how_decided(winner: ProposalLine | None, voted: bool) -> str:
    if winner is None:
        return ""
    name = winner.label[:1].upper() + winner.label[1:]
    if winner.status == ADOPTED:
        return _("%(proposal)s was adopted unanimously, and it is the decision.") % {
            "proposal": name
        }
    if winner.is_counter:
        return _("%(proposal)s won the vote, and it is the decision.") % {"proposal": name}
    if voted:
        return _("The presenter's proposal won the vote.")
    return _("The presenter's proposal was the only one left standing.")


def _problems(
    item: AgendaItem,
    handling: Handling,
    lines: list[ProposalLine],
    winner: ProposalLine | None,
) -> list[str]:
    problems = []
    if handling.outcome != Outcome.REMOVED:
        problem = supplementary_problem(item)
        if problem is not None:
            problems.append(supplementary_problem_message(item, problem))
    states = [
        rules.CounterProposalState(
            key=line,
            seconded=line.proposal.seconder_id is not None,
            withdrawn=line.status == WITHDRAWN,
            adopted_unanimously=line.status == ADOPTED,
            voted=line.status == VOTED,
        )
        for line in lines
        if line.is_counter
    ]
    for line in rules.counter_proposals_unsettled(states):
        assert isinstance(line, ProposalLine)
        problems.append(
            _(
                "§ %(section)s: %(proposal)s was seconded, so it goes to the vote unless its "
                "proposer withdraws it or the body adopts it unanimously; record which "
                "(a seconded counter-proposal goes to the vote)."
            )
            % {"section": item.section, "proposal": line.label}
        )
    if not rules.decision_follows_winner(
        counter_won=winner is not None and winner.is_counter,
        decided_as_proposed=handling.outcome == Outcome.AS_PROPOSED,
        decision_is_presenters=decision_is_presenters(handling, [ln.proposal for ln in lines]),
    ):
        assert winner is not None
        problems.append(
            _(
                "§ %(section)s: %(proposal)s won, so the body did not decide as proposed: "
                "record the outcome it decided, with the winning proposal as the decision's text."
            )
            % {"section": item.section, "proposal": winner.label}
        )
    return problems


def supplementary_problem(item: AgendaItem) -> str | None:
    """Why a supplementary item may not be decided yet (rules.supplementary_item_problem)."""
    if item.supplementary_at is None:
        return None
    return rules.supplementary_item_problem(
        on_time=item.supplementary_on_time(),
        take_up=item.take_up,
        is_council=item.meeting.body.is_council,
        prepared=bool(_plain(item.proposal)),
    )


def supplementary_problem_message(item: AgendaItem, problem: str) -> str:
    if problem == "needs_unanimity":
        return _(
            "§ %(section)s was not prepared, so the council takes it up only by a unanimous "
            "decision (Act on Wellbeing Services Counties, as the Local Government Act 95 §)."
        ) % {"section": item.section}
    if problem == "declined":
        return _(
            "§ %(section)s: the body did not take the matter up, so it is recorded as removed "
            "from the agenda."
        ) % {"section": item.section}
    return _(
        "§ %(section)s was added to the supplementary agenda after the notice period, so it is "
        "decided only if the body takes it up: record whether the body declared the matter "
        "urgent (Act on Wellbeing Services Counties, as the Local Government Act 95 §, and the "
        "county's administrative rules)."
    ) % {"section": item.section}


def record_presence() -> dict[str, Exists]:
    """Annotations for an AgendaItem query: which of the record's lists have any row.

    Most decisions have no vote, election, dissent or disqualification: one query (these
    subqueries ride on the item's own) spares a query for each empty list.
    """
    presence: dict[str, Exists] = {}
    for lst in _RECORD_LISTS:
        path = "handling__item" if lst.owner else "item"
        presence[lst.flag] = Exists(lst.model._default_manager.filter(**{path: OuterRef("pk")}))
    return presence


def _one_item(lst: _RecordList) -> tuple[Shapes[Any], Shapes[Any] | None]:
    """A list's rows for one holder, and their own rows by the same holder's key, as
    `lst.queryset()` reads them, each with its SQL built once per process."""
    key = f"{lst.owner or 'item'}_id"
    rows = listed_by(lst.model, key, *lst.joined)
    if lst.own is None:
        return rows, None
    return rows, listed_by(lst.own.model, f"{lst.own.parent}__{key}", *lst.own.joined)


_ONE_ITEM = {lst.related: _one_item(lst) for lst in _RECORD_LISTS}


def record_prefetch(item: AgendaItem) -> None:
    """Prefetch what `record_for` reads, as record_prefetches() would; a list
    `record_presence` found empty is not asked."""
    for lst in _RECORD_LISTS:
        holder = item.handling if lst.owner else item
        listed, own_listed = _ONE_ITEM[lst.related]
        rows = listed.rows((), holder.pk) if getattr(item, lst.flag, True) else []
        if lst.own and own_listed and rows:
            by_row: dict[int, list[Any]] = defaultdict(list)
            for own_row in own_listed.rows((), holder.pk):
                by_row[getattr(own_row, f"{lst.own.parent}_id")].append(own_row)
            for row in rows:
                prefetched(row, lst.own.related, by_row[row.pk])
        prefetched(holder, lst.related, rows)
