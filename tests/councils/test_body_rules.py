"""What a body of a kind may or must do (councils/rules.py), asked of the body."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from councils.models import BodyKind
from councils.rules import KIND_RULES, QuorumRule, Record, body_rules
from tests.factories import BodyFactory, MembershipFactory


def test_every_kind_of_body_has_its_rules():
    assert set(KIND_RULES) == set(BodyKind.values)


@pytest.mark.parametrize(
    ("kind", "seats", "needed"),
    [
        (BodyKind.COUNCIL, 69, 46),  # HVAL 108 § 1: at least two thirds
        (BodyKind.EXECUTIVE_BOARD, 13, 7),  # HVAL 108 § 2: more than half
        (BodyKind.COMMITTEE, 10, 6),
        (BodyKind.ADVISORY_COUNCIL, 11, 6),
        (BodyKind.FORUM, 14, 0),  # a forum proceeds with whoever came
        (BodyKind.WORKING_GROUP, 8, 0),
    ],
)
def test_the_quorum_follows_the_kind(kind, seats, needed):
    rules = body_rules(kind=kind)
    assert rules.quorum_needed(seats) == needed
    assert rules.has_quorum(seats=seats, present=needed)
    if needed:
        assert not rules.has_quorum(seats=seats, present=needed - 1)


def test_a_forum_whose_rules_set_a_quorum_needs_it():
    rules = body_rules(kind=BodyKind.FORUM, quorum=QuorumRule.MORE_THAN_HALF)
    assert rules.quorum_needed(14) == 8
    assert not rules.has_quorum(seats=14, present=7)


def test_a_bodys_own_setting_never_changes_the_quorum_the_law_sets():
    committee = body_rules(kind=BodyKind.COMMITTEE, quorum=QuorumRule.TWO_THIRDS)
    assert committee.quorum_needed(9) == 5


@pytest.mark.parametrize(
    ("kind", "record", "appealable", "checked", "elected"),
    [
        (BodyKind.COUNCIL, Record.MINUTES, True, True, True),
        (BodyKind.COMMITTEE, Record.MINUTES, True, True, True),
        (BodyKind.ADVISORY_COUNCIL, Record.MINUTES, False, True, True),
        (BodyKind.FORUM, Record.MEMO, False, False, False),
        (BodyKind.WORKING_GROUP, Record.MEMO, False, False, False),
    ],
)
def test_minutes_or_a_memo_appeal_and_terms_follow_the_kind(
    kind, record, appealable, checked, elected
):
    rules = body_rules(kind=kind)
    assert rules.record == record
    assert rules.writes_memo == (record == Record.MEMO)
    assert rules.appealable is appealable
    assert rules.record_checked_by_members is checked
    assert rules.elected is elected


def test_closing_appeal_on_a_body_works_but_opening_it_on_a_forum_does_not():
    assert not body_rules(kind=BodyKind.COMMITTEE, appeal_open=False).appealable
    assert not body_rules(kind=BodyKind.FORUM, appeal_open=True).appealable


@pytest.mark.django_db
def test_a_body_answers_for_itself():
    forum = BodyFactory(kind=BodyKind.FORUM, seats=14)
    committee = BodyFactory(kind=BodyKind.COMMITTEE, seats=13)
    assert forum.rules.writes_memo and forum.quorum == 0 and str(forum.record_name) == "muistio"
    assert committee.rules.appealable and committee.quorum == 7
    assert str(committee.record_name) == "pöytäkirja"


@pytest.mark.django_db
def test_only_a_body_that_is_not_elected_takes_a_membership_without_a_term():
    forum_member = MembershipFactory(body=BodyFactory(kind=BodyKind.FORUM), term=None)
    forum_member.full_clean()
    committee_member = MembershipFactory(body=BodyFactory(kind=BodyKind.COMMITTEE))
    committee_member.term = None
    with pytest.raises(ValidationError) as error:
        committee_member.full_clean()
    assert "term" in error.value.message_dict
