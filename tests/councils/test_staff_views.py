"""Every staff URL for four users, and the clerks' pages doing their work."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from councils import services
from councils.models import AgendaItem, MeetingState, Outcome, SearchEntry
from councils.services import AttendanceRow
from tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    HandlingFactory,
    MeetingFactory,
    MinutesFactory,
    PersonFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():  # type: ignore[no-untyped-def]
    body = BodyFactory(name="Aluehallitus", seats=3, notice_days=3)
    clerk = UserFactory(username="sihteeri")
    body.clerks.add(clerk)
    other_clerk = UserFactory(username="toinen")
    BodyFactory(name="Tarkastuslautakunta").clerks.add(other_clerk)
    admin = UserFactory(username="admin", is_superuser=True, is_staff=True)
    meeting = MeetingFactory(
        body=body, start=timezone.now() - timedelta(hours=1), year=timezone.now().year
    )
    item = AgendaItemFactory(meeting=meeting, section=1)
    return {
        "body": body,
        "clerk": clerk,
        "other": other_clerk,
        "admin": admin,
        "meeting": meeting,
        "item": item,
    }


GET_URLS = [
    ("staff:meeting", "meeting"),
    ("staff:meeting_move", "meeting"),
    ("staff:agenda_preview", "meeting"),
    ("staff:attendance", "meeting"),
    ("staff:minutes_review", "meeting"),
    ("staff:item_edit", "item"),
    ("staff:item_record", "item"),
    ("staff:decision_correct", "item"),
]
POST_URLS = [
    ("staff:item_add", "meeting"),
    ("staff:supplementary_item_add", "meeting"),
    ("staff:publish_notice", "meeting"),
    ("staff:publish_agenda", "meeting"),
    ("staff:mark_held", "meeting"),
    ("staff:cancel", "meeting"),
    ("staff:minutes_draft", "meeting"),
    ("staff:minutes_approve", "meeting"),
    ("staff:minutes_publish", "meeting"),
    ("staff:item_move", "item"),
    ("staff:item_remove", "item"),
    ("staff:handling_save", "item"),
    ("staff:take_up_save", "item"),
    ("staff:counter_proposal_add", "item"),
    ("staff:counter_proposal_settle", "item"),
    ("staff:vote_save", "item"),
    ("staff:disqualification_add", "item"),
    ("staff:dissent_add", "item"),
    ("staff:election_add", "item"),
    ("staff:attachment_upload", "item"),
]


@pytest.mark.parametrize(("name", "target"), GET_URLS + POST_URLS)
def test_anonymous_users_are_sent_to_sign_in(client, world, name, target):
    url = reverse(name, args=[world[target].pk])
    response = client.post(url) if (name, target) in POST_URLS else client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/kirjaudu/")


@pytest.mark.parametrize(("name", "target"), GET_URLS + POST_URLS)
def test_a_clerk_of_another_body_gets_404_and_changes_nothing(client, world, name, target):
    client.force_login(world["other"])
    url = reverse(name, args=[world[target].pk])
    response = client.post(url) if (name, target) in POST_URLS else client.get(url)
    assert response.status_code == 404
    assert AgendaItem.objects.filter(pk=world["item"].pk).exists()


@pytest.mark.parametrize("user", ["clerk", "admin"])
@pytest.mark.parametrize(("name", "target"), GET_URLS)
def test_the_clerk_and_an_administrator_open_every_staff_page(client, world, user, name, target):
    client.force_login(world[user])
    response = client.get(reverse(name, args=[world[target].pk]))
    assert response.status_code == 200


@pytest.mark.parametrize("user", ["clerk", "admin"])
@pytest.mark.parametrize(("name", "target"), POST_URLS)
def test_the_clerk_and_an_administrator_reach_every_action(client, world, user, name, target):
    """An empty POST is refused with a message or a 4xx, never a 500 or a 404."""
    client.force_login(world[user])
    response = client.post(reverse(name, args=[world[target].pk]))
    assert response.status_code in (200, 302, 400, 422)


@pytest.mark.parametrize("url", ["/hallinta/", "/hallinta/kokoukset/uusi/"])
def test_dashboard_and_new_meeting_need_sign_in(client, url):
    assert client.get(url).status_code == 302


def test_the_dashboard_lists_my_bodies_and_what_is_due(client, world):
    planned = MeetingFactory(
        body=world["body"], state=MeetingState.PLANNED, start=timezone.now() + timedelta(days=10)
    )
    client.force_login(world["clerk"])
    html = client.get("/hallinta/").content.decode()
    assert "Aluehallitus" in html
    assert "Tarkastuslautakunta" not in html
    assert reverse("staff:meeting", args=[planned.pk]) in html


def test_a_clerk_creates_a_meeting_only_for_their_own_body(client, world):
    client.force_login(world["clerk"])
    day = (timezone.localdate() + timedelta(days=14)).isoformat()
    response = client.post(
        "/hallinta/kokoukset/uusi/",
        {
            "body": world["body"].pk,
            "day": day,
            "start_time": "14:00",
            "place": "Lahti",
            "mode": "in_person",
        },
    )
    assert response.status_code == 302
    other_body = world["other"].clerk_of.get()
    response = client.post(
        "/hallinta/kokoukset/uusi/",
        {"body": other_body.pk, "day": day, "start_time": "14:00", "mode": "in_person"},
    )
    assert response.status_code == 400
    assert not other_body.meetings.exists()


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"day": "2026-02-30", "start_time": "14:00", "mode": "in_person"},
        {"day": "eilen", "start_time": "25:99", "mode": "in_person"},
        {"day": "2020-01-01", "start_time": "14:00", "mode": "in_person"},
        {"day": "2099-01-01", "start_time": "14:00", "end_time": "13:00", "mode": "in_person"},
        {"day": "2099-01-01", "start_time": "14:00", "mode": "in_person", "place": "x" * 10_000},
    ],
)
def test_bad_meeting_input_gets_a_message(client, world, data):
    client.force_login(world["clerk"])
    response = client.post("/hallinta/kokoukset/uusi/", {"body": world["body"].pk, **data})
    assert response.status_code == 400
    assert "Korjaa seuraavat kohdat" in response.content.decode()


def test_a_late_notice_is_refused_with_the_rule_named(client, world):
    meeting = services.meeting_create(
        body=world["body"], start=timezone.now() + timedelta(days=1, hours=2)
    )
    services.item_add(meeting=meeting, title="Asia")
    client.force_login(world["clerk"])
    response = client.post(reverse("staff:publish_notice", args=[meeting.pk]), follow=True)
    html = response.content.decode()
    assert "vähintään 3 päivää ennen kokousta" in html
    meeting.refresh_from_db()
    assert meeting.state == MeetingState.PLANNED


def test_script_in_a_title_is_stored_as_text_and_shown_escaped(client, world):
    meeting = services.meeting_create(body=world["body"], start=timezone.now() + timedelta(days=10))
    client.force_login(world["clerk"])
    client.post(
        reverse("staff:item_add", args=[meeting.pk]), {"title": "<script>alert(1)</script>"}
    )
    html = client.get(reverse("staff:meeting", args=[meeting.pk])).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_two_clerks_editing_at_once_see_a_conflict_with_both_versions(client, world):
    item = world["item"]
    client.force_login(world["clerk"])
    url = reverse("staff:item_edit", args=[item.pk])
    form = {
        "title": item.title,
        "summary": "",
        "body": "",
        "proposal": "<p>Ensimmäinen</p>",
        "is_public": "on",
        "appeal_type": "rectification",
        "version": "1",
    }
    assert client.post(url, form).status_code == 302
    second = client.post(url, {**form, "proposal": "<p>Toisen sihteerin teksti</p>"})
    assert second.status_code == 409
    html = second.content.decode()
    assert "Joku muu tallensi" in html
    assert "Toisen sihteerin teksti" in html  # what the second clerk typed is kept
    assert "Ensimmäinen" in html  # and the saved version is shown
    item.refresh_from_db()
    assert item.proposal == "<p>Ensimmäinen</p>"


def test_the_clerk_marks_an_item_procedural_and_its_search_entry_follows(client, world):
    item = world["item"]
    client.force_login(world["clerk"])
    form = {
        "title": item.title,
        "proposal": "<p>Ehdotus</p>",
        "is_public": "on",
        "appeal_type": "rectification",
        "version": str(item.version),
        "is_procedural": "on",
    }
    assert client.post(reverse("staff:item_edit", args=[item.pk]), form).status_code == 302
    item.refresh_from_db()
    assert item.is_procedural
    assert SearchEntry.objects.get(item=item, kind__in=["item", "decision"]).is_procedural
    form = {**form, "version": str(item.version)}
    del form["is_procedural"]
    assert client.post(reverse("staff:item_edit", args=[item.pk]), form).status_code == 302
    item.refresh_from_db()
    assert not item.is_procedural


def test_the_htmx_item_editor_answers_with_the_editor_region(client, world):
    item = world["item"]
    client.force_login(world["clerk"])
    response = client.get(reverse("staff:item_edit", args=[item.pk]), HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert 'id="editor"' in html
    assert "<html" not in html


def test_moving_an_item_with_htmx_returns_the_agenda(client, world):
    meeting = services.meeting_create(body=world["body"], start=timezone.now() + timedelta(days=10))
    services.item_add(meeting=meeting, title="Eka")
    second = services.item_add(meeting=meeting, title="Toka")
    client.force_login(world["clerk"])
    response = client.post(
        reverse("staff:item_move", args=[second.pk]), {"direction": "up"}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert 'id="agenda"' in html
    assert html.index("Toka") < html.index("Eka")


def test_a_presenter_edits_only_the_proposal_of_their_own_item_before_publication(client, world):
    presenter_user = UserFactory()
    presenter = PersonFactory(user=presenter_user)
    meeting = services.meeting_create(body=world["body"], start=timezone.now() + timedelta(days=10))
    item = services.item_add(meeting=meeting, title="Esittelijän asia")
    item.presenter = presenter
    item.save(update_fields=["presenter"])
    client.force_login(presenter_user)
    url = reverse("staff:item_edit", args=[item.pk])
    html = client.get(url).content.decode()
    assert 'name="proposal"' in html
    assert 'name="title"' not in html
    assert client.post(url, {"proposal": "<p>Uusi ehdotus</p>", "version": "1"}).status_code == 302
    item.refresh_from_db()
    assert item.proposal == "<p>Uusi ehdotus</p>"
    assert client.get(reverse("staff:meeting", args=[meeting.pk])).status_code == 404


def test_a_vote_with_more_ballots_than_members_is_refused(client, world):
    meeting, item = world["meeting"], world["item"]
    members = [PersonFactory() for _ in range(3)]
    services.attendance_record(
        meeting=meeting,
        rows=[
            AttendanceRow(person=p, role="chair" if i == 0 else "member", presence="present")
            for i, p in enumerate(members)
        ],
    )
    services.handling_record(item=item, outcome=Outcome.AS_PROPOSED, decision="<p>x</p>")
    counter = services.counter_proposal_add(
        item=item, proposer=members[1], text="Vastaehdotus", seconder=members[2]
    )
    stranger = PersonFactory()
    client.force_login(world["clerk"])
    data = {
        "counter_proposal": counter.pk,
        "method": "open",
        "chair": members[0].pk,
        **{f"ballot_{p.pk}": "yes" for p in members},
        f"ballot_{stranger.pk}": "no",
    }
    response = client.post(reverse("staff:vote_save", args=[item.pk]), data, follow=True)
    assert "eivät voi äänestää" in response.content.decode()
    assert not item.handling.votes.exists()


def test_a_double_submitted_publish_is_refused_with_a_message(client, world):
    meeting = services.meeting_create(body=world["body"], start=timezone.now() + timedelta(days=10))
    services.item_add(meeting=meeting, title="Asia")
    client.force_login(world["clerk"])
    url = reverse("staff:publish_notice", args=[meeting.pk])
    first = client.post(url, follow=True)
    second = client.post(url, follow=True)
    assert first.status_code == second.status_code == 200
    assert "Kokouskutsu on julkaistu" in first.content.decode()
    assert "ei ole mahdollista" in second.content.decode()
    assert meeting.history.filter(state=MeetingState.NOTICE_PUBLISHED).count() == 1


@pytest.mark.parametrize(
    "data",
    [
        {
            "a-TOTAL_FORMS": "1",
            "a-INITIAL_FORMS": "0",
            "a-0-person": "999999",
            "a-0-role": "member",
            "a-0-presence": "present",
        },
        {"a-TOTAL_FORMS": "x", "a-INITIAL_FORMS": "0"},
        {"a-TOTAL_FORMS": "100000", "a-INITIAL_FORMS": "0"},
    ],
)
def test_broken_attendance_forms_get_a_4xx_not_a_500(client, world, data):
    client.force_login(world["clerk"])
    response = client.post(reverse("staff:attendance", args=[world["meeting"].pk]), data)
    assert response.status_code == 400


def test_a_corrected_decision_shows_its_note_and_keeps_the_earlier_version(client, world):
    meeting, item = world["meeting"], world["item"]
    members = [PersonFactory() for _ in range(3)]
    services.attendance_record(
        meeting=meeting,
        rows=[AttendanceRow(person=p, role="member", presence="present") for p in members],
    )
    services.handling_record(
        item=item, outcome=Outcome.AS_PROPOSED, decision="<p>Alkuperäinen päätös.</p>"
    )
    services.meeting_mark_held(meeting=meeting)
    services.minutes_draft(
        meeting=meeting, checker_1=members[0], checker_2=members[1], checked_at_meeting=False
    )
    services.minutes_approve(meeting=meeting, checker=members[0])
    services.minutes_approve(meeting=meeting, checker=members[1])
    services.minutes_publish(meeting=meeting)
    client.force_login(world["clerk"])
    response = client.post(
        reverse("staff:decision_correct", args=[item.pk]),
        {"decision": "Korjattu päätös.", "note": "Päätöksestä puuttui sana."},
    )
    assert response.status_code == 302
    client.logout()
    html = client.get(item.get_absolute_url()).content.decode()
    assert "Korjattu päätös." in html
    assert "Päätöksestä puuttui sana." in html
    earlier = client.get(reverse("councils:item_version", args=[item.pk, 1])).content.decode()
    assert "Alkuperäinen päätös." in earlier


# --- The permission matrix: every URL under /hallinta/, for every role ------------------
#
# Walks the resolver (tests/urlwalk.py), so a staff URL added without its row here fails
# test_every_staff_url_has_a_row_in_the_matrix. Each row: the method that uses the URL and
# the roles that get through. Everyone else gets 404 from a councils URL (no existence
# leak) and 403 from a strategy URL (a missing permission); anonymous users are sent to
# sign in.

from django.db import transaction  # noqa: E402
from django.test import Client  # noqa: E402

from tests.urlwalk import World, kwargs_for, routes  # noqa: E402

ROLES = [
    "outsider",  # signed in, no role
    "other_clerk",  # the clerk of another body
    "board_member",  # a member of the board and a checker of its drafted minutes
    "official_user",  # holds an office with power delegated by the board
    "chair",  # the strategy dashboard (group Puheenjohtajat)
    "strategist",  # the strategy team
    "coordinator",  # the organisations coordinator (group Järjestökoordinaattorit)
    "forum_secretary",  # the clerk of the chairs' forum
    "registry",  # the registry (group Kirjaamo): registers and routes initiatives
    "clerk",  # the board's clerk
    "admin",
]
SIGNED_IN = set(ROLES)
CLERKS = {"clerk", "admin"}
DASHBOARD = {"chair", "strategist", "admin"}
TEAM = {"strategist", "admin"}
COORDINATOR = {"coordinator", "admin"}
FORUM_CLERKS = {"forum_secretary", "admin"}
CONSULTATION_OPENERS = {"coordinator", "clerk", "other_clerk", "forum_secretary", "admin"}
CONSULTATION_MANAGERS = {"coordinator", "clerk", "admin"}
# Initiatives: the registry and the coordinator work on all, a clerk on their body's.
INITIATIVE_HANDLERS = {"registry", "coordinator", "clerk", "admin"}
ANY_CLERK = {"clerk", "other_clerk", "forum_secretary"}
INITIATIVE_REGISTRY = {"registry", "coordinator", "admin"}

MATRIX: dict[str, tuple[str, set[str]]] = {
    "staff:dashboard": ("GET", SIGNED_IN),
    "staff:home": ("GET", SIGNED_IN),
    "staff:meeting_new": ("GET", CLERKS | {"other_clerk", "forum_secretary"}),  # own body
    "staff:meeting": ("GET", CLERKS),
    "staff:meeting_move": ("GET", CLERKS),
    "staff:supplementary_item_add": ("POST", CLERKS),
    "staff:take_up_save": ("POST", CLERKS),
    "staff:counter_proposal_settle": ("POST", CLERKS),
    "staff:agenda_preview": ("GET", CLERKS),
    "staff:item_add": ("POST", CLERKS),
    "staff:publish_notice": ("POST", CLERKS),
    "staff:publish_agenda": ("POST", CLERKS),
    "staff:mark_held": ("POST", CLERKS),
    "staff:cancel": ("POST", CLERKS),
    "staff:attendance": ("GET", CLERKS),
    "staff:meeting_documents": ("GET", CLERKS),
    "staff:document_retry": ("POST", CLERKS),
    "staff:minutes_draft": ("POST", CLERKS),
    "staff:minutes_review": ("GET", CLERKS | {"board_member"}),
    "staff:minutes_approve": ("POST", CLERKS | {"board_member"}),
    "staff:minutes_publish": ("POST", CLERKS),
    "staff:item_edit": ("GET", CLERKS),
    "staff:item_move": ("POST", CLERKS),
    "staff:item_remove": ("POST", CLERKS),
    "staff:item_record": ("GET", CLERKS),
    "staff:handling_save": ("POST", CLERKS),
    "staff:counter_proposal_add": ("POST", CLERKS),
    "staff:vote_save": ("POST", CLERKS),
    "staff:disqualification_add": ("POST", CLERKS),
    "staff:dissent_add": ("POST", CLERKS),
    "staff:election_add": ("POST", CLERKS),
    "staff:decision_correct": ("GET", CLERKS),
    "staff:attachment_upload": ("POST", CLERKS),
    "staff:attachment_delete": ("POST", CLERKS),
    # Issue 11, finding 1: the holder of an office, a clerk of the delegating body, an
    # administrator; not a board member, not a person merely without a political group.
    "staff:official_decision_new": ("GET", CLERKS | {"official_user"}),
    "strategy_staff:dashboard": ("GET", DASHBOARD),
    "strategy_staff:dashboard_csv": ("GET", DASHBOARD),
    "strategy_staff:period_detail": ("GET", DASHBOARD),
    "strategy_staff:period_close": ("GET", TEAM),
    "strategy_staff:report_queue": ("POST", TEAM),
    "strategy_staff:status_update_goal": ("GET", TEAM),
    "strategy_staff:status_update_programme": ("GET", TEAM),
    "strategy_staff:value_import": ("GET", TEAM),
    "strategy_staff:value_import_confirm": ("POST", TEAM),
    "strategy_staff:report_file": ("GET", DASHBOARD),
    "strategy_staff:report_attach": ("POST", DASHBOARD),
    "strategy_staff:indicator_list": ("GET", TEAM),
    "strategy_staff:value_add": ("GET", TEAM),
    "forums_staff:dashboard": ("GET", COORDINATOR),
    "forums_staff:organisation_new": ("GET", COORDINATOR),
    "forums_staff:organisation_edit": ("GET", COORDINATOR),
    "forums_staff:representative_add": ("POST", COORDINATOR),
    "forums_staff:representative_remove": ("POST", COORDINATOR),
    "forums_staff:registration_review": ("GET", COORDINATOR),
    "forums_staff:registration_approve": ("POST", COORDINATOR),
    "forums_staff:registration_reject": ("POST", COORDINATOR),
    # The chairs' forum's clerks record the yearly follow-up of the agreement.
    "forums_staff:follow_up": ("GET", FORUM_CLERKS),
    # Consultations: whoever may open one (the coordinator, a clerk of any body, a preparer)
    # sees the list and the new form; a consultation's own pages belong to the coordinator,
    # the clerks of its deciding body and its preparer (another clerk gets 404).
    "forums_staff:consultation_list": ("GET", CONSULTATION_OPENERS),
    "forums_staff:consultation_new": ("GET", CONSULTATION_OPENERS),
    "forums_staff:consultation_edit": ("GET", CONSULTATION_MANAGERS),
    "forums_staff:consultation_publish": ("POST", CONSULTATION_MANAGERS),
    "forums_staff:consultation_document_add": ("POST", CONSULTATION_MANAGERS),
    "forums_staff:invitation_add": ("POST", CONSULTATION_MANAGERS),
    "forums_staff:moderation": ("GET", CONSULTATION_MANAGERS),
    "forums_staff:comment_moderate": ("POST", CONSULTATION_MANAGERS),
    "forums_staff:consultation_close": ("POST", CONSULTATION_MANAGERS),
    "forums_staff:usage_note": ("POST", CONSULTATION_MANAGERS),
    "forums_staff:decision_link": ("POST", CONSULTATION_MANAGERS),
    "forums_staff:consultation_summary": ("GET", CONSULTATION_MANAGERS),
    "forums_staff:answers_csv": ("GET", CONSULTATION_MANAGERS),
    "forums_staff:report_queue": ("POST", CONSULTATION_MANAGERS),
    "forums_staff:report_file": ("GET", CONSULTATION_MANAGERS),
    "forums_staff:initiative_queue": ("GET", INITIATIVE_REGISTRY | ANY_CLERK),
    "forums_staff:initiative_record_new": ("GET", INITIATIVE_REGISTRY),
    "forums_staff:initiative_report": ("GET", INITIATIVE_REGISTRY),
    "forums_staff:initiative_report_file": ("GET", INITIATIVE_REGISTRY),
    "forums_staff:initiative_report_attach": ("POST", INITIATIVE_REGISTRY),
    "forums_staff:initiative": ("GET", INITIATIVE_HANDLERS),
    "forums_staff:initiative_register": ("POST", INITIATIVE_HANDLERS),
    "forums_staff:initiative_route": ("POST", INITIATIVE_HANDLERS),
    "forums_staff:initiative_hearing": ("POST", INITIATIVE_HANDLERS),
    "forums_staff:initiative_answer": ("POST", INITIATIVE_HANDLERS),
    "forums_staff:initiative_close": ("POST", INITIATIVE_HANDLERS),
}
# A missing permission answers 403; a body's page for someone who is not its clerk, 404.
PERMISSION_NAMESPACES = {"strategy_staff", "forums_staff"}
BODY_SCOPED = {
    "forums_staff:follow_up",
    # An initiative outside the user's bodies is not found (manageable_by).
    "forums_staff:initiative",
    "forums_staff:initiative_register",
    "forums_staff:initiative_route",
    "forums_staff:initiative_hearing",
    "forums_staff:initiative_answer",
    "forums_staff:initiative_close",
} | {name for name, (_method, allowed) in MATRIX.items() if allowed is CONSULTATION_MANAGERS}
STAFF_ROUTES = [route for route in routes() if route.is_staff]


def test_every_staff_url_has_a_row_in_the_matrix():
    assert {route.name for route in STAFF_ROUTES} == set(MATRIX)


@pytest.fixture
def everyone(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path
    return World()


def test_the_permission_matrix(everyone):
    """One world for all URLs: each request runs in a transaction that is rolled back.

    Every answer, whoever asks, is also `private, no-store` with a Permissions-Policy.
    """
    clients = {"anonymous": Client()}
    for role in ROLES:
        clients[role] = Client()
        clients[role].force_login(getattr(everyone, role))
    wrong = []
    for route in STAFF_ROUTES:
        method, allowed = MATRIX[route.name]
        url = reverse(route.name, kwargs=kwargs_for(route, everyone))
        denied_status = (
            403
            if route.namespace in PERMISSION_NAMESPACES and route.name not in BODY_SCOPED
            else 404
        )
        for role, client in clients.items():
            with transaction.atomic():  # each role meets the same world: a delete is undone
                response = getattr(client, method.lower())(url)
                transaction.set_rollback(True)
            status = response.status_code
            cache_control = set(response.get("Cache-Control", "").split(", "))
            if not {"private", "no-store"} <= cache_control:
                wrong.append(f"{route.name} as {role}: Cache-Control {cache_control}")
            if "camera=()" not in response.get("Permissions-Policy", ""):
                wrong.append(f"{route.name} as {role}: no Permissions-Policy")
            if role == "anonymous":
                ok = status == 302 and response["Location"].startswith("/kirjaudu/")
            elif role in allowed:
                ok = status not in (403, 404, 405) and status < 500
            else:
                ok = status == denied_status
            if not ok:
                wrong.append(f"{route.name} {method} as {role}: {status}")
    assert wrong == [], "\n".join(wrong)


def test_the_workspace_says_when_recording_opens_instead_of_hiding_it(client, world):
    start = timezone.localtime(timezone.now() + timedelta(days=14)).replace(hour=14, minute=0)
    meeting = MeetingFactory(body=world["body"], start=start, year=start.year)
    item = AgendaItemFactory(meeting=meeting, section=1)
    client.force_login(world["clerk"])
    html = client.get(reverse("staff:meeting", args=[meeting.pk])).content.decode()
    assert "Kirjaaminen avautuu, kun kokous alkaa" in html
    assert "klo 14.00" in html
    assert reverse("staff:attendance", args=[meeting.pk]) not in html
    assert reverse("staff:item_record", args=[item.pk]) not in html
    response = client.post(
        reverse("staff:attendance", args=[meeting.pk]),
        {
            "a-TOTAL_FORMS": "1",
            "a-INITIAL_FORMS": "0",
            "a-0-person": PersonFactory().pk,
            "a-0-role": "member",
            "a-0-presence": "present",
        },
        follow=True,
    )
    assert "Kirjaaminen avautuu, kun kokous alkaa" in response.content.decode()
    assert not meeting.attendances.exists()


def test_a_clerk_marks_personal_data_with_brackets_and_the_public_web_hides_it_later(client, world):
    """[[name]] in the item editor needs no HTML, and the appeal-period removal honours it."""
    item = world["item"]
    client.force_login(world["clerk"])
    url = reverse("staff:item_edit", args=[item.pk])
    editor = client.get(url).content.decode()
    assert "[[Maija Meikäläinen]]" in editor  # the help text shows the markup as typed
    assert "data-personal" not in editor
    form = {
        "title": item.title,
        "summary": "",
        "body": "Hakija [[Ville Virtanen]] pyysi lisäaikaa.",
        "proposal": "Myönnetään lisäaika.",
        "is_public": "on",
        "appeal_type": "rectification",
        "version": "1",
    }
    assert client.post(url, form).status_code == 302
    item.refresh_from_db()
    assert (
        item.body == '<p>Hakija <span data-personal="">Ville Virtanen</span> pyysi lisäaikaa.</p>'
    )
    assert "Hakija [[Ville Virtanen]] pyysi lisäaikaa." in client.get(url).content.decode()

    HandlingFactory(item=item)
    meeting = item.meeting
    meeting.state = MeetingState.MINUTES_PUBLISHED
    meeting.save(update_fields=["state"])
    minutes = MinutesFactory(meeting=meeting, published_at=timezone.now() - timedelta(days=2))
    client.logout()
    assert "Ville Virtanen" in client.get(item.get_absolute_url()).content.decode()
    minutes.published_at = timezone.now() - timedelta(days=60)
    minutes.save(update_fields=["published_at"])
    html = client.get(item.get_absolute_url()).content.decode()
    assert "Ville Virtanen" not in html
    assert "[henkilötieto poistettu]" in html


def test_the_dashboard_and_the_workspace_name_the_checkers_and_who_has_approved(client, world):
    meeting = world["meeting"]
    meeting.state = MeetingState.MINUTES_DRAFTED
    meeting.save(update_fields=["state"])
    first = PersonFactory(first_name="Tiina", last_name="Tarkastaja")
    second = PersonFactory(first_name="Toivo", last_name="Toinen")
    approved = timezone.localtime(timezone.now()).replace(hour=9, minute=30)
    MinutesFactory(
        meeting=meeting,
        checker_1=first,
        checker_2=second,
        checker_1_approved_at=approved,
        checker_2_approved_at=None,
        published_at=None,
    )
    client.force_login(world["clerk"])
    for url in ["/hallinta/", reverse("staff:meeting", args=[meeting.pk])]:
        html = client.get(url).content.decode()
        assert f"Tiina Tarkastaja: <strong>hyväksyi {approved:%-d.%-m.%Y} klo 9.30" in html, url
        assert "Toivo Toinen: ei ole vielä hyväksynyt" in html, url
