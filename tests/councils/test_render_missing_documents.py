"""render_missing_documents: the PDFs that imported or demo meetings never had, made once."""

from __future__ import annotations

from datetime import datetime, timedelta
from io import BytesIO, StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from pypdf import PdfReader

from councils import documents
from councils.models import Document, DocumentKind, DocumentState, MeetingState
from tests.factories import (
    HELSINKI,
    AttachmentFactory,
    HandlingFactory,
    MeetingFactory,
    PublishedMeetingFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _run(*args: str) -> str:
    out = StringIO()
    call_command("render_missing_documents", *args, stdout=out)
    return out.getvalue()


def test_it_renders_the_published_agendas_and_minutes_once_and_the_pages_link_them(client):
    decided = PublishedMeetingFactory(start=datetime(2026, 5, 25, 14, tzinfo=HELSINKI))
    HandlingFactory(item__meeting=decided, item__title="Palveluverkkosuunnitelma 2027–2030")
    upcoming = MeetingFactory(start=timezone.now() + timedelta(days=5))
    planned = MeetingFactory(state=MeetingState.PLANNED, agenda_published_at=None)

    # The decided meeting's appeal period is over: its minutes are public only as the copy
    # without personal data (rule 7), rendered as well; the original stays the record.
    assert "missing: 4 (4 ready)" in _run()
    ready = Document.objects.filter(state=DocumentState.READY)
    assert sorted(ready.filter(meeting=decided).values_list("kind", "redacted")) == [
        (DocumentKind.AGENDA, False),
        (DocumentKind.MINUTES, False),
        (DocumentKind.MINUTES, True),
    ]
    assert list(ready.filter(meeting=upcoming).values_list("kind", flat=True)) == [
        DocumentKind.AGENDA
    ]
    assert not Document.objects.filter(meeting=planned).exists()
    # The meeting page links the minutes, and the link opens the PDF.
    minutes = ready.get(meeting=decided, kind=DocumentKind.MINUTES, redacted=True)
    html = client.get(decided.get_absolute_url()).content.decode()
    assert minutes.get_absolute_url() in html
    response = client.get(minutes.get_absolute_url())
    assert response.status_code == 200
    text = PdfReader(BytesIO(b"".join(response.streaming_content))).pages[0].extract_text()
    assert "pöytäkirja" in text
    # A second run finds nothing to do.
    assert "missing: 0 (none)" in _run()
    assert Document.objects.count() == 4


def test_a_document_left_in_the_queue_is_rendered_not_made_again():
    meeting = MeetingFactory(start=timezone.now() + timedelta(days=5))
    waiting = Document.objects.create(kind=DocumentKind.AGENDA, meeting=meeting, version=1)
    assert "missing: 1 (1 ready)" in _run()
    waiting.refresh_from_db()
    assert waiting.state == DocumentState.READY
    assert Document.objects.count() == 1


def test_extracts_are_rendered_when_asked():
    decided = PublishedMeetingFactory(start=datetime(2026, 5, 25, 14, tzinfo=HELSINKI))
    HandlingFactory(item__meeting=decided)
    HandlingFactory(item__meeting=decided)
    _run("--extracts")
    extracts = Document.objects.filter(meeting=decided, kind=DocumentKind.EXTRACT)
    # One per item, and each one's copy without personal data once the appeal period is over.
    assert extracts.filter(redacted=False).count() == 2
    assert extracts.filter(redacted=True, public=True).count() == 2


def test_with_queue_the_workers_render_them(monkeypatch, django_capture_on_commit_callbacks):
    queued: list[int] = []
    monkeypatch.setattr(documents, "enqueue", lambda document: queued.append(document.pk))
    MeetingFactory(start=timezone.now() + timedelta(days=5))
    with django_capture_on_commit_callbacks(execute=True):
        assert "missing: 1 (1 queued)" in _run("--queue")
    assert queued == list(Document.objects.values_list("pk", flat=True))
    assert Document.objects.get().state == DocumentState.QUEUED


def test_an_attachment_with_text_but_no_file_gets_a_pdf_of_its_text(client):
    handling = HandlingFactory(item__title="Talousarvio 2024 ja taloussuunnitelma 2024–2026")
    attachment = AttachmentFactory(
        item=handling.item,
        title="Talousarvio 2024",
        text="Toimintatuotot, valtion rahoitus ja toimintakulut toimialoittain.",
    )
    assert "Attachments: 1 PDF(s)" in _run()
    attachment.refresh_from_db()
    assert attachment.file and attachment.size > 0
    response = client.get(f"/liitteet/{attachment.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(BytesIO(b"".join(response.streaming_content)))
    text = reader.pages[0].extract_text()
    assert "Talousarvio 2024" in text
    assert "valtion rahoitus" in text
    assert reader.metadata is not None and reader.metadata.title == "Talousarvio 2024"
    # Its decision's page links it now; a second run leaves it as it is.
    assert (
        f"/liitteet/{attachment.pk}/"
        in client.get(handling.item.get_absolute_url()).content.decode()
    )
    assert "Attachments: 0 PDF(s)" in _run()
