"""Meeting documents rendered to archival, accessible PDF (PDF/A-3a: tagged, fonts embedded).

The agenda, the minutes and one extract per item are rendered by a Celery task from
templates that share their content with the public pages. Each render is a Document row
(queued → rendering → ready | failed) with the file's SHA-256; a ready document is never
overwritten, a correction renders a new version. Nothing is fetched from the network
while rendering: the URL fetcher serves the project's own static files and refuses
everything else.
"""

from __future__ import annotations

import hashlib
import logging
import mimetypes
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial
from io import BytesIO
from pathlib import Path
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import timezone, translation

from councils.models import (
    AgendaItem,
    Attachment,
    Document,
    DocumentKind,
    DocumentState,
    Meeting,
)
from councils.record import record_prefetches

logger = logging.getLogger(__name__)

PDF_VARIANT = "pdf/a-3a"  # archival (PDF/A-3) and tagged for assistive technology ("a")
BASE_URL = "https://raati.invalid/"
STATIC_PREFIX = BASE_URL + "static/"


def _fetcher() -> Any:
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class ProjectStaticFetcher(URLFetcher):
        """Serves /static/ files of the project; refuses every other URL (no network)."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            if not url.startswith(STATIC_PREFIX):
                raise ValueError(
                    f"refused to fetch {url!r}: documents use only the project's files"
                )
            relative = url.removeprefix(STATIC_PREFIX).split("?")[0]
            if ".." in relative.split("/"):
                raise ValueError(f"refused a path outside static/: {relative!r}")
            path = finders.find(relative)
            if not path:
                raise ValueError(f"no static file {relative!r}")
            mime = mimetypes.guess_type(str(path))[0] or "application/octet-stream"
            return URLFetcherResponse(
                url, body=Path(path).read_bytes(), headers={"Content-Type": mime}
            )

    return ProjectStaticFetcher()


def fetch_for_document(url: str) -> bytes:
    """What the document renderer would fetch for `url` (for tests and diagnostics)."""
    response = _fetcher().fetch(url)
    return bytes(response.read())


# --- What each document says ------------------------------------------------------------


def _items(meeting: Meeting) -> list[AgendaItem]:
    # What each item's handling says comes from councils.record, as on the public page.
    return list(
        meeting.items.select_related("case", "handling", "preparer", "presenter")
        .prefetch_related(*record_prefetches())
        .order_by("section")
    )


# --- Documents of other apps ------------------------------------------------------------


@dataclass(frozen=True)
class Rendering:
    """What a registered renderer returns: the template and its context, the document's
    title (also stored on the row) and the PDF's file name."""

    title: str
    template: str
    context: dict[str, Any]
    filename: str


Renderer = Callable[[Document], Rendering]
_renderers: dict[str, Renderer] = {}
# Renderers for one owner model ("app_label.model"), so that two apps' reports share a kind.
_owner_renderers: dict[tuple[str, str], Renderer] = {}


def renderer_register(kind: str, renderer: Renderer, *, owner_model: str = "") -> None:
    """Let another app render documents of `kind` that belong to its own objects (the
    document's `owner`). Councils never imports those apps: they register from their
    AppConfig.ready() or on import of the module that queues the documents. With
    `owner_model` ("forums.consultation"), the renderer is for that owner's documents
    only, and the kind's general renderer keeps every other owner's."""
    if owner_model:
        _owner_renderers[(kind, owner_model.lower())] = renderer
    else:
        _renderers[kind] = renderer


def _rendering(document: Document) -> Rendering | None:
    if document.meeting_id is not None:
        return None
    if document.owner_type_id is not None and _owner_renderers:
        owner_type = ContentType.objects.get_for_id(document.owner_type_id)
        specific = _owner_renderers.get(
            (document.kind, f"{owner_type.app_label}.{owner_type.model}")
        )
        if specific is not None:
            return specific(document)
    try:
        renderer = _renderers[document.kind]
    except KeyError:
        raise DeterministicRenderError(f"no renderer is registered for {document.kind!r}") from None
    return renderer(document)


@transaction.atomic
def document_queue_for(owner: Any, *, kind: str, title: str = "") -> Document:
    """Queue a new version of an owned document (e.g. a period report) for rendering."""
    owner_type = ContentType.objects.get_for_model(owner)
    existing = Document.objects.filter(kind=kind, owner_type=owner_type, owner_id=owner.pk)
    version = (existing.aggregate(n=Max("version"))["n"] or 0) + 1
    document = Document.objects.create(
        kind=kind,
        owner_type=owner_type,
        owner_id=owner.pk,
        title=title[:300],
        version=version,
        public=False,
    )
    transaction.on_commit(partial(enqueue, document))
    return document


def document_context(document: Document) -> dict[str, Any]:
    assert document.meeting_id is not None, "a meeting's document"
    meeting = Meeting.objects.select_related(
        "body", "minutes__checker_1", "minutes__checker_2"
    ).get(pk=document.meeting_id)
    items = _items(meeting)
    if document.kind == DocumentKind.EXTRACT:
        items = [item for item in items if item.pk == document.item_id]
    attendances = list(
        meeting.attendances.select_related("person", "deputy_for").order_by(
            "role", "person__last_name"
        )
    )
    chair = next((a.person for a in attendances if a.role == "chair"), None)
    secretary = next((a.person for a in attendances if a.role == "secretary"), None)
    return {
        "document": document,
        "meeting": meeting,
        "body": meeting.body,
        "items": items,
        "supplementary": [item for item in items if item.is_supplementary],
        "attendances": attendances,
        "chair": chair,
        "secretary": secretary,
        "redact": document.redacted,
        "static_prefix": STATIC_PREFIX,
        "rendered_at": timezone.localtime(document.created_at),
    }


def render_html(document: Document) -> str:
    with translation.override("fi"):
        rendering = _rendering(document)
        if rendering is not None:
            context = {
                "document": document,
                "static_prefix": STATIC_PREFIX,
                "rendered_at": timezone.localtime(document.created_at),
                **rendering.context,
            }
            return render_to_string(rendering.template, context)
        return render_to_string(
            f"councils/documents/{document.kind}.html", document_context(document)
        )


# fontTools stamps each embedded font subset with the second it was written (the font's
# head.modified), so the same version rendered a second later had other bytes and another
# SHA-256. It reads the reproducible-builds variable instead of the clock when set: the
# stamp is then a constant (2023-01-01, when the county began).
FONT_TIMESTAMP = "1672531200"


def _fixed_font_timestamp() -> None:
    os.environ.setdefault("SOURCE_DATE_EPOCH", FONT_TIMESTAMP)


def render_pdf(document: Document) -> bytes:
    from weasyprint import HTML

    _fixed_font_timestamp()

    html = render_html(document)
    return HTML(string=html, base_url=BASE_URL, url_fetcher=_fetcher()).write_pdf(
        pdf_variant=PDF_VARIANT,
        # A fixed identifier keeps the bytes (and the SHA-256) of a version stable.
        pdf_identifier=f"raati-document-{document.pk}-v{document.version}".encode(),
        uncompressed_pdf=False,
    )


def attachment_pdf(attachment: Attachment) -> bytes:
    """An attachment whose file is missing, set from its text like the meeting documents.

    The demo's attachments, and attachments imported from an earlier system with their
    text only, open as a PDF/A of the same fonts and layout as the minutes.
    """
    from weasyprint import HTML

    _fixed_font_timestamp()
    item = attachment.item
    meeting = item.meeting
    paragraphs = [p.strip() for p in attachment.text.split("\n\n") if p.strip()]
    with translation.override("fi"):
        html = render_to_string(
            "councils/documents/attachment.html",
            {
                "attachment": attachment,
                "item": item,
                "meeting": meeting,
                "body": meeting.body,
                "paragraphs": paragraphs,
                "static_prefix": STATIC_PREFIX,
                "rendered_at": timezone.localtime(attachment.uploaded_at),
            },
        )
    return HTML(string=html, base_url=BASE_URL, url_fetcher=_fetcher()).write_pdf(
        pdf_variant=PDF_VARIANT,
        pdf_identifier=f"raati-attachment-{attachment.pk}".encode(),
        uncompressed_pdf=False,
    )


def page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(BytesIO(pdf)).pages)


# --- The pipeline ------------------------------------------------------------------------


class DeterministicRenderError(Exception):
    """A render that fails the same way every time (a template or data error): no retry."""


def _store_atomically(name: str, content: bytes) -> str:
    """Write to a temporary file beside the target and move it into place.

    A worker killed mid-write leaves at most a stray temporary file, never a half PDF
    under the document's name.
    """
    target = Path(default_storage.path(name))
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=".render-", suffix=".pdf")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return name


def document_pdf(document_id: int) -> bytes:
    """The PDF of a document version, without storing it (reads the database only)."""
    return render_pdf(Document.objects.select_related("meeting__body", "item").get(pk=document_id))


def document_render(document_id: int, *, rendered: bytes | None = None) -> Document:
    """Render one document version; running it again for a ready version changes nothing.

    `rendered` is the PDF made beforehand by document_pdf (in another process, so that
    several render at once while one writes).
    """
    with transaction.atomic():
        document = (
            Document.objects.select_for_update(of=("self",))
            .select_related("meeting__body", "item")
            .get(pk=document_id)
        )
        if document.state == DocumentState.READY:
            return document
        document.state = DocumentState.RENDERING
        document.started_at = timezone.now()
        document.attempts += 1
        document.save(update_fields=["state", "started_at", "attempts"])
    try:
        pdf = rendered if rendered is not None else render_pdf(document)
        # An owned document's title and file name come from its app's renderer.
        rendering = _rendering(document)
    except Exception as exc:
        Document.objects.filter(pk=document.pk).update(
            state=DocumentState.FAILED,
            failure=f"{exc.__class__.__name__}: {str(exc)[:500]}",
            finished_at=timezone.now(),
        )
        logger.exception("rendering document %s failed", document.pk)
        raise DeterministicRenderError(str(exc)) from exc
    if rendering is None:
        assert document.meeting is not None
        name = f"asiakirjat/{document.meeting.year}/{document.pk}-{document.filename}"
    else:
        document.title = rendering.title[:300]
        name = f"asiakirjat/{document.kind}/{document.created_at.year}/"
        name += f"{document.pk}-{rendering.filename}"
    _store_atomically(name, pdf)
    with transaction.atomic():
        title = document.title
        document = Document.objects.select_for_update().get(pk=document.pk)
        document.title = title
        document.file.name = name
        document.sha256 = hashlib.sha256(pdf).hexdigest()
        document.sha512 = hashlib.sha512(pdf).hexdigest()
        document.size = len(pdf)
        document.pages = page_count(pdf)
        document.state = DocumentState.READY
        document.failure = ""
        document.finished_at = timezone.now()
        document.save(
            update_fields=[
                *("file", "title", "sha256", "sha512", "size", "pages", "state", "failure"),
                "finished_at",
            ]
        )
        if document.redacted:
            # The redacted copy takes the public's place; the original stays, internal.
            Document.objects.filter(
                kind=document.kind,
                meeting=document.meeting,
                item_id=document.item_id,
                version=document.version,
                redacted=False,
            ).update(public=False, modified_at=timezone.now())
        # The newer version replaces the older ones in the public listing; they stay reachable.
        Document.objects.filter(
            kind=document.kind,
            meeting=document.meeting,
            item_id=document.item_id,
            owner_type_id=document.owner_type_id,
            owner_id=document.owner_id,
            public=document.public,
            redacted=document.redacted,
            version__lt=document.version,
            superseded_at__isnull=True,
        ).update(superseded_at=timezone.now(), modified_at=timezone.now())
    return document


def enqueue(document: Document) -> None:
    """Send the render to the queue; if the broker is away the row stays queued for the sweep."""
    from councils.tasks import render_document

    try:
        render_document.delay(document.pk)
    except Exception:  # kombu raises OperationalError and friends when Redis is down
        logger.warning("document %s stays queued: the broker is unreachable", document.pk)


def _new_versions(
    meeting: Meeting, kinds: list[str], items: list[AgendaItem] | None = None
) -> list[Document]:
    """A new queued version of each document kind of the meeting (extracts: one per item)."""
    created: list[Document] = []
    if items is None:
        items = list(meeting.items.order_by("section")) if DocumentKind.EXTRACT in kinds else []
    for kind in kinds:
        targets: list[AgendaItem | None] = list(items) if kind == DocumentKind.EXTRACT else [None]
        for item in targets:
            existing = Document.objects.filter(kind=kind, meeting=meeting, item=item, public=True)
            version = (existing.aggregate(n=Max("version"))["n"] or 0) + 1
            created.append(
                Document.objects.create(kind=kind, meeting=meeting, item=item, version=version)
            )
    return created


@transaction.atomic
def documents_queue(meeting: Meeting, kinds: list[str]) -> list[Document]:
    """Queue a new version of each document kind of the meeting (extracts: one per item)."""
    queued = _new_versions(meeting, kinds)
    for document in queued:
        transaction.on_commit(partial(enqueue, document))
    return queued


@transaction.atomic
def documents_create_missing(*, meeting: Meeting, extracts: bool = False) -> list[Document]:
    """The public documents a meeting should have and never had rendered, as queued rows.

    A published agenda has its agenda PDF, published minutes their minutes PDF (and, with
    `extracts`, one extract per item). Meetings imported from an earlier system, and the
    demo, have none. A document already waiting in the queue (the broker was away) is
    returned as it is, not made again. The caller renders them here or queues them.
    """
    wanted: list[tuple[str, AgendaItem | None]] = []
    if meeting.agenda_is_public:
        wanted.append((DocumentKind.AGENDA, None))
    if meeting.minutes_are_public:
        wanted.append((DocumentKind.MINUTES, None))
        if extracts:
            wanted += [(DocumentKind.EXTRACT, item) for item in meeting.items.order_by("section")]
    # A public original, or the redacted copy that replaced it after the appeal period.
    existing = list(Document.objects.filter(meeting=meeting, public=True))
    waiting = [d for d in existing if d.state == DocumentState.QUEUED and not d.redacted]
    have = {(d.kind, d.item_id) for d in existing}
    missing = [
        (kind, item) for kind, item in wanted if (kind, item.pk if item else None) not in have
    ]
    kinds = list(dict.fromkeys(kind for kind, _item in missing))
    items = [item for _kind, item in missing if item is not None]
    return waiting + _new_versions(meeting, kinds, items=items)


MAX_ATTEMPTS = 5


def documents_requeue_stale(*, older_than_minutes: int = 10) -> int:
    """Queue again what the broker never received (Redis was down) or a lost worker left.

    Rendering is idempotent per document version, so queueing twice is harmless. A
    document that lost its worker MAX_ATTEMPTS times is marked failed instead: retries
    for lost workers are bounded.
    """
    cutoff = timezone.now() - timedelta(minutes=older_than_minutes)
    stale = Document.objects.filter(
        state__in=[DocumentState.QUEUED, DocumentState.RENDERING], created_at__lt=cutoff
    )
    stale.filter(attempts__gte=MAX_ATTEMPTS).update(
        state=DocumentState.FAILED,
        failure=f"gave up after {MAX_ATTEMPTS} attempts: the worker was lost every time",
        finished_at=timezone.now(),
    )
    pks = list(stale.filter(attempts__lt=MAX_ATTEMPTS).values_list("pk", flat=True))
    for pk in pks:
        enqueue(Document(pk=pk))
    return len(pks)


def redacted_copies_create(*, today: date | None = None) -> list[Document]:
    """The redacted public copies that minutes and extracts past their appeal period need.

    HVAL (as KuntaL 140 § 3 mom.): personal data is removed from the public web when the
    appeal period ends. The redacted copy replaces the public one; the original is kept
    as the internal record. Returns the copies made now, as queued rows to render.
    """
    today = today or timezone.localdate()
    candidates = Document.objects.personal_data_expired(today).filter(
        public=True, state=DocumentState.READY, superseded_at__isnull=True, redacted=False
    )
    made = []
    for original in candidates.distinct():
        copy, created = Document.objects.get_or_create(
            kind=original.kind,
            meeting_id=original.meeting_id,
            item_id=original.item_id,
            version=original.version,
            public=True,
            redacted=True,
        )
        if created:
            made.append(copy)
    return made


def documents_redact_expired(*, today: date | None = None) -> int:
    """Queue the redacted copies that expired minutes and extracts need (hourly task)."""
    made = redacted_copies_create(today=today)
    for copy in made:
        transaction.on_commit(partial(enqueue, copy))
    return len(made)


def on_minutes_published(sender: Any, meeting: Meeting, **kwargs: Any) -> None:
    # An extract of the minutes goes to the parties of each item; a memo (a forum's) has
    # no parties and no extracts, only the record itself.
    kinds: list[str] = [DocumentKind.MINUTES]
    if not meeting.body.rules.writes_memo:
        kinds.append(DocumentKind.EXTRACT)
    documents_queue(meeting, kinds)


def on_agenda_published(sender: Any, meeting: Meeting, **kwargs: Any) -> None:
    documents_queue(meeting, [DocumentKind.AGENDA])


def on_meeting_changed(sender: Any, meeting: Meeting, **kwargs: Any) -> None:
    """A new version of a published agenda after a move or a supplementary item."""
    meeting.refresh_from_db(fields=["agenda_published_at", "state"])
    if meeting.agenda_is_public:
        documents_queue(meeting, [DocumentKind.AGENDA])


def public_documents(meeting: Meeting) -> list[Document]:
    """What the meeting page offers: the newest version of each public document."""
    found = list(
        Document.objects.public_copies()
        .filter(meeting=meeting, item__isnull=True)
        .order_by("kind", "-version", "-redacted")
    )
    # One entry per kind: its newest version (a redacted copy when there is one).
    latest: dict[str, Document] = {}
    for document in found:
        latest.setdefault(document.kind, document)
    return list(latest.values())


def earlier_versions(meeting: Meeting) -> list[Document]:
    """Superseded public versions, still downloadable after a correction."""
    return list(
        Document.objects.public_copies()
        .filter(
            meeting=meeting,
            item__isnull=True,
            state=DocumentState.READY,
            superseded_at__isnull=False,
        )
        .order_by("kind", "-version")
    )
