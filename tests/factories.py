"""factory_boy factories shared by every app's tests."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import factory
from django.contrib.auth import get_user_model

from councils.models import (
    AgendaItem,
    AppealType,
    Attachment,
    Attendance,
    Ballot,
    Body,
    BodyKind,
    Case,
    Handling,
    Meeting,
    MeetingState,
    Membership,
    MembershipRole,
    Minutes,
    OfficialDecision,
    Outcome,
    Person,
    Proposal,
    ProposalKind,
    Term,
    Vote,
)

PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="fi_FI")
    last_name = factory.Faker("last_name", locale="fi_FI")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.invalid")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save_password(obj, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            obj.save(update_fields=["password"])


# --- councils ---------------------------------------------------------------------------

HELSINKI = ZoneInfo("Europe/Helsinki")


class TermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Term
        django_get_or_create = ("name",)

    name = "2025–2029"
    start = date(2025, 6, 1)
    end = date(2029, 5, 31)


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Body

    slug = factory.Sequence(lambda n: f"toimielin-{n}")
    name = factory.Sequence(lambda n: f"Lautakunta {n}")
    kind = BodyKind.COMMITTEE
    seats = 11
    notice_days = 3


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    slug = factory.Sequence(lambda n: f"henkilo-{n}")
    first_name = factory.Faker("first_name", locale="fi_FI")
    last_name = factory.Faker("last_name", locale="fi_FI")
    political_group = "SDP"
    home_municipality = "Lahti"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    person = factory.SubFactory(PersonFactory)
    body = factory.SubFactory(BodyFactory)
    term = factory.SubFactory(TermFactory)
    role = MembershipRole.MEMBER
    start = date(2025, 6, 1)


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Case

    diary_number = factory.Sequence(lambda n: f"{n + 1}/00.01.00/2026")
    title = factory.Sequence(lambda n: f"Asia {n}")


class MeetingFactory(factory.django.DjangoModelFactory):
    """A meeting with its notice and agenda out: what residents see."""

    class Meta:
        model = Meeting

    body = factory.SubFactory(BodyFactory)
    year = 2026
    number = factory.Sequence(lambda n: n + 1)
    start = datetime(2026, 9, 7, 14, 0, tzinfo=HELSINKI)
    place = "Hyvinvointialueen kokoushuone, Keskussairaalankatu 7, Lahti"
    state = MeetingState.NOTICE_PUBLISHED
    notice_published_at = factory.LazyAttribute(lambda m: m.start - timedelta(days=5))
    agenda_published_at = factory.LazyAttribute(lambda m: m.start - timedelta(days=5))


class PublishedMeetingFactory(MeetingFactory):
    class Meta:
        skip_postgeneration_save = True

    state = MeetingState.MINUTES_PUBLISHED
    minutes = factory.RelatedFactory(
        "tests.factories.MinutesFactory", factory_related_name="meeting"
    )


class MinutesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Minutes

    checker_1 = factory.SubFactory(PersonFactory)
    checker_2 = factory.SubFactory(PersonFactory)
    checker_1_approved_at = factory.LazyAttribute(lambda m: m.meeting.start + timedelta(days=1))
    checker_2_approved_at = factory.LazyAttribute(lambda m: m.meeting.start + timedelta(days=2))
    published_at = factory.LazyAttribute(lambda m: m.meeting.start + timedelta(days=3))


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    section = factory.Sequence(lambda n: n + 1)
    case = factory.SubFactory(CaseFactory)
    title = factory.Sequence(lambda n: f"Päätettävä asia {n}")
    preparer = factory.SubFactory(PersonFactory, political_group="", title="hallintojohtaja")
    presenter = factory.SubFactory(
        PersonFactory, political_group="", title="hyvinvointialuejohtaja"
    )
    summary = "Lyhyt tiivistelmä asiasta."
    body = "<p>Asian taustaa.</p>"
    proposal = "<p>Lautakunta hyväksyy suunnitelman.</p>"
    appeal_type = AppealType.RECTIFICATION


class HandlingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Handling

    item = factory.SubFactory(
        AgendaItemFactory, meeting=factory.SubFactory(PublishedMeetingFactory)
    )
    outcome = Outcome.AS_PROPOSED
    decision = "<p>Lautakunta hyväksyi suunnitelman.</p>"


class AttachmentFactory(factory.django.DjangoModelFactory):
    """An attachment whose PDF text was extracted on upload (no file needed for search)."""

    class Meta:
        model = Attachment

    item = factory.SubFactory(AgendaItemFactory)
    title = factory.Sequence(lambda n: f"Liite {n}")
    text = "Liitteen teksti."


class ProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Proposal

    handling = factory.SubFactory(HandlingFactory)
    kind = ProposalKind.PRESENTER
    text = "Esittelijän ehdotus."
    order = factory.Sequence(lambda n: n + 1)


class VoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vote

    handling = factory.SubFactory(HandlingFactory)
    order = factory.Sequence(lambda n: n + 1)
    yes_proposal = factory.SubFactory(ProposalFactory, handling=factory.SelfAttribute("..handling"))
    no_proposal = factory.SubFactory(
        ProposalFactory,
        handling=factory.SelfAttribute("..handling"),
        kind=ProposalKind.COUNTER,
        text="Vastaehdotus.",
        proposer=factory.SubFactory(PersonFactory),
        seconder=factory.SubFactory(PersonFactory),
    )


class BallotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ballot

    vote = factory.SubFactory(VoteFactory)
    person = factory.SubFactory(PersonFactory)
    choice = "yes"


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    meeting = factory.SubFactory(PublishedMeetingFactory)
    person = factory.SubFactory(PersonFactory)
    role = "member"
    presence = "present"


class OfficialDecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfficialDecision

    official = factory.SubFactory(PersonFactory, political_group="", title="talousjohtaja")
    official_title = "talousjohtaja"
    title = factory.Sequence(lambda n: f"Viranhaltijapäätös {n}")
    decided_on = date(2026, 9, 1)
    text = "<p>Päätän hyväksyä hankinnan.</p>"
    published_at = datetime(2026, 9, 2, 9, 0, tzinfo=HELSINKI)


# --- strategy ---------------------------------------------------------------------------

from strategy import models as strategy_models  # noqa: E402


class StrategyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = strategy_models.Strategy

    title = factory.Sequence(lambda n: f"Hyvinvointialuestrategia {n}")
    slug = factory.Sequence(lambda n: f"strategia-{n}")
    period_start = date(2026, 1, 1)
    period_end = date(2029, 12, 31)
    mission = "Tuemme asukkaiden hyvinvointia."
    vision = "Hyvinvoivat asukkaat."


class GoalFactory(factory.django.DjangoModelFactory):
    """A main goal; pass parent=... (and a dotted code) for a sub-goal."""

    class Meta:
        model = strategy_models.Goal

    strategy = factory.LazyAttribute(lambda g: g.parent.strategy if g.parent else StrategyFactory())
    parent = None
    code = factory.Sequence(lambda n: str(n % 99 + 1))
    title = factory.Sequence(lambda n: f"Tavoite {n}")
    owner = "hyvinvointialuejohtaja"


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = strategy_models.Programme

    strategy = factory.SubFactory(StrategyFactory)
    slug = factory.Sequence(lambda n: f"ohjelma-{n}")
    name = factory.Sequence(lambda n: f"Ohjelma {n}")


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = strategy_models.Indicator

    goal = factory.SubFactory(GoalFactory)
    name = factory.Sequence(lambda n: f"Mittari {n}")
    unit = "%"
    direction = strategy_models.Direction.UP
    baseline_value = 20
    baseline_date = date(2026, 1, 1)
    is_demo = True


class IndicatorTargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = strategy_models.IndicatorTarget

    indicator = factory.SubFactory(IndicatorFactory)
    due = date(2026, 12, 31)
    value = 40


class IndicatorValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = strategy_models.IndicatorValue

    indicator = factory.SubFactory(IndicatorFactory)
    measured_on = date(2026, 6, 30)
    value = 30


class ReportingPeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = strategy_models.ReportingPeriod

    strategy = factory.SubFactory(StrategyFactory)
    code = "T2/2026"
    start = date(2026, 5, 1)
    end = date(2026, 8, 31)


class StatusUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = strategy_models.StatusUpdate

    period = factory.SubFactory(ReportingPeriodFactory)
    goal = factory.SubFactory(GoalFactory, strategy=factory.SelfAttribute("..period.strategy"))
    status = strategy_models.Status.ON_TRACK
    narrative = "Työ etenee suunnitellusti."


class GoalLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = strategy_models.GoalLink

    goal = factory.SubFactory(GoalFactory)
    agenda_item = factory.SubFactory(AgendaItemFactory)


# --- forums -------------------------------------------------------------------------------


class OrganisationFactory(factory.django.DjangoModelFactory):
    """An organisation in the directory (approved)."""

    class Meta:
        model = "forums.Organisation"

    slug = factory.Sequence(lambda n: f"organisaatio-{n}")
    name = factory.Sequence(lambda n: f"Yhdistys {n} ry")
    kind = "association"
    status = "approved"


class ForumBodyFactory(BodyFactory):
    """A cooperation forum's body: a memo, no appeal, no quorum unless its rules set one."""

    kind = BodyKind.FORUM
    name = factory.Sequence(lambda n: f"Neuvottelukunta {n}")
    slug = factory.Sequence(lambda n: f"foorumi-{n}")
    appeal_open = False


class ForumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "forums.Forum"

    body = factory.SubFactory(ForumBodyFactory)
    level = "tactical"
    purpose = "Tuo järjestöjen äänen hyvinvointialueen valmisteluun."
    rhythm = "neljä kertaa vuodessa"


class RepresentationFactory(factory.django.DjangoModelFactory):
    """A forum member sitting for an organisation (a membership without a term)."""

    class Meta:
        model = "forums.Representation"

    membership = factory.SubFactory(
        MembershipFactory, body=factory.SubFactory(ForumBodyFactory), term=None
    )
    organisation = factory.SubFactory(OrganisationFactory)
