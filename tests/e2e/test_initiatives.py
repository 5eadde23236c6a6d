"""Initiatives in a real browser, at 320 and 1280 px, with and without JavaScript.

A resident makes an initiative from Osallistu (a bad first try, then right), confirms it
from the e-mailed link, and supports another one (confirming by the e-mailed link too);
the clerk of the board finds the new initiative on the staff dashboard with its one-month
deadline, registers it with a diary number and routes it; the public page then says where
it is handled, by when and whom to ask. Every page is checked with axe-core (without
JavaScript, as served: the page's scripts removed, in a second, scripted page) and must
not scroll sideways.
"""

from __future__ import annotations

import re
from datetime import timedelta

from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from councils.models import BodyKind
from forums.groups import registry_group_ensure
from tests.e2e import test_forums
from tests.e2e.test_forums import Visit, _sign_in
from tests.factories import BodyFactory, UserFactory
from tests.forums.initiative_helpers import received

LINK = re.compile(r"https?://[^/\s]+(/\S+)")


visit = test_forums.visit  # the fixture: JavaScript on and off, at 320 and 1280 px


def _link(part: str) -> str:
    (link,) = [p for p in LINK.findall(mail.outbox[-1].body) if part in p]
    return link


def test_a_resident_makes_and_supports_initiatives_and_the_clerk_routes_one(visit: Visit):
    registry_group_ensure()  # transactional_db empties what the data migration made
    board = BodyFactory(name="Aluehallitus", slug="aluehallitus", kind=BodyKind.EXECUTIVE_BOARD)
    clerk = UserFactory(username="sihteeri")
    board.clerks.add(clerk)
    received(board, title="Penkkejä kävelyreiteille")
    page = visit.page

    # A resident makes an initiative from Osallistu.
    page.goto("/osallistu/")
    page.get_by_role("link", name="Tee aloite").first.click()
    expect(page.locator("h1")).to_have_text("Tee aloite")
    visit.look()
    page.get_by_label("asukasaloite").check()
    page.get_by_label("Otsikko").fill("Iltavastaanotto Sysmään")
    page.get_by_label("Mitä ehdotat?").fill(
        "Sysmän terveysasemalle iltavastaanotto kahtena iltana."
    )
    page.get_by_label("Palvelu tai asia, jota aloite koskee").fill("terveysasema, Sysmä")
    page.get_by_label("Kenelle osoitettu").select_option(label="Aluehallitus")
    page.get_by_label("alueen kunnan asukas").check()
    page.get_by_label("Yhteyshenkilö:", exact=True).fill("Sanna Sysmä")
    page.get_by_label("Yhteyshenkilön sähköpostiosoite").fill("sanna@example.invalid")
    page.get_by_label(re.compile("^Vakuutan")).check()
    page.get_by_label(re.compile("^Aloite ja yllä kirjoittamani")).check()
    page.get_by_role("button", name="Lähetä aloite").click()  # no municipality yet
    expect(page.get_by_role("alert")).to_contain_text("Valitse alueen kunta")
    expect(page.get_by_label("Otsikko")).to_have_value("Iltavastaanotto Sysmään")
    visit.look()
    page.get_by_label("Kunta:", exact=True).select_option(label="Sysmä")
    page.get_by_role("button", name="Lähetä aloite").click()
    expect(page.locator("h1")).to_have_text("Tarkista sähköpostisi")
    visit.look()

    page.goto(_link("/aloitteet/vahvista/"))
    expect(page.locator("h1")).to_have_text("Vahvista aloite")
    visit.look()
    page.get_by_role("button", name="Kyllä, lähetä aloite").click()
    expect(page.locator("h1")).to_have_text("Aloite vastaanotettu")
    visit.look()
    page.get_by_role("link", name="Aloitteen sivu").click()
    expect(page.locator("h1")).to_have_text("Iltavastaanotto Sysmään")
    expect(page.locator("main")).not_to_contain_text("sanna@example.invalid")
    visit.look()

    # The resident supports another initiative, confirming by the e-mailed link.
    page.goto("/aloitteet/")
    expect(page.locator("#results")).to_contain_text("2 aloitetta")
    visit.look()
    page.get_by_role("link", name="Penkkejä kävelyreiteille").click()
    page.get_by_label("Nimesi:", exact=True).fill("Tiina Tukija")
    page.get_by_label("Kotikunta:", exact=True).select_option(label="Lahti")
    page.get_by_label("Sähköpostiosoite:", exact=True).fill("tiina@example.invalid")
    page.get_by_label("Nimeni saa julkaista aloitteen sivulla.").check()
    page.get_by_label(re.compile("^Asun alueella")).check()
    page.get_by_label(re.compile("^Tukesi lasketaan mukaan")).check()
    visit.look()
    page.get_by_role("button", name="Tue aloitetta").click()
    expect(page.locator("h1")).to_have_text("Tarkista sähköpostisi")
    page.goto(_link("/aloitteet/tuki/vahvista/"))
    expect(page.locator("h1")).to_have_text("Vahvista tukesi")
    visit.look()
    page.get_by_role("button", name="Kyllä, tuen aloitetta").click()
    expect(page.locator("h1")).to_have_text("Tuki vahvistettu")
    page.get_by_role("link", name="Takaisin aloitteeseen").click()
    supporters = page.locator("section", has=page.get_by_role("heading", name="1 tukija"))
    expect(supporters).to_contain_text("Tiina Tukija")
    visit.look()

    # The board's clerk registers and routes the new initiative.
    _sign_in(page, "sihteeri")
    page.goto("/hallinta/")
    panel = page.locator("#initiatives")
    expect(panel).to_contain_text("tieto tekijöille viimeistään")
    visit.look()
    panel.get_by_role("link", name="Iltavastaanotto Sysmään").click()
    expect(page.locator("h1")).to_have_text("Iltavastaanotto Sysmään")
    visit.look()
    page.get_by_label("Diaarinumero").fill("88/00.01.05/2024")
    page.get_by_role("button", name="Kirjaa diaarinumerolle").click()
    expect(page.get_by_role("status").first).to_contain_text("Kirjattu")
    due = timezone.localdate() + timedelta(days=45)
    page.get_by_label("Asiasta päättävä toimielin (vapaaehtoinen)").select_option(
        label="Aluehallitus"
    )
    page.get_by_label("Valmisteleva palvelu tai yksikkö").fill("Vastaanottopalvelut")
    page.get_by_label("Vastaus viimeistään").fill(due.isoformat())
    page.get_by_label("Yhteyshenkilö hyvinvointialueella").fill("Palvelupäällikkö Pia Palvelu")
    visit.look()
    page.get_by_role("button", name="Ohjaa ja kerro aloitteen tekijöille").click()
    expect(page.get_by_role("status").first).to_contain_text("Ohjattu käsittelyyn")
    assert "Palvelupäällikkö Pia Palvelu" in mail.outbox[-1].body
    page.get_by_role("button", name=re.compile("Kirjaudu ulos")).click()

    page.goto("/aloitteet/?tila=routed")
    results = page.locator("#results")
    expect(results).to_contain_text("1 aloite")
    results.get_by_role("link", name="Iltavastaanotto Sysmään").click()
    handling = page.locator(
        "section", has=page.get_by_role("heading", name="Missä aloite käsitellään")
    )
    expect(handling).to_contain_text("Vastaanottopalvelut")
    expect(handling).to_contain_text(f"{due.day}.{due.month}.{due.year}")
    expect(handling).to_contain_text("Palvelupäällikkö Pia Palvelu")
    expect(page.locator(".timeline")).to_contain_text("88/00.01.05/2024")
    visit.look()
