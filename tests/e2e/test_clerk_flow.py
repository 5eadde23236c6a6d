"""A clerk takes a meeting from nothing to published minutes; a resident then reads it all.

The same flow runs with JavaScript (htmx swaps, checked with axe-core after each) and
without it (plain forms, POST-redirect-GET).
"""

from __future__ import annotations

import re
from datetime import timedelta
from io import BytesIO

import pytest
from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from councils import documents
from councils.models import AgendaItem, Document, DocumentKind, Meeting, MeetingState
from tests.demo_snapshot import load_demo
from tests.labels import capfirst, counter_label

PASSWORD = "raati-demo-2026"


@pytest.fixture
def demo(transactional_db: None) -> None:
    load_demo()


def _sign_in(page: Page, username: str) -> None:
    page.goto("/kirjaudu/")
    page.get_by_label("Käyttäjätunnus").fill(username)
    page.get_by_label("Salasana").fill(PASSWORD)
    page.get_by_role("button", name="Kirjaudu").click()
    expect(page.get_by_role("button", name=re.compile("Kirjaudu ulos"))).to_be_visible()


def _tools(page: Page):  # type: ignore[no-untyped-def]
    """The signed-in user's tools in the header."""
    return page.get_by_role("navigation", name="Omat työkalut")


def _sign_out(page: Page) -> None:
    page.get_by_role("button", name=re.compile("Kirjaudu ulos")).click()


def _check(page: Page, assert_accessible, js: bool) -> None:  # type: ignore[no-untyped-def]
    if js:
        assert_accessible(page)


def _field(page: Page, label: str):  # type: ignore[no-untyped-def]
    """A form control by its whole label (Django adds a colon to labels)."""
    return page.get_by_label(re.compile(rf"^{re.escape(label)}:?$"))


def _status(page: Page, text: str) -> None:
    """The message at the top of the page, then the rest of the page parsed.

    A click returns once the next page starts to load; a status can show while the forms
    below it are still to be parsed, and counting their rows or options then finds none.
    """
    expect(page.get_by_role("status").filter(has_text=text).first).to_be_visible()
    page.wait_for_load_state("domcontentloaded")


def run_flow(page: Page, assert_accessible, *, js: bool) -> None:  # type: ignore[no-untyped-def]
    _sign_in(page, "sihteeri")
    _tools(page).get_by_role("link", name="Työpöytä").click()
    expect(page.locator("h1")).to_have_text("Työpöytä")
    _check(page, assert_accessible, js)

    # A new meeting of the board, two weeks ahead.
    page.get_by_role("link", name="Uusi kokous").click()
    day = timezone.localdate() + timedelta(days=14)
    page.get_by_label("Toimielin").select_option(label="Aluehallitus")
    page.get_by_label("Päivämäärä").fill(day.isoformat())
    page.get_by_label("Alkaa klo").fill("14:00")
    page.get_by_label("Paikka").fill("Hyvinvointialueen kokoushuone, Lahti")
    page.get_by_role("button", name="Luo kokous").click()
    expect(page.locator("h1")).to_contain_text("Aluehallitus")
    meeting = Meeting.objects.filter(body__slug="aluehallitus").latest("pk")
    _check(page, assert_accessible, js)

    # Three items; the third is moved up to § 2.
    for title, diary in [
        ("Palvelusetelin sääntökirja", "901/05.00.00/2026"),
        ("Hoitajamitoituksen seuranta", "902/05.00.00/2026"),
        ("Ensihoidon palvelutasopäätös", "903/10.00.00/2026"),
    ]:
        page.get_by_label("Otsikko").fill(title)
        page.get_by_label("Tai uusi asia: diaarinumero").fill(diary)
        page.get_by_role("button", name="Lisää esityslistalle").click()
        expect(page.locator("#agenda")).to_contain_text(title)
    _check(page, assert_accessible, js)
    page.get_by_role("button", name=re.compile(r"Siirrä ylös.*§ \d+$")).last.click()
    agenda = page.locator(".staff-agenda__item")
    expect(agenda.nth(1)).to_contain_text("Ensihoidon palvelutasopäätös")
    _check(page, assert_accessible, js)

    # The proposal of § 1 is written in the item editor.
    page.get_by_role("link", name=re.compile("Muokkaa.*§")).first.click()
    page.get_by_label("Päätösehdotus").fill("<p>Aluehallitus hyväksyy sääntökirjan.</p>")
    page.get_by_role("button", name="Tallenna", exact=True).click()
    _status(page, "Tallennettu")
    _check(page, assert_accessible, js)
    page.get_by_role("link", name=meeting_label(meeting)).click()

    page.get_by_role("button", name="Julkaise kokouskutsu").click()
    _status(page, "Kokouskutsu on julkaistu")
    page.get_by_role("button", name="Julkaise esityslista").click()
    _status(page, "Esityslista on julkaistu")

    # After the notice, the meeting moves a week later; a resident's calendar keeps the event.
    before = _calendar_event(page, meeting)
    page.get_by_role("link", name="Siirrä kokous").click()
    expect(page.locator("h1")).to_contain_text("Siirrä kokous")
    _check(page, assert_accessible, js)
    too_soon = timezone.localdate() + timedelta(days=1)
    page.get_by_label("Päivämäärä").fill(too_soon.isoformat())
    page.get_by_label("Muutoksen syy").fill("Aluehallituksen iltakoulu siirtyi.")
    page.get_by_role("button", name="Siirrä kokous").click()
    expect(page.locator(".error-summary")).to_contain_text("vähintään 3 päivää ennen kokousta")
    _check(page, assert_accessible, js)
    # A week later, or earlier when later would be next year (a meeting keeps its year).
    new_day = day + timedelta(days=7)
    new_day = new_day if new_day.year == day.year else day - timedelta(days=7)
    page.get_by_label("Päivämäärä").fill(new_day.isoformat())
    page.get_by_label("Alkaa klo").fill("16:00")
    page.get_by_role("button", name="Siirrä kokous").click()
    _status(page, "Kokous alkaa nyt")
    expect(page.locator("main")).to_contain_text("siirretty ajankohdasta")
    expect(page.locator("main")).to_contain_text(f"{day.day}.{day.month}.{day.year} klo 14.00")
    _check(page, assert_accessible, js)
    after = _calendar_event(page, meeting)
    assert str(after["uid"]) == str(before["uid"])
    assert int(after["sequence"]) > int(before["sequence"])
    assert timezone.localtime(after.decoded("dtstart")).date() == new_day

    # A late item goes on the supplementary agenda, public at once.
    supplementary = "Ensihoidon lisämääräraha"
    page.get_by_label("Otsikko").fill(supplementary)
    page.get_by_label("Tai uusi asia: diaarinumero").fill("904/02.02.00/2026")
    page.get_by_role("button", name="Lisää lisäesityslistalle").click()
    _status(page, "on lisäesityslistalla")
    expect(page.locator("#agenda")).to_contain_text("lisäesityslista")
    _check(page, assert_accessible, js)

    # The day of the meeting comes.
    Meeting.objects.filter(pk=meeting.pk).update(start=timezone.now() - timedelta(hours=1))
    page.reload()

    page.get_by_role("link", name="Läsnäolo ja päätösvaltaisuus").click()
    # A click returns once the next page starts to load: rows counted before they are
    # parsed are missed, and the save is then refused (the chair is not marked present).
    page.wait_for_load_state("domcontentloaded")
    rows = page.locator("table.attendance tbody tr")
    for index in range(rows.count()):
        row = rows.nth(index)
        role = row.locator("td").first.inner_text().strip().lower()
        if role in ("puheenjohtaja", "jäsen"):
            row.locator("select").select_option("present")
    if js:
        expect(page.locator("#quorum")).to_contain_text("päätösvaltainen")
        _check(page, assert_accessible, js)
    page.get_by_role("button", name="Tallenna läsnäolo").click()
    _status(page, "Läsnäolo tallennettu")

    # § 1: a seconded counter-proposal, a vote, a dissent.
    _record_link(page, 0).click()
    page.get_by_role("button", name="Tallenna käsittely").click()
    _status(page, "käsittely on tallennettu")
    _check(page, assert_accessible, js)
    proposer = page.get_by_label("Ehdottaja")
    options = proposer.locator("option").all_inner_texts()
    members = [o for o in options if o.strip() and "---" not in o]
    proposer.select_option(label=members[0])
    page.get_by_label("Kannattaja").select_option(label=members[1])
    _field(page, "Vastaehdotus").fill("Sääntökirja palautetaan valmisteluun.")
    page.get_by_role("button", name="Kirjaa vastaehdotus").click()
    _status(page, "kannatettu vastaehdotus")
    _field(page, members[0]).select_option("no")
    _field(page, members[1]).select_option("no")
    _field(page, "Puheenjohtaja").select_option(index=1)
    page.get_by_role("button", name="Kirjaa äänestys").click()
    _status(page, "Äänestys kirjattu")
    _check(page, assert_accessible, js)
    dissent = page.locator("section[aria-labelledby='dissent-heading']")
    dissent.get_by_label(re.compile("^Jäsen:?$")).select_option(label=members[0])
    dissent.get_by_label("Perustelut").fill("Sääntökirja rajaa pienet palveluntuottajat pois.")
    page.get_by_role("button", name="Kirjaa eriävä mielipide").click()
    _status(page, "eriävä mielipide on kirjattu")

    # § 2 (the item moved up): a disqualification, then the handling.
    page.get_by_role("link", name=meeting_label(meeting)).click()
    _record_link(page, 1).click()
    _field(page, "Jäsen").first.select_option(label=members[2])
    _field(page, "Esteellisyysperuste").select_option("close_person")
    page.get_by_role("button", name="Kirjaa esteellisyys").click()
    _status(page, "Esteellisyys on kirjattu")
    # The item had no proposal, so the decision is written here; an empty one is refused.
    page.get_by_role("button", name="Tallenna käsittely").click()
    _status(page, "päätösehdotuksesta")
    _field(page, "Päätös").fill("Aluehallitus hyväksyi palvelutasopäätöksen.")
    page.get_by_role("button", name="Tallenna käsittely").click()
    _status(page, "käsittely on tallennettu")

    # § 3: a seconded counter-proposal wins the vote and becomes the decision; no first
    # save of the handling is needed before the vote.
    page.get_by_role("link", name=meeting_label(meeting)).click()
    _record_link(page, 2).click()
    expect(page.get_by_role("button", name="Kirjaa äänestys")).to_have_count(0)
    proposer = page.get_by_label("Ehdottaja")
    proposer.select_option(label=members[2])
    page.get_by_label("Kannattaja").select_option(label=members[3])
    _field(page, "Vastaehdotus").fill(COUNTER)
    page.get_by_role("button", name="Kirjaa vastaehdotus").click()
    _status(page, "kannatettu vastaehdotus")
    ballots = page.locator(".ballots-entry select")
    for index in range(ballots.count() - 1):  # all but one vote No (the counter-proposal)
        ballots.nth(index).select_option("no")
    _field(page, "Puheenjohtaja").select_option(index=1)
    page.get_by_role("button", name="Kirjaa äänestys").click()
    _status(page, "Äänestys kirjattu")
    won = f"{capfirst(counter_label(members[2]))} voitti äänestyksen, ja se on päätös."
    expect(page.locator("#outcome-heading ~ p.notice")).to_have_text(won)
    expect(_field(page, "Päätös")).to_have_value(COUNTER)
    _check(page, assert_accessible, js)

    # § 4, the supplementary item added after the notice period: taken up as urgent.
    page.get_by_role("link", name=meeting_label(meeting)).click()
    _record_link(page, 3).click()
    page.get_by_role("button", name="Tallenna käsittely").click()
    _status(page, "kokouskutsun määräajan jälkeen")
    page.get_by_label("toimielin totesi asian kiireelliseksi ja otti sen käsiteltäväksi").check()
    page.get_by_role("button", name="Kirjaa päätös").click()
    _status(page, "Kirjattu § ")
    _field(page, "Päätös").fill("Aluehallitus myönsi ensihoidolle lisämäärärahan.")
    page.get_by_role("button", name="Tallenna käsittely").click()
    _status(page, "käsittely on tallennettu")
    _check(page, assert_accessible, js)

    # Minutes: held, drafted with two checkers.
    page.get_by_role("link", name=meeting_label(meeting)).click()
    page.get_by_role("button", name="Merkitse kokous pidetyksi").click()
    from django.contrib.auth import get_user_model

    checkers = [
        get_user_model().objects.get(username=f"tarkastaja{n}").person.full_name for n in (1, 2)
    ]
    page.get_by_label("Ensimmäinen pöytäkirjantarkastaja").select_option(label=checkers[0])
    page.get_by_label("Toinen pöytäkirjantarkastaja").select_option(label=checkers[1])
    page.get_by_role("button", name="Laadi pöytäkirja").click()
    _status(page, "odottaa tarkastajia")
    _check(page, assert_accessible, js)
    _sign_out(page)

    for checker in ("tarkastaja1", "tarkastaja2"):
        _sign_in(page, checker)
        # A checker lands on the minutes waiting for them; the header leads to the rest.
        _tools(page).get_by_role("link", name="Työpöytä").click()
        page.locator("#check-heading ~ ul").get_by_role("link").first.click()
        expect(page.locator("body")).to_contain_text("Palvelusetelin sääntökirja")
        _check(page, assert_accessible, js)
        page.get_by_role("button", name="Hyväksyn pöytäkirjan").click()
        _status(page, "hyväksyntäsi")
        _sign_out(page)

    _sign_in(page, "sihteeri")
    page.goto(f"/hallinta/kokoukset/{meeting.pk}/")
    page.get_by_role("button", name="Julkaise pöytäkirja").click()
    _status(page, "Pöytäkirja on julkaistu")
    expect(page.locator("#history-heading ~ div")).to_contain_text("pöytäkirja julkaistu")
    meeting.refresh_from_db()
    assert meeting.state == MeetingState.MINUTES_PUBLISHED
    _sign_out(page)

    # A resident reads what happened.
    page.goto(meeting.get_absolute_url())
    expect(page.locator("h1")).to_contain_text(f"{meeting.number}/{meeting.year}")
    expect(page.get_by_text("Kokous oli päätösvaltainen.")).to_be_visible()
    page.get_by_role("link", name="Palvelusetelin sääntökirja").click()
    expect(page.get_by_role("table", name="Miten kukin jäsen äänesti")).to_be_visible()
    expect(page.get_by_text("Muutoksenhaun viimeinen päivä")).to_be_visible()
    expect(page.get_by_text("Sääntökirja rajaa pienet palveluntuottajat pois.")).to_be_visible()
    _check(page, assert_accessible, js)
    page.goto(meeting.get_absolute_url())
    page.get_by_role("link", name="Ensihoidon palvelutasopäätös").click()
    expect(page.get_by_text("läheinen on asianosainen")).to_be_visible()
    expect(page.get_by_text("Aluehallitus hyväksyi palvelutasopäätöksen.")).to_be_visible()

    # The counter-proposal that won: the public page, the checkers' view and the extract
    # PDF say the same thing.
    item = AgendaItem.objects.get(meeting=meeting, title="Hoitajamitoituksen seuranta")
    said = [
        "Hyväksytty muutettuna.",
        f"{capfirst(counter_label(members[2]))} – kannattaja {members[3]} – äänestettiin: {COUNTER}",
        f"Jaa = päätösehdotus, Ei = {counter_label(members[2])}",
        f"{capfirst(counter_label(members[2]))} voitti äänestyksen, ja se on päätös.",
    ]
    page.goto(item.get_absolute_url())
    _check(page, assert_accessible, js)
    public = _text(page.locator("main").inner_text())
    _sign_in(page, "sihteeri")
    page.goto(f"/hallinta/kokoukset/{meeting.pk}/tarkastus/")
    _check(page, assert_accessible, js)
    review = _text(
        page.locator("section.review-item", has=page.locator(f"#review-{item.pk}")).inner_text()
    )
    _sign_out(page)
    extract = Document.objects.get(kind=DocumentKind.EXTRACT, item=item, redacted=False)
    reader = PdfReader(BytesIO(documents.render_pdf(extract)))
    pdf = _text(" ".join(p.extract_text() for p in reader.pages))
    for where, text in [("public page", public), ("checkers' view", review), ("extract", pdf)]:
        for sentence in said:
            assert sentence in text, f"the {where} does not say {sentence!r}"
        assert "Hyväksytty ehdotuksen mukaisesti" not in text, where
    page.goto(meeting.get_absolute_url())
    expect(page.locator("main")).to_contain_text("Kokous on siirretty.")
    expect(page.locator(".agenda")).to_contain_text(supplementary)
    expect(page.locator(".agenda")).to_contain_text("lisäesityslista")


COUNTER = "Hoitajamitoituksen seuranta tuodaan aluehallitukselle neljännesvuosittain."


def _text(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _calendar_event(page: Page, meeting: Meeting):  # type: ignore[no-untyped-def]
    """The meeting in the body's calendar file, as a resident's calendar fetches it."""
    response = page.request.get("/toimielimet/aluehallitus/kokoukset.ics")
    uid = f"meeting-{meeting.pk}@"
    events = Calendar.from_ical(response.body()).walk("VEVENT")
    return next(e for e in events if str(e["uid"]).startswith(uid))


def _record_link(page: Page, index: int):  # type: ignore[no-untyped-def]
    return page.get_by_role("link", name=re.compile("^Kirjaa käsittely")).nth(index)


def meeting_label(meeting: Meeting) -> str:
    return f"Aluehallitus {meeting.number}/{meeting.year}"


def test_a_clerk_runs_a_meeting_end_to_end_with_javascript(
    page: Page, demo: None, assert_accessible
):
    run_flow(page, assert_accessible, js=True)


def test_the_same_flow_works_without_javascript(page_nojs: Page, demo: None, assert_accessible):
    run_flow(page_nojs, assert_accessible, js=False)


def test_the_staff_pages_fit_a_320_pixel_wide_screen(browser, live_server, demo: None):
    meeting = Meeting.objects.filter(
        body__slug="aluehallitus", state=MeetingState.NOTICE_PUBLISHED
    ).first()
    assert meeting is not None
    item = meeting.items.first()
    context = browser.new_context(base_url=live_server.url, viewport={"width": 320, "height": 640})
    small = context.new_page()
    _sign_in(small, "sihteeri")
    for url in [
        "/hallinta/",
        f"/hallinta/kokoukset/{meeting.pk}/",
        f"/hallinta/kokoukset/{meeting.pk}/lasnaolo/",
        f"/hallinta/pykalat/{item.pk}/",
        f"/hallinta/pykalat/{item.pk}/kasittely/",
        f"/hallinta/kokoukset/{meeting.pk}/siirto/",
    ]:
        small.goto(url)
        width = small.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"{url} is {width} px wide"
    context.close()
