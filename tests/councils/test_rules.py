"""The legal rules on their edges (councils/rules.py)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from councils.rules import (
    ProposalInput,
    Side,
    appeal_dates,
    confidential_item_problems,
    election_tie_needs_lot,
    has_quorum,
    is_procedural_title,
    is_working_day,
    notice_in_time,
    notice_last_day,
    personal_data_public,
    proposals_to_vote,
    quorum_needed,
    vote_needed,
    vote_result,
)

# --- quorum ---


@pytest.mark.parametrize(
    ("seats", "is_council", "needed"),
    [
        (69, True, 46),  # two thirds of 69 is exactly 46
        (70, True, 47),  # 46.67 rounds up
        (3, True, 2),
        (13, False, 7),  # more than half of 13
        (12, False, 7),  # exactly half (6) is not more than half
        (1, False, 1),
        (2, False, 2),
    ],
)
def test_quorum_needed(seats, is_council, needed):
    assert quorum_needed(seats=seats, is_council=is_council) == needed


def test_the_council_is_quorate_at_two_thirds_and_not_one_below():
    assert has_quorum(seats=69, is_council=True, present=46)
    assert not has_quorum(seats=69, is_council=True, present=45)


def test_a_board_needs_more_than_half():
    assert has_quorum(seats=12, is_council=False, present=7)
    assert not has_quorum(seats=12, is_council=False, present=6)


def test_a_body_without_seats_is_an_error():
    with pytest.raises(ValueError, match="at least one seat"):
        quorum_needed(seats=0, is_council=False)


# --- proposals and votes ---


def test_an_unseconded_counter_proposal_lapses():
    presenter = ProposalInput("p", is_presenter=True, seconded=False)
    lapsed = ProposalInput("c1", is_presenter=False, seconded=False)
    seconded = ProposalInput("c2", is_presenter=False, seconded=True)
    assert proposals_to_vote([presenter, lapsed, seconded]) == [presenter, seconded]
    assert vote_needed([presenter, seconded])
    assert not vote_needed([presenter, lapsed])


def test_the_presenters_proposal_needs_no_seconder():
    presenter = ProposalInput("p", is_presenter=True, seconded=False)
    assert proposals_to_vote([presenter]) == [presenter]


def test_the_side_with_more_votes_wins():
    result = vote_result(["yes"] * 7 + ["no"] * 5 + ["blank", "absent"], chair_choice="no")
    assert (result.yes, result.no, result.blank, result.absent) == (7, 5, 1, 1)
    assert result.winner == Side.YES
    assert not result.decided_by_chair


def test_a_tie_goes_to_the_chairs_side():
    result = vote_result(["yes"] * 6 + ["no"] * 6 + ["blank"], chair_choice="no")
    assert result.winner == Side.NO
    assert result.decided_by_chair


def test_a_tie_with_every_ballot_blank_is_still_the_chairs():
    result = vote_result(["blank"] * 5, chair_choice="yes")
    assert result.winner == Side.YES
    assert result.decided_by_chair


def test_a_tie_cannot_be_decided_by_a_chair_who_voted_blank():
    with pytest.raises(ValueError, match="chair's vote"):
        vote_result(["yes", "no", "blank"], chair_choice="blank")


def test_an_unknown_ballot_is_refused():
    with pytest.raises(ValueError, match="unknown ballot"):
        vote_result(["yes", "maybe"], chair_choice="yes")


@pytest.mark.parametrize(
    ("votes", "seats", "lot"),
    [
        ([5, 5, 3], 1, True),
        ([5, 4], 1, False),
        ([5, 3, 3], 2, True),
        ([5, 3, 3], 1, False),
        ([3], 1, False),
        ([4, 4], 2, False),  # both elected, nothing to draw
    ],
)
def test_an_election_tie_at_the_last_seat_is_drawn_by_lot(votes, seats, lot):
    assert election_tie_needs_lot(votes, seats=seats) is lot


# --- confidential items ---


@pytest.mark.parametrize(
    "title",
    ["Ei julkinen", "ei julkinen.", "SALAINEN", "Salassa pidettävä", "Sekretessbelagd", " "],
)
def test_a_bare_secret_title_is_refused(title):
    assert "bare_title" in confidential_item_problems(
        title=title, secrecy_basis="JulkL 24.1 § 25 k"
    )


def test_a_descriptive_title_with_a_basis_is_accepted():
    assert (
        confidential_item_problems(
            title="Asiakasmaksun perimättä jättäminen (yksilöasia)",
            secrecy_basis="JulkL 24.1 § 25 k",
        )
        == []
    )


def test_a_confidential_item_needs_its_legal_basis():
    assert confidential_item_problems(title="Virkasuhteen päättäminen", secrecy_basis="") == [
        "missing_basis"
    ]


# --- notice ---


def test_the_notice_is_in_time_on_the_last_day_and_late_one_day_after():
    meeting = date(2026, 6, 10)
    assert notice_last_day(meeting_day=meeting, notice_days=4) == date(2026, 6, 6)
    assert notice_in_time(published_on=date(2026, 6, 6), meeting_day=meeting, notice_days=4)
    assert not notice_in_time(published_on=date(2026, 6, 7), meeting_day=meeting, notice_days=4)


# --- the appeal clock ---


def test_rectification_is_14_days_from_the_day_after_deemed_receipt():
    dates = appeal_dates(published=date(2026, 9, 1), kind="rectification")
    assert dates is not None
    assert dates.deemed_received == date(2026, 9, 8)
    assert dates.last_day == date(2026, 9, 22)
    assert dates.period_days == 14


def test_a_regional_appeal_is_30_days():
    dates = appeal_dates(published=date(2026, 9, 1), kind="regional_appeal")
    assert dates is not None
    assert dates.last_day == date(2026, 10, 8)


def test_a_last_day_on_good_friday_moves_past_easter_monday():
    # Received Fri 20.3.2026; 14 days later is Good Friday 3.4; Easter Monday is 6.4.
    dates = appeal_dates(published=date(2026, 3, 13), kind="rectification")
    assert dates is not None
    assert dates.deemed_received == date(2026, 3, 20)
    assert dates.last_day == date(2026, 4, 7)


def test_a_last_day_on_midsummer_eve_moves_to_monday():
    dates = appeal_dates(published=date(2026, 5, 29), kind="rectification")
    assert dates is not None
    assert dates.last_day == date(2026, 6, 22)


def test_a_last_day_on_christmas_eve_moves_past_boxing_day_and_the_weekend():
    dates = appeal_dates(published=date(2025, 12, 3), kind="rectification")
    assert dates is not None
    assert dates.last_day == date(2025, 12, 29)


def test_a_last_day_on_new_years_day_moves_to_the_next_monday():
    dates = appeal_dates(published=date(2026, 11, 25), kind="regional_appeal")
    assert dates is not None
    assert dates.deemed_received == date(2026, 12, 2)
    assert dates.last_day == date(2027, 1, 4)


def test_a_last_day_on_may_day_moves_to_the_next_working_day():
    # 1.5.2026 is a Friday.
    dates = appeal_dates(published=date(2026, 4, 10), kind="rectification")
    assert dates is not None
    assert dates.last_day == date(2026, 5, 4)


def test_the_day_of_receipt_does_not_move_even_on_a_holiday():
    # Online 18.12.2025 -> deemed received on Christmas Day 25.12.2025, unchanged.
    dates = appeal_dates(published=date(2025, 12, 18), kind="rectification")
    assert dates is not None
    assert dates.deemed_received == date(2025, 12, 25)
    assert dates.last_day == date(2026, 1, 8)


def test_a_letter_is_received_on_the_seventh_day_and_an_email_on_the_third():
    letter = appeal_dates(published=date(2026, 6, 1), kind="rectification", delivery="letter")
    email = appeal_dates(published=date(2026, 6, 1), kind="rectification", delivery="email")
    assert letter is not None and email is not None
    assert letter.deemed_received == date(2026, 6, 8)
    assert letter.last_day == date(2026, 6, 22)
    assert email.deemed_received == date(2026, 6, 4)
    assert email.last_day == date(2026, 6, 18)


def test_a_datetime_counts_from_its_calendar_day():
    published = datetime(2026, 9, 1, 23, 30, tzinfo=ZoneInfo("Europe/Helsinki"))
    dates = appeal_dates(published=published, kind="rectification")
    assert dates is not None
    assert dates.published == date(2026, 9, 1)


@pytest.mark.parametrize("kind", ["none", "special"])
def test_decisions_without_an_appeal_period_have_no_clock(kind):
    assert appeal_dates(published=date(2026, 9, 1), kind=kind) is None


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 5, 1), False),  # vappu
        (date(2026, 6, 19), False),  # juhannusaatto
        (date(2026, 12, 24), False),  # jouluaatto
        (date(2026, 12, 6), False),  # itsenäisyyspäivä (a Sunday too)
        (date(2026, 1, 6), False),  # loppiainen
        (date(2026, 6, 18), True),
        (date(2026, 11, 21), False),  # a plain Saturday
    ],
)
def test_working_days(day, working):
    assert is_working_day(day) is working


# --- personal data ---


def test_personal_data_is_public_until_the_last_day_of_appeal():
    last = date(2026, 9, 22)
    assert personal_data_public(today=date(2026, 9, 22), appeal_last_day=last)
    assert not personal_data_public(today=date(2026, 9, 23), appeal_last_day=last)


def test_personal_data_in_decisions_without_appeal_is_never_public():
    assert not personal_data_public(today=date(2026, 9, 1), appeal_last_day=None)


# --- recording ---


def test_recording_opens_at_the_start_and_not_a_minute_before():
    from councils.rules import recording_open

    start = datetime(2026, 3, 3, 14, 0, tzinfo=ZoneInfo("Europe/Helsinki"))
    assert recording_open(start=start, now=start)
    assert not recording_open(start=start, now=datetime(2026, 3, 3, 13, 59, tzinfo=start.tzinfo))
    assert recording_open(start=start, now=datetime(2026, 3, 4, 9, 0, tzinfo=start.tzinfo))


# --- counter-proposals: voted, withdrawn or adopted ---


def test_a_seconded_counter_proposal_is_unsettled_until_voted_withdrawn_or_adopted():
    from councils.rules import CounterProposalState, counter_proposals_unsettled

    states = [
        CounterProposalState("lapsed", seconded=False),
        CounterProposalState("open", seconded=True),
        CounterProposalState("voted", seconded=True, voted=True),
        CounterProposalState("withdrawn", seconded=True, withdrawn=True),
        CounterProposalState("adopted", seconded=True, adopted_unanimously=True),
    ]
    assert counter_proposals_unsettled(states) == ["open"]


@pytest.mark.parametrize(
    ("counter_won", "as_proposed", "presenters_text", "follows"),
    [
        (False, True, True, True),  # the presenter's proposal won: as proposed is right
        (True, True, False, False),  # a counter-proposal won: not "as proposed"
        (True, False, True, False),  # ...nor the presenter's text
        (True, False, False, True),  # amended, with the counter-proposal's text
    ],
)
def test_the_decision_follows_the_winning_proposal(
    counter_won, as_proposed, presenters_text, follows
):
    from councils.rules import decision_follows_winner

    assert (
        decision_follows_winner(
            counter_won=counter_won,
            decided_as_proposed=as_proposed,
            decision_is_presenters=presenters_text,
        )
        is follows
    )


# --- moving a meeting, the supplementary agenda ---


def test_a_new_time_after_the_notice_keeps_the_notice_period_and_nothing_else_does():
    from councils.rules import move_notice_last_day

    day = date(2026, 12, 10)
    assert move_notice_last_day(
        notice_published=True, time_changed=True, meeting_day=day, notice_days=4
    ) == date(2026, 12, 6)
    assert (
        move_notice_last_day(
            notice_published=False, time_changed=True, meeting_day=day, notice_days=4
        )
        is None
    )
    assert (
        move_notice_last_day(
            notice_published=True, time_changed=False, meeting_day=day, notice_days=4
        )
        is None
    )


@pytest.mark.parametrize(
    ("on_time", "take_up", "is_council", "prepared", "problem"),
    [
        (True, "", False, True, None),  # sent within the notice period: part of the notice
        (False, "", False, True, "needs_take_up"),
        (False, "urgent", False, False, None),  # a board may take up an unprepared item
        (False, "declined", False, True, "declined"),
        (False, "urgent", True, True, None),  # the council, a prepared item: urgency
        (False, "urgent", True, False, "needs_unanimity"),  # unprepared: only unanimously
        (False, "unanimous", True, False, None),
    ],
)
def test_a_late_supplementary_item_is_decided_only_when_taken_up(
    on_time, take_up, is_council, prepared, problem
):
    from councils.rules import supplementary_item_problem

    assert (
        supplementary_item_problem(
            on_time=on_time, take_up=take_up, is_council=is_council, prepared=prepared
        )
        == problem
    )


# --- procedural items ---


@pytest.mark.parametrize(
    ("title", "procedural"),
    [
        ("Kokouksen laillisuus ja päätösvaltaisuus", True),
        ("  pöytäkirjantarkastajien   valinta. ", True),  # case, spacing and a full stop aside
        ("Ilmoitusasiat", True),
        ("Viranhaltijapäätökset ja ilmoitusasiat", True),
        ("Talousarvio 2027 ja taloussuunnitelma 2027–2029", False),
        ("Ilmoitusasiat ja talousarvion muutos", False),  # a matter hidden in a formality's words
    ],
)
def test_formalities_of_the_meeting_are_procedural_by_their_title(title, procedural):
    assert is_procedural_title(title) is procedural
