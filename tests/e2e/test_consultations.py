"""Consultations in a real browser, at 320 and 1280 px, with and without JavaScript.

An invited organisation opens its personal link, saves a draft and submits its
statement; a resident comments on an open consultation and confirms the comment from
the e-mail; the organisations coordinator moderates the comment, closes the consultation
and reads the summary, whose chart and table give the same numbers; a resident reads
*Lausunnot* on the deciding agenda item. Every page is axe-clean and never scrolls
sideways (the Visit fixture of test_forums.py).
"""

from __future__ import annotations

import re
from datetime import timedelta

from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from forums import consultations as services
from forums.groups import coordinator_group_ensure
from forums.models import Comment, CommentState, Consultation, Statement, StatementState
from tests.e2e import test_forums
from tests.e2e.test_forums import Visit, _sign_in
from tests.factories import (
    BodyFactory,
    CaseFactory,
    HandlingFactory,
    OrganisationFactory,
    PublishedMeetingFactory,
    UserFactory,
)
from tests.forums.consultation_helpers import answers_for, consultation_data

LINK = re.compile(r"https?://[^/\s]+(/\S+)")
visit = test_forums.visit  # the fixture: JavaScript on and off, at 320 and 1280 px


def _consultation(**changes: object) -> Consultation:
    body = BodyFactory(slug="aluehallitus", name="Aluehallitus")
    case = CaseFactory(diary_number="87/00.01.00/2026", title="Palveluverkkosuunnitelma 2027–2030")
    consultation = services.consultation_create(
        data=consultation_data(case, body, title="Palveluverkkosuunnitelman luonnos", **changes)
    )
    return consultation


def _invite(consultation: Consultation, name: str, slug: str):  # type: ignore[no-untyped-def]
    organisation = OrganisationFactory(name=name, slug=slug)
    return services.invitation_add(
        consultation=consultation, organisation=organisation, email=f"{slug}@example.invalid"
    )


def test_an_invited_organisation_saves_a_draft_and_submits_its_statement(visit: Visit):
    consultation = _consultation()
    invitation = _invite(consultation, "Asikkalan Kyläyhdistysten liitto ry", "kylat")
    services.consultation_publish(consultation=consultation)
    page = visit.page

    page.goto(f"/kuulemiset/lausunto/{invitation.token}/")
    expect(page.locator("h1")).to_have_text("Palveluverkkosuunnitelman luonnos")
    expect(page.locator("main")).to_contain_text("Asikkalan Kyläyhdistysten liitto ry")
    visit.look()

    page.get_by_label("Lausunto:", exact=True).fill(
        "Kylätalot sopivat liikkuvan palvelun paikoiksi."
    )
    page.get_by_label("Kirjoittaja (ei julkinen)").fill("Reino Partanen")
    page.get_by_role("button", name="Tallenna luonnos").click()
    expect(page.locator(".messages")).to_contain_text("Luonnos on tallennettu")
    expect(page.get_by_label("Lausunto:", exact=True)).to_have_value(
        "Kylätalot sopivat liikkuvan palvelun paikoiksi."
    )
    assert Statement.objects.get().state == StatementState.DRAFT
    visit.look()

    page.get_by_role("radio", name="Osittain").check()
    page.get_by_role("radio", name="4", exact=True).check()
    page.get_by_role("button", name="Lähetä lausunto").click()
    expect(page.locator(".messages")).to_contain_text("Lausunto on lähetetty")
    expect(page.locator("main")).to_contain_text("Lähetetty")
    statement = Statement.objects.get()
    assert statement.state == StatementState.SUBMITTED
    assert statement.answers.count() == 2
    visit.look()


def test_a_resident_comments_on_an_open_consultation_and_confirms_by_email(visit: Visit):
    consultation = _consultation()
    services.consultation_publish(consultation=consultation)
    page = visit.page

    page.goto("/osallistu/")
    page.get_by_role("link", name="Kaikki kuulemiset: avoimet, tulevat ja päättyneet").click()
    expect(page.locator("h1")).to_have_text("Kuulemiset")
    visit.look()
    page.get_by_role("link", name="Palveluverkkosuunnitelman luonnos").click()
    expect(page.locator("h1")).to_have_text("Palveluverkkosuunnitelman luonnos")
    visit.look()

    page.get_by_label("Kommenttisi").fill("Laboratorio pitää säilyttää Hartolassa.")
    page.get_by_label("Nimi tai nimimerkki").fill("Hartolalainen")
    page.get_by_label("Sähköpostiosoite (ei koskaan julkinen)").fill("asukas@example.invalid")
    page.get_by_role("button", name="Lähetä kommentti").click()
    # Without the consent box ticked the form says what is missing and keeps the text.
    expect(page.get_by_role("alert")).to_contain_text("Rastita ruutu")
    expect(page.get_by_label("Kommenttisi")).to_have_value(
        "Laboratorio pitää säilyttää Hartolassa."
    )
    visit.look()
    page.get_by_label("Olen lukenut, miten kommenttiani ja henkilötietojani käsitellään.").check()
    page.get_by_role("button", name="Lähetä kommentti").click()
    expect(page.locator(".messages")).to_contain_text("Lähetimme sähköpostiisi linkin")
    visit.look()

    (confirm,) = [p for p in LINK.findall(mail.outbox[-1].body) if "/vahvista/" in p]
    page.goto(confirm)
    expect(page.locator("h1")).to_have_text("Vahvista kommenttisi")
    visit.look()
    page.get_by_role("button", name="Vahvista ja lähetä moderoitavaksi").click()
    expect(page.locator("h1")).to_have_text("Kommenttisi on vahvistettu")
    assert Comment.objects.get().state == CommentState.PENDING
    visit.look()


def test_the_coordinator_moderates_and_closes_and_the_summary_chart_agrees_with_its_table(
    visit: Visit,
):
    consultation = _consultation()
    services.consultation_publish(consultation=consultation)
    for n, choice in enumerate((0, 0, 2)):
        invitation = _invite(consultation, f"Yhdistys {n} ry", f"yhdistys-{n}")
        services.statement_submit(
            invitation=invitation,
            text=f"Lausunto {n}",
            answers=answers_for(consultation, choice=choice, scale=3 + n % 2),
        )
    comment = services.comment_submit(
        consultation=consultation,
        text="Neuvola ja perhekeskus samaan paikkaan.",
        email="asukas@example.invalid",
        name="Perheellinen",
        answers=answers_for(consultation, choice=1, scale=5),
    )
    services.comment_confirm(comment=comment)
    Consultation.objects.filter(pk=consultation.pk).update(
        opens_at=timezone.now() - timedelta(days=20), closes_at=timezone.now() - timedelta(hours=1)
    )
    coordinator = UserFactory(username="koordinaattori")
    coordinator.groups.add(coordinator_group_ensure())
    BodyFactory()  # the staff dashboard has something to list
    page = visit.page

    _sign_in(page, "koordinaattori")
    page.get_by_role("navigation", name="Omat työkalut").get_by_role(
        "link", name="Kuulemiset"
    ).click()
    expect(page.locator("h1")).to_have_text("Kuulemiset")
    visit.look()
    page.get_by_role("link", name="Palveluverkkosuunnitelman luonnos").click()
    page.get_by_role("button", name="Sulje kuuleminen").click()
    # A comment still waits for moderation: the rule is named and nothing closes.
    expect(page.locator(".messages")).to_contain_text("odottaa moderointia")
    visit.look()

    page.get_by_role("link", name="Moderointi (1)").click()
    expect(page.locator("h1")).to_contain_text("Moderointi")
    visit.look()
    page.get_by_label("Julkaise").check()
    page.get_by_role("button", name="Tallenna ratkaisu").click()
    expect(page.locator(".messages")).to_contain_text("Kommentti on julkaistu")
    page.get_by_role("link", name="Palveluverkkosuunnitelman luonnos").click()
    page.get_by_role("button", name="Sulje kuuleminen").click()
    expect(page.locator("h1")).to_contain_text("Yhteenveto vastauksista")
    assert Consultation.objects.get().closed_at is not None
    visit.look()

    choice = consultation.questions.get(kind="choice")
    chart = {
        row.get_attribute("data-label"): row.get_attribute("data-count")
        for row in page.locator(f"#chart-{choice.pk} .bar-chart__row").all()
    }
    table = {
        row.locator("th").inner_text(): row.locator("td").first.inner_text()
        for row in page.locator(f"#chart-{choice.pk}-table tbody tr").all()
    }
    assert chart == table == {"Kyllä": "2", "Osittain": "1", "Ei": "1"}
    respondents = page.locator("#respondents-table")
    expect(respondents.get_by_role("row", name=re.compile("Organisaatio"))).to_contain_text("3")
    expect(respondents.get_by_role("row", name=re.compile("Asukas"))).to_contain_text("1")


def test_a_resident_reads_the_statements_on_the_deciding_agenda_item(visit: Visit):
    consultation = _consultation()
    invitation = _invite(consultation, "Lahden kaupunki", "lahti")
    services.consultation_publish(consultation=consultation)
    services.statement_submit(
        invitation=invitation, text="Hyvinvointikeskukset joukkoliikenteen solmukohtiin."
    )
    Consultation.objects.filter(pk=consultation.pk).update(
        opens_at=timezone.now() - timedelta(days=50), closes_at=timezone.now() - timedelta(days=30)
    )
    services.usage_note_publish(
        consultation=consultation, text="Kaupungin ehdotus otettiin suunnitelman perusteluihin."
    )
    meeting = PublishedMeetingFactory(
        body=consultation.body, start=timezone.now() - timedelta(days=20)
    )
    item = HandlingFactory(
        item__meeting=meeting, item__case=consultation.case, item__title="Palveluverkkosuunnitelma"
    ).item
    services.decision_link(consultation=consultation, item=item)
    page = visit.page

    page.goto(consultation.get_absolute_url())
    page.get_by_role("link", name=re.compile(r"§ ")).first.click()
    expect(page.locator("h1")).to_have_text("Palveluverkkosuunnitelma")
    panel = page.locator("section", has=page.get_by_role("heading", name="Lausunnot", exact=True))
    expect(panel).to_contain_text("Lahden kaupunki")
    expect(panel).to_contain_text("Kaupungin ehdotus otettiin suunnitelman perusteluihin.")
    visit.look()
    panel.locator("summary", has_text="Lahden kaupunki").click()
    expect(panel).to_contain_text("Hyvinvointikeskukset joukkoliikenteen solmukohtiin.")
    visit.look()
