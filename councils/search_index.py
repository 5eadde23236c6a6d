"""Writing the search index (`SearchEntry`), kept up to date as the record is saved.

Every save of an agenda item, its handling, an attachment, a meeting, an official's
decision or a case re-indexes what it touches (signal receivers below, connected in
`CouncilsConfig.ready`). The index holds no tagged personal data: it is removed from
the text before indexing, whatever the appeal clock says, so that a search can never
find a name the decision page has already hidden. `rebuild()` recreates the whole
index (`manage.py rebuild_search_index`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from datetime import datetime
from typing import Any, cast

from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.db.models import QuerySet, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from councils import publication, voikko
from councils.models import (
    AgendaItem,
    Attachment,
    Case,
    EntryKind,
    Handling,
    Meeting,
    MeetingState,
    Minutes,
    OfficialDecision,
    SearchEntry,
)
from councils.search import title_length
from portal.lib.sanitize import redact_personal_data
from portal.lib.textdiff import html_to_text

TEXT_LIMIT = 200_000  # characters of one record's text kept for search
_paused: ContextVar[bool] = ContextVar("search_index_paused", default=False)


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """Skip indexing on save (a bulk load that calls `rebuild()` afterwards)."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


def _plain(*parts: str) -> str:
    return "\n".join(html_to_text(redact_personal_data(p)) for p in parts if p)[:TEXT_LIMIT]


def _set_vectors(entries: Iterable[SearchEntry] | None = None) -> None:
    """Compute the stored tsvector in the database (PostgreSQL only)."""
    if connection.vendor != "postgresql":
        return
    rows = SearchEntry.objects.all()
    if entries is not None:
        rows = rows.filter(pk__in=[e.pk for e in entries])
    rows.update(
        vector=SearchVector("title", weight="A", config="finnish")
        + SearchVector(Coalesce("diary_number", Value("")), weight="A", config="simple")
        + SearchVector("title_lexemes", weight="A", config="finnish")
        + SearchVector("text", weight="B", config="finnish")
        + SearchVector("lexemes", weight="C", config="finnish")
        + SearchVector("attachment_text", weight="D", config="finnish")
    )


def _item_published_at(item: AgendaItem) -> datetime | None:
    meeting = item.meeting
    # A decision is news again when the minutes come out: feeds and e-mail alerts of a
    # search report the agenda item first and the decision later.
    if meeting.state == MeetingState.MINUTES_PUBLISHED and meeting.minutes_published_at:
        return meeting.minutes_published_at
    if meeting.agenda_is_public:
        return meeting.agenda_published_at
    return None


def _visible_attachments(item: AgendaItem) -> list[Attachment]:
    """The attachments residents may read (prefetch "attachments")."""
    return [a for a in item.attachments.all() if a.is_public] if item.is_public else []


def _attachments_text(item: AgendaItem) -> str:
    """What an item's public attachments say, with their base forms, for the item's entry."""
    texts = [f"{a.title}\n{a.text}" for a in _visible_attachments(item)]
    if not texts:
        return ""
    plain = _plain(*texts)
    return (plain + "\n" + voikko.lexemes(plain))[:TEXT_LIMIT]


def _item_fields(item: AgendaItem) -> dict[str, Any]:
    meeting = item.meeting
    handling: Handling | None = getattr(item, "handling", None)
    decided = meeting.state == MeetingState.MINUTES_PUBLISHED and handling is not None
    text = (
        ""
        if not item.is_public
        else _plain(
            item.summary,
            item.body,
            item.proposal,
            handling.decision if decided and handling else "",
        )
    )
    return {
        "kind": EntryKind.DECISION if decided else EntryKind.ITEM,
        "case": item.case,
        "body": meeting.body,
        "title": item.title[:300],
        "title_length": title_length(item.title),
        "context": f"§ {item.section}",
        "text": text,
        "title_lexemes": voikko.lexemes(item.title),
        "lexemes": voikko.lexemes(text),
        "date": timezone.localdate(meeting.start),
        "outcome": handling.outcome if decided and handling else "",
        "diary_number": item.case.diary_number if item.case else "",
        "is_confidential": not item.is_public,
        "is_procedural": item.is_procedural,
        "attachment_text": _attachments_text(item),
        "published_at": _item_published_at(item),
    }


def _attachment_fields(attachment: Attachment) -> dict[str, Any]:
    item = attachment.item
    visible = attachment.visible_to_public
    published_at = _item_published_at(item) if visible else None
    text = _plain(attachment.text) if visible else ""
    return {
        "kind": EntryKind.ATTACHMENT,
        "item": item,
        "case": item.case,
        "body": item.meeting.body,
        "title": attachment.title[:300],
        "title_length": title_length(attachment.title),
        "context": f"§ {item.section} {item.title}"[:300],
        "text": text,
        "title_lexemes": voikko.lexemes(attachment.title),
        "lexemes": voikko.lexemes(text),
        "date": timezone.localdate(item.meeting.start),
        "diary_number": item.case.diary_number if item.case else "",
        "is_procedural": item.is_procedural,
        "published_at": published_at,
    }


def _official_fields(decision: OfficialDecision) -> dict[str, Any]:
    text = _plain(decision.text)
    return {
        "kind": EntryKind.OFFICIAL,
        "case": decision.case,
        "body": None,
        "title": decision.title[:300],
        "title_length": title_length(decision.title),
        "context": f"{decision.official_title} {decision.official.full_name}"[:300],
        "text": text,
        "title_lexemes": voikko.lexemes(decision.title),
        "lexemes": voikko.lexemes(text),
        "date": decision.decided_on,
        "diary_number": decision.case.diary_number if decision.case else "",
        "published_at": decision.published_at,
    }


def _case_fields(case: Case, *, published_at: datetime | None) -> dict[str, Any]:
    return {
        "kind": EntryKind.CASE,
        "body": None,
        "title": case.title[:300],
        "title_length": title_length(case.title),
        "context": case.diary_number,
        "text": "",
        "title_lexemes": voikko.lexemes(case.title),
        "lexemes": "",
        "date": timezone.localdate(case.created_at),
        "diary_number": case.diary_number,
        "published_at": published_at,
    }


# The publication generation lives in councils/publication.py; these names stay for callers.
GENERATION_KEY = publication.GENERATION_KEY
generation = publication.generation
bump_generation = publication.publication_changed


def _write(lookup: dict[str, Any], fields: dict[str, Any]) -> SearchEntry:
    entry, _created = SearchEntry.objects.update_or_create(**lookup, defaults=fields)
    _set_vectors([entry])
    bump_generation()
    return entry


def index_case(case: Case) -> None:
    """A case is public from the first moment any of its records is."""
    first = (
        SearchEntry.objects.filter(case=case, published_at__isnull=False)
        .exclude(kind=EntryKind.CASE)
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    fields = _case_fields(case, published_at=first)
    _write({"case": case, "kind": fields.pop("kind")}, fields)


def _index_items(items: QuerySet[AgendaItem]) -> None:
    """Each item (or decision), its attachments, and, once each, their cases."""
    cases: dict[int, Case] = {}
    for item in items.select_related(
        "meeting__body", "meeting__minutes", "handling", "case"
    ).prefetch_related("attachments"):
        fields = _item_fields(item)
        kind = fields.pop("kind")
        # An item that became a decision (or went back) changes kind: one entry remains.
        SearchEntry.objects.filter(
            item=item, kind__in=[EntryKind.DECISION, EntryKind.ITEM]
        ).exclude(kind=kind).delete()
        _write({"item": item, "kind": kind}, fields)
        for attachment in item.attachments.all():
            attachment.item = item
            _write({"attachment": attachment}, _attachment_fields(attachment))
        if item.case is not None:
            cases[item.case.pk] = item.case
    for case in cases.values():
        index_case(case)


def index_item(item: AgendaItem) -> None:
    _index_items(AgendaItem.objects.filter(pk=item.pk))


def index_meeting(meeting: Meeting) -> None:
    _index_items(meeting.items.all())


def index_official_decision(decision: OfficialDecision) -> None:
    decision = OfficialDecision.objects.select_related("official", "case").get(pk=decision.pk)
    _write({"official_decision": decision}, _official_fields(decision))
    if decision.case is not None:
        index_case(decision.case)


@transaction.atomic
def rebuild() -> int:
    """Recreate the whole index; returns the number of entries."""
    SearchEntry.objects.all().delete()
    entries: list[SearchEntry] = []
    items = AgendaItem.objects.select_related(
        "meeting__body", "meeting__minutes", "handling", "case"
    ).prefetch_related("attachments")
    for item in items.iterator(chunk_size=500):
        entries.append(SearchEntry(item=item, **_item_fields(item)))
        for attachment in item.attachments.all():
            attachment.item = item
            entries.append(SearchEntry(attachment=attachment, **_attachment_fields(attachment)))
    decisions = OfficialDecision.objects.select_related("official", "case")
    entries += [
        SearchEntry(official_decision=d, **_official_fields(d)) for d in decisions.iterator()
    ]
    SearchEntry.objects.bulk_create(entries, batch_size=500)
    first_seen: dict[int, datetime] = {}
    for entry in entries:
        if entry.case_id and entry.published_at:
            seen = first_seen.get(entry.case_id)
            first_seen[entry.case_id] = (
                min(seen, entry.published_at) if seen else entry.published_at
            )
    cases = [
        SearchEntry(case=case, **_case_fields(case, published_at=first_seen.get(case.pk)))
        for case in Case.objects.iterator()
    ]
    SearchEntry.objects.bulk_create(cases, batch_size=500)
    _set_vectors()
    bump_generation()
    return len(entries) + len(cases)


def on_save(sender: type, instance: object, raw: bool = False, **kwargs: object) -> None:
    """post_save receiver: re-index what the saved row touches."""
    if raw or _paused.get():
        return
    update_fields = cast("frozenset[str] | None", kwargs.get("update_fields"))
    copied = _COPIED_FIELDS.get(type(instance))
    if update_fields is not None and copied is not None and not copied & update_fields:
        return  # e.g. a meeting's checkers approving, an item's appeal dates: nothing indexed
    if isinstance(instance, AgendaItem):
        index_item(instance)
    elif isinstance(instance, Handling):
        index_item(instance.item)
    elif isinstance(instance, Attachment):
        # The item's entry carries its attachments' text: both are written again.
        index_item(instance.item)
    elif isinstance(instance, Meeting):
        index_meeting(instance)
    elif isinstance(instance, Minutes):
        index_meeting(instance.meeting)
    elif isinstance(instance, OfficialDecision):
        index_official_decision(instance)
    elif isinstance(instance, Case):
        index_case(instance)


def on_delete(sender: type, instance: object, **kwargs: object) -> None:
    """post_delete receiver of attachments: the item's entry forgets what the file said."""
    if _paused.get() or not isinstance(instance, Attachment):
        return
    item = AgendaItem.objects.filter(pk=instance.item_id).first()
    if item is not None:
        index_item(item)


# The fields whose change alters an entry; a save(update_fields=...) of others skips
# re-indexing (publishing minutes saves every item's appeal dates, then the meeting once).
_COPIED_FIELDS: dict[type, set[str]] = {
    AgendaItem: {
        "title",
        "summary",
        "body",
        "proposal",
        "is_public",
        "is_procedural",
        "case",
        "section",
        "meeting",
    },
    Meeting: {"state", "agenda_published_at", "start", "body"},
    Minutes: {"published_at"},
}

INDEXED_MODELS = (AgendaItem, Handling, Attachment, Meeting, Minutes, OfficialDecision, Case)
