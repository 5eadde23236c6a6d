"""The public pages of participation, as residents meet them, and their queries per page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from councils.models import BodyKind, MeetingState
from forums.models import (
    AgreementGoal,
    AgreementRule,
    CooperationAgreement,
    FollowUp,
    Forum,
    OrganisationField,
    Representative,
    Signatory,
)
from tests.factories import (
    HELSINKI,
    AgendaItemFactory,
    BodyFactory,
    CaseFactory,
    ForumBodyFactory,
    ForumFactory,
    GoalFactory,
    HandlingFactory,
    MeetingFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    PublishedMeetingFactory,
    RepresentationFactory,
)

pytestmark = pytest.mark.django_db


def assert_constant_queries(
    client, django_assert_max_num_queries, url: str, add_rows: Callable[[int], None], limit: int
) -> None:  # type: ignore[no-untyped-def]
    """The page makes the same number of queries with 1 row as with 50, and at most `limit`."""
    counts = []
    for rows in (1, 49):
        add_rows(rows)
        reset_queries()
        with django_assert_max_num_queries(limit), CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], f"{counts[0]} queries with 1 row, {counts[1]} with 50"


# --- Osallistu ---------------------------------------------------------------------------------


def _advisory_statement(body, title: str):  # type: ignore[no-untyped-def]
    meeting = PublishedMeetingFactory(body=body)
    return HandlingFactory(item__meeting=meeting, item__title=title, item__case=CaseFactory()).item


def test_osallistu_gathers_the_advisory_councils_the_forums_and_the_directory(client):
    council = BodyFactory(
        name="Vanhusneuvosto", slug="vanhusneuvosto", kind=BodyKind.ADVISORY_COUNCIL
    )
    _advisory_statement(council, "Lausunto kotihoidon myöntämisperusteista")
    procedural = HandlingFactory(
        item__meeting=PublishedMeetingFactory(body=council),
        item__title="Kokouksen laillisuus",
        item__case=None,
    ).item
    ForumFactory(level="tactical", body__name="Järjestöneuvottelukunta")
    OrganisationFactory.create_batch(3)
    OrganisationFactory(status="pending")
    html = client.get("/osallistu/").content.decode()
    assert "<h1>Osallistu</h1>" in html
    assert "Lausunto kotihoidon myöntämisperusteista" in html
    assert procedural.title not in html  # what a council said, not its meeting's routine
    assert "Järjestöneuvottelukunta" in html
    assert "Hakemistossa on 3 hyvinvointialueen yhteistyökumppania" in html
    assert reverse("forums:register") in html and reverse("forums:cooperation") in html
    assert 'aria-current="page">Osallistu' in html


def test_osallistu_makes_the_same_queries_for_1_and_50_rows(client, django_assert_max_num_queries):
    council = BodyFactory(kind=BodyKind.ADVISORY_COUNCIL)

    def add(n: int) -> None:
        for _ in range(n):
            _advisory_statement(BodyFactory(kind=BodyKind.ADVISORY_COUNCIL), "Lausunto")
            _advisory_statement(council, "Aloite")
            ForumFactory()

    assert_constant_queries(client, django_assert_max_num_queries, "/osallistu/", add, limit=6)


# --- The cooperation page -------------------------------------------------------------------------


def _forum_with_everything(level: str = "tactical", **body: object) -> Forum:
    forum = ForumFactory(level=level, **{f"body__{k}": v for k, v in body.items()})
    organisation = OrganisationFactory()
    RepresentationFactory(
        membership__body=forum.body, membership__role="chair", organisation=organisation
    )
    RepresentationFactory(membership__body=forum.body, organisation=organisation)
    MembershipFactory(body=forum.body, term=None, role="secretary")
    PublishedMeetingFactory(body=forum.body, start=datetime(2026, 5, 12, 15, tzinfo=HELSINKI))
    MeetingFactory(body=forum.body, start=timezone.now() + timedelta(days=10))
    forum.topics.create(title="Avustusyhteistyö", order=1)
    return forum


def test_the_cooperation_page_shows_the_four_levels_and_each_forums_people(client):
    forum = _forum_with_everything(name="Järjestöneuvottelukunta", slug="jnk")
    organisation = forum.body.memberships.first().representation.organisation
    ForumFactory(level="preparation", body__name="ICT- ja digityöryhmä")
    html = client.get("/yhteistyo/").content.decode()
    # The diagram is a list: four levels in order, each with its forums.
    levels = html.split('<ol class="structure__levels">')[1].split("</ol>")[0]
    assert levels.count('class="structure__level ') == 4
    names = ["Strateginen taso", "Puheenjohtajafoorumi", "Taktinen taso", "Operatiivinen taso"]
    positions = [levels.index(name) for name in names]
    assert positions == sorted(positions)
    assert 'href="#forum-jnk">Järjestöneuvottelukunta</a>' in levels
    assert "ICT- ja digityöryhmä" not in levels  # the 2021 groups are history, not a level
    assert "Jäsenet edustamansa organisaation mukaan" in html
    assert organisation.name in html
    assert "12.5.2026" in html  # the latest memo
    assert "Seuraava kokous" in html
    assert reverse("forums:preparation") in html


def test_the_cooperation_page_makes_the_same_queries_for_1_and_50_forums(
    client, django_assert_max_num_queries
):
    agreement = CooperationAgreement.objects.create(
        slug="sopimus", title="Yhteistyöpöytäkirja", signed_on=date(2023, 5, 25), summary="S."
    )

    def add(n: int) -> None:
        for _ in range(n):
            _forum_with_everything()
            AgreementGoal.objects.create(agreement=agreement, title="Tavoite")
            AgreementRule.objects.create(agreement=agreement, title="Sääntö")
            Signatory.objects.create(agreement=agreement, organisation=OrganisationFactory())

    assert_constant_queries(client, django_assert_max_num_queries, "/yhteistyo/", add, limit=12)


def test_the_agreement_shows_goals_follow_up_rules_signatories_and_the_decision(client):
    decision = AgendaItemFactory(
        meeting__body__name="Aluehallitus",
        meeting__start=datetime(2023, 5, 15, 15, tzinfo=HELSINKI),
        title="Yhteistyöpöytäkirja hyvinvointialueen, alueen kuntien ja Päijät-Hämeen liiton kesken",
    )
    agreement = CooperationAgreement.objects.create(
        slug="yhteistyopoytakirja",
        title="Yhteistyöpöytäkirja",
        signed_on=date(2023, 5, 25),
        summary="Hyvinvointialue, kunnat ja liitto tiivistävät yhteistyötään.",
        approved_by=decision,
    )
    goal = AgreementGoal.objects.create(agreement=agreement, title="Valmius ja varautuminen")
    FollowUp.objects.create(
        goal=goal, year=2024, assessment="realised", summary="Harjoitus pidettiin."
    )
    AgreementRule.objects.create(agreement=agreement, title="Tasavertaisuus")
    Signatory.objects.create(
        agreement=agreement,
        organisation=OrganisationFactory(name="Lahden kaupunki"),
        signed_by="Pekka Aaltonen, kaupunginjohtaja",
    )
    html = client.get(agreement.get_absolute_url()).content.decode()
    assert "Valmius ja varautuminen" in html and "Harjoitus pidettiin." in html
    assert "Toteutuu" in html and "2024" in html
    assert "Tasavertaisuus" in html
    assert "Lahden kaupunki" in html and "Pekka Aaltonen, kaupunginjohtaja" in html
    assert decision.get_absolute_url() in html and "15.5.2023" in html
    assert client.get("/yhteistyo/ei-ole/").status_code == 404


def test_the_agreement_page_makes_the_same_queries_for_1_and_50_rows(
    client, django_assert_max_num_queries
):
    agreement = CooperationAgreement.objects.create(
        slug="sopimus", title="Yhteistyöpöytäkirja", signed_on=date(2023, 5, 25), summary="S."
    )
    chairs = ForumFactory(level="chairs", agreement=agreement)

    def add(n: int) -> None:
        for year in range(n):
            goal = AgreementGoal.objects.create(agreement=agreement, title="Tavoite")
            FollowUp.objects.create(
                goal=goal,
                year=2020 + year % 50,
                assessment="partly",
                summary="Havainto.",
                meeting=MeetingFactory(body=chairs.body),
            )
            AgreementRule.objects.create(agreement=agreement, title="Sääntö")
            Signatory.objects.create(agreement=agreement, organisation=OrganisationFactory())
            ForumFactory(agreement=agreement)

    assert_constant_queries(
        client, django_assert_max_num_queries, agreement.get_absolute_url(), add, limit=10
    )


def test_the_2021_preparation_lists_the_groups_members_after_they_ended(client):
    group = ForumFactory(
        level="preparation",
        body__name="Viestintätyöryhmä",
        body__kind=BodyKind.WORKING_GROUP,
        body__active=False,
    )
    RepresentationFactory(
        membership__body=group.body,
        membership__person__first_name="Satu",
        membership__person__last_name="Honkanen",
        membership__start=date(2021, 2, 1),
        membership__end=date(2021, 12, 31),
        organisation__name="Jyty Päijät-Häme ry",
    )
    html = client.get("/yhteistyo/valmistelu-2021/").content.decode()
    assert "Viestintätyöryhmä" in html and "Satu Honkanen" in html
    assert "Jyty Päijät-Häme ry" in html
    assert "Seuraava kokous" not in html  # an ended group announces no meetings


def test_the_preparation_page_makes_the_same_queries_for_1_and_50_groups(
    client, django_assert_max_num_queries
):
    def add(n: int) -> None:
        for _ in range(n):
            group = ForumFactory(level="preparation", body__active=False)
            RepresentationFactory(
                membership__body=group.body,
                membership__start=date(2021, 2, 1),
                membership__end=date(2021, 12, 31),
            )
            PublishedMeetingFactory(body=group.body)

    assert_constant_queries(
        client, django_assert_max_num_queries, "/yhteistyo/valmistelu-2021/", add, limit=8
    )


# --- A forum's body page -----------------------------------------------------------------------------


def test_a_forums_page_shows_its_members_by_organisation_and_why_it_exists(client):
    founding = HandlingFactory(
        item__meeting=PublishedMeetingFactory(body__name="Aluehallitus"),
        item__title="Järjestöneuvottelukunnan perustaminen",
    ).item
    forum = _forum_with_everything(name="Järjestöneuvottelukunta", slug="jnk")
    forum.history = "Lautakunnat esittivät yksimielisesti.\n\nAluehallitus päätti elokuussa."
    forum.save(update_fields=["history"])
    forum.founding_decisions.add(founding)
    organisation = forum.body.memberships.first().representation.organisation
    html = client.get("/toimielimet/jnk/").content.decode()
    assert "Taktinen taso" in html and forum.purpose in html
    assert "<p>Lautakunnat esittivät yksimielisesti.</p>" in html
    assert founding.get_absolute_url() in html
    assert "Avustusyhteistyö" in html
    assert f"{organisation.name}</a>:</span>" in html
    assert "Muistio 12.5.2026" in html
    # The panel lists the members; councils' own seat table (with deputies) is left out.
    assert "Henkilökohtainen varajäsen" not in html
    assert "sen säännöissä ei ole päätösvaltaisuusvaatimusta" in html
    assert "Sen kokouksista laaditaan muistio" in html


def test_a_committees_page_keeps_its_own_seat_table(client):
    body = BodyFactory(slug="lautakunta", kind=BodyKind.COMMITTEE)
    MembershipFactory(body=body)
    html = client.get("/toimielimet/lautakunta/").content.decode()
    assert "Henkilökohtainen varajäsen" in html
    assert "edustamansa organisaation mukaan" not in html


def test_a_forums_page_makes_the_same_queries_for_1_and_50_members(
    client, django_assert_max_num_queries
):
    forum = ForumFactory(body__slug="jnk")
    forum.founding_decisions.add(AgendaItemFactory())

    def add(n: int) -> None:
        for _ in range(n):
            RepresentationFactory(membership__body=forum.body)
            PublishedMeetingFactory(body=forum.body)
            forum.topics.create(title="Aihe")

    assert_constant_queries(
        client, django_assert_max_num_queries, "/toimielimet/jnk/", add, limit=16
    )


# --- The directory --------------------------------------------------------------------------------


@pytest.fixture
def directory():  # type: ignore[no-untyped-def]
    lahti = OrganisationFactory(name="Lahden kaupunki", slug="lahden-kaupunki", kind="municipality")
    heinola = OrganisationFactory(name="Heinolan kaupunki", slug="heinola", kind="municipality")
    vpk = OrganisationFactory(name="Sysmän VPK ry", home_municipality=heinola)
    OrganisationField.objects.create(organisation=vpk, field="rescue")
    seura = OrganisationFactory(name="Lahden Urheiluseura ry", home_municipality=lahti)
    OrganisationField.objects.create(organisation=seura, field="sports")
    OrganisationFactory(name="Salainen ry", status="pending", home_municipality=lahti)
    return {"lahti": lahti, "vpk": vpk, "seura": seura}


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("", ["Sysmän VPK ry", "Lahden Urheiluseura ry", "Lahden kaupunki"], ["Salainen ry"]),
        ("?laji=municipality", [">Lahden kaupunki</a>"], ["Sysmän VPK ry"]),
        ("?kunta=lahden-kaupunki", ["Lahden Urheiluseura ry"], ["Sysmän VPK ry", "Salainen ry"]),
        ("?ala=rescue", ["Sysmän VPK ry"], ["Lahden Urheiluseura ry"]),
        ("?haku=urheilu", ["Lahden Urheiluseura ry"], ["Sysmän VPK ry"]),
        ("?laji=association&ala=sports", ["Lahden Urheiluseura ry"], [">Lahden kaupunki</a>"]),
    ],
)
def test_the_directory_filters_by_kind_municipality_and_field(
    client, directory, query, shown, hidden
):
    response = client.get("/organisaatiot/" + query)
    assert response.status_code == 200
    results = response.content.decode().split('id="results"')[1]
    for name in shown:
        assert name in results
    for name in hidden:
        assert name not in results


@pytest.mark.parametrize(
    "query", ["?laji=kingdom", "?ala=astrology", "?kunta=ei-ole", f"?haku={'x' * 101}"]
)
def test_bad_filters_get_a_message_not_an_error(client, directory, query):
    response = client.get("/organisaatiot/" + query)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Korjaa seuraavat kohdat" in html
    assert "Mikään organisaatio ei vastaa rajauksia." in html


@pytest.mark.parametrize("page", ["0", "2", "x"])
def test_a_page_outside_the_list_is_404(client, directory, page):
    assert client.get(f"/organisaatiot/?sivu={page}").status_code == 404


def test_a_page_number_no_integer_holds_is_refused_before_the_view(client, directory):
    # portal.middleware.CleanInputMiddleware: 19 digits or more answer 400 everywhere.
    assert client.get("/organisaatiot/?sivu=" + "9" * 30).status_code == 400


def test_with_htmx_the_directory_answers_with_the_results_only(client, directory):
    response = client.get("/organisaatiot/?ala=rescue", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="results"')
    assert "<html" not in html and "Sysmän VPK ry" in html
    assert "HX-Request" in response["Vary"]


def test_the_directory_makes_the_same_queries_for_1_and_50_organisations(
    client, django_assert_max_num_queries
):
    home = OrganisationFactory(kind="municipality")

    def add(n: int) -> None:
        for organisation in OrganisationFactory.create_batch(n, home_municipality=home):
            OrganisationField.objects.create(organisation=organisation, field="culture")
            OrganisationField.objects.create(organisation=organisation, field="sports")

    assert_constant_queries(
        client, django_assert_max_num_queries, "/organisaatiot/?ala=culture", add, limit=6
    )


def test_an_organisations_page_tells_whom_it_represents_where(client, directory):
    vpk = directory["vpk"]
    person = PersonFactory(first_name="Jukka", last_name="Lahdenperä")
    Representative.objects.create(organisation=vpk, person=person, title="palopäällikkö")
    RepresentationFactory(
        organisation=vpk,
        membership__person=person,
        membership__body__name="Turvallisuus- ja valmiustoimikunta PHTURVA",
        membership__start=date(2023, 3, 1),
    )
    RepresentationFactory(
        organisation=vpk,
        membership__body__name="Palvelutuotannon työryhmä",
        membership__start=date(2021, 2, 1),
        membership__end=date(2021, 12, 31),
    )
    html = client.get(vpk.get_absolute_url()).content.decode()
    assert "Jukka Lahdenperä</a>, palopäällikkö" in html
    assert "Turvallisuus- ja valmiustoimikunta PHTURVA" in html
    assert "Aiemmin" in html and "Palvelutuotannon työryhmä" in html
    assert "Heinolan kaupunki" in html  # its home municipality
    assert "pelastus ja turvallisuus" in html


def test_an_unapproved_organisation_has_no_page(client, directory):
    assert client.get("/organisaatiot/salainen-ry/").status_code == 404
    assert client.get("/organisaatiot/ei-ole/").status_code == 404


def test_an_organisations_page_makes_the_same_queries_for_1_and_50_rows(
    client, django_assert_max_num_queries, directory
):
    vpk = directory["vpk"]
    agreement = CooperationAgreement.objects.create(
        slug="sopimus", title="Yhteistyöpöytäkirja", signed_on=date(2023, 5, 25), summary="S."
    )

    def add(n: int) -> None:
        for _ in range(n):
            Representative.objects.create(organisation=vpk, person=PersonFactory())
            RepresentationFactory(organisation=vpk, membership__start=date(2024, 1, 1))
            RepresentationFactory(
                organisation=vpk,
                membership__start=date(2021, 1, 1),
                membership__end=date(2021, 12, 31),
            )
            Signatory.objects.create(
                agreement=CooperationAgreement.objects.create(
                    slug=f"sopimus-{Signatory.objects.count()}",
                    title="Sopimus",
                    signed_on=date(2024, 1, 1),
                    summary="S.",
                ),
                organisation=vpk,
            )

    assert agreement.pk
    assert_constant_queries(
        client, django_assert_max_num_queries, vpk.get_absolute_url(), add, limit=8
    )


def test_a_municipalitys_page_links_the_organisations_domiciled_there(client, directory):
    html = client.get("/organisaatiot/lahden-kaupunki/").content.decode()
    assert "/organisaatiot/?kunta=lahden-kaupunki" in html
    assert "1 organisaatio, jonka kotipaikka on Lahden kaupunki" in html


# --- The strategy goal shows the agreement's follow-up ---------------------------------------------


def test_the_strategy_goal_shows_the_follow_up_of_the_agreement_serving_it(client):
    goal = GoalFactory(code="3", title="Luottamuksen avulla rakennettu yhteistyö")
    other = GoalFactory(code="2", strategy=goal.strategy)
    agreement = CooperationAgreement.objects.create(
        slug="sopimus",
        title="Yhteistyöpöytäkirja",
        signed_on=date(2023, 5, 25),
        summary="S.",
        strategy_goal=goal,
    )
    first = AgreementGoal.objects.create(agreement=agreement, title="Asukkaiden hyvä arki", order=1)
    AgreementGoal.objects.create(agreement=agreement, title="Elinvoima", order=2)
    FollowUp.objects.create(goal=first, year=2025, assessment="partly", summary="Vanha.")
    FollowUp.objects.create(goal=first, year=2026, assessment="realised", summary="Uusin.")
    url = reverse("strategy:goal_detail", args=[goal.strategy.slug, goal.code])
    html = client.get(url).content.decode()
    assert "Seuranta: Yhteistyöpöytäkirja" in html
    assert "2026" in html and "Uusin." in html and "Vanha." not in html  # the latest year
    assert 'Elinvoima</strong>: <span class="muted">ei vielä seurattu' in html
    other_html = client.get(
        reverse("strategy:goal_detail", args=[goal.strategy.slug, other.code])
    ).content.decode()
    assert "Seuranta: Yhteistyöpöytäkirja" not in other_html


def test_a_forum_body_without_a_profile_still_lists_members_by_organisation(client):
    body = ForumBodyFactory(slug="uusi-foorumi")
    RepresentationFactory(membership__body=body, organisation__name="Iitin kunta")
    html = client.get("/toimielimet/uusi-foorumi/").content.decode()
    assert "Iitin kunta" in html
    assert MeetingState.PLANNED  # the page needs no meetings
