"""The demo's consultations (forums/demo/consultations.json): the hearings the seeds tell
of, one consultation running now and one closed open consultation with comments."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import timezone

from councils.models import Body, Case
from forums.demo import consultations as demo
from forums.models import CommentState, Consultation, StatementState
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def councils_objects() -> None:
    """The councils and forums rows the demo refers to by title and address."""
    for slug in (
        "aluehallitus",
        "aluevaltuusto",
        "asiakas-ja-osallisuuslautakunta",
        "hyvinvoinnin-ja-terveyden-edistamisen-lautakunta",
        "vanhusneuvosto",
    ):
        f.BodyFactory(slug=slug, name=slug)
    for n, title in enumerate(
        (
            "Hyvinvointialuestrategia 2023–2025",
            "Järjestöneuvottelukunnan perustaminen",
            "Sosiaali- ja terveydenhuollon palvelustrategia",
            "Palveluverkkosuunnitelma 2027–2030",
            "Asiakasmaksut 1.1.2027 alkaen",
        ),
        start=1,
    ):
        f.CaseFactory(title=title, diary_number=f"{n}/00.01.00/2022")
    for slug in {
        "paijat-hameen-omaishoitajat",
        "lahden-seudun-mielenterveysseura",
        "heinolan-seudun-elakelaiset",
        "paijat-hameen-vammaisjarjestot",
        "paijat-hameen-nuorisoseurat",
        "paijat-hameen-liikuntaliitto",
        "asikkalan-kylat",
        "hollolan-perhetoiminta",
        "iitin-sydanyhdistys",
        "lahden-kaupunki",
        "padasjoen-kunta",
        "hollolan-kunta",
        "heinolan-kaupunki",
        "lahden-seudun-kehitysvammaisten-tuki",
        "spr-hameen-piiri",
        "sysman-kunta",
    }:
        f.OrganisationFactory(slug=slug, name=slug)
    aluevaltuusto = Body.objects.get(slug="aluevaltuusto")
    strategy = Case.objects.get(title="Hyvinvointialuestrategia 2023–2025")
    f.AgendaItemFactory(meeting__body=aluevaltuusto, case=strategy, title="Strategia")


def test_the_demo_has_the_three_hearings_of_2022_a_running_and_a_closed_open_consultation(
    councils_objects,
):
    assert demo.load(today=date(2026, 11, 30)) == 5
    assert demo.load(today=date(2026, 11, 30)) == 0  # a second run creates nothing
    now = timezone.now()
    strategy = Consultation.objects.get(title__startswith="Hyvinvointialuestrategian luonnos")
    assert strategy.opens_at.date() == date(2022, 5, 2)
    assert strategy.decision_item is not None
    assert strategy.usage_note_published_at is not None
    submitted = StatementState.SUBMITTED
    assert strategy.invitations.filter(statement__state=submitted).count() == 5
    service = Consultation.objects.get(title__startswith="Sosiaali- ja terveydenhuollon")
    answered_by_item = service.invitations.filter(statement__answered_by_item__isnull=False)
    assert answered_by_item.count() == 0  # no committee items in this small world
    model = Consultation.objects.get(title="Järjestöyhteistyön mallin luonnos")
    assert model.opens_at.month == 8 and model.usage_note
    running = Consultation.objects.get(title__startswith="Palveluverkkosuunnitelma")
    closed = Consultation.objects.get(title__startswith="Asiakasmaksut")
    assert running.open_to_all and running.invited
    assert closed.open_to_all and closed.has_ended(now)
    assert closed.comments.filter(state=CommentState.PUBLISHED).count() == 4
    assert (
        closed.comments.filter(state=CommentState.HIDDEN).exclude(moderation_reason="").count() == 1
    )


def test_the_running_consultation_takes_answers_today(councils_objects):
    demo.load()
    running = Consultation.objects.get(title__startswith="Palveluverkkosuunnitelma")
    assert running.is_open()
    assert (
        running.invitations.get(token="demo-asikkalan-kylat").organisation.slug == "asikkalan-kylat"
    )
    assert running.comments.filter(state=CommentState.PENDING).count() == 1
