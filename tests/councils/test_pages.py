"""The public pages of decision making: content, 404s, bad input, queries per page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from councils.models import (
    BodyKind,
    MeetingState,
    MembershipRole,
    Outcome,
    ProposalKind,
)
from councils.publication import publication_changed
from tests.factories import (
    HELSINKI,
    AgendaItemFactory,
    AttendanceFactory,
    BallotFactory,
    BodyFactory,
    CaseFactory,
    HandlingFactory,
    MeetingFactory,
    MembershipFactory,
    OfficialDecisionFactory,
    PersonFactory,
    ProposalFactory,
    PublishedMeetingFactory,
    VoteFactory,
)

pytestmark = pytest.mark.django_db


def _queries(client, url: str) -> int:
    # The page as rendered, not as the page cache (portal/public_cache.py) would give it.
    publication_changed()
    reset_queries()  # the log is capped at 9000 entries; start from empty
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    return len(context)


def assert_constant_queries(client, url: str, add_rows: Callable[[int], None], limit: int) -> None:
    """The page makes the same number of queries with 1 row as with 50, and at most `limit`."""
    add_rows(1)
    with_one = _queries(client, url)
    add_rows(49)
    with_fifty = _queries(client, url)
    assert with_one == with_fifty, f"{with_one} queries with 1 row, {with_fifty} with 50"
    assert 0 < with_fifty <= limit


# --- decision making index ---


def test_the_index_groups_bodies_by_kind(client):
    BodyFactory(name="Aluevaltuusto", kind=BodyKind.COUNCIL, slug="aluevaltuusto")
    board = BodyFactory(name="Aluehallitus", kind=BodyKind.EXECUTIVE_BOARD, slug="aluehallitus")
    BodyFactory(name="Yksilöasioiden jaosto", kind=BodyKind.DIVISION, parent=board)
    html = client.get("/paatoksenteko/").content.decode()
    links = [
        html.index(f">{name}</a>")
        for name in ("Aluevaltuusto", "Aluehallitus", "Yksilöasioiden jaosto")
    ]
    assert links == sorted(links)
    assert '<h3 id="kind-3">Jaosto</h3>' in html


def test_the_index_queries_do_not_grow_with_bodies(client):
    assert_constant_queries(
        client,
        "/paatoksenteko/",
        lambda n: [BodyFactory(parent=BodyFactory()) for _ in range(n)],
        limit=4,
    )


# --- body page ---


def test_the_body_page_shows_members_with_their_personal_deputies(client):
    body = BodyFactory(name="Aluehallitus", slug="aluehallitus", kind=BodyKind.EXECUTIVE_BOARD)
    chair = MembershipFactory(
        body=body, role=MembershipRole.CHAIR, person__last_name="Puheenjohtaja"
    )
    MembershipFactory(
        body=body,
        role=MembershipRole.DEPUTY,
        deputy_of=chair.person,
        person__last_name="Varajäsen",
    )
    MembershipFactory(body=body, role=MembershipRole.SECRETARY, person__last_name="Sihteeri")
    html = client.get("/toimielimet/aluehallitus/").content.decode()
    table = html[html.index("<tbody") :]
    row = table[table.index("Puheenjohtaja") : table.index("</tr>", table.index("Puheenjohtaja"))]
    assert "Varajäsen" in row
    assert "Sihteeri" in html
    assert "vähintään 6" in html  # more than half of 11 seats


def test_the_body_page_leads_with_the_next_meeting_and_recent_decisions(client):
    body = BodyFactory(name="Aluehallitus", slug="aluehallitus", kind=BodyKind.EXECUTIVE_BOARD)
    MembershipFactory(body=body, role=MembershipRole.CHAIR, person__last_name="Puheenjohtaja")
    MembershipFactory(
        body=body, role=MembershipRole.VICE_CHAIR, person__last_name="Varapuheenjohtaja"
    )
    MembershipFactory(body=body, role=MembershipRole.MEMBER, person__last_name="Rivijäsen")
    # A number the factory's sequence does not reach, whatever ran before in this process.
    MeetingFactory(body=body, number=912, start=timezone.now() + timedelta(days=5))
    HandlingFactory(item__meeting__body=body, item__title="Talousarvion muutos")
    HandlingFactory(item__meeting__body=body, item__title="Ilmoitusasiat", item__is_procedural=True)
    html = client.get("/toimielimet/aluehallitus/").content.decode()
    assert html.index("Seuraava kokous") < html.index("Viimeisimmät päätökset")
    assert html.index("Viimeisimmät päätökset") < html.index('id="members-heading"')
    assert "Kokous 912/" in html
    assert "Talousarvion muutos" in html
    assert "Ilmoitusasiat" not in html  # formalities are not what residents came for
    # The chair and vice-chair show; everyone else is one click away, without JavaScript.
    details = html.index('<details class="members">')
    assert html.index("Puheenjohtaja") < details
    assert html.index("Varapuheenjohtaja") < details
    assert html.index("Rivijäsen") > details
    assert "Kaikki 3 jäsentä" in html


def test_an_ended_body_says_when_it_ended_and_offers_nothing_to_follow(client):
    body = BodyFactory(
        name="ICT- ja digityöryhmä",
        slug="ict",
        kind=BodyKind.WORKING_GROUP,
        active=False,
        ended=date(2021, 6, 30),
    )
    html = client.get(body.get_absolute_url()).content.decode()
    assert "Toimielimen toiminta päättyi 30.6.2021." in html
    assert "seuraa/" not in html  # no e-mail alert
    assert "kokoukset.ics" not in html
    assert "vähintään" not in html  # no quorum to tell
    response = client.get("/seuraa/", {"toimielin": "ict"})
    assert response.status_code == 400
    assert "on lopettanut toimintansa" in response.content.decode()


def test_a_body_whose_memberships_all_ended_has_ended_with_the_last(client):
    body = BodyFactory(slug="tyoryhma", kind=BodyKind.WORKING_GROUP)
    MembershipFactory(body=body, start=date(2021, 1, 1), end=date(2021, 5, 31))
    MembershipFactory(body=body, start=date(2021, 1, 1), end=date(2021, 6, 15))
    assert body.end().on == date(2021, 6, 15)
    html = client.get(body.get_absolute_url()).content.decode()
    assert "Toimielimen toiminta päättyi 15.6.2021." in html
    working = BodyFactory(slug="lautakunta")
    MembershipFactory(body=working, start=date(2021, 1, 1))
    assert not working.end().ended
    assert not BodyFactory(slug="uusi").end().ended  # nobody recorded yet: still working


def test_the_body_page_lists_meetings_by_year(client):
    body = BodyFactory(slug="lautakunta")
    MeetingFactory(body=body, year=2025, number=3, start=datetime(2025, 5, 5, 14, tzinfo=HELSINKI))
    MeetingFactory(body=body, year=2026, number=1, start=datetime(2026, 2, 2, 14, tzinfo=HELSINKI))
    MeetingFactory(
        body=body,
        year=2026,
        number=9,
        start=datetime(2026, 2, 9, 14, tzinfo=HELSINKI),
        state=MeetingState.PLANNED,
    )
    html = client.get("/toimielimet/lautakunta/").content.decode()
    assert "1/2026" in html
    assert "3/2025" not in html
    assert "9/2026" not in html  # a planned meeting is not public
    html = client.get("/toimielimet/lautakunta/?vuosi=2025").content.decode()
    assert "3/2025" in html


@pytest.mark.parametrize("query", ["?vuosi=abc", "?vuosi=1900"])
def test_a_bad_year_on_the_body_page_is_a_404(client, query):
    body = BodyFactory(slug="lautakunta")
    MeetingFactory(body=body)
    assert client.get("/toimielimet/lautakunta/" + query).status_code == 404


def test_a_year_too_large_for_any_number_is_refused_before_the_page(client):
    BodyFactory(slug="lautakunta")
    response = client.get("/toimielimet/lautakunta/?vuosi=99999999999999999999")
    assert response.status_code == 400
    assert "yli 18-numeroinen luku" in response.content.decode()


def test_the_body_page_queries_do_not_grow(client):
    body = BodyFactory(slug="lautakunta")

    def add(n: int) -> None:
        for _ in range(n):
            chair = MembershipFactory(body=body)
            MembershipFactory(body=body, role=MembershipRole.DEPUTY, deputy_of=chair.person)
            MeetingFactory(body=body)

    assert_constant_queries(client, "/toimielimet/lautakunta/", add, limit=10)


# --- meeting page ---


def test_a_planned_meeting_is_not_public(client):
    meeting = MeetingFactory(state=MeetingState.PLANNED)
    assert client.get(f"/kokoukset/{meeting.pk}/").status_code == 404


def test_the_meeting_page_shows_the_agenda_in_section_order(client):
    meeting = MeetingFactory()
    AgendaItemFactory(meeting=meeting, section=12, title="Toinen asia")
    AgendaItemFactory(meeting=meeting, section=11, title="Ensimmäinen asia")
    AgendaItemFactory(
        meeting=meeting,
        section=13,
        title="Yksilöasian oikaisuvaatimus",
        is_public=False,
        secrecy_basis="JulkL 24.1 § 25 k",
    )
    html = client.get(f"/kokoukset/{meeting.pk}/").content.decode()
    assert html.index("Ensimmäinen asia") < html.index("Toinen asia")
    assert "Esityslista" in html
    assert "JulkL 24.1 § 25 k" in html
    assert "Suljetussa kokouksessa" in html or "§ 13" in html


def test_the_meeting_page_shows_attendance_and_checkers_once_published(client):
    meeting = PublishedMeetingFactory(body__seats=3)
    AttendanceFactory(meeting=meeting, person__last_name="Läsnäolija")
    AttendanceFactory(meeting=meeting, person__last_name="Etäosallistuja", presence="remote")
    html = client.get(f"/kokoukset/{meeting.pk}/").content.decode()
    assert "Läsnäolija" in html
    assert "Etäosallistuja" in html
    assert "Kokous oli päätösvaltainen" in html
    assert meeting.minutes.checker_1.last_name in html


def test_the_meeting_page_queries_do_not_grow(client):
    meeting = PublishedMeetingFactory()

    def add(n: int) -> None:
        for _ in range(n):
            HandlingFactory(item__meeting=meeting)
            AttendanceFactory(meeting=meeting)

    assert_constant_queries(client, f"/kokoukset/{meeting.pk}/", add, limit=8)


# --- item page ---


def _decided_item_with_a_tied_vote():
    handling = HandlingFactory(
        outcome=Outcome.AMENDED, decision="<p>Lautakunta hyväksyi suunnitelman muutettuna.</p>"
    )
    chair = PersonFactory(last_name="Puheenjohtaja")
    vote = VoteFactory(handling=handling, chair=chair, no_proposal__proposer__last_name="Ehdottaja")
    BallotFactory(vote=vote, person=chair, choice="no")
    BallotFactory(vote=vote, choice="yes")
    BallotFactory(vote=vote, choice="blank")
    return handling.item, vote


def test_the_item_page_shows_the_vote_table_and_the_chairs_casting_vote(client):
    item, _vote = _decided_item_with_a_tied_vote()
    html = client.get(item.get_absolute_url()).content.decode()
    assert "Miten kukin jäsen äänesti" in html
    assert "Jaa 1, Ei 1" in html
    assert "puheenjohtajan ääni ratkaisi" in html
    assert "Ehdottaja" in html


def test_the_vote_table_names_each_member_their_ballot_and_the_chair_escaped(client):
    item, vote = _decided_item_with_a_tied_vote()
    chair = vote.chair
    chair.first_name = "<b>Olli</b>"
    chair.save()
    html = client.get(item.get_absolute_url()).content.decode()
    table = html[html.index('<table class="ballots">') : html.index("</table>")]
    assert table.count("<tr><td>") == 3
    assert (
        f'<tr><td><a href="/henkilot/{chair.slug}/">&lt;b&gt;Olli&lt;/b&gt; Puheenjohtaja</a>'
        ' (puheenjohtaja)</td><td class="ballot ballot--no">Ei</td></tr>'
    ) in table
    assert '<td class="ballot ballot--yes">Jaa</td>' in table
    assert '<td class="ballot ballot--blank">Tyhjä</td>' in table
    assert "<b>Olli" not in html


def test_the_item_page_shows_the_amendment_against_the_proposal(client):
    item, _ = _decided_item_with_a_tied_vote()
    html = client.get(item.get_absolute_url()).content.decode()
    diff = html[html.index('class="diff"') :]
    diff = diff[: diff.index("</p>")]
    # Whole changed passages, each labelled for screen readers, not alternating words.
    assert diff.count("<del>") == diff.count("<ins>") == 1
    assert (
        '<ins><span class="visually-hidden">Lisätty: </span>hyväksyi suunnitelman muutettuna.'
        in diff
    )
    assert '<del><span class="visually-hidden">Poistettu: </span>hyväksyy suunnitelman.' in diff


def test_the_item_page_shows_the_appeal_dates(client):
    meeting = PublishedMeetingFactory(start=datetime(2026, 5, 25, 14, tzinfo=HELSINKI))
    meeting.minutes.published_at = datetime(2026, 5, 29, 12, tzinfo=HELSINKI)
    meeting.minutes.save(update_fields=["published_at"])
    handling = HandlingFactory(item__meeting=meeting)
    html = client.get(handling.item.get_absolute_url()).content.decode()
    # 29.5. + 7 = 5.6.; + 14 = 19.6. (Midsummer Eve) -> Monday 22.6.2026
    assert "5.6.2026" in html
    assert "22.6.2026" in html
    assert "Oikaisuvaatimus" in html


def test_the_clerk_can_override_the_last_day_with_a_reason(client):
    handling = HandlingFactory()
    item = handling.item
    item.appeal_last_day_override = date(2026, 12, 31)
    item.appeal_override_reason = "Tiedoksianto viivästyi."
    item.save(update_fields=["appeal_last_day_override", "appeal_override_reason"])
    html = client.get(item.get_absolute_url()).content.decode()
    assert "31.12.2026" in html
    assert "Tiedoksianto viivästyi." in html


def test_a_confidential_item_shows_only_its_title_and_basis(client):
    handling = HandlingFactory(
        item__is_public=False,
        item__title="Asiakasmaksun perimättä jättäminen",
        item__secrecy_basis="JulkL 24.1 § 25 k",
        item__body="<p>Asiakkaan terveystiedot</p>",
        decision="<p>Myönnettiin vapautus.</p>",
    )
    html = client.get(handling.item.get_absolute_url()).content.decode()
    assert "Asiakasmaksun perimättä jättäminen" in html
    assert "JulkL 24.1 § 25 k" in html
    assert "Asiakkaan terveystiedot" not in html
    assert "Myönnettiin vapautus" not in html


def test_tagged_personal_data_disappears_after_the_appeal_period(client):
    handling = HandlingFactory(
        item__body='<p>Hakija <span data-personal="">Maija Meikäläinen</span> pyysi lisäaikaa.</p>'
    )
    url = handling.item.get_absolute_url()
    minutes = handling.item.meeting.minutes
    minutes.published_at = timezone.now() - timedelta(days=2)
    minutes.save(update_fields=["published_at"])
    assert "Maija Meikäläinen" in client.get(url).content.decode()
    minutes.published_at = timezone.now() - timedelta(days=60)
    minutes.save(update_fields=["published_at"])
    html = client.get(url).content.decode()
    assert "Maija Meikäläinen" not in html
    assert "[henkilötieto poistettu]" in html


def test_an_item_links_to_other_handlings_of_its_case(client):
    case = CaseFactory(diary_number="120/00.01.00/2022", title="Hyvinvointialuestrategia")
    board = HandlingFactory(item__case=case, item__title="Strategia, ehdotus valtuustolle")
    council = HandlingFactory(
        item__case=case,
        item__title="Strategian hyväksyminen",
        item__meeting__start=board.item.meeting.start + timedelta(days=7),
    )
    html = client.get(council.item.get_absolute_url()).content.decode()
    assert "Aiempi käsittely" in html
    assert board.item.get_absolute_url() in html
    case_html = client.get("/asiat/120/00.01.00/2022/").content.decode()
    assert board.item.get_absolute_url() in case_html
    assert council.item.get_absolute_url() in case_html


def test_a_cases_handlings_in_one_meeting_are_listed_by_section_whatever_their_order_of_entry(
    client,
):
    """Two items of one meeting tie on its start: § 12 comes before § 13 on the case's
    pages although § 13 was entered first (PostgreSQL returns ties in whatever order the
    plan of the moment gives, and the plans it keeps made them swap between requests)."""
    case = CaseFactory(diary_number="121/00.01.00/2023", title="Yksilöasiat")
    later = HandlingFactory(item__case=case, item__section=13, item__title="Kolmastoista")
    meeting = later.item.meeting
    earlier = HandlingFactory(
        item__case=case, item__meeting=meeting, item__section=12, item__title="Kahdestoista"
    )
    next_meeting = HandlingFactory(
        item__case=case,
        item__title="Jatkokäsittely",
        item__meeting__start=meeting.start + timedelta(days=7),
    )
    html = client.get(next_meeting.item.get_absolute_url()).content.decode()
    assert html.index(earlier.item.get_absolute_url()) < html.index(later.item.get_absolute_url())
    case_html = client.get("/asiat/121/00.01.00/2023/").content.decode()
    positions = [case_html.index(h.item.get_absolute_url()) for h in (earlier, later, next_meeting)]
    assert positions == sorted(positions)


def test_an_item_whose_agenda_is_not_out_is_a_404(client):
    item = AgendaItemFactory(meeting__state=MeetingState.PLANNED)
    assert client.get(item.get_absolute_url()).status_code == 404


def test_the_item_page_queries_do_not_grow_with_ballots_or_handlings(client):
    item, vote = _decided_item_with_a_tied_vote()

    def add(n: int) -> None:
        for _ in range(n):
            BallotFactory(vote=vote, choice="blank")
            HandlingFactory(item__case=item.case)
            ProposalFactory(
                handling=item.handling, kind=ProposalKind.COUNTER, proposer=PersonFactory()
            )

    assert_constant_queries(client, item.get_absolute_url(), add, limit=8)


# --- lists ---


def test_the_decisions_list_filters_by_body_date_and_outcome(client):
    wanted = HandlingFactory(
        item__title="Haettu päätös",
        item__meeting__body__slug="hallitus",
        outcome=Outcome.TABLED,
    )
    HandlingFactory(item__title="Muu päätös")
    html = client.get(
        "/paatokset/?toimielin=hallitus&tulos=tabled&alkaen=2026-01-01&asti=2026-12-31"
    ).content.decode()
    assert "Haettu päätös" in html
    assert "Muu päätös" not in html
    assert wanted.item.get_absolute_url() in html


@pytest.mark.parametrize(
    "query",
    [
        "?alkaen=2026-13-45",
        "?alkaen=eilen",
        "?alkaen=2026-12-31&asti=2026-01-01",
        "?toimielin=ei-ole",
        "?tulos=kaikki",
        "?alkaen=" + "9" * 5000 + "-01-01",
    ],
)
def test_bad_filters_give_a_message_not_a_500(client, query):
    HandlingFactory()
    response = client.get("/paatokset/" + query)
    assert response.status_code == 400
    assert "Korjaa seuraavat kohdat" in response.content.decode()


@pytest.mark.parametrize("page", ["0", "abc", "999", "-1"])
def test_a_bad_page_number_is_a_404(client, page):
    HandlingFactory()
    assert client.get(f"/paatokset/?sivu={page}").status_code == 404


def test_the_decisions_list_leaves_out_formalities_unless_asked(client):
    HandlingFactory(item__title="Talousarvion muutos")
    HandlingFactory(item__title="Pöytäkirjantarkastajien valinta", item__is_procedural=True)
    html = client.get("/paatokset/").content.decode()
    assert "Talousarvion muutos" in html
    assert "Pöytäkirjantarkastajien valinta" not in html
    assert "Näytä myös muodolliset asiat" in html
    html = client.get("/paatokset/", {"muodolliset": "on"}).content.decode()
    assert "Talousarvion muutos" in html
    assert "Pöytäkirjantarkastajien valinta" in html


def test_the_decisions_list_queries_do_not_grow(client):
    assert_constant_queries(
        client, "/paatokset/", lambda n: [HandlingFactory() for _ in range(n)], limit=6
    )


def test_officials_decisions_are_listed_and_shown(client):
    decision = OfficialDecisionFactory(title="Hankintapäätös: potilassängyt")
    OfficialDecisionFactory(title="Julkaisematon", published_at=None)
    html = client.get("/viranhaltijapaatokset/").content.decode()
    assert "Hankintapäätös: potilassängyt" in html
    assert "Julkaisematon" not in html
    assert client.get(decision.get_absolute_url()).status_code == 200


def test_the_officials_decisions_list_queries_do_not_grow(client):
    assert_constant_queries(
        client,
        "/viranhaltijapaatokset/",
        lambda n: [OfficialDecisionFactory(case=CaseFactory()) for _ in range(n)],
        limit=5,
    )


# --- calendar ---


def test_the_calendar_shows_the_months_meetings_in_grid_and_list(client):
    MeetingFactory(body__name="Vanhusneuvosto", start=datetime(2026, 11, 10, 13, tzinfo=HELSINKI))
    MeetingFactory(body__name="Nuorisovaltuusto", start=datetime(2026, 12, 1, 17, tzinfo=HELSINKI))
    html = client.get("/kalenteri/?kuukausi=2026-11").content.decode()
    assert "Vanhusneuvosto" in html
    assert "Nuorisovaltuusto" not in html
    assert "<table" in html
    # Narrow screens get the same month as a list of days (raati.css shows one or the other).
    days = html[html.index('<ol class="calendar-days__list">') : html.index("</ol>")]
    assert "tiistai 10.11." in days
    assert "Vanhusneuvosto" in days
    html = client.get("/kalenteri/?kuukausi=2026-11&nakyma=lista").content.decode()
    assert "Vanhusneuvosto" in html
    assert "<table" not in html


@pytest.mark.parametrize("month", ["2026-13", "marraskuu", "0000-01", "9999-12", "2026-1x"])
def test_a_bad_month_is_a_404(client, month):
    assert client.get(f"/kalenteri/?kuukausi={month}").status_code == 404


def test_the_calendar_queries_do_not_grow(client):
    start = datetime(2026, 11, 10, 13, tzinfo=HELSINKI)
    assert_constant_queries(
        client,
        "/kalenteri/?kuukausi=2026-11",
        lambda n: [MeetingFactory(start=start) for _ in range(n)],
        limit=4,
    )


# --- person and case pages ---


def test_the_person_page_shows_memberships_votes_and_disqualifications(client):
    item, vote = _decided_item_with_a_tied_vote()
    voter = vote.ballots.get(choice="yes").person
    MembershipFactory(person=voter, body__name="Tarkastuslautakunta")
    from councils.models import Disqualification

    Disqualification.objects.create(item=item, person=voter, ground="close_person")
    html = client.get(voter.get_absolute_url()).content.decode()
    assert "Tarkastuslautakunta" in html
    assert item.title in html
    assert "Jaa" in html
    assert "HL 28.1 § 2 k" in html


def test_the_person_page_queries_do_not_grow(client):
    person = PersonFactory()

    def add(n: int) -> None:
        for _ in range(n):
            MembershipFactory(person=person)
            BallotFactory(person=person)

    assert_constant_queries(client, person.get_absolute_url(), add, limit=6)


@pytest.mark.parametrize(
    "url",
    [
        "/toimielimet/ei-ole/",
        "/henkilot/ei-ole/",
        "/kokoukset/999999/",
        "/kokoukset/abc/",
        "/pykalat/999999/",
        "/asiat/1/00.00.00/2020/",
        "/asiat/1/xx/2020/",
        "/viranhaltijapaatokset/999999/",
        "/kokoukset/99999999999999999999999/",
    ],
)
def test_unknown_ids_give_the_sites_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Sivua ei löytynyt" in response.content.decode()


# --- home ---


def test_the_home_page_shows_upcoming_meetings_and_latest_decisions(client):
    MeetingFactory(body__name="Aluevaltuusto", start=timezone.now() + timedelta(days=3))
    HandlingFactory(item__title="Talousarvion muutos")
    OfficialDecisionFactory(title="Virkavapauden myöntäminen")
    html = client.get("/").content.decode()
    assert "Aluevaltuusto" in html
    assert "Talousarvion muutos" in html
    assert "Virkavapauden myöntäminen" in html


def test_the_home_page_has_a_search_box_and_leaves_out_formalities(client):
    HandlingFactory(item__title="Talousarvion muutos")
    HandlingFactory(
        item__title="Kokouksen laillisuus ja päätösvaltaisuus", item__is_procedural=True
    )
    HandlingFactory(
        item__title="Yksilöasian oikaisuvaatimus",
        item__is_public=False,
        item__secrecy_basis="JulkL 24.1 § 25 k",
    )
    html = client.get("/").content.decode()
    assert '<form method="get" action="/haku/" role="search"' in html
    assert 'name="q"' in html
    assert "Talousarvion muutos" in html
    assert "Kokouksen laillisuus" not in html
    assert "Yksilöasian oikaisuvaatimus" not in html


def test_a_cancelled_meeting_says_so_once_and_promises_no_agenda(client):
    meeting = MeetingFactory(
        state=MeetingState.CANCELLED,
        agenda_published_at=None,
        cancelled_reason="Käsiteltäviä asioita ei ollut.",
    )
    html = client.get(meeting.get_absolute_url()).content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    assert main.lower().count("peruttu") == 1
    assert "Käsiteltäviä asioita ei ollut." in main
    assert "Esityslista julkaistaan" not in main
    assert "Kokous pidetään" not in main


def test_the_home_page_queries_do_not_grow(client):
    def add(n: int) -> None:
        for _ in range(n):
            MeetingFactory(start=timezone.now() + timedelta(days=3))
            HandlingFactory()
            OfficialDecisionFactory()

    assert_constant_queries(client, "/", add, limit=5)


def test_empty_month_and_year_parameters_show_the_defaults(client):
    body = BodyFactory(slug="lautakunta")
    MeetingFactory(body=body)
    assert client.get("/kalenteri/?kuukausi=").status_code == 200
    assert client.get("/toimielimet/lautakunta/?vuosi=").status_code == 200


def test_the_decisions_count_is_cached_until_the_record_changes(client):
    HandlingFactory(item__title="Ensimmäinen päätös")
    assert "1 päätös" in client.get("/paatokset/").content.decode()
    HandlingFactory(item__title="Toinen päätös")
    html = client.get("/paatokset/").content.decode()
    assert "2 päätöstä" in html
    assert "Toinen päätös" in html
