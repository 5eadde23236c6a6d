"""Documents rendered through the real queue by real worker processes, and a worker killed."""

from __future__ import annotations

import hashlib
import signal
from datetime import datetime

import pytest

from councils import documents
from councils.models import Document, DocumentKind, DocumentState
from tests.factories import HELSINKI, HandlingFactory, PublishedMeetingFactory
from tests.integration.conftest import start_worker, stop_worker, wait_until

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def _meeting(items: int):  # type: ignore[no-untyped-def]
    meeting = PublishedMeetingFactory(start=datetime(2026, 5, 25, 14, tzinfo=HELSINKI))
    for section in range(1, items + 1):
        HandlingFactory(
            item__meeting=meeting,
            item__section=section,
            item__title=f"Asia {section}: palveluverkon kehittäminen",
            item__body="<p>" + "Perustelut kappaleittain. " * 120 + "</p>",
        )
    return meeting


def _states(meeting) -> set[str]:  # type: ignore[no-untyped-def]
    return set(Document.objects.filter(meeting=meeting).values_list("state", flat=True))


def test_publishing_renders_the_documents_through_the_queue(shared_database_env):
    meeting = _meeting(items=3)
    worker = start_worker(shared_database_env)
    try:
        documents.documents_queue(meeting, [DocumentKind.MINUTES, DocumentKind.EXTRACT])
        assert wait_until(lambda: _states(meeting) == {DocumentState.READY}, timeout=90), _states(
            meeting
        )
    finally:
        stop_worker(worker)
    for document in Document.objects.filter(meeting=meeting):
        with document.file.open("rb") as handle:
            assert hashlib.sha256(handle.read()).hexdigest() == document.sha256
    assert Document.objects.filter(meeting=meeting).count() == 4


def test_a_worker_killed_mid_render_ends_with_one_ready_document(shared_database_env, tmp_path):
    meeting = _meeting(items=60)
    worker = start_worker(shared_database_env)
    (document,) = documents.documents_queue(meeting, [DocumentKind.MINUTES])
    try:
        assert wait_until(
            lambda: Document.objects.get(pk=document.pk).state == DocumentState.RENDERING,
            timeout=60,
        )
    finally:
        stop_worker(worker, signal.SIGKILL)
    killed = Document.objects.get(pk=document.pk)
    assert killed.state == DocumentState.RENDERING
    assert not killed.sha256

    # Beat's sweep (or Redis's redelivery of the unacknowledged task) queues it again.
    assert documents.documents_requeue_stale(older_than_minutes=0) == 1
    second = start_worker(shared_database_env)
    try:
        assert wait_until(
            lambda: Document.objects.get(pk=document.pk).state == DocumentState.READY, timeout=120
        )
    finally:
        stop_worker(second)
    ready = Document.objects.get(pk=document.pk)
    assert Document.objects.filter(meeting=meeting, state=DocumentState.READY).count() == 1
    with ready.file.open("rb") as handle:
        assert hashlib.sha256(handle.read()).hexdigest() == ready.sha256
    finals = [p for p in tmp_path.rglob("*.pdf") if not p.name.startswith(".render-")]
    assert len(finals) == 1
