"""Links from agenda items to goals: the clerk's panel in the item editor, the link and
unlink actions (plain and htmx), the item page, and councils' extension point."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.urls import reverse

from councils import extensions
from councils.models import MeetingState
from strategy.link_views import goal_links_panel
from strategy.models import GoalLink
from tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    GoalFactory,
    GoalLinkFactory,
    MeetingFactory,
    PersonFactory,
    PublishedMeetingFactory,
    StrategyFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _panel(html: str) -> str:
    """The goal-links panel of the item editor page."""
    start = html.index('<section id="goal-links"')
    return html[start : html.index("</section>", start)]


@pytest.fixture
def world():
    body = BodyFactory(name="Aluehallitus")
    clerk = UserFactory(username="sihteeri")
    body.clerks.add(clerk)
    other = UserFactory(username="toinen")
    BodyFactory(name="Tarkastuslautakunta").clerks.add(other)
    strategy = StrategyFactory(slug="strategia")
    main = GoalFactory(strategy=strategy, code="1", title="Saavutettavat palvelut")
    sub = GoalFactory(parent=main, code="1.2", title="Integroidut palvelut")
    other_sub = GoalFactory(
        parent=GoalFactory(strategy=strategy, code="2", title="Paras työpaikka"),
        code="2.1",
        title="Vuokratyövoiman vähentäminen",
    )
    item = AgendaItemFactory(
        meeting=MeetingFactory(body=body, state=MeetingState.PLANNED, agenda_published_at=None),
        title="Asiointisovelluksen hankinta",
    )
    return {"clerk": clerk, "other": other, "main": main, "sub": sub, "other_sub": other_sub,
            "item": item, "body": body}  # fmt: skip


def _add(client, world, goal, **extra):
    return client.post(
        reverse("strategy:goal_link_add", args=[world["item"].pk]),
        {"goal_link-goal": goal.pk, "goal_link-note": "Sähköinen asiointi."},
        **extra,
    )


def test_the_editor_offers_sub_goals_grouped_by_main_goal(client, world):
    client.force_login(world["clerk"])
    html = _panel(client.get(reverse("staff:item_edit", args=[world["item"].pk])).content.decode())
    assert '<optgroup label="1 Saavutettavat palvelut">' in html
    assert f'<option value="{world["sub"].pk}">1.2 Integroidut palvelut</option>' in html
    assert f'<option value="{world["main"].pk}">' not in html  # main goals are not offered


def test_a_clerk_links_an_item_before_the_agenda_is_out_without_javascript(client, world):
    client.force_login(world["clerk"])
    response = _add(client, world, world["sub"])
    assert response.status_code == 302
    assert (
        response["Location"] == reverse("staff:item_edit", args=[world["item"].pk]) + "#goal-links"
    )
    link = GoalLink.objects.get()
    assert (link.goal, link.agenda_item, link.note) == (
        world["sub"],
        world["item"],
        "Sähköinen asiointi.",
    )
    assert link.created_by == world["clerk"]
    page = client.get(response["Location"]).content.decode()
    assert 'class="message message--success"' in page
    assert "1.2</span> Integroidut palvelut" in _panel(page)
    # Linked goals are no longer offered.
    assert f'<option value="{world["sub"].pk}">' not in _panel(page)


def test_with_htmx_the_panel_is_swapped_with_the_message(client, world):
    client.force_login(world["clerk"])
    response = _add(client, world, world["sub"], HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        html.lstrip().startswith("<section")
        or html.lstrip().startswith("{")
        or 'id="goal-links"' in html[:300]
    )
    assert "<html" not in html
    assert 'role="status"' in html and "1.2 Integroidut palvelut" in html
    link = GoalLink.objects.get()
    assert f'action="{reverse("strategy:goal_link_remove", args=[link.pk])}"' in html


def test_a_bad_choice_is_a_message_and_links_nothing(client, world):
    client.force_login(world["clerk"])
    for goal_id in ("", "abc", str(world["main"].pk), "999999"):
        response = client.post(
            reverse("strategy:goal_link_add", args=[world["item"].pk]),
            {"goal_link-goal": goal_id},
            HTTP_HX_REQUEST="true",
        )
        assert response.status_code == 422, goal_id
        assert "message--error" in response.content.decode()
    response = client.post(
        reverse("strategy:goal_link_add", args=[world["item"].pk]),
        {"goal_link-goal": ""},
        follow=True,
    )
    assert "message--error" in response.content.decode()
    assert not GoalLink.objects.exists()


def test_a_goal_of_another_strategy_is_refused(client, world):
    client.force_login(world["clerk"])
    foreign = GoalFactory(parent=GoalFactory(code="5"), code="5.1")
    _add(client, world, foreign)
    assert not GoalLink.objects.exists()


def test_a_too_long_note_is_refused_with_a_message(client, world):
    client.force_login(world["clerk"])
    response = client.post(
        reverse("strategy:goal_link_add", args=[world["item"].pk]),
        {"goal_link-goal": world["sub"].pk, "goal_link-note": "x" * 501},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 422
    assert not GoalLink.objects.exists()


def test_anonymous_users_are_sent_to_sign_in(client, world):
    link = GoalLinkFactory(goal=world["sub"], agenda_item=world["item"])
    for url in (
        reverse("strategy:goal_link_add", args=[world["item"].pk]),
        reverse("strategy:goal_link_remove", args=[link.pk]),
    ):
        response = client.post(url)
        assert response.status_code == 302 and "/kirjaudu/" in response["Location"]
    assert GoalLink.objects.count() == 1


def test_a_clerk_of_another_body_gets_404_and_changes_nothing(client, world):
    link = GoalLinkFactory(goal=world["other_sub"], agenda_item=world["item"])
    client.force_login(world["other"])
    assert _add(client, world, world["sub"]).status_code == 404
    response = client.post(reverse("strategy:goal_link_remove", args=[link.pk]))
    assert response.status_code == 404
    assert list(GoalLink.objects.all()) == [link]


def test_get_is_not_allowed(client, world):
    client.force_login(world["clerk"])
    assert client.get(reverse("strategy:goal_link_add", args=[world["item"].pk])).status_code == 405


def test_a_clerk_removes_a_link_with_and_without_javascript(client, world):
    client.force_login(world["clerk"])
    first = GoalLinkFactory(goal=world["sub"], agenda_item=world["item"])
    second = GoalLinkFactory(goal=world["other_sub"], agenda_item=world["item"])
    response = client.post(reverse("strategy:goal_link_remove", args=[first.pk]))
    assert response.status_code == 302
    response = client.post(
        reverse("strategy:goal_link_remove", args=[second.pk]), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert 'class="goal-link-list"' not in response.content.decode()
    assert 'role="status"' in response.content.decode()
    assert not GoalLink.objects.exists()


def test_a_presenter_sees_the_links_but_cannot_change_them(client, world):
    user = UserFactory(username="esittelija")
    world["item"].presenter = PersonFactory(user=user)
    world["item"].save(update_fields=["presenter"])
    GoalLinkFactory(goal=world["sub"], agenda_item=world["item"])
    client.force_login(user)
    html = client.get(reverse("staff:item_edit", args=[world["item"].pk])).content.decode()
    assert "1.2</span> Integroidut palvelut" in html
    assert "/strategia/linkit/" not in html and "goal_link-goal" not in html
    assert _add(client, world, world["other_sub"]).status_code == 404


# --- the public item page ---


def test_the_public_item_page_links_to_the_goal_and_the_goal_page_to_the_item(client, world):
    item = AgendaItemFactory(
        meeting=PublishedMeetingFactory(body=world["body"]), section=7, title="Päätös"
    )
    GoalLinkFactory(goal=world["sub"], agenda_item=item, note="Nopeampi asiointi.")
    html = client.get(f"/en/pykalat/{item.pk}/").content.decode()
    assert "Advances the strategy goals" in html
    assert (
        'href="/en/strategia/strategia/tavoitteet/1.2/"><span class="goal-code">1.2</span> Integroidut palvelut</a>'
        in html
    )
    assert "Nopeampi asiointi." in html
    goal_page = client.get("/en/strategia/strategia/tavoitteet/1.2/").content.decode()
    assert f"/en/pykalat/{item.pk}/" in goal_page and "§ 7" in goal_page


def test_a_confidential_item_shows_no_links(client, world):
    item = AgendaItemFactory(
        meeting=PublishedMeetingFactory(body=world["body"]),
        is_public=False,
        secrecy_basis="JulkL 24.1 § 25 k.",
    )
    GoalLinkFactory(goal=world["sub"], agenda_item=item)
    html = client.get(f"/en/pykalat/{item.pk}/").content.decode()
    assert "Advances the strategy goals" not in html


def test_an_item_without_links_shows_no_panel(client, world):
    item = AgendaItemFactory(meeting=PublishedMeetingFactory(body=world["body"]))
    assert (
        "Advances the strategy goals" not in client.get(f"/en/pykalat/{item.pk}/").content.decode()
    )


# --- the extension point ---


def test_strategy_registers_its_panel_once():
    assert extensions.item_panels.count(goal_links_panel) == 1
    extensions.register_item_panel(goal_links_panel)
    assert extensions.item_panels.count(goal_links_panel) == 1


def test_councils_imports_nothing_of_strategy():
    root = Path(__file__).resolve().parents[2] / "councils"
    offenders = [
        str(path)
        for path in root.rglob("*.py")
        if re.search(r"^\s*(from|import)\s+(strategy|forums)\b", path.read_text(), re.MULTILINE)
    ]
    assert offenders == []


def test_the_item_page_queries_do_not_grow_with_goal_links(client, world):
    from tests.strategy.test_pages import assert_constant_queries

    item = AgendaItemFactory(meeting=PublishedMeetingFactory(body=world["body"]))
    strategy = world["main"].strategy
    main = GoalFactory(strategy=strategy, code="9")
    codes = iter(range(1, 99))

    def add(n: int) -> None:
        for _ in range(n):
            goal = GoalFactory(parent=main, code=f"9.{next(codes)}")
            GoalLinkFactory(goal=goal, agenda_item=item)

    # The councils item page plus one query for its goal links (councils/extensions.py).
    assert_constant_queries(client, f"/en/pykalat/{item.pk}/", add, limit=4)
    assert "9.50" in client.get(f"/en/pykalat/{item.pk}/").content.decode()
