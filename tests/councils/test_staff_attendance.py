"""The attendance list: roles come from the memberships, the chair from its own field."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from councils.models import Attendance, MembershipRole
from tests.factories import (
    BodyFactory,
    MeetingFactory,
    MembershipFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def board():  # type: ignore[no-untyped-def]
    body = BodyFactory(name="Aluehallitus", seats=3)
    clerk = UserFactory()
    body.clerks.add(clerk)
    start = timezone.now() - timedelta(hours=1)
    meeting = MeetingFactory(body=body, start=start, year=start.year)
    day = timezone.localdate() - timedelta(days=400)
    chair = MembershipFactory(body=body, role=MembershipRole.CHAIR, start=day).person
    vice = MembershipFactory(body=body, role=MembershipRole.VICE_CHAIR, start=day).person
    member = MembershipFactory(body=body, role=MembershipRole.MEMBER, start=day).person
    return {"meeting": meeting, "clerk": clerk, "chair": chair, "vice": vice, "member": member}


def form_data(client, url, **changes):  # type: ignore[no-untyped-def]
    """The attendance form as the page renders it, with changes by field name."""
    response = client.get(url)
    formset = response.context["formset"]
    data = {
        "a-TOTAL_FORMS": str(formset.total_form_count()),
        "a-INITIAL_FORMS": str(formset.initial_form_count()),
        "chair": str(response.context["chair_form"]["chair"].value() or ""),
    }
    for n, form in enumerate(formset):
        data[f"a-{n}-person"] = str(form.initial["person"].pk)
        data[f"a-{n}-presence"] = form.initial.get("presence", "")
    data.update(changes)
    return data


def test_a_posted_role_outside_the_choices_is_not_stored_and_the_page_keeps_working(client, board):
    client.force_login(board["clerk"])
    url = reverse("staff:attendance", args=[board["meeting"].pk])
    data = form_data(client, url)
    for n in range(3):
        data[f"a-{n}-presence"] = "present"
        data[f"a-{n}-role"] = "' OR 1=1--"
    assert client.post(url, data).status_code == 302
    assert set(Attendance.objects.values_list("role", flat=True)) == {"chair", "member"}
    assert client.get(url).status_code == 200
    assert client.get(board["meeting"].get_absolute_url()).status_code == 200


def test_a_posted_role_cannot_make_a_member_the_chair(client, board):
    client.force_login(board["clerk"])
    url = reverse("staff:attendance", args=[board["meeting"].pk])
    data = form_data(client, url)
    for n in range(3):
        data[f"a-{n}-presence"] = "present"
        data[f"a-{n}-role"] = "chair"
    client.post(url, data)
    chairs = Attendance.objects.filter(role="chair")
    assert [a.person for a in chairs] == [board["chair"]]


def test_the_chair_is_prefilled_from_the_membership_and_can_be_the_vice_chair(client, board):
    client.force_login(board["clerk"])
    url = reverse("staff:attendance", args=[board["meeting"].pk])
    html = client.get(url).content.decode()
    assert f'<option value="{board["chair"].pk}" selected>' in html
    data = form_data(client, url, chair=str(board["vice"].pk))
    for n in range(3):
        data[f"a-{n}-presence"] = "present"
    assert client.post(url, data).status_code == 302
    roles = {a.person_id: a.role for a in Attendance.objects.all()}
    assert roles == {
        board["vice"].pk: "chair",
        board["chair"].pk: "member",
        board["member"].pk: "member",
    }


def test_only_a_seated_member_can_be_named_the_chair(client, board):
    outsider = MembershipFactory(
        body=board["meeting"].body,
        role=MembershipRole.SECRETARY,
        start=board["meeting"].start.date(),
    ).person
    client.force_login(board["clerk"])
    url = reverse("staff:attendance", args=[board["meeting"].pk])
    data = form_data(client, url, chair=str(outsider.pk))
    assert client.post(url, data).status_code == 400
    assert not Attendance.objects.exists()


def test_everyone_present_marks_the_unrecorded_present_and_keeps_the_absent(client, board):
    client.force_login(board["clerk"])
    url = reverse("staff:attendance", args=[board["meeting"].pk])
    data = form_data(client, url, everyone_present="1")
    member_row = next(n for n in range(3) if data[f"a-{n}-person"] == str(board["member"].pk))
    data[f"a-{member_row}-presence"] = "absent"
    assert client.post(url, data).status_code == 302
    presence = {a.person_id: a.presence for a in Attendance.objects.all()}
    assert presence == {
        board["chair"].pk: "present",
        board["vice"].pk: "present",
        board["member"].pk: "absent",
    }


def test_the_page_offers_everyone_present_as_a_plain_button(client, board):
    client.force_login(board["clerk"])
    html = client.get(reverse("staff:attendance", args=[board["meeting"].pk])).content.decode()
    assert 'name="everyone_present"' in html
    assert 'name="a-0-role"' not in html
