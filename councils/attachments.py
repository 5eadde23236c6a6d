"""Attachments of agenda items: PDF files that clerks upload, checked before they are stored.

An attachment is published with the agenda and archived with the minutes, so only a PDF
that opens is accepted, and the stored name never comes from the uploader's computer.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils.text import slugify
from django.utils.translation import gettext as _
from pypdf import PdfReader

from councils.models import AgendaItem, Attachment, Meeting, MeetingState
from councils.services import RuleViolation

logger = logging.getLogger(__name__)

# Enough for search; a scanned archive of thousands of pages must not fill the database.
MAX_TEXT_CHARS = 1_000_000
PDF_MAGIC = b"%PDF-"


@dataclass(frozen=True)
class PdfContent:
    pages: int
    text: str


def _unreadable() -> ValidationError:
    return ValidationError(
        _("The PDF could not be read; save it again as PDF/A and retry."), code="unreadable"
    )


def pdf_read(upload: File) -> PdfContent:
    """The page count and text of an uploaded PDF; ValidationError if it is no usable PDF."""
    upload.seek(0)
    if upload.read(len(PDF_MAGIC)) != PDF_MAGIC:
        raise ValidationError(_("Only PDF files can be attached."), code="not_pdf")
    upload.seek(0)
    try:
        reader = PdfReader(upload)
        if reader.is_encrypted:
            raise ValidationError(
                _(
                    "The PDF is encrypted or protected with a password; save it without "
                    "protection and retry."
                ),
                code="encrypted",
            )
        pages = len(reader.pages)
    except ValidationError:
        raise
    except Exception as exc:
        # pypdf raises many kinds of errors on broken files (PdfReadError, KeyError,
        # ValueError, RecursionError...); to the clerk they all mean the same thing.
        raise _unreadable() from exc
    if pages == 0:
        raise _unreadable()
    return PdfContent(pages=pages, text=_text_of(reader))


def _text_of(reader: PdfReader) -> str:
    """The text for search, up to MAX_TEXT_CHARS; a page whose text fails is skipped."""
    parts: list[str] = []
    length = 0
    for number, page in enumerate(reader.pages, start=1):
        try:
            text = page.extract_text() or ""
        except Exception:
            # A scanned page or an odd font: the file is still a good attachment.
            logger.info("no text from page %s of an attachment", number, exc_info=True)
            continue
        # PostgreSQL text cannot hold NUL characters.
        text = text.replace("\x00", "")
        parts.append(text)
        length += len(text) + 1
        if length >= MAX_TEXT_CHARS:
            break
    return "\n".join(parts)[:MAX_TEXT_CHARS]


def stored_name(title: str) -> str:
    """A safe file name: the title's slug and a random suffix, never the uploader's name."""
    slug = slugify(title)[:60].strip("-_") or "liite"
    return f"{slug}-{secrets.token_hex(6)}.pdf"


def _check_open(meeting: Meeting) -> None:
    """Attachments change until the minutes are published; published documents do not."""
    if meeting.state == MeetingState.MINUTES_PUBLISHED:
        raise RuleViolation(
            _(
                "The minutes are published; their attachments are no longer changed "
                "(a published document is corrected only as a new version)."
            )
        )


def _locked_open(item: AgendaItem) -> AgendaItem:
    """The item with its meeting, both rows locked: minutes_publish waits, or we do."""
    locked = (
        AgendaItem.objects.select_related("meeting").select_for_update(of=("self",)).get(pk=item.pk)
    )
    _check_open(locked.meeting)
    return locked


def attachment_add(*, item: AgendaItem, title: str, upload: File, is_public: bool) -> Attachment:
    """Attach a PDF to an item, as the last attachment; ValidationError for a bad file."""
    _check_open(item.meeting)  # before reading a large file for nothing
    max_mb = settings.ATTACHMENT_MAX_MB
    if upload.size is None or upload.size > max_mb * 1024 * 1024:
        raise ValidationError(
            _("The file is larger than %(max)s MB.") % {"max": max_mb}, code="too_large"
        )
    content = pdf_read(upload)
    upload.seek(0)
    checksum = hashlib.sha512()
    for chunk in upload.chunks():
        checksum.update(chunk)
    upload.seek(0)
    attachment = Attachment(
        title=title.strip(),
        is_public=is_public,
        size=upload.size,
        text=content.text,
        # Open-data clients check their downloads against it (OParl File.sha512Checksum).
        sha512=checksum.hexdigest(),
    )
    with transaction.atomic():
        locked = _locked_open(item)
        last = locked.attachments.aggregate(n=Max("order"))["n"] or 0
        attachment.item = locked
        attachment.order = last + 1
        attachment.file.save(stored_name(title), upload, save=False)
        try:
            # A savepoint, so a failed insert can be cleaned up before the error goes on.
            with transaction.atomic():
                attachment.save()
        except Exception:
            attachment.file.delete(save=False)
            raise
    return attachment


@transaction.atomic
def attachment_remove(*, attachment: Attachment) -> None:
    """Delete an attachment; its file goes once the deletion is committed."""
    _locked_open(attachment.item)
    file = attachment.file
    name, storage = file.name, file.storage
    attachment.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))


def attachment_file_render(*, attachment: Attachment) -> Attachment:
    """Give an attachment that has text but no file a PDF made from that text.

    Not a change of what was published: the text is what residents could already search
    and read; the file is how they open it (documents.attachment_pdf). An attachment that
    has its file is left as it is.
    """
    from councils.documents import attachment_pdf

    attachment = Attachment.objects.select_related("item__meeting__body", "item__case").get(
        pk=attachment.pk
    )
    if attachment.file or not attachment.text.strip():
        return attachment
    pdf = attachment_pdf(attachment)
    attachment.file.save(stored_name(attachment.title), ContentFile(pdf), save=False)
    attachment.size = len(pdf)
    try:
        attachment.save(update_fields=["file", "size"])
    except Exception:
        attachment.file.delete(save=False)
        raise
    return attachment
