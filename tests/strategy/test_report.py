"""The period report PDF: closing a period queues it, councils' pipeline renders it (eager
Celery in tests), staff download it and attach it to a board agenda item."""

from __future__ import annotations

import hashlib
import re
import time
from io import BytesIO
from unittest import mock

import pytest
from django.urls import reverse
from pypdf import PdfReader

from councils import documents
from councils.models import Attachment, Document, DocumentKind, DocumentState
from strategy import services
from strategy.models import Status
from tests.factories import AgendaItemFactory, BodyFactory, MeetingFactory, StatusUpdateFactory
from tests.strategy.staff_helpers import arrange, chair, fi, outsider, strategist

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def closed(django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    """The previous period, reported and closed; its report rendered."""
    arranged = arrange()
    StatusUpdateFactory(
        period=arranged.previous,
        goal=arranged.off_track,
        status=Status.OFF_TRACK,
        narrative="Alijäämä kasvoi ennakoitua nopeammin.",
        risks="Valtion rahoitus on epävarma.",
        next_steps="Lisätoimet aluehallitukselle.",
    )
    with django_capture_on_commit_callbacks(execute=True):
        _period, document = services.period_close_with_report(period=arranged.previous, user=None)
    document.refresh_from_db()
    return arranged, document


def _text(document: Document) -> str:
    with document.file.open("rb") as handle:
        reader = PdfReader(BytesIO(handle.read()))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_closing_renders_a_pdf_report_with_the_period_and_its_goals(closed):
    _arranged, document = closed
    assert document.kind == DocumentKind.REPORT
    assert document.state == DocumentState.READY, document.failure
    assert document.pages >= 1
    text = _text(document)
    assert "T8/2099" in text
    assert "Tasapainoinen talous" in text
    assert "Alijäämä kasvoi ennakoitua nopeammin." in text
    assert "Valtion rahoitus on epävarma." in text
    assert f"✗ {fi(Status.OFF_TRACK.label)}" in text
    assert re.search(r"sivu 1 / \d+", text)
    # Indicator values carry the indicator's decimals and unit (a comma in Finnish).
    assert re.search(r"\b40,0\s% \(", text)  # the next target
    assert document.filename == f"strategia-raportti-t8-2099-v{document.version}.pdf"


def test_the_same_version_renders_to_the_same_bytes(closed):
    _arranged, document = closed
    first = document.sha256
    with document.file.open("rb") as handle:
        assert hashlib.sha256(handle.read()).hexdigest() == first
    # A worker lost after rendering: the same version is rendered again from scratch.
    Document.objects.filter(pk=document.pk).update(state=DocumentState.QUEUED, sha256="")
    # Some seconds later (fontTools stamped each font with the second it wrote it).
    later = time.time() + 5
    with mock.patch("fontTools.misc.timeTools.time.time", return_value=later):
        again = documents.document_render(document.pk)
    assert again.sha256 == first


def test_a_new_version_supersedes_the_old_one(closed, django_capture_on_commit_callbacks):
    arranged, document = closed
    with django_capture_on_commit_callbacks(execute=True):
        newer = services.period_report_queue(period=arranged.previous)
    newer.refresh_from_db()
    document.refresh_from_db()
    assert newer.version == document.version + 1
    assert newer.state == DocumentState.READY
    assert document.superseded_at is not None


def test_the_councils_document_view_does_not_serve_reports(client, closed):
    _arranged, document = closed
    client.force_login(strategist())
    assert client.get(reverse("councils:document", args=[document.pk])).status_code == 404
    assert client.get(f"/hallinta/strategia/raportit/{document.pk}/").status_code == 200


def test_a_chair_downloads_the_report_others_do_not(client, closed):
    _arranged, document = closed
    url = f"/hallinta/strategia/raportit/{document.pk}/"
    assert client.get(url).status_code == 302
    client.force_login(outsider())
    assert client.get(url).status_code == 403
    client.force_login(chair())
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_the_period_page_shows_the_report_state(client, closed):
    arranged, document = closed
    client.force_login(chair())
    html = client.get(f"/hallinta/strategia/kaudet/{arranged.previous.pk}/").content.decode()
    assert f"/hallinta/strategia/raportit/{document.pk}/" in html
    assert "hx-trigger" not in html  # nothing pending: no polling


def test_a_clerk_of_the_board_attaches_the_report_to_an_agenda_item(client, closed):
    arranged, document = closed
    clerk = strategist()
    board = BodyFactory(name="Aluehallitus")
    board.clerks.add(clerk)
    item = AgendaItemFactory(
        meeting=MeetingFactory(body=board, start=_soon()), title="Strategian seuranta"
    )
    client.force_login(clerk)
    page = client.get(f"/hallinta/strategia/kaudet/{arranged.previous.pk}/").content.decode()
    assert "Strategian seuranta" in page  # offered in the list
    response = client.post(
        f"/hallinta/strategia/raportit/{document.pk}/liita/", {"agenda_item": item.pk}
    )
    assert response.status_code == 302
    attachment = Attachment.objects.get(item=item)
    assert attachment.size == document.size
    assert "T8/2099" in attachment.text


def test_someone_who_is_not_the_items_clerk_cannot_attach(client, closed):
    _arranged, document = closed
    item = AgendaItemFactory(meeting=MeetingFactory(start=_soon()))
    client.force_login(strategist())
    client.post(f"/hallinta/strategia/raportit/{document.pk}/liita/", {"agenda_item": item.pk})
    assert not Attachment.objects.exists()


def _soon():  # type: ignore[no-untyped-def]
    from datetime import timedelta

    from django.utils import timezone

    return timezone.now() + timedelta(days=7)
