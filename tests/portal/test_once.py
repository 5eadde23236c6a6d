"""One submission per form (portal/once.py): a double submit creates nothing twice."""

from __future__ import annotations

import re
import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from councils import services
from councils.models import AgendaItem, Meeting, Office, OfficialDecision
from portal.models import FormSubmission
from portal.once import forget_old_submissions
from tests.factories import BodyFactory, PersonFactory, UserFactory

TOKEN = re.compile(r'name="form_once" value="([^"]+)"')


@pytest.fixture
def world(db):  # type: ignore[no-untyped-def]
    body = BodyFactory(name="Aluehallitus")
    clerk = UserFactory(username="sihteeri")
    body.clerks.add(clerk)
    official = PersonFactory(political_group="", title="talousjohtaja")
    office = Office.objects.create(
        title="talousjohtaja",
        holder=official,
        delegated_by=body,
        start=timezone.localdate() - timedelta(days=30),
    )
    return {"body": body, "clerk": clerk, "office": office}


def token_of(client: Client, url: str) -> str:
    match = TOKEN.search(client.get(url).content.decode())
    assert match, f"no form token on {url}"
    return match.group(1)


def meeting_form(world, token: str) -> dict[str, object]:  # type: ignore[no-untyped-def]
    day = timezone.localdate() + timedelta(days=20)
    return {
        "body": world["body"].pk,
        "day": day.isoformat(),
        "start_time": "14:00",
        "mode": "in_person",
        "form_once": token,
    }


def test_every_form_carries_a_fresh_token_on_every_render(client, world):
    client.force_login(world["clerk"])
    first = token_of(client, reverse("staff:meeting_new"))
    assert first != token_of(client, reverse("staff:meeting_new"))


def test_the_same_new_meeting_form_sent_twice_creates_one_and_shows_it(client, world):
    client.force_login(world["clerk"])
    data = meeting_form(world, token_of(client, reverse("staff:meeting_new")))
    first = client.post(reverse("staff:meeting_new"), data)
    second = client.post(reverse("staff:meeting_new"), data, follow=True)
    meeting = Meeting.objects.get()
    assert first["Location"] == reverse("staff:meeting", args=[meeting.pk])
    assert second.redirect_chain[0][0] == first["Location"]
    assert "Tämä lomake oli jo lähetetty; tässä sen tulos." in second.content.decode()


def test_a_new_form_creates_a_second_meeting(client, world):
    client.force_login(world["clerk"])
    for _ in range(2):
        client.post(
            reverse("staff:meeting_new"),
            meeting_form(world, token_of(client, reverse("staff:meeting_new"))),
        )
    assert Meeting.objects.count() == 2


def test_a_refused_form_can_be_corrected_and_sent_again_with_its_token(client, world):
    client.force_login(world["clerk"])
    data = meeting_form(world, token_of(client, reverse("staff:meeting_new")))
    assert client.post(reverse("staff:meeting_new"), {**data, "mode": "x"}).status_code == 400
    assert client.post(reverse("staff:meeting_new"), data).status_code == 302
    assert Meeting.objects.count() == 1


@pytest.mark.parametrize("htmx", [False, True])
def test_an_item_added_twice_with_one_form_is_added_once(client, world, htmx):
    meeting = services.meeting_create(body=world["body"], start=timezone.now() + timedelta(days=10))
    client.force_login(world["clerk"])
    workspace = reverse("staff:meeting", args=[meeting.pk])
    data = {"title": "Talousarvion toteuma", "form_once": token_of(client, workspace)}
    headers = {"HTTP_HX_REQUEST": "true", "HTTP_HX_CURRENT_URL": workspace} if htmx else {}
    url = reverse("staff:item_add", args=[meeting.pk])
    client.post(url, data, **headers)
    second = client.post(url, data, **headers)
    assert AgendaItem.objects.filter(meeting=meeting).count() == 1
    if htmx:
        assert second["HX-Redirect"] == workspace
    else:
        assert second["Location"].startswith(workspace)


def test_an_officials_decision_published_twice_is_published_once(client, world):
    client.force_login(world["clerk"])
    url = reverse("staff:official_decision_new")
    data = {
        "office": world["office"].pk,
        "title": "Hankintapäätös",
        "decided_on": timezone.localdate().isoformat(),
        "text": "Päätän hankkia.",
        "appeal_type": "rectification",
        "form_once": token_of(client, url),
    }
    first = client.post(url, data)
    second = client.post(url, data)
    decision = OfficialDecision.objects.get()
    assert first["Location"] == second["Location"] == decision.get_absolute_url()


def test_a_forged_token_gives_no_protection_and_breaks_nothing(client, world):
    client.force_login(world["clerk"])
    data = meeting_form(world, "forged:token")
    assert client.post(reverse("staff:meeting_new"), data).status_code == 302
    assert not FormSubmission.objects.exists()


def test_used_tokens_are_forgotten_after_two_days(world):
    FormSubmission.objects.create(
        token="old", path="/", created_at=timezone.now() - timedelta(days=3)
    )
    FormSubmission.objects.create(token="new", path="/")
    assert forget_old_submissions() == 1
    assert list(FormSubmission.objects.values_list("token", flat=True)) == ["new"]


@pytest.mark.django_db(transaction=True)
def test_two_submissions_at_the_same_moment_create_one_meeting_on_postgresql(world):
    """The second request waits on the token's unique index, then answers with the first's result.

    SQLite runs the same race in tests/portal/test_database_settings.py (a file database
    in a fresh interpreter, as threads cannot share the in-memory test database).
    """
    if connection.vendor != "postgresql":
        pytest.skip("optional service absent: PostgreSQL (SQLite: test_database_settings.py)")
    setup = Client()
    setup.force_login(world["clerk"])
    data = meeting_form(world, token_of(setup, reverse("staff:meeting_new")))
    barrier = threading.Barrier(2)
    answers: list[str] = []

    def post() -> None:
        client = Client()
        client.force_login(world["clerk"])
        barrier.wait()
        answers.append(client.post(reverse("staff:meeting_new"), data)["Location"])
        connection.close()

    threads = [threading.Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    meeting = Meeting.objects.get()
    assert answers == [reverse("staff:meeting", args=[meeting.pk])] * 2
