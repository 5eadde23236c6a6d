"""Constraints the database enforces, whatever path the data takes."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from councils.models import Case, Membership, MembershipRole, Minutes, Proposal, parse_diary_number
from portal.lib.sanitize import clean_html, redact_personal_data
from tests.factories import (
    AgendaItemFactory,
    BallotFactory,
    HandlingFactory,
    MeetingFactory,
    MembershipFactory,
    PersonFactory,
    VoteFactory,
)

pytestmark = pytest.mark.django_db


def _refused(create) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


def test_two_items_of_a_meeting_cannot_share_a_section():
    item = AgendaItemFactory(section=5)
    _refused(lambda: AgendaItemFactory(meeting=item.meeting, section=5))


def test_a_confidential_item_needs_a_secrecy_basis_in_the_database():
    _refused(lambda: AgendaItemFactory(is_public=False, secrecy_basis=""))


def test_a_hand_set_appeal_date_needs_a_reason():
    _refused(
        lambda: AgendaItemFactory(
            appeal_last_day_override=date(2026, 1, 1), appeal_override_reason=""
        )
    )


def test_a_meeting_number_is_unique_per_body_and_year():
    meeting = MeetingFactory(number=3, year=2026)
    _refused(lambda: MeetingFactory(body=meeting.body, number=3, year=2026))


def test_a_membership_cannot_end_before_it_starts():
    _refused(lambda: MembershipFactory(start=date(2026, 1, 1), end=date(2025, 1, 1)))


def test_only_a_deputy_has_a_principal():
    principal = PersonFactory()
    _refused(lambda: MembershipFactory(role=MembershipRole.MEMBER, deputy_of=principal))
    assert MembershipFactory(role=MembershipRole.DEPUTY, deputy_of=principal).pk


def test_the_two_checkers_must_be_different_people():
    meeting = MeetingFactory()
    checker = PersonFactory()
    _refused(lambda: Minutes.objects.create(meeting=meeting, checker_1=checker, checker_2=checker))


def test_a_counter_proposal_has_a_proposer_who_does_not_second_it():
    handling = HandlingFactory()
    _refused(lambda: Proposal.objects.create(handling=handling, kind="counter", text="x"))
    person = PersonFactory()
    _refused(
        lambda: Proposal.objects.create(
            handling=handling, kind="counter", text="x", proposer=person, seconder=person
        )
    )


def test_a_member_casts_one_ballot_per_vote():
    ballot = BallotFactory()
    _refused(lambda: BallotFactory(vote=ballot.vote, person=ballot.person))


def test_a_vote_puts_two_different_proposals_against_each_other():
    vote = VoteFactory()
    _refused(
        lambda: VoteFactory(
            handling=vote.handling, yes_proposal=vote.yes_proposal, no_proposal=vote.yes_proposal
        )
    )


def test_diary_numbers_are_parsed_and_unique_per_year():
    case = Case.objects.create(diary_number="123/00.01.02/2025", title="Strategia")
    assert (case.number, case.task_class, case.year) == (123, "00.01.02", 2025)
    _refused(lambda: Case.objects.create(diary_number="123/02.02.00/2025", title="Toinen"))


@pytest.mark.parametrize("bad", ["123", "abc/00.01/2025", "1/0.1/2025", "1/00.01.02/25", ""])
def test_a_malformed_diary_number_is_refused_with_a_message(bad):
    with pytest.raises(ValidationError, match=r"123/00\.01\.02/2025"):
        parse_diary_number(bad)


def test_rich_text_is_sanitised_on_save():
    item = AgendaItemFactory(
        body='<p onclick="x()">Teksti<script>alert(1)</script><a href="javascript:alert(1)">linkki</a></p>'
    )
    item.refresh_from_db()
    assert "script" not in item.body
    assert "onclick" not in item.body
    assert "javascript:" not in item.body
    assert "Teksti" in item.body


def test_personal_data_spans_survive_sanitising_and_can_be_redacted():
    cleaned = clean_html('<p>Hakija <span data-personal="">Maija <b>M.</b></span>, Lahti</p>')
    assert "data-personal" in cleaned
    redacted = redact_personal_data(cleaned)
    assert "Maija" not in redacted
    assert "[henkilötieto poistettu]" in redacted
    assert redacted.endswith(", Lahti</p>")


def test_current_memberships_exclude_ended_ones():
    ended = MembershipFactory(start=date(2022, 3, 1), end=date(2025, 5, 31))
    current = MembershipFactory(start=date(2025, 6, 1))
    found = set(Membership.objects.current(date(2026, 1, 1)))
    assert current in found
    assert ended not in found
