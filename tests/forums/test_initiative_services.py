"""Every step of an initiative and its rule (HVAL 30 §), support, and personal-data removal."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from councils.models import Case
from councils.services import RuleViolation
from forums import initiatives as services
from forums import rules
from forums.identity import Identity
from forums.models import (
    IdentifiedBy,
    Initiative,
    InitiativeKind,
    InitiativeState,
    MembershipBasis,
    Supporter,
)
from forums.participation import PERSONAL_DATA_KEPT_DAYS, personal_data_remove_due
from tests import factories as f
from tests.forums.initiative_helpers import (
    IDENTITY,
    answered,
    arena,
    data,
    received,
    routed,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():  # type: ignore[no-untyped-def]
    return arena()


@pytest.fixture
def commit(django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    """Run the after-commit e-mails as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


# --- The one-month acknowledgement and the council members' deadline ---------------------------


@pytest.mark.parametrize(
    ("arrived", "last_day"),
    [
        (datetime(2026, 3, 10, 9, 0, tzinfo=UTC), date(2026, 4, 10)),  # a Friday
        (datetime(2026, 1, 31, 9, 0, tzinfo=UTC), date(2026, 3, 2)),  # 28.2. is a Saturday
        (datetime(2026, 5, 1, 9, 0, tzinfo=UTC), date(2026, 6, 1)),  # a Monday
        (datetime(2026, 11, 6, 9, 0, tzinfo=UTC), date(2026, 12, 7)),  # 6.12. Independence Day
        # 23.50 UTC on 31.3. is already 1.4. in Helsinki: the month runs from 1.4.
        (datetime(2026, 3, 31, 21, 50, tzinfo=UTC), date(2026, 5, 4)),  # 1.5. Friday holiday
    ],
)
def test_it_counts_the_one_month_acknowledgement_in_helsinki_time_to_a_working_day(
    arrived, last_day
):
    assert rules.acknowledgement_last_day(received=arrived) == last_day


def test_a_council_members_initiative_has_its_own_deadline_from_the_setting(settings):
    arrived = datetime(2026, 2, 2, 10, 0, tzinfo=UTC)
    assert rules.council_initiative_last_day(received=arrived) == date(2026, 8, 3)
    settings.COUNCIL_INITIATIVE_ANSWER_MONTHS = 3
    assert rules.council_initiative_last_day(received=arrived) == date(2026, 5, 4)


def test_an_unrouted_initiative_is_overdue_the_day_after_its_last_day(world):
    initiative = received(world.board, at=datetime(2026, 3, 10, 9, 0, tzinfo=UTC))
    assert not initiative.acknowledgement_overdue(date(2026, 4, 10))
    assert initiative.acknowledgement_overdue(date(2026, 4, 11))
    initiative.state = InitiativeState.ROUTED
    assert not initiative.acknowledgement_overdue(date(2026, 4, 11))


# --- Submitting and confirming -------------------------------------------------------------------


def test_a_submission_is_private_until_confirmed_then_received_with_a_step(world, commit):
    with commit():
        initiative = services.initiative_submit(
            data=data(world.board),
            identity=IDENTITY,
            contact_name="Aino Asukas",
            contact_email="Aino@Example.invalid",
        )
    assert initiative is not None
    assert initiative.state == InitiativeState.UNCONFIRMED
    assert not Initiative.objects.public().exists()
    assert mail.outbox[-1].to == ["aino@example.invalid"]
    assert services.submit_confirm_url(initiative) in mail.outbox[-1].body
    with commit():
        services.initiative_confirm(initiative=initiative)
    initiative.refresh_from_db()
    assert initiative.state == InitiativeState.RECEIVED
    assert initiative.received_at is not None
    assert list(initiative.steps.values_list("state", flat=True)) == ["received"]
    assert mail.outbox[-1].subject.endswith("vastaanotettu")
    # Confirming again changes nothing.
    services.initiative_confirm(initiative=initiative)
    assert initiative.steps.count() == 1


def test_a_double_submission_makes_one_initiative_and_one_more_link_an_hour_later(world, commit):
    def send(now: datetime) -> Initiative | None:
        with commit():
            return services.initiative_submit(
                data=data(world.board),
                identity=IDENTITY,
                contact_name="Aino",
                contact_email="aino@example.invalid",
                now=now,
            )

    now = timezone.now()
    first = send(now)
    again = send(now + timedelta(minutes=5))
    assert again == first
    assert len(mail.outbox) == 1
    send(now + timedelta(hours=2))
    assert Initiative.objects.count() == 1
    assert len(mail.outbox) == 2


def test_one_address_cannot_flood_the_registry(world):
    sent = [
        services.initiative_submit(
            data=data(world.board, title=f"Aloite {n}"),
            identity=IDENTITY,
            contact_name="Aino",
            contact_email="aino@example.invalid",
        )
        for n in range(services.MAX_SUBMISSIONS_PER_INTERVAL + 1)
    ]
    assert sent[-1] is None
    assert Initiative.objects.count() == services.MAX_SUBMISSIONS_PER_INTERVAL


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"kind": InitiativeKind.SERVICE_USER}, "palvelun käyttäjä"),
        ({"kind": InitiativeKind.RESIDENT, "basis": MembershipBasis.SERVICE_USER}, "kunnan"),
        ({"municipality": ""}, "kunta"),
        ({"kind": InitiativeKind.COUNCIL_MEMBER, "basis": "council_member"}, "kirjaamo"),
    ],
)
def test_the_right_of_initiative_is_checked(world, changes, message):
    with pytest.raises(RuleViolation) as refused:
        services.initiative_submit(
            data=data(world.board, **changes),
            identity=IDENTITY,
            contact_name="Aino",
            contact_email="aino@example.invalid",
        )
    assert message in str(refused.value).lower()
    assert not Initiative.objects.exists()


def test_the_database_refuses_a_basis_that_does_not_fit_the_kind(world):
    initiative = received(world.board)
    with pytest.raises(IntegrityError), transaction.atomic():
        Initiative.objects.filter(pk=initiative.pk).update(basis=MembershipBasis.COUNCIL_MEMBER)
    with pytest.raises(IntegrityError), transaction.atomic():
        Initiative.objects.filter(pk=initiative.pk).update(state=InitiativeState.REGISTERED)


# --- Register, route, hearing, answer, close ---------------------------------------------------


def test_the_whole_path_tells_the_initiators_at_every_step(world, commit):
    with commit():
        initiative = received(world.board)
        services.initiative_register(
            initiative=initiative, diary_number="77/00.01.05/2024", by=world.registry
        )
        services.initiative_route(
            initiative=initiative,
            handling_body=world.board,
            handling_unit="Ikääntyneiden palvelut",
            answer_due=timezone.localdate() + timedelta(days=30),
            handling_contact="Pekka Palvelu",
            by=world.clerk,
        )
        services.initiative_hearing_record(
            initiative=initiative, heard_on=timezone.localdate(), note="Kuultiin.", by=world.clerk
        )
        services.initiative_answer(
            initiative=initiative,
            answer_item=world.decided_item,
            measures="Penkit asennetaan.",
            by=world.clerk,
        )
        services.initiative_close(initiative=initiative, by=world.clerk)
    initiative.refresh_from_db()
    assert initiative.state == InitiativeState.CLOSED
    assert initiative.case == Case.objects.get(diary_number="77/00.01.05/2024")
    assert list(initiative.steps.values_list("state", flat=True)) == [
        "received",
        "registered",
        "routed",
        "hearing",
        "answered",
        "closed",
    ]
    to_initiators = [m for m in mail.outbox if m.to == [initiative.contact_email]]
    # One per step (the link was confirmed before its e-mail left, so it was not sent).
    assert len(to_initiators) == 6
    assert "77/00.01.05/2024" in to_initiators[1].body
    assert "Pekka Palvelu" in to_initiators[2].body
    assert "Penkit asennetaan." in to_initiators[4].body


def test_routing_needs_the_diary_number_first(world):
    initiative = received(world.board)
    with pytest.raises(RuleViolation, match="diaarinumero"):
        services.initiative_route(
            initiative=initiative,
            handling_body=world.board,
            handling_unit="",
            answer_due=timezone.localdate() + timedelta(days=5),
            handling_contact="Pekka",
            by=world.clerk,
        )


def test_a_diary_number_must_be_well_formed_and_not_another_cases(world):
    initiative = received(world.board)
    with pytest.raises(RuleViolation, match=r"123/00\.01\.02/2025"):
        services.initiative_register(initiative=initiative, diary_number="abc", by=None)
    f.CaseFactory(diary_number="5/00.01.00/2024")
    with pytest.raises(RuleViolation, match="5"):
        services.initiative_register(initiative=initiative, diary_number="5/02.01.00/2024", by=None)
    services.initiative_register(initiative=initiative, diary_number="5/00.01.00/2024", by=None)
    with pytest.raises(RuleViolation, match="Vain vastaanotettu"):
        services.initiative_register(initiative=initiative, diary_number="6/00.01.00/2024", by=None)


def test_a_council_members_initiative_is_answered_within_its_deadline(world, settings):
    arrived = timezone.now() - timedelta(days=10)
    initiative = services.initiative_record(
        data=data(
            world.council,
            kind=InitiativeKind.COUNCIL_MEMBER,
            basis=MembershipBasis.COUNCIL_MEMBER,
            municipality="",
            initiators="valtuutettu Matti Meikäläinen ja 12 muuta",
        ),
        received_at=arrived,
        by=world.registry,
    )
    assert initiative.identified_by == IdentifiedBy.STAFF
    services.initiative_register(initiative=initiative, diary_number="9/00.02.02/2024", by=None)
    last = initiative.statutory_answer_due()
    assert last is not None
    with pytest.raises(RuleViolation, match="6 kuukauden"):
        services.initiative_route(
            initiative=initiative,
            handling_body=world.board,
            handling_unit="",
            answer_due=last + timedelta(days=1),
            handling_contact="Hallintojohtaja",
            by=None,
        )
    services.initiative_route(
        initiative=initiative,
        handling_body=world.board,
        handling_unit="",
        answer_due=last,
        handling_contact="Hallintojohtaja",
        by=None,
    )
    # Council members speak in the council: no separate hearing before the answer.
    services.initiative_answer(
        initiative=initiative, answer_item=world.decided_item, measures="Selvitetään.", by=None
    )
    assert Initiative.objects.get(pk=initiative.pk).state == InitiativeState.ANSWERED


def test_a_residents_initiative_is_not_answered_before_the_hearing(world):
    initiative = routed(world)
    with pytest.raises(RuleViolation, match="30 §"):
        services.initiative_answer(
            initiative=initiative, answer_item=world.decided_item, measures="x", by=None
        )


def test_the_hearing_is_recorded_after_it_took_place_and_says_how(world):
    initiative = routed(world)
    tomorrow = timezone.localdate() + timedelta(days=1)
    with pytest.raises(RuleViolation):
        services.initiative_hearing_record(
            initiative=initiative, heard_on=tomorrow, note="x", by=None
        )
    with pytest.raises(RuleViolation):
        services.initiative_hearing_record(
            initiative=initiative, heard_on=timezone.localdate(), note="  ", by=None
        )


def test_the_answer_names_one_public_decision_and_the_measures(world):
    initiative = routed(world)
    services.initiative_hearing_record(
        initiative=initiative, heard_on=timezone.localdate(), note="Kuultiin.", by=None
    )
    unpublished = f.AgendaItemFactory(meeting__body=world.board)
    with pytest.raises(RuleViolation, match="pöytäkirja"):
        services.initiative_answer(
            initiative=initiative, answer_item=unpublished, measures="x", by=None
        )
    with pytest.raises(RuleViolation):
        services.initiative_answer(initiative=initiative, measures="x", by=None)
    with pytest.raises(RuleViolation):
        services.initiative_answer(
            initiative=initiative, answer_item=world.decided_item, measures=" ", by=None
        )
    draft = f.OfficialDecisionFactory(published_at=None)
    with pytest.raises(RuleViolation, match="julkaistu"):
        services.initiative_answer(
            initiative=initiative, answer_decision=draft, measures="x", by=None
        )
    decision = f.OfficialDecisionFactory(published_at=timezone.now() - timedelta(days=1))
    services.initiative_answer(
        initiative=initiative, answer_decision=decision, measures="Tehdään.", by=None
    )
    assert Initiative.objects.get(pk=initiative.pk).answer_decision == decision


def test_only_an_answered_initiative_is_closed(world):
    initiative = routed(world)
    with pytest.raises(RuleViolation, match="Vain vastattu"):
        services.initiative_close(initiative=initiative, by=None)


# --- Support -----------------------------------------------------------------------------------


def _support(initiative: Initiative, email: str, *, publish: bool = True, **kw):  # type: ignore[no-untyped-def]
    return services.support_request(
        initiative=initiative,
        identity=Identity(
            name="Veikko Tukija", municipality="lahti", identified_by="self_asserted"
        ),
        email=email,
        publish_name=publish,
        **kw,
    )


def test_a_support_counts_only_once_confirmed_and_once_per_address(world, commit):
    initiative = received(world.board)
    with commit():
        supporter = _support(initiative, "Veikko@Example.invalid")
    assert supporter is not None and not supporter.is_confirmed
    assert services.support_confirm_url(supporter) in mail.outbox[-1].body
    assert Initiative.objects.with_support_count().get(pk=initiative.pk).support_count == 0
    services.support_confirm(supporter=supporter)
    assert Initiative.objects.with_support_count().get(pk=initiative.pk).support_count == 1
    again = _support(initiative, "veikko@example.invalid")
    assert again == supporter
    assert Supporter.objects.count() == 1
    with pytest.raises(IntegrityError), transaction.atomic():
        Supporter.objects.create(
            initiative=initiative, name="X", municipality="lahti", email="veikko@example.invalid"
        )


def test_a_name_is_public_only_with_consent(world):
    initiative = received(world.board)
    for email, publish in (("a@example.invalid", True), ("b@example.invalid", False)):
        services.support_confirm(supporter=_support(initiative, email, publish=publish))
    assert Supporter.objects.public_names().count() == 1
    assert Supporter.objects.confirmed().count() == 2


def test_an_answered_initiative_takes_no_more_support(world):
    initiative = routed(world)
    pending = _support(initiative, "late@example.invalid")
    answered_one = answered(world)
    with pytest.raises(RuleViolation, match="vastattu"):
        _support(answered_one, "x@example.invalid")
    services.initiative_hearing_record(
        initiative=initiative, heard_on=timezone.localdate(), note="Kuultiin.", by=None
    )
    services.initiative_answer(
        initiative=initiative, answer_item=world.decided_item, measures="Tehdään.", by=None
    )
    with pytest.raises(RuleViolation, match="vastattu"):
        services.support_confirm(supporter=pending)


def test_one_address_cannot_support_without_limit(world):
    initiatives = [received(world.board, title=f"Aloite {n}") for n in range(3)]
    results = []
    for n in range(services.MAX_SUPPORTS_PER_INTERVAL + 1):
        results.append(
            _support(initiatives[n % 3], "flood@example.invalid")
            if n < 3
            else _support(received(world.board, title=f"Lisä {n}"), "flood@example.invalid")
        )
    assert results[-1] is None
    assert Supporter.objects.filter(email="flood@example.invalid").count() == (
        services.MAX_SUPPORTS_PER_INTERVAL
    )


# --- Removal of personal data on schedule ------------------------------------------------------


def test_personal_data_is_removed_on_schedule_after_closing_and_the_count_stays(world):
    initiative = routed(world)
    supporter = services.support_confirm(supporter=_support(initiative, "s@example.invalid"))
    services.initiative_hearing_record(
        initiative=initiative, heard_on=timezone.localdate(), note="Kuultiin.", by=None
    )
    services.initiative_answer(
        initiative=initiative, answer_item=world.decided_item, measures="Tehdään.", by=None
    )
    services.initiative_close(initiative=initiative, by=None)
    closed_at = Initiative.objects.get(pk=initiative.pk).closed_at
    assert closed_at is not None
    personal_data_remove_due(closed_at + timedelta(days=PERSONAL_DATA_KEPT_DAYS - 1))
    assert Supporter.objects.get(pk=supporter.pk).email == "s@example.invalid"
    done = personal_data_remove_due(closed_at + timedelta(days=PERSONAL_DATA_KEPT_DAYS, hours=1))
    assert done["initiatives"] == 2
    initiative.refresh_from_db()
    assert (initiative.contact_name, initiative.contact_email) == ("", "")
    gone = Supporter.objects.get(pk=supporter.pk)
    assert (gone.name, gone.email, gone.municipality, gone.publish_name) == ("", "", "", False)
    assert Initiative.objects.with_support_count().get(pk=initiative.pk).support_count == 1
    assert initiative.initiators  # the public line stays
    # Running it again changes nothing.
    assert personal_data_remove_due(closed_at + timedelta(days=200))["initiatives"] == 0


def test_unconfirmed_submissions_and_supports_are_deleted_after_the_link_expires(world):
    now = timezone.now()
    pending = services.initiative_submit(
        data=data(world.board),
        identity=IDENTITY,
        contact_name="A",
        contact_email="a@example.invalid",
        now=now,
    )
    support = _support(received(world.board, title="Toinen"), "b@example.invalid", now=now)
    assert pending is not None and support is not None
    personal_data_remove_due(now + timedelta(days=6))
    assert Initiative.objects.filter(pk=pending.pk).exists()
    personal_data_remove_due(now + timedelta(days=8))
    assert not Initiative.objects.filter(pk=pending.pk).exists()
    assert not Supporter.objects.filter(pk=support.pk).exists()


# --- Who may do what ---------------------------------------------------------------------------


def test_the_rules_name_who_may_register_route_and_answer(world):
    initiative = received(world.board)
    outsider = f.UserFactory()
    assert rules.may_register_initiative(world.registry, addressed_to_id=world.board.pk)
    assert rules.may_register_initiative(world.clerk, addressed_to_id=world.board.pk)
    assert not rules.may_register_initiative(world.other_clerk, addressed_to_id=world.board.pk)
    assert services.may_act(world.clerk, initiative)
    assert not services.may_act(world.other_clerk, initiative)
    assert not services.may_act(outsider, initiative)
    assert list(Initiative.objects.manageable_by(world.other_clerk)) == []
    assert list(Initiative.objects.manageable_by(world.registry)) == [initiative]
    assert rules.may_work_on_initiatives(world.other_clerk)
    assert not rules.may_work_on_initiatives(outsider)
    assert rules.may_report_initiatives(world.registry)
    assert not rules.may_report_initiatives(world.clerk)


# --- Identification: one adapter ------------------------------------------------------------


def test_the_demo_identity_takes_the_declaration_and_says_it_is_not_verified(rf):
    from forums.identity import DemoIdentity, Eligibility, IdentityError, identity_provider

    provider = identity_provider()
    assert isinstance(provider, DemoIdentity)
    claim = Eligibility(name=" Aino ", municipality="lahti", basis="resident", declared=True)
    identity = provider.identify(rf.get("/"), claim)
    assert (identity.name, identity.identified_by) == ("Aino", IdentifiedBy.SELF_ASSERTED)
    with pytest.raises(IdentityError):
        provider.identify(rf.get("/"), Eligibility("Aino", "lahti", "resident", declared=False))


def test_suomifi_refuses_to_start_without_its_settings_and_fails_loudly_with_them(rf, settings):
    from django.core.exceptions import ImproperlyConfigured

    from forums.identity import Eligibility, identity_provider

    settings.INITIATIVE_IDENTITY = "suomifi"
    with pytest.raises(ImproperlyConfigured, match="SUOMIFI_ENTITY_ID"):
        identity_provider()
    for name in ("ENTITY_ID", "METADATA_URL", "CERTIFICATE", "PRIVATE_KEY"):
        setattr(settings, f"SUOMIFI_{name}", "x")
    with pytest.raises(NotImplementedError, match="SAML"):
        identity_provider().identify(rf.get("/"), Eligibility("A", "lahti", "resident", True))
    settings.INITIATIVE_IDENTITY = "bankid"
    with pytest.raises(ImproperlyConfigured):
        identity_provider()


def test_a_clerk_of_both_bodies_sees_a_true_count_of_supporters(world):
    initiative = routed(world)  # addressed to and handled by the board, whose clerk is `clerk`
    services.support_confirm(
        supporter=_support(initiative, "one@example.invalid")  # type: ignore[arg-type]
    )
    mine = Initiative.objects.manageable_by(world.clerk).with_support_count()
    assert [(i.pk, i.support_count) for i in mine] == [(initiative.pk, 1)]
