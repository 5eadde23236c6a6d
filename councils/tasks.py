"""Celery tasks of decision making: thin wrappers that take an id and call a function."""

from __future__ import annotations

from celery import shared_task
from django.db.utils import InterfaceError, OperationalError

from councils import changes, documents


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    # A lost database connection is worth retrying; a template error is not (it would
    # fail the same way every time), so DeterministicRenderError is not listed.
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=5,
    max_retries=3,
)
def render_document(self, document_id: int) -> str:  # type: ignore[no-untyped-def]
    try:
        document = documents.document_render(document_id)
    except documents.DeterministicRenderError:
        return "failed"
    return document.sha256


@shared_task
def requeue_stale_documents() -> int:
    return documents.documents_requeue_stale()


@shared_task
def redact_expired_documents() -> int:
    # What lost its personal data is marked modified too, for incremental open-data sync.
    changes.personal_data_expiry_touch()
    return documents.documents_redact_expired()
