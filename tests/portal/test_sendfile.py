"""Protected files: Django checks who may have one; nginx or Django then sends the bytes."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.councils.test_staff_attachments import attach
from tests.factories import AgendaItemFactory, BodyFactory, MeetingFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path
    body = BodyFactory(name="Aluehallitus")
    clerk = UserFactory(username="sihteeri")
    body.clerks.add(clerk)
    return {"clerk": clerk, "item": AgendaItemFactory(meeting=MeetingFactory(body=body))}


@pytest.fixture(params=[False, True], ids=["streamed", "x-accel"])
def x_accel(request, settings):  # type: ignore[no-untyped-def]
    settings.SENDFILE_X_ACCEL = request.param
    return request.param


def test_a_public_attachment_reaches_the_resident_either_way(client, world, x_accel):
    attachment = attach(world["item"], title="Talousarvio 2027")
    response = client.get(reverse("councils:attachment", args=[attachment.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="talousarvio-2027.pdf"' in response["Content-Disposition"]
    if x_accel:
        # nginx sends the file from its internal location; the worker sends no bytes.
        assert response["X-Accel-Redirect"] == "/_protected/" + attachment.file.name
        assert response.content == b""
    else:
        assert "X-Accel-Redirect" not in response
        assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_a_confidential_attachment_is_checked_before_either_way(client, world, x_accel):
    attachment = attach(world["item"], title="Asiakkaan selvitys")
    attachment.is_public = False
    attachment.save(update_fields=["is_public"])
    url = reverse("councils:attachment", args=[attachment.pk])
    refused = client.get(url)
    assert refused.status_code == 404
    assert "X-Accel-Redirect" not in refused
    client.force_login(world["clerk"])
    allowed = client.get(url)
    assert allowed.status_code == 200
    assert ("X-Accel-Redirect" in allowed) is x_accel
    assert "no-store" in allowed["Cache-Control"]


def test_a_file_missing_from_storage_is_a_404_either_way(client, world, x_accel):
    attachment = attach(world["item"])
    attachment.file.storage.delete(attachment.file.name)
    assert client.get(reverse("councils:attachment", args=[attachment.pk])).status_code == 404
