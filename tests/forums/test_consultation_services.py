"""Every state change of a consultation and its rule (forums/consultations.py)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import translation

from councils.services import RuleViolation
from forums import consultations as services
from forums import participation, rules
from forums.models import (
    Answer,
    Comment,
    CommentState,
    Consultation,
    Statement,
    StatementRevision,
    StatementState,
)
from tests import factories as f
from tests.forums.consultation_helpers import (
    LINK,
    answers_for,
    arrange,
    at,
    consultation_data,
)

pytestmark = pytest.mark.django_db
HELSINKI = ZoneInfo("Europe/Helsinki")


@pytest.fixture(autouse=True)
def _messages_in_english() -> Iterator[None]:
    """The rules' messages are matched in the code's language (the site is Finnish)."""
    with translation.override("en"):
        yield


# --- Opening and invitations ---------------------------------------------------------------------


def test_a_draft_is_not_public_and_announcing_it_sends_each_invitation_its_personal_link(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        world = arrange(published=False)
    assert not Consultation.objects.published().exists()
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        services.consultation_publish(consultation=world.consultation)
    assert Consultation.objects.published().count() == 1
    assert sorted(m.to[0] for m in mail.outbox) == [
        "yhdistys0@example.invalid",
        "yhdistys1@example.invalid",
    ]
    links = {LINK.findall(m.body)[0] for m in mail.outbox}
    assert links == {f"/kuulemiset/lausunto/{i.token}/" for i in world.invitations}
    # Announcing again sends nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        services.consultation_publish(consultation=world.consultation)
    assert len(mail.outbox) == 2


def test_an_invitation_added_to_an_announced_consultation_is_sent_at_once(
    django_capture_on_commit_callbacks,
):
    world = arrange()
    council = f.BodyFactory(kind="advisory_council", name="Vanhusneuvosto K", slug="vn-k")
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.invitation_add(
            consultation=world.consultation, body=council, email="vn@example.invalid"
        )
    assert [m.to for m in mail.outbox] == [["vn@example.invalid"]]
    assert invitation.respondent_kind == "advisory_council"
    with pytest.raises(RuleViolation, match="invited already"):
        services.invitation_add(
            consultation=world.consultation, body=council, email="vn@example.invalid"
        )


def test_the_database_refuses_a_consultation_that_closes_before_it_opens():
    world = arrange()
    with pytest.raises(IntegrityError), transaction.atomic():
        Consultation.objects.filter(pk=world.consultation.pk).update(
            closes_at=world.consultation.opens_at - timedelta(hours=1)
        )


def test_the_service_refuses_a_deadline_before_the_opening_with_the_rule_named():
    world = arrange()
    now = at()
    with pytest.raises(RuleViolation, match="close after it opens"):
        services.consultation_create(
            data=consultation_data(world.case, world.body, opens_at=now, closes_at=now)
        )


def test_the_database_keeps_one_statement_per_invitation():
    world = arrange()
    Statement.objects.create(invitation=world.invitations[0])
    with pytest.raises(IntegrityError), transaction.atomic():
        Statement.objects.create(invitation=world.invitations[0])


# --- Statements ----------------------------------------------------------------------------------


def test_a_draft_is_saved_without_being_submitted_or_public():
    world = arrange()
    statement = services.statement_save_draft(
        invitation=world.invitations[0], text="Luonnos lausunnosta", author_name="Liisa"
    )
    assert statement.state == StatementState.DRAFT
    assert statement.draft_text == "Luonnos lausunnosta"
    assert statement.text == ""
    assert not statement.revisions.exists()


def test_submitting_twice_with_the_same_content_keeps_one_version():
    world = arrange()
    answers = answers_for(world.consultation, text="Liikkuminen", choice=1, scale=4)
    for _ in range(2):
        services.statement_submit(
            invitation=world.invitations[0], text="Kannatamme.", answers=answers
        )
    statement = Statement.objects.get(invitation=world.invitations[0])
    assert statement.state == StatementState.SUBMITTED
    assert statement.revisions.count() == 1
    assert Answer.objects.filter(statement=statement).count() == 3


def test_a_revision_before_the_deadline_is_kept_beside_the_first_version():
    world = arrange()
    services.statement_submit(invitation=world.invitations[0], text="Ensimmäinen versio.")
    services.statement_submit(invitation=world.invitations[0], text="Korjattu versio.")
    statement = Statement.objects.get(invitation=world.invitations[0])
    assert statement.text == "Korjattu versio."
    assert list(statement.revisions.values_list("number", "text")) == [
        (2, "Korjattu versio."),
        (1, "Ensimmäinen versio."),
    ]


def test_after_the_deadline_neither_a_draft_nor_a_revision_is_taken():
    world = arrange()
    services.statement_submit(invitation=world.invitations[0], text="Ajoissa.")
    late = world.consultation.closes_at + timedelta(seconds=1)
    with pytest.raises(RuleViolation, match="deadline"):
        services.statement_submit(invitation=world.invitations[0], text="Myöhässä.", now=late)
    with pytest.raises(RuleViolation, match="deadline"):
        services.statement_save_draft(invitation=world.invitations[0], text="Myöhässä.", now=late)
    statement = Statement.objects.get(invitation=world.invitations[0])
    assert statement.text == "Ajoissa."
    assert statement.revisions.count() == 1


def test_the_deadline_is_the_instant_in_helsinki_time_daylight_saving_included():
    """Closing at 16.00 Helsinki summer time is 13.00 UTC: a statement at 15.59.59 local
    time is taken, one at 16.00.00 is not."""
    world = arrange()
    closes = datetime(2026, 6, 15, 16, 0, tzinfo=HELSINKI)
    Consultation.objects.filter(pk=world.consultation.pk).update(
        opens_at=closes - timedelta(days=30), closes_at=closes
    )
    assert closes.astimezone(ZoneInfo("UTC")).hour == 13
    services.statement_submit(
        invitation=world.invitations[0], text="Ajoissa.", now=closes - timedelta(seconds=1)
    )
    with pytest.raises(RuleViolation):
        services.statement_submit(invitation=world.invitations[1], text="Myöhässä.", now=closes)
    assert rules.answers_accepted(
        opens_at=closes - timedelta(days=1), closes_at=closes, now=closes - timedelta(seconds=1)
    )
    assert not rules.answers_accepted(
        opens_at=closes - timedelta(days=1), closes_at=closes, now=closes
    )


def test_nothing_is_taken_before_the_consultation_opens():
    world = arrange(opens_at=at(2), closes_at=at(10))
    with pytest.raises(RuleViolation, match="opens on"):
        services.statement_submit(invitation=world.invitations[0], text="Liian aikaisin.")


def test_an_empty_statement_is_refused():
    world = arrange()
    with pytest.raises(RuleViolation, match="Write the statement"):
        services.statement_submit(invitation=world.invitations[0], text="  ")


def test_a_choice_from_another_question_is_refused():
    world = arrange()
    choice_q, scale_q = (
        world.consultation.questions.get(kind="choice"),
        world.consultation.questions.get(kind="scale"),
    )
    other = f.CaseFactory()
    other_consultation = services.consultation_create(data=consultation_data(other, world.body))
    foreign = other_consultation.questions.get(kind="choice").choices.first()
    with pytest.raises(RuleViolation, match="given choices"):
        services.statement_submit(
            invitation=world.invitations[0], text="x", answers={choice_q.pk: foreign.pk}
        )
    with pytest.raises(RuleViolation, match="1 to 5"):
        services.statement_submit(
            invitation=world.invitations[0], text="x", answers={scale_q.pk: 6}
        )


def test_an_advisory_council_answers_with_its_own_decision_only():
    world = arrange()
    council = f.BodyFactory(kind="advisory_council", name="Vammaisneuvosto K", slug="vmn-k")
    invitation = services.invitation_add(
        consultation=world.consultation, body=council, email="vmn@example.invalid"
    )
    own = f.AgendaItemFactory(meeting=f.MeetingFactory(body=council))
    foreign = f.AgendaItemFactory()
    with pytest.raises(RuleViolation, match="own agenda item"):
        services.statement_answer_with_decision(invitation=invitation, item=foreign)
    statement = services.statement_answer_with_decision(invitation=invitation, item=own)
    assert statement.state == StatementState.SUBMITTED
    assert statement.answered_by_item == own


# --- Comments, moderation, flags ------------------------------------------------------------------


def _comment(world, **changes):  # type: ignore[no-untyped-def]
    values = {"text": "Hyvä esitys.", "email": "asukas@example.invalid", "name": "Aino"}
    values.update(changes)
    return services.comment_submit(consultation=world.consultation, **values)


def test_a_comment_goes_unconfirmed_then_confirmed_then_to_moderation(
    django_capture_on_commit_callbacks,
):
    world = arrange()
    with django_capture_on_commit_callbacks(execute=True):
        comment = _comment(world)
    assert comment.state == CommentState.UNCONFIRMED
    (message,) = mail.outbox
    path = LINK.findall(message.body)[0]
    token = path.rstrip("/").rsplit("/", 1)[-1]
    opt_in = participation.opt_in_read(token, purpose=services.COMMENT_PURPOSE)
    assert opt_in is not None and opt_in.pk == comment.pk
    services.comment_confirm(comment=comment)
    comment.refresh_from_db()
    assert comment.state == CommentState.PENDING
    # Confirming again changes nothing.
    services.comment_confirm(comment=comment)
    comment.refresh_from_db()
    assert comment.state == CommentState.PENDING


def test_a_confirmation_after_seven_days_is_refused():
    world = arrange()
    comment = _comment(world)
    with pytest.raises(RuleViolation, match="expired"):
        services.comment_confirm(comment=comment, now=at(7.1))


def test_a_comment_is_refused_in_a_consultation_for_invited_organisations_only():
    world = arrange(open_to_all=False)
    with pytest.raises(RuleViolation, match="invited organisations only"):
        _comment(world)


def test_a_comment_after_the_deadline_is_refused():
    world = arrange()
    with pytest.raises(RuleViolation, match="deadline"):
        _comment(world, now=world.consultation.closes_at)


def test_signing_needs_a_name():
    world = arrange()
    with pytest.raises(RuleViolation, match="name"):
        _comment(world, name="", signed=True)


def test_hiding_needs_a_reason_that_is_kept_for_the_public():
    world = arrange()
    comment = _comment(world)
    with pytest.raises(RuleViolation, match="not confirmed"):
        services.comment_moderate(comment=comment, publish=True)
    services.comment_confirm(comment=comment)
    with pytest.raises(RuleViolation, match="reason"):
        services.comment_moderate(comment=comment, publish=False, reason=" ")
    services.comment_moderate(
        comment=comment, publish=False, reason="Kommentti sisälsi toisen henkilön tietoja."
    )
    comment.refresh_from_db()
    assert comment.state == CommentState.HIDDEN
    assert comment.moderation_reason == "Kommentti sisälsi toisen henkilön tietoja."
    with pytest.raises(IntegrityError), transaction.atomic():
        Comment.objects.filter(pk=comment.pk).update(moderation_reason="")


def test_a_resident_flags_a_published_comment_once_and_moderating_it_handles_the_flags():
    world = arrange()
    comment = _comment(world)
    with pytest.raises(RuleViolation, match="published"):
        services.comment_flag(comment=comment, reason="Asiaton", reporter="192.0.2.1")
    services.comment_confirm(comment=comment)
    services.comment_moderate(comment=comment, publish=True)
    assert services.comment_flag(comment=comment, reason="Asiaton", reporter="192.0.2.1")
    assert services.comment_flag(comment=comment, reason="Taas", reporter="192.0.2.1") is None
    assert services.comment_flag(comment=comment, reason="Asiaton", reporter="192.0.2.2")
    assert comment.flags.filter(handled_at__isnull=True).count() == 2
    services.comment_moderate(comment=comment, publish=True, reason="Ei riko sääntöjä.")
    assert comment.flags.filter(handled_at__isnull=True).count() == 0


# --- Closing, the note, the decision ----------------------------------------------------------------


def test_closing_waits_for_the_deadline_and_for_moderation():
    world = arrange()
    comment = _comment(world)
    services.comment_confirm(comment=comment)
    with pytest.raises(RuleViolation, match="open until"):
        services.consultation_close(consultation=world.consultation)
    after = world.consultation.closes_at + timedelta(minutes=1)
    with pytest.raises(RuleViolation, match="waiting for moderation"):
        services.consultation_close(consultation=world.consultation, now=after)
    services.comment_moderate(comment=comment, publish=True)
    closed = services.consultation_close(consultation=world.consultation, now=after)
    assert closed.closed_at == after
    assert closed.statements_public(after)


def test_the_usage_note_is_published_only_after_the_consultation_ended():
    world = arrange()
    with pytest.raises(RuleViolation, match="after the consultation ends"):
        services.usage_note_publish(consultation=world.consultation, text="Huomioitiin.")
    after = world.consultation.closes_at + timedelta(days=1)
    note = services.usage_note_publish(
        consultation=world.consultation, text="Järjestöjen ehdotukset lisättiin.", now=after
    )
    assert note.usage_note_published_at == after


def test_the_deciding_item_must_be_on_the_consultations_case():
    world = arrange()
    with pytest.raises(RuleViolation, match="case"):
        services.decision_link(consultation=world.consultation, item=f.AgendaItemFactory())
    item = f.AgendaItemFactory(case=world.case)
    assert services.decision_link(consultation=world.consultation, item=item).decision_item == item


def test_questions_that_have_been_answered_cannot_be_changed():
    world = arrange()
    services.statement_submit(
        invitation=world.invitations[0],
        text="x",
        answers=answers_for(world.consultation, choice=0),
    )
    with pytest.raises(RuleViolation, match="answered already"):
        services.consultation_update(
            consultation=world.consultation,
            data=consultation_data(world.case, world.body, questions=()),
        )
    # The title can still be corrected.
    updated = services.consultation_update(
        consultation=world.consultation,
        data=consultation_data(world.case, world.body, title="Palvelustrategia 2023–2025"),
    )
    assert updated.title == "Palvelustrategia 2023–2025"


# --- Personal data on schedule -------------------------------------------------------------------


def test_commenters_and_contacts_personal_data_is_removed_ninety_days_after_closing():
    world = arrange()
    comment = _comment(world, signed=True, name="Aino Asukas")
    services.comment_confirm(comment=comment)
    services.comment_moderate(comment=comment, publish=True)
    services.statement_submit(invitation=world.invitations[0], text="x", author_name="Liisa L")
    stale = _comment(world, email="en-vahvistanut@example.invalid")
    closes = world.consultation.closes_at
    # 89 days after the deadline nothing has gone but the unconfirmed comment.
    done = participation.personal_data_remove_due(closes + timedelta(days=89))
    assert done["consultation-commenters"] == 0
    assert done["consultation-unconfirmed-comments"] == 1
    assert not Comment.objects.filter(pk=stale.pk).exists()
    comment.refresh_from_db()
    assert comment.email == "asukas@example.invalid"
    done = participation.personal_data_remove_due(closes + timedelta(days=91))
    assert done["consultation-commenters"] == 1
    comment.refresh_from_db()
    assert (comment.email, comment.name, comment.signed) == ("", "", False)
    assert comment.text == "Hyvä esitys."  # the published text stays, unsigned
    assert comment.state == CommentState.PUBLISHED
    world.invitations[0].refresh_from_db()
    assert world.invitations[0].email == ""
    assert Statement.objects.get(invitation=world.invitations[0]).author_name == ""
    assert StatementRevision.objects.filter(text="x").exists()
    # A second run changes nothing.
    again = participation.personal_data_remove_due(closes + timedelta(days=92))
    assert again["consultation-commenters"] == 0


def test_the_confirmation_link_stops_working_once_the_address_is_removed():
    world = arrange()
    comment = _comment(world)
    token = participation.opt_in_token(
        purpose=services.COMMENT_PURPOSE, pk=comment.pk, email=comment.email
    )
    Comment.objects.filter(pk=comment.pk).update(email="")
    opt_in = participation.opt_in_read(token, purpose=services.COMMENT_PURPOSE)
    assert opt_in is not None and not opt_in.matches("")


# --- Who may --------------------------------------------------------------------------------------


def test_the_coordinator_the_bodys_clerk_and_the_preparer_manage_a_consultation_others_do_not():
    world = arrange()
    preparer_user = f.UserFactory(username="valmistelija-k")
    preparer = f.PersonFactory(user=preparer_user)
    Consultation.objects.filter(pk=world.consultation.pk).update(preparer=preparer)
    world.consultation.refresh_from_db()
    other_clerk = f.UserFactory(username="toinen-k")
    f.BodyFactory(slug="muu-k", name="Muu K").clerks.add(other_clerk)
    for user, expected in (
        (world.coordinator, True),
        (world.clerk, True),
        (preparer_user, True),
        (other_clerk, False),
        (world.outsider, False),
    ):
        assert rules.may_manage_consultation(user, world.consultation) is expected, user
    assert rules.may_open_consultations(other_clerk)
    assert not rules.may_open_consultations(world.outsider)
