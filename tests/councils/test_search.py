"""Finnish search: inflected forms, filters, bad queries, and what the fallback does."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.utils import translation

from councils import voikko
from councils.models import Outcome
from councils.search import finnish_stem, stem_variants
from tests.councils.test_pages import assert_constant_queries
from tests.factories import (
    AgendaItemFactory,
    AttachmentFactory,
    CaseFactory,
    HandlingFactory,
    OfficialDecisionFactory,
)

pytestmark = pytest.mark.django_db


def _titles(client, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    response = client.get("/haku/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    return [
        t
        for t in ("Lausunto päätöksestä", "Strategian seuranta", "Terveyskeskuksen peruskorjaus")
        if t in html
    ]


def _found(client, query: str, **filters: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The titles of the results, in order."""
    response = client.get("/haku/", {"q": query, **filters})
    assert response.status_code == 200
    return re.findall(
        r'<h3 class="decision__title"><a href="[^"]+">([^<]+)</a>', response.content.decode()
    )


@pytest.fixture
def record():  # type: ignore[no-untyped-def]
    HandlingFactory(
        item__title="Lausunto päätöksestä", item__body="<p>Ministeriön päätöksen vaikutukset.</p>"
    )
    HandlingFactory(item__title="Strategian seuranta", item__body="<p>Seurataan strategiaa.</p>")
    HandlingFactory(
        item__title="Terveyskeskuksen peruskorjaus", item__body="<p>Heinolan terveyskeskus.</p>"
    )


def test_the_base_form_finds_inflected_forms(client, record):
    assert _titles(client, "päätös") == ["Lausunto päätöksestä"]
    assert _titles(client, "strategia") == ["Strategian seuranta"]
    assert _titles(client, "päätöksen") == ["Lausunto päätöksestä"]


def test_compound_parts_and_base_forms_with_voikko(client, settings):
    settings.SEARCH_VOIKKO = True
    assert voikko.available(), "Voikko (libvoikko1, voikko-fi, libvoikko) is installed by make"
    HandlingFactory(
        item__title="Terveyskeskuksen peruskorjaus", item__body="<p>Heinolan terveyskeskus.</p>"
    )
    HandlingFactory(item__title="Lasten ja nuorten palvelut", item__body="<p>Perhepalvelut.</p>")
    HandlingFactory(item__title="Järjestäytyminen", item__body="<p>Asia päätettiin heti.</p>")
    assert _found(client, "päättää") == ["Järjestäytyminen"]
    # "keskus" is the last part of "terveyskeskus"; "lapsi" is the base form of "lasten".
    assert _found(client, "keskus") == ["Terveyskeskuksen peruskorjaus"]
    assert _found(client, "lapsi") == ["Lasten ja nuorten palvelut"]
    assert _found(client, "terveyskeskuksessa") == ["Terveyskeskuksen peruskorjaus"]


def test_without_voikko_postgres_matches_stems_and_sqlite_substrings(client, settings):
    settings.SEARCH_VOIKKO = False
    HandlingFactory(
        item__title="Terveyskeskuksen peruskorjaus", item__body="<p>Heinolan terveyskeskus.</p>"
    )
    HandlingFactory(item__title="Lasten ja nuorten palvelut", item__body="<p>Perhepalvelut.</p>")
    HandlingFactory(item__title="Järjestäytyminen", item__body="<p>Asia päätettiin heti.</p>")
    # The stem's weak grade (päätt- → päät-) finds "päätettiin" on either database.
    assert _found(client, "päättää") == ["Järjestäytyminen"]
    assert _found(client, "terveyskeskus") == ["Terveyskeskuksen peruskorjaus"]
    # An irregular stem (lapsi ~ lasten) needs Voikko on either database.
    assert _found(client, "lapsi") == []
    if connection.vendor == "sqlite":
        # The fallback matches stems as substrings, so a compound's last part is found.
        assert _found(client, "keskus") == ["Terveyskeskuksen peruskorjaus"]
    else:
        # PostgreSQL's Snowball stemmer does not split compounds: documented in README.md.
        assert _found(client, "keskus") == []


def test_the_stemmer_cuts_case_endings_and_knows_the_s_ks_alternation():
    assert finnish_stem("strategian") == "strategi"
    assert finnish_stem("päätöksestä") == "päätökse"
    assert "päätöks" in stem_variants("päätös")
    assert "päätös" in stem_variants("päätöksen")


def test_a_confidential_items_text_is_not_searchable(client):
    HandlingFactory(
        item__is_public=False,
        item__title="Asiakasmaksun kohtuullistaminen",
        item__secrecy_basis="JulkL 24.1 § 25 k",
        item__body="<p>Hakijan nimi on Virtanen.</p>",
    )
    assert "Asiakasmaksun" not in client.get("/haku/", {"q": "Virtanen"}).content.decode()
    assert "Asiakasmaksun" in client.get("/haku/", {"q": "asiakasmaksu"}).content.decode()


def test_a_diary_number_goes_straight_to_the_case(client):
    case = CaseFactory(diary_number="97/00.01.00/2022")
    HandlingFactory(item__case=case)
    response = client.get("/haku/", {"q": "97/00.01.00/2022"})
    assert response.status_code == 302
    assert response["Location"] == case.get_absolute_url()


def test_officials_decisions_are_searched_too(client):
    OfficialDecisionFactory(
        title="Hankintapäätös: potilassängyt", text="<p>Päätän hankkia sängyt.</p>"
    )
    html = client.get("/haku/", {"q": "hankintapäätös", "laji": "viranhaltija"}).content.decode()
    assert "Hankintapäätös: potilassängyt" in html


def test_a_result_writes_what_the_record_holds_escaped(client):
    handling = HandlingFactory(
        item__title='Hankinta <script>alert(1)</script> & "muut"',
        item__case=CaseFactory(title="Hankinta"),
        outcome=Outcome.AS_PROPOSED,
    )
    html = client.get("/haku/", {"q": "hankinta", "laji": "paatokset"}).content.decode()
    result = html[html.index('<li class="decision">') :]
    result = result[: result.index("</li>")]
    assert (
        f'<a href="/pykalat/{handling.item.pk}/">'
        "Hankinta &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;muut&quot;</a>"
    ) in result
    assert handling.item.case.diary_number in result
    assert '<span class="outcome outcome--as_proposed">' in result
    assert "<script>" not in html


@pytest.mark.parametrize(
    "query",
    [
        '"päätös',
        "&|!():*",
        "'; DROP TABLE councils_case; --",
        "<script>alert(1)</script>",
        "ä" * 400,
        " ",
    ],
)
def test_odd_queries_give_results_or_a_message_never_a_500(client, record, query):
    response = client.get("/haku/", {"q": query})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_an_overlong_query_and_a_reversed_date_range_get_a_message(client, record):
    for params in (
        {"q": "x" * 10_000},
        {"q": "päätös", "alkaen": "2026-12-31", "asti": "2026-01-01"},
    ):
        response = client.get("/haku/", params)
        assert response.status_code == 400
        assert "Korjaa seuraavat kohdat" in response.content.decode()


def test_htmx_gets_the_results_region(client, record):
    response = client.get("/haku/", {"q": "strategia"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="results"')
    assert "Strategian seuranta" in html
    assert response["Vary"].count("HX-Request") == 1


def test_one_list_finds_decisions_officials_decisions_cases_and_attachments(
    client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    case = CaseFactory(title="Potilassänkyjen hankinta")
    handling = HandlingFactory(item__case=case, item__title="Potilassänkyjen hankinta 2026")
    attachment = AttachmentFactory(
        item=handling.item,
        title="Tarjousvertailu",
        text="Vertailussa oli neljä potilassänkyjen toimittajaa.",
    )
    attachment.file.save("tarjousvertailu.pdf", ContentFile(b"%PDF-1.7\n"))
    OfficialDecisionFactory(title="Potilassänkyjen hankintapäätös ja toimitusaika", case=case)
    found = _found(client, "potilassänky")
    # The decision (the shorter title), the official's decision, then the case page; the
    # attachment is found as part of its decision, not as a result of its own.
    assert found == [
        "Potilassänkyjen hankinta 2026",
        "Potilassänkyjen hankintapäätös ja toimitusaika",
        "Potilassänkyjen hankinta",
    ]
    html = client.get("/haku/", {"q": "potilassänky"}).content.decode()
    attachment_link = f"/liitteet/{handling.item.attachments.get().pk}/"
    assert "Myös liitteessä:" in html
    assert attachment_link in html
    # Words only the attachment has find its decision, which says where they are.
    assert _found(client, "toimittajaa") == ["Potilassänkyjen hankinta 2026"]
    html = client.get("/haku/", {"q": "toimittajaa"}).content.decode()
    assert "Löytyi liitteestä:" in html
    assert attachment_link in html
    assert _found(client, "potilassänky", laji="asiat") == ["Potilassänkyjen hankinta"]
    assert _found(client, "potilassänky", laji="liitteet") == ["Tarjousvertailu"]
    html = client.get("/haku/", {"q": "potilassänky", "laji": "liitteet"}).content.decode()
    assert f'<a href="{attachment_link}">Avaa liite ”Tarjousvertailu” (PDF)</a>' in html


def test_the_index_follows_edits_and_publication(client):
    item = AgendaItemFactory(
        title="Palveluverkon muutos", meeting__state="planned", meeting__agenda_published_at=None
    )
    assert _found(client, "palveluverkko") == []  # a planned meeting is not public yet
    meeting = item.meeting
    meeting.state = "notice_published"
    meeting.agenda_published_at = meeting.start - timedelta(days=5)
    meeting.save()
    assert _found(client, "palveluverkko") == ["Palveluverkon muutos"]
    assert _found(client, "palveluverkko", laji="esityslistat") == ["Palveluverkon muutos"]
    item.title = "Palveluverkon muutos Heinolassa"
    item.save()
    assert _found(client, "heinola") == ["Palveluverkon muutos Heinolassa"]


def test_personal_data_is_never_indexed(client):
    HandlingFactory(
        item__title="Vahingonkorvausvaatimus",
        item__body="<p>Vaatimuksen esitti <span data-personal>Matti Meikäläinen</span>.</p>",
    )
    assert _found(client, "vahingonkorvausvaatimus") == ["Vahingonkorvausvaatimus"]
    assert _found(client, "Meikäläinen") == []


def test_a_confidential_attachment_is_not_found(client):
    handling = HandlingFactory(item__title="Hankinta")
    AttachmentFactory(
        item=handling.item, title="Liikesalaisuus", text="Hinta 1000 euroa", is_public=False
    )
    assert _found(client, "hinta") == []


def test_the_search_results_page_has_constant_queries(client):
    def add_rows(n: int) -> None:
        for i in range(n):
            handling = HandlingFactory(item__title=f"Talousarvion muutos {i}")
            AttachmentFactory(item=handling.item, title=f"Talousarvioliite {i}")
            OfficialDecisionFactory(title=f"Talousarvion toteutus ja seuranta {i}")

    assert_constant_queries(client, "/haku/?q=talousarvio", add_rows, limit=6)
    html = client.get("/haku/", {"q": "talousarvio"}).content.decode()
    assert html.count('class="decision__title"') == 25  # a full page of the 150 results


def test_a_common_word_says_over_the_cap_in_either_order(client, monkeypatch):
    from councils import views

    monkeypatch.setattr(views.CappedPaginator, "cap", 2)
    monkeypatch.setattr("councils.search.RANKED_CANDIDATES", 2)
    for n in range(3):
        HandlingFactory(item__title=f"Talousarvion muutos {n}", item__case=None)
    html = client.get("/haku/", {"q": "talousarvio"}).content.decode()
    assert "Yli 2 tulosta" in html
    html = client.get("/haku/", {"q": "talousarvio", "jarjestys": "uusin"}).content.decode()
    assert "Yli 2 tulosta" in html


def _decided(title: str, *, body: str = "<p>Asian taustaa.</p>", day: int = 7, **item: object):  # type: ignore[no-untyped-def]
    start = datetime(2026, 9, day, 14, 0, tzinfo=ZoneInfo("Europe/Helsinki"))
    return HandlingFactory(
        item__title=title,
        item__body=body,
        item__meeting__start=start,
        **{f"item__{k}": v for k, v in item.items()},
    )


def test_it_ranks_a_title_match_above_a_newer_mention_in_the_text(client):
    _decided("Palveluverkkosuunnitelma 2027–2030", day=1)
    _decided("Kokousaikataulu", body="<p>Palveluverkko käsitellään syksyllä.</p>", day=20)
    assert _found(client, "palveluverkko") == [
        "Palveluverkkosuunnitelma 2027–2030",
        "Kokousaikataulu",
    ]
    # Newest first is still one choice away.
    assert _found(client, "palveluverkko", jarjestys="uusin")[0] == "Kokousaikataulu"


def test_it_ranks_the_title_that_is_most_nearly_the_query_first(client):
    _decided("Strategiatyön ohjausryhmän asettaminen", day=20)
    _decided("Hyvinvointialuestrategia 2023–2025", day=1)
    assert _found(client, "strategia")[0] == "Hyvinvointialuestrategia 2023–2025"


def test_it_ranks_procedural_items_below_substantive_ones_and_can_hide_them(client):
    _decided(
        "Ilmoitusasiat",
        body="<p>Merkitään tiedoksi talousarvion toteutuma.</p>",
        day=20,
        is_procedural=True,
    )
    _decided("Talousarvion muutos", day=1)
    assert _found(client, "talousarvio") == ["Talousarvion muutos", "Ilmoitusasiat"]
    assert _found(client, "talousarvio", piilota_muodolliset="on") == ["Talousarvion muutos"]


def test_the_newer_of_two_equal_matches_comes_first(client):
    older = _decided("Talousarvion muutos", day=1)
    newer = _decided("Talousarvion muutos", day=20)
    html = client.get("/haku/", {"q": "talousarvio"}).content.decode()
    assert html.index(newer.item.get_absolute_url()) < html.index(older.item.get_absolute_url())


def test_without_fts5_sqlite_ranks_substring_matches_the_same_way(client, monkeypatch):
    monkeypatch.setattr("councils.search.fts5_available", lambda: False)
    _decided("Kokousaikataulu", body="<p>Palveluverkko käsitellään syksyllä.</p>", day=20)
    _decided("Palveluverkkosuunnitelma 2027–2030", day=1)
    assert _found(client, "palveluverkko") == [
        "Palveluverkkosuunnitelma 2027–2030",
        "Kokousaikataulu",
    ]


def test_a_misspelt_word_gets_the_nearest_spelling_that_finds_something(client):
    _decided("Talousarvion muutos")
    html = client.get("/haku/", {"q": "talosarvio"}).content.decode()
    assert "Mitään ei löytynyt" in html
    assert "Tarkoititko:" in html
    suggestion = re.search(r'Tarkoititko: <a href="\?([^"]+)">([^<]+)</a>', html)
    assert suggestion is not None and suggestion[2] in ("talousarvio", "talousarvion")
    assert _found(client, suggestion[2]) == ["Talousarvion muutos"]


def test_an_english_or_swedish_word_gets_the_finnish_one(client):
    _decided("Talousarvio 2027 ja taloussuunnitelma 2027–2029")
    with translation.override("fi"):  # the /en/ and /sv/ pages switch the language
        for prefix in ("/en", "/sv"):
            html = client.get(f"{prefix}/haku/", {"q": "budget"}).content.decode()
            assert 'lang="fi">talousarvio</a>' in html, prefix
        html = client.get("/en/haku/", {"q": "budget"}).content.decode()
        assert "Decisions are published in Finnish" in html


def test_the_words_come_first_and_the_other_filters_open_only_when_set(client, record):
    html = client.get("/haku/", {"q": "strategia"}).content.decode()
    assert '<details class="filters__more">' in html  # closed: the results follow the box
    html = client.get("/haku/", {"q": "strategia", "jarjestys": "uusin"}).content.decode()
    assert '<details class="filters__more" open>' in html


def test_an_attachment_without_its_file_is_named_not_linked(client):
    handling = HandlingFactory(item__title="Hankinta")
    attachment = AttachmentFactory(item=handling.item, title="Tarjousvertailu", text="Sänkyjä")
    html = client.get("/haku/", {"q": "sänkyjä"}).content.decode()
    assert "Löytyi liitteestä:" in html
    assert "Tarjousvertailu" in html
    assert f"/liitteet/{attachment.pk}/" not in html  # it would answer 404
