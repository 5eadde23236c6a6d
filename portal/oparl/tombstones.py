"""Writing tombstones: an object that was public and is no longer stays listed as deleted.

Before a save or a deletion of a record row, the receivers note which OParl objects it
touches are public now; afterwards they ask again. An object that went (deleted, made
confidential, withdrawn, a political group without members, a case whose last item moved
elsewhere) gets a `Tombstone`; one that is public (again) loses it. Whether an object is
public is asked of the same sources as the API's lists (portal/oparl/sources.py), so the
answer cannot drift from what the API serves.

Documents need no tombstone: a withdrawn copy stays in the database, and the File list
finds it (`sources._withdrawn_documents`).
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from datetime import datetime
from typing import Any

from django.db import models
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.utils import timezone

from councils.models import (
    AgendaItem,
    Attachment,
    Body,
    Case,
    Meeting,
    Membership,
    OfficialDecision,
    Person,
    Term,
)
from portal.oparl.keys import group_id, location_id
from portal.oparl.models import Tombstone
from portal.oparl.sources import MemorySource, QuerySetSource, source_named

Key = tuple[str, str, int]  # (OParl type, source, id)
_before: ContextVar[dict[int, dict[Key, datetime | None]] | None] = ContextVar(
    "oparl_tombstone_before", default=None
)


def _keys(instance: models.Model) -> list[Key]:
    """The OParl objects whose public presence a save or deletion of `instance` may change."""
    if isinstance(instance, Meeting):
        keys: list[Key] = [("meeting", "", instance.pk)]
        if instance.place:
            keys.append(("location", "", location_id(instance.place)))
        return keys
    if isinstance(instance, AgendaItem):
        keys = [("consultation", "", instance.pk)]
        if instance.case_id:
            keys.append(("paper", "", instance.case_id))
        keys += [
            ("file", "attachment", pk)
            for pk in Attachment.objects.filter(item_id=instance.pk).values_list("pk", flat=True)
        ]
        return keys
    if isinstance(instance, Attachment):
        return [("file", "attachment", instance.pk)]
    if isinstance(instance, Case):
        return [("paper", "", instance.pk)]
    if isinstance(instance, OfficialDecision):
        return [("paper", "", instance.case_id)] if instance.case_id else []
    if isinstance(instance, Person):
        keys = [("person", "", instance.pk), ("membership", "group", instance.pk)]
        if instance.political_group:
            keys.append(("organization", "group", group_id(instance.political_group)))
        return keys
    if isinstance(instance, Membership):
        return [("membership", "", instance.pk)]
    if isinstance(instance, Body):
        return [("organization", "body", instance.pk)]
    if isinstance(instance, Term):
        return [("legislativeterm", "", instance.pk)]
    extra = EXTRA_KEYS.get(type(instance))
    return extra(instance) if extra else []


def _public(key: Key) -> tuple[bool, datetime | None]:
    """Whether the object is public now, and when it was created."""
    oparl_type, name, pk = key
    source = source_named(oparl_type, name)
    if isinstance(source, QuerySetSource):
        row = source.live().filter(pk=pk).values_list(source.created).first()
        return row is not None, row[0] if row else None
    if isinstance(source, MemorySource):
        for key_, created, _modified, _obj in source.rows():
            if key_ == pk:
                return True, created
    return False, None


def _stored(instance: models.Model) -> models.Model | None:
    """The row as it is in the database before this save (None for a new one)."""
    if instance.pk is None:
        return None
    return type(instance)._default_manager.filter(pk=instance.pk).first()


def _remember(instance: models.Model, keys: list[Key]) -> None:
    state = _before.get()
    if state is None:
        state = {}
        _before.set(state)
    noted = state.setdefault(id(instance), {})
    for key in keys:
        public, created = _public(key)
        if public:
            noted[key] = created


# Rows that stay public however they change (only deleting them withdraws anything), and
# for the others the fields whose change can make an object appear or go.
ALWAYS_PUBLIC = (Membership, Body, Term, Case)
DECISIVE_FIELDS: dict[type[models.Model], set[str]] = {
    Meeting: {"state", "agenda_published_at", "place", "body"},
    AgendaItem: {"is_public", "case", "meeting"},
    Attachment: {"is_public", "file", "item"},
    OfficialDecision: {"published_at", "case"},
    Person: {"political_group"},
}


def _irrelevant(instance: models.Model, update_fields: Any) -> bool:
    """A save that cannot change what is public (e.g. minutes_publish storing appeal dates)."""
    if isinstance(instance, ALWAYS_PUBLIC):
        return True
    decisive = DECISIVE_FIELDS.get(type(instance))
    return update_fields is not None and decisive is not None and not decisive & set(update_fields)


def before_save(sender: type, instance: models.Model, raw: bool = False, **kwargs: Any) -> None:
    if raw or _irrelevant(instance, kwargs.get("update_fields")):
        return
    stored = _stored(instance)
    if stored is not None:
        _remember(instance, _keys(stored))


def before_delete(sender: type, instance: models.Model, **kwargs: Any) -> None:
    _remember(instance, _keys(instance))


def after_change(sender: type, instance: models.Model, raw: bool = False, **kwargs: Any) -> None:
    saved = "created" in kwargs
    if raw or (saved and _irrelevant(instance, kwargs.get("update_fields"))):
        return
    state = _before.get() or {}
    was_public = state.pop(id(instance), {})
    keys = set(was_public) | set(_keys(instance) if saved else [])
    now = timezone.now()
    for key in keys:
        public, _created = _public(key)
        oparl_type, name, pk = key
        stones = Tombstone.objects.filter(oparl_type=oparl_type, source=name, object_id=pk)
        if public:
            stones.delete()
        elif key in was_public:
            Tombstone.objects.update_or_create(
                oparl_type=oparl_type,
                source=name,
                object_id=pk,
                defaults={"created": was_public[key], "deleted_at": now},
            )


TRACKED = (Meeting, AgendaItem, Attachment, Case, OfficialDecision, Person, Membership, Body, Term)
# Models of other apps whose rows are OParl objects (e.g. forums' partner organisations).
EXTRA_KEYS: dict[type[models.Model], Callable[[Any], list[Key]]] = {}


def _connect(model: type[models.Model]) -> None:
    uid = f"oparl-tombstone-{model.__name__}"
    pre_save.connect(before_save, sender=model, dispatch_uid=f"{uid}-pre-save")
    post_save.connect(after_change, sender=model, dispatch_uid=f"{uid}-post-save")
    pre_delete.connect(before_delete, sender=model, dispatch_uid=f"{uid}-pre-delete")
    post_delete.connect(after_change, sender=model, dispatch_uid=f"{uid}-post-delete")


def connect() -> None:
    for model in TRACKED:
        _connect(model)


def track(
    model: type[models.Model],
    *,
    keys: Callable[[Any], list[Key]],
    decisive_fields: set[str],
) -> None:
    """Write tombstones for another app's model: `keys` names its OParl objects, and only
    a save touching `decisive_fields` (or a deletion) can make them appear or go."""
    EXTRA_KEYS[model] = keys
    DECISIVE_FIELDS[model] = decisive_fields
    _connect(model)
