"""When the public record last changed: `modified_at`, kept for every object and its parents.

Open-data clients sync incrementally ("what changed since?"), and a meeting is read
with its agenda items, decisions and files inside it, a case with its handlings, a person
with their memberships. So a save of any row sets its own `modified_at` and that of every
object it is shown in (`_touched` below): a ballot touches its item, the item's meeting and
the item's case. The receivers are connected in `CouncilsConfig.ready` for saves and
deletions alike. They write with `QuerySet.update`, which neither fires signals (no loop)
nor writes audit history (the time is not a change of content).

Every change also moves the publication generation (`search_index.bump_generation`),
the number that cached counts and conditional GETs (ETags) are keyed on.

Time changes the record too: tagged personal data leaves the public web when an appeal
period ends (rule 7). `personal_data_expiry_touch` marks what changed that way; Celery
beat runs it hourly with the redaction of the documents (`councils.tasks`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db import models
from django.db.models import Q
from django.utils import timezone

from councils import search_index
from councils.models import (
    AgendaItem,
    Attachment,
    Attendance,
    Ballot,
    Body,
    Case,
    DecisionVersion,
    Disqualification,
    Dissent,
    Document,
    Election,
    ElectionCandidate,
    Handling,
    Meeting,
    Membership,
    Minutes,
    OfficialDecision,
    Person,
    Proposal,
    Term,
    Vote,
)

Touches = dict[type[models.Model], set[int]]


def _item_and_parents(item_ids: Iterable[int | None]) -> Touches:
    """An item is shown in its meeting and in its case."""
    ids = {pk for pk in item_ids if pk}
    touches: Touches = defaultdict(set)
    if not ids:
        return touches
    touches[AgendaItem] |= ids
    for meeting_id, case_id in AgendaItem.objects.filter(pk__in=ids).values_list(
        "meeting_id", "case_id"
    ):
        touches[Meeting].add(meeting_id)
        if case_id:
            touches[Case].add(case_id)
    return touches


def _meeting_and_contents(meeting_id: int) -> Touches:
    """A meeting's state decides what of its items and their cases residents see."""
    touches: Touches = defaultdict(set)
    touches[Meeting].add(meeting_id)
    for item_id, case_id in AgendaItem.objects.filter(meeting_id=meeting_id).values_list(
        "pk", "case_id"
    ):
        touches[AgendaItem].add(item_id)
        if case_id:
            touches[Case].add(case_id)
    return touches


def _touched(instance: models.Model) -> Touches:
    """The rows whose public form includes `instance` (itself among them)."""
    if isinstance(instance, Meeting):
        return _meeting_and_contents(instance.pk)
    if isinstance(instance, Minutes):
        return _meeting_and_contents(instance.meeting_id)
    if isinstance(instance, AgendaItem):
        touches = _item_and_parents([instance.pk])
        touches[Meeting].add(instance.meeting_id)
        if instance.case_id:
            touches[Case].add(instance.case_id)
        return touches
    if isinstance(instance, Handling | Disqualification | DecisionVersion):
        return _item_and_parents([instance.item_id])
    if isinstance(instance, Attachment):
        touches = _item_and_parents([instance.item_id])
        touches[Attachment].add(instance.pk)
        return touches
    if isinstance(instance, Proposal | Vote | Dissent | Election):
        return _item_and_parents(
            Handling.objects.filter(pk=instance.handling_id).values_list("item_id", flat=True)
        )
    if isinstance(instance, Ballot):
        return _item_and_parents(
            Vote.objects.filter(pk=instance.vote_id).values_list("handling__item_id", flat=True)
        )
    if isinstance(instance, ElectionCandidate):
        return _item_and_parents(
            Election.objects.filter(pk=instance.election_id).values_list(
                "handling__item_id", flat=True
            )
        )
    if isinstance(instance, Attendance):
        return {Meeting: {instance.meeting_id}}
    if isinstance(instance, Document):
        touches = _item_and_parents([instance.item_id]) if instance.item_id else defaultdict(set)
        touches[Document].add(instance.pk)
        if instance.meeting_id:
            touches[Meeting].add(instance.meeting_id)
        return touches
    if isinstance(instance, Membership):
        return {
            Membership: {instance.pk},
            Person: {instance.person_id},
            Body: {instance.body_id},
        }
    if isinstance(instance, OfficialDecision):
        touches = {OfficialDecision: {instance.pk}}
        if instance.case_id:
            touches[Case] = {instance.case_id}
        return touches
    if isinstance(instance, Body | Person | Term | Case):
        return {type(instance): {instance.pk}}
    return {}


def touch(touches: Touches, *, at: datetime | None = None) -> None:
    """Set `modified_at` of the given rows (deleted ones are simply not found)."""
    at = at or timezone.now()
    for model, ids in touches.items():
        ids = {pk for pk in ids if pk}
        if ids:
            model._default_manager.filter(pk__in=ids).update(modified_at=at)
    search_index.bump_generation()


def on_change(sender: type, instance: models.Model, raw: bool = False, **kwargs: Any) -> None:
    """post_save and post_delete receiver (connected in CouncilsConfig.ready)."""
    if raw:
        return
    touch(_touched(instance))


TRACKED_MODELS = (
    Term,
    Body,
    Person,
    Membership,
    Case,
    OfficialDecision,
    Meeting,
    Minutes,
    Attendance,
    AgendaItem,
    Attachment,
    Handling,
    Proposal,
    Vote,
    Ballot,
    Election,
    ElectionCandidate,
    Disqualification,
    Dissent,
    DecisionVersion,
    Document,
)


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone())


# How far back the hourly run looks for expiries it has not marked yet.
EXPIRY_LOOKBACK_DAYS = 14


def personal_data_expiry_touch(*, today: date | None = None) -> int:
    """Mark as modified what lost its personal data since it was last marked (rule 7).

    An item open to appeal loses its personal data at the start of the day after the
    last day of appeal; one open to none loses it when the minutes come out, which
    already touched it. Officials' decisions carry no stored last day and are computed.
    Only the last EXPIRY_LOOKBACK_DAYS are looked at (the migration that added
    `modified_at` marked the older ones). Returns how many records were marked.
    """
    today = today or timezone.localdate()
    since = today - timedelta(days=EXPIRY_LOOKBACK_DAYS)
    candidates = (
        AgendaItem.objects.personal_data_expired(today)
        .filter(
            Q(appeal_last_day_override__gte=since)
            | Q(appeal_last_day_override__isnull=True, appeal_last_day__gte=since)
        )
        .values_list("pk", "appeal_last_day_override", "appeal_last_day", "modified_at")
    )
    item_ids = [
        pk
        for pk, override, last_day, modified in candidates
        if (day := override or last_day) is not None
        and modified < _start_of(day + timedelta(days=1))
    ]
    touches = _item_and_parents(item_ids)
    # Their minutes and extracts with personal data were withdrawn at the same moment.
    touches[Document] |= set(
        Document.objects.filter(redacted=False)
        .filter(Q(item_id__in=item_ids) | Q(kind="minutes", meeting__items__in=item_ids))
        .values_list("pk", flat=True)
    )
    decisions = []
    for decision in OfficialDecision.objects.published().filter(
        published_at__gte=_start_of(since - timedelta(days=60))
    ):
        dates = decision.appeal_dates()
        if dates is None or not since <= dates.last_day < today:
            continue
        if decision.modified_at < _start_of(dates.last_day + timedelta(days=1)):
            decisions.append(decision)
            touches[OfficialDecision].add(decision.pk)
            if decision.case_id:
                touches[Case].add(decision.case_id)
    if touches:
        touch(touches)
    return len(item_ids) + len(decisions)
