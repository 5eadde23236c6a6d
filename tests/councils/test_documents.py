"""Meeting documents: archival, accessible PDF with the record's content."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from councils import documents
from councils.models import Document, DocumentKind, DocumentState
from councils.tasks import render_document
from tests.factories import (
    HELSINKI,
    AttendanceFactory,
    HandlingFactory,
    PublishedMeetingFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def published():  # type: ignore[no-untyped-def]
    meeting = PublishedMeetingFactory(
        body__name="Aluehallitus", start=datetime(2026, 5, 25, 14, tzinfo=HELSINKI)
    )
    meeting.minutes.published_at = datetime(2026, 5, 29, 12, tzinfo=HELSINKI)
    meeting.minutes.save(update_fields=["published_at"])
    AttendanceFactory(
        meeting=meeting, person__first_name="Pekka", person__last_name="Puheenjohtaja", role="chair"
    )
    first = HandlingFactory(
        item__meeting=meeting,
        item__section=31,
        item__title="Palveluverkkosuunnitelma 2027–2030",
        decision="<p>Aluehallitus hyväksyi suunnitelman ja lähettää sen kunnille lausunnolle.</p>",
    )
    HandlingFactory(
        item__meeting=meeting,
        item__section=32,
        item__title="Åke Šimkovićin ja Đorđe Ŋuolin aloite",
        item__body='<p>Aloitteen teki <span data-personal="">Maija Meikäläinen</span>.</p>',
        decision="<p>Merkittiin tiedoksi.</p>",
    )
    return meeting, first.item


def _appeal_period_runs(meeting) -> None:  # type: ignore[no-untyped-def]
    """While the appeal period runs, the minutes with personal data are public (rule 7)."""
    meeting.items.update(appeal_last_day=timezone.localdate() + timedelta(days=14))


def _pdf(document: Document) -> PdfReader:
    document.refresh_from_db()
    with document.file.open("rb") as handle:
        return PdfReader(BytesIO(handle.read()))


def _text(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_minutes_pdf_holds_the_items_decisions_appeal_dates_and_page_numbers(published):
    meeting, _item = published
    (document,) = documents.documents_queue(meeting, [DocumentKind.MINUTES])
    documents.document_render(document.pk)
    reader = _pdf(document)
    text = _text(reader)
    assert "Palveluverkkosuunnitelma 2027–2030" in text
    assert "Aluehallitus hyväksyi suunnitelman" in text
    # online 29.5. -> received 5.6. -> 14 days to Midsummer Eve 19.6. -> Monday 22.6.2026
    assert "5.6.2026" in text
    assert "22.6.2026" in text
    assert re.search(r"sivu 1 / \d+", text)
    assert f"sivu {len(reader.pages)} / {len(reader.pages)}" in text
    assert "Pekka Puheenjohtaja" in text


def test_it_is_pdf_a_tagged_with_language_title_and_metadata(published):
    meeting, _item = published
    (document,) = documents.documents_queue(meeting, [DocumentKind.MINUTES])
    documents.document_render(document.pk)
    reader = _pdf(document)
    xmp = reader.xmp_metadata
    assert xmp is not None
    xml = xmp.stream.get_data().decode()
    assert 'pdfaid:part="3"' in xml  # PDF/A-3 ...
    assert 'pdfaid:conformance="A"' in xml  # ... level A: tagged, accessible
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "fi"
    assert "/StructTreeRoot" in root  # tagged for assistive technology
    assert reader.metadata.title.startswith("Aluehallitus – pöytäkirja")
    assert "Aluehallitus" in reader.metadata.author
    assert "pöytäkirja" in reader.metadata.get("/Keywords", "")


def test_the_fonts_are_embedded_and_cover_nordic_and_sami_letters(published):
    meeting, _item = published
    (document,) = documents.documents_queue(meeting, [DocumentKind.MINUTES])
    documents.document_render(document.pk)
    reader = _pdf(document)
    embedded = set()
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        for font in fonts.values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0].get_object() if descendants else font)["/FontDescriptor"]
            if "/FontFile2" in descriptor or "/FontFile3" in descriptor:
                embedded.add(str(font["/BaseFont"]))
    assert embedded and all("Raati-Sans" in name for name in embedded)  # DejaVu, shipped
    assert "Åke Šimkovićin ja Đorđe Ŋuolin aloite" in _text(reader)


def test_rendering_twice_leaves_one_file_with_the_same_sha(published, media):
    meeting, _item = published
    (document,) = documents.documents_queue(meeting, [DocumentKind.MINUTES])
    first = documents.document_render(document.pk)
    again = documents.document_render(document.pk)
    assert again.sha256 == first.sha256
    assert again.attempts == 1
    files = [p for p in media.rglob("*.pdf")]
    assert len(files) == 1


def test_a_lost_render_is_rendered_again_to_the_same_bytes(published, media):
    meeting, _item = published
    (document,) = documents.documents_queue(meeting, [DocumentKind.MINUTES])
    ready = documents.document_render(document.pk)
    sha = ready.sha256
    # As if the worker had died after writing: back to "rendering", file still there.
    Document.objects.filter(pk=document.pk).update(state=DocumentState.RENDERING, sha256="")
    again = documents.document_render(document.pk)
    assert again.sha256 == sha
    assert again.attempts == 2


def test_a_template_error_fails_the_document_without_retrying(published, monkeypatch):
    meeting, _item = published
    (document,) = documents.documents_queue(meeting, [DocumentKind.MINUTES])

    def broken(document):  # type: ignore[no-untyped-def]
        raise ValueError("a broken template")

    monkeypatch.setattr(documents, "render_html", broken)
    assert render_document.apply(args=[document.pk]).get() == "failed"
    document.refresh_from_db()
    assert document.state == DocumentState.FAILED
    assert "a broken template" in document.failure
    assert document.attempts == 1


def test_the_renderer_fetches_nothing_from_the_network():
    assert documents.fetch_for_document(documents.STATIC_PREFIX + "css/documents.css").startswith(
        b"/*"
    )
    for url in [
        "https://example.com/logo.png",
        "file:///etc/passwd",
        documents.STATIC_PREFIX + "../settings.py",
    ]:
        with pytest.raises(ValueError):
            documents.fetch_for_document(url)


def test_the_public_copy_hides_tagged_personal_data_after_the_appeal_period(published):
    meeting, _item = published
    original = Document.objects.create(kind="minutes", meeting=meeting, public=False)
    public = Document.objects.create(kind="minutes", meeting=meeting, redacted=True)
    assert "Maija Meikäläinen" in _text(_pdf(documents.document_render(original.pk)))
    text = _text(_pdf(documents.document_render(public.pk)))
    assert "Maija Meikäläinen" not in text
    assert "henkilötieto poistettu" in text


def test_an_extract_has_one_item_and_its_appeal_instructions(published):
    meeting, item = published
    documents.documents_queue(meeting, [DocumentKind.EXTRACT])
    extract = Document.objects.get(item=item)
    documents.document_render(extract.pk)
    text = _text(_pdf(extract))
    assert "Pöytäkirjanote" in text
    assert "Palveluverkkosuunnitelma" in text
    assert "Åke" not in text
    assert "Muutoksenhakuohjeet" in text


def test_publishing_the_minutes_queues_and_renders_the_documents(
    published, client, django_capture_on_commit_callbacks
):
    meeting, item = published
    from councils.signals import minutes_published

    with django_capture_on_commit_callbacks(execute=True):
        minutes_published.send(sender=type(meeting), meeting=meeting)
    kinds = sorted(Document.objects.filter(meeting=meeting).values_list("kind", flat=True))
    assert kinds == ["extract", "extract", "minutes"]
    assert set(Document.objects.values_list("state", flat=True)) == {"ready"}
    _appeal_period_runs(meeting)
    html = client.get(meeting.get_absolute_url()).content.decode()
    minutes = Document.objects.get(kind="minutes")
    assert reverse("councils:document", args=[minutes.pk]) in html
    response = client.get(reverse("councils:document", args=[minutes.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert client.get(item.get_absolute_url()).content.decode().count("/asiakirjat/") == 1


def test_a_correction_renders_a_new_version_and_keeps_the_old(
    published, django_capture_on_commit_callbacks
):
    meeting, _item = published
    first = documents.documents_queue(meeting, [DocumentKind.MINUTES])[0]
    documents.document_render(first.pk)
    second = documents.documents_queue(meeting, [DocumentKind.MINUTES])[0]
    documents.document_render(second.pk)
    first.refresh_from_db()
    assert second.version == 2
    assert first.superseded_at is not None
    assert first.file and first.state == DocumentState.READY
    _appeal_period_runs(meeting)
    assert documents.public_documents(meeting) == [Document.objects.get(pk=second.pk)]


def test_a_failed_document_can_be_retried_by_the_clerk_only(published, client):
    meeting, _item = published
    document = Document.objects.create(
        kind="minutes", meeting=meeting, state=DocumentState.FAILED, failure="x"
    )
    url = reverse("staff:document_retry", args=[document.pk])
    outsider = UserFactory()
    client.force_login(outsider)
    assert client.post(url).status_code == 404
    clerk = UserFactory()
    meeting.body.clerks.add(clerk)
    client.force_login(clerk)
    assert client.post(url).status_code == 302
    document.refresh_from_db()
    assert document.state == DocumentState.READY  # eager in the tests: rendered at once


def test_the_staff_documents_region_polls_only_while_something_is_pending(published, client):
    meeting, _item = published
    clerk = UserFactory()
    meeting.body.clerks.add(clerk)
    client.force_login(clerk)
    Document.objects.create(kind="minutes", meeting=meeting)
    url = reverse("staff:meeting_documents", args=[meeting.pk])
    assert 'hx-trigger="every 2s"' in client.get(url, HTTP_HX_REQUEST="true").content.decode()
    Document.objects.update(state=DocumentState.FAILED)
    assert "hx-trigger" not in client.get(url, HTTP_HX_REQUEST="true").content.decode()


def test_unpublished_documents_are_not_served(client):
    meeting = PublishedMeetingFactory(state="minutes_checked")
    document = Document.objects.create(
        kind="minutes", meeting=meeting, state=DocumentState.READY, sha256="x" * 64
    )
    assert client.get(reverse("councils:document", args=[document.pk])).status_code == 404


def test_with_the_broker_away_publishing_succeeds_and_the_sweep_renders_later(
    published, django_capture_on_commit_callbacks, monkeypatch
):
    from kombu.exceptions import OperationalError

    from councils.tasks import render_document as task

    meeting, _item = published

    def broker_down(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(task, "delay", broker_down)
    with django_capture_on_commit_callbacks(execute=True):
        queued = documents.documents_queue(meeting, [DocumentKind.MINUTES])
    assert Document.objects.get(pk=queued[0].pk).state == DocumentState.QUEUED
    monkeypatch.undo()  # the broker is back; beat's sweep queues what was left behind
    assert documents.documents_requeue_stale(older_than_minutes=0) == 1
    assert Document.objects.get(pk=queued[0].pk).state == DocumentState.READY


def test_after_the_appeal_period_the_public_copy_is_redacted_and_the_original_kept(
    published, client, django_capture_on_commit_callbacks
):
    from datetime import date

    meeting, _item = published
    (original,) = documents.documents_queue(meeting, [DocumentKind.MINUTES])
    documents.document_render(original.pk)
    meeting.items.update(appeal_last_day=date(2026, 6, 22))
    assert documents.documents_redact_expired(today=date(2026, 6, 22)) == 0  # last day: not yet
    with django_capture_on_commit_callbacks(execute=True):
        assert documents.documents_redact_expired(today=date(2026, 6, 23)) == 1
    redacted = Document.objects.get(meeting=meeting, redacted=True)
    original.refresh_from_db()
    assert redacted.state == DocumentState.READY
    assert not original.public  # the internal record, whole
    assert "Maija Meikäläinen" not in _text(_pdf(redacted))
    assert "Maija Meikäläinen" in _text(_pdf(original))
    assert documents.public_documents(meeting) == [redacted]
    assert client.get(reverse("councils:document", args=[original.pk])).status_code == 404
    assert client.get(reverse("councils:document", args=[redacted.pk])).status_code == 200
    assert documents.documents_redact_expired(today=date(2026, 6, 24)) == 0  # done once


def test_retries_for_lost_workers_are_bounded(published):
    meeting, _item = published
    document = Document.objects.create(
        kind="minutes",
        meeting=meeting,
        state=DocumentState.RENDERING,
        attempts=documents.MAX_ATTEMPTS,
    )
    Document.objects.filter(pk=document.pk).update(created_at=datetime(2026, 1, 1, tzinfo=HELSINKI))
    assert documents.documents_requeue_stale(older_than_minutes=1) == 0
    document.refresh_from_db()
    assert document.state == DocumentState.FAILED
    assert "gave up" in document.failure
