"""Render the PDFs that published meetings and attachments should have and do not.

After importing meetings from an earlier system (or loading the demo) the agendas and
minutes are on the pages but no PDF was ever rendered, and attachments may have their text
but no file. This renders, once, what is missing: each published agenda, each published
minutes (and with --extracts one extract per item), and a PDF of each attachment made from
its text. A second run finds nothing to do.

    manage.py render_missing_documents             render here, one process
    manage.py render_missing_documents --jobs 2    render here in two processes
    manage.py render_missing_documents --queue     hand the documents to the Celery workers
"""

from __future__ import annotations

import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import connection, connections, transaction

from councils import documents
from councils.attachments import attachment_file_render
from councils.models import Attachment, Document, DocumentState, Meeting


def _render(pk: int, pdf: bytes | None = None) -> str:
    """Render (or store what was rendered) and record one document; its state."""
    try:
        return documents.document_render(pk, rendered=pdf).state
    except documents.DeterministicRenderError:
        return DocumentState.FAILED


def _pdf(pk: int) -> tuple[int, bytes | None]:
    """In a worker process: the PDF of a document, or None to let the writer report why."""
    try:
        return pk, documents.document_pdf(pk)
    except Exception:
        return pk, None


class Command(BaseCommand):
    help = "Render the missing PDFs of published agendas and minutes, and of attachments."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--queue", action="store_true", help="Queue the documents for the Celery workers."
        )
        parser.add_argument(
            "--extracts", action="store_true", help="Also one extract per item of the minutes."
        )
        parser.add_argument("--body", action="append", default=[], help="Only this body (slug).")
        parser.add_argument(
            "--limit", type=int, default=None, help="At most this many meetings, newest first."
        )
        parser.add_argument(
            "--jobs", type=int, default=1, help="Processes that render at once (default 1)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        made = self._attachments(options["body"])
        meetings = Meeting.objects.public()
        if options["body"]:
            meetings = meetings.filter(body__slug__in=options["body"])
        meetings = meetings.select_related("body", "minutes").order_by("-start")
        pending: list[Document] = []
        for meeting in meetings[: options["limit"]]:
            pending += documents.documents_create_missing(
                meeting=meeting, extracts=options["extracts"]
            )
        if options["queue"]:
            for document in pending:
                transaction.on_commit(partial(documents.enqueue, document))
            states: dict[str, int] = {str(DocumentState.QUEUED): len(pending)}
        else:
            states = self._render([d.pk for d in pending], jobs=options["jobs"])
            # Minutes whose appeal period has ended are public only as a copy without the
            # tagged personal data (rule 7): render those copies too.
            redacted = documents.redacted_copies_create()
            for state, n in self._render([d.pk for d in redacted], jobs=options["jobs"]).items():
                states[state] = states.get(state, 0) + n
            pending += redacted
        counts = ", ".join(f"{n} {state}" for state, n in sorted(states.items())) or "none"
        self.stdout.write(
            f"Attachments: {made} PDF(s) made from their text. Meeting documents missing: "
            f"{len(pending)} ({counts}) in {time.perf_counter() - started:.1f} s."
        )

    def _attachments(self, bodies: list[str]) -> int:
        missing = Attachment.objects.filter(file="").exclude(text="")
        if bodies:
            missing = missing.filter(item__meeting__body__slug__in=bodies)
        for attachment in missing:
            attachment_file_render(attachment=attachment)
        return len(missing)

    def _render(self, pks: list[int], *, jobs: int) -> dict[str, int]:
        states: dict[str, int] = {}
        # Other processes see only committed rows of a database file: no forking inside a
        # transaction (a test, load_demo's own) or for an in-memory test database.
        parallel = (
            jobs > 1
            and len(pks) > 1
            and not connection.in_atomic_block
            and not (connection.vendor == "sqlite" and connection.is_in_memory_db())  # type: ignore[attr-defined]
        )
        if parallel:
            # The workers only read and render (the slow part); this process alone writes,
            # so a SQLite file never sees two writers.
            connections.close_all()
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
                results = [_render(pk, pdf) for pk, pdf in pool.map(_pdf, pks, chunksize=4)]
        else:
            results = [_render(pk) for pk in pks]
        for state in results:
            states[state] = states.get(state, 0) + 1
        return states
