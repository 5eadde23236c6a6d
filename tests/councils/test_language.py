"""Finnish that reads as Finnish, and Swedish and English pages that say the record is Finnish."""

from __future__ import annotations

import pytest
from django.utils import translation

from councils import voikko
from councils.models import ProposalKind
from tests.factories import HandlingFactory, PersonFactory, ProposalFactory

pytestmark = pytest.mark.django_db


def _counter_proposal(first: str, last: str):  # type: ignore[no-untyped-def]
    handling = HandlingFactory()
    ProposalFactory(handling=handling, kind=ProposalKind.PRESENTER, order=1)
    return ProposalFactory(
        handling=handling,
        kind=ProposalKind.COUNTER,
        proposer=PersonFactory(first_name=first, last_name=last),
        seconder=PersonFactory(),
        text="Asia palautetaan valmisteluun.",
        order=2,
    )


@pytest.mark.parametrize(
    ("last", "genitive"),
    [
        ("Tenhunen", "Tenhusen"),
        ("Koskela", "Koskelan"),
        ("Laine", "Laineen"),
        ("Lahti", "Lahden"),
        ("Kokko", "Kokon"),
        ("Myllymäki", "Myllymäen"),
        ("Lindroos", "Lindroosin"),
        ("Kallio-Virtanen", "Kallio-Virtasen"),
    ],
)
def test_voikko_puts_a_name_in_the_genitive(settings, last, genitive):
    settings.SEARCH_VOIKKO = True
    assert voikko.available(), "Voikko (libvoikko1, voikko-fi, libvoikko) is installed by make"
    assert voikko.genitive(f"Marko {last}") == f"Marko {genitive}"


def test_a_name_voikko_does_not_know_is_not_guessed(settings):
    settings.SEARCH_VOIKKO = True
    assert voikko.genitive("Marko Xqzwyk") is None


def test_the_decision_page_says_whose_counter_proposal_in_finnish(client, settings):
    settings.SEARCH_VOIKKO = True
    proposal = _counter_proposal("Marko", "Tenhunen")
    html = client.get(proposal.handling.item.get_absolute_url()).content.decode()
    assert "Marko Tenhusen vastaehdotus" in html
    assert ":n vastaehdotus" not in html


def test_without_voikko_the_name_follows_in_brackets(client, settings):
    settings.SEARCH_VOIKKO = False
    proposal = _counter_proposal("Marko", "Tenhunen")
    html = client.get(proposal.handling.item.get_absolute_url()).content.decode()
    assert "Vastaehdotus (Marko Tenhunen)" in html
    assert ":n vastaehdotus" not in html


def test_swedish_and_english_say_whose_counter_proposal_without_a_genitive(client):
    proposal = _counter_proposal("Marko", "Tenhunen")
    url = proposal.handling.item.get_absolute_url()
    with translation.override("fi"):
        assert "Motförslag av Marko Tenhunen" in client.get("/sv" + url).content.decode()
        assert "Counter-proposal by Marko Tenhunen" in client.get("/en" + url).content.decode()


def test_swedish_and_english_pages_say_the_record_is_in_finnish(client):
    with translation.override("fi"):
        assert "language-note" not in client.get("/").content.decode()
        english = client.get("/en/").content.decode()
        swedish = client.get("/sv/").content.decode()
    assert "publishes its agendas, decisions and minutes in Finnish" in english
    assert "publicerar sina föredragningslistor, beslut och protokoll på finska" in swedish


def test_swedish_uses_the_countys_own_terms(client):
    with translation.override("fi"):
        html = client.get("/sv/").content.decode()
        calendar = client.get("/sv/kalenteri/").content.decode()
    assert "välfärdsområdesfullmäktiges" in html
    assert "Kommande sammanträden" in html
    assert "möte" not in html.lower().replace("ledamöte", "")
    assert "Sammanträdeskalender" in calendar or "Sammanträden:" in calendar
