"""The publication generation: one number that moves whenever anything public changes.

Every cached answer about the public record is keyed on it: the public page cache and
the pages' ETags (portal/public_cache.py), the open-data API's ETags, cached counts of
long lists. So a change is visible at once, and nothing stale is served.

Call `publication_changed()` from any service that changes what an anonymous visitor
sees (publishing, correcting, cancelling, a status update, a consultation opening).
Saves and deletions of the models of councils, strategy and forums call it already
(`follow_app`, connected in each app's `ready`); a service that writes with
`QuerySet.update`, raw SQL or `bulk_create` outside such a save must call it itself.

The number lives in the `publication` cache (Redis in production, a file shared by the
machine's processes without Redis), with the time of the last change for
`Last-Modified`. A cache that lost it starts again from the clock, never from 1.
"""

from __future__ import annotations

import contextlib
import math
import time
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from datetime import datetime
from typing import Any

from django.apps import AppConfig
from django.core.cache import caches
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.utils.connection import ConnectionProxy

# Redis's default cache in production; a file shared by the processes of one machine
# when there is no Redis (portal/settings.py): never one process's memory.
cache = ConnectionProxy(caches, "publication")
GENERATION_KEY = "search-index-generation"
CHANGED_AT_KEY = "publication-changed-at"


def _fresh_generation() -> int:
    # A cache that lost the number (restarted, flushed) starts again from the clock, never
    # from 1: an ETag or a cached count of an earlier run can then never match by chance.
    return time.time_ns() // 1000


def generation() -> int:
    """The current generation; 0 when the cache is away (callers then cache nothing)."""
    return state()[0]


def state() -> tuple[int, float | None]:
    """The generation and when it last moved (seconds since the epoch), in one round trip
    (two when a scheduled moment has just passed and moves it)."""
    keys = [GENERATION_KEY, CHANGED_AT_KEY, NEXT_MOMENT_KEY]
    try:
        values = cache.get_many(keys)
        if _moment_passed(values.get(NEXT_MOMENT_KEY)):
            values = cache.get_many(keys)
        current = values.get(GENERATION_KEY)
        if current is None:
            return int(cache.get_or_set(GENERATION_KEY, _fresh_generation, None) or 0), None
    except Exception:  # Redis away: callers count afresh and send no ETag
        return 0, None
    changed_at = values.get(CHANGED_AT_KEY)
    return int(current), float(changed_at) if changed_at is not None else None


def last_modified(changed_at: float | None, *, not_before: float) -> float | None:
    """`Last-Modified` for an answer made now: a whole second no change can share.

    HTTP dates count whole seconds. The change's time is rounded up, and the date is
    sent only once that second has passed, so a later change always gets a later date
    and a client's `If-Modified-Since` can never hide it. `not_before` is the start of
    the period the page depends on (today, this hour): pages change with the clock too.
    """
    if changed_at is None:
        return None
    stamp = float(math.ceil(changed_at))
    if time.time() < stamp:
        return None
    return max(stamp, not_before)


def _move() -> None:
    with contextlib.suppress(Exception):
        try:
            cache.incr(GENERATION_KEY)
        except ValueError:  # not set yet
            cache.set(GENERATION_KEY, _fresh_generation(), None)
        cache.set(CHANGED_AT_KEY, time.time(), None)


_batched: ContextVar[bool] = ContextVar("publication_batched", default=False)


def publication_changed() -> None:
    """Something public changed: move the generation on, now and again at commit.

    The second move matters: a page cached by a concurrent request between the write and
    the commit (showing the old record) would otherwise outlive the change.
    """
    if _batched.get():
        return
    _move()
    transaction.on_commit(_move)


@contextlib.contextmanager
def publications_batched() -> Iterator[None]:
    """The changes made inside move the generation once, when the block ends.

    For loaders that save thousands of rows in one transaction (the demo): each save
    would otherwise move it twice, a cache write each time.
    """
    token = _batched.set(True)
    try:
        yield
    finally:
        _batched.reset(token)
        publication_changed()


# --- Changes by the clock alone ------------------------------------------------------------
# A consultation's deadline passes and its statements become public; nothing is saved then.
# Such moments are scheduled when the row is saved (`follow_moments`); the first request
# after one moves the generation, so no cached page or ETag outlives it.
SCHEDULE_KEY = "publication-moments"
NEXT_MOMENT_KEY = "publication-next-moment"
MAX_MOMENTS = 500


def publication_scheduled(moment: datetime) -> None:
    """What anonymous visitors see changes at `moment` by the clock alone."""
    at = moment.timestamp()
    if at <= time.time():
        return
    with contextlib.suppress(Exception):
        moments = sorted({*(cache.get(SCHEDULE_KEY) or []), at})[:MAX_MOMENTS]
        cache.set(SCHEDULE_KEY, moments, None)
        cache.set(NEXT_MOMENT_KEY, moments[0], None)


def _moment_passed(next_at: float | None) -> bool:
    """Move the generation if the next scheduled moment has passed (once per moment)."""
    now = time.time()
    if next_at is None or next_at > now:
        return False
    moments = [m for m in (cache.get(SCHEDULE_KEY) or []) if m > now]
    cache.set(SCHEDULE_KEY, moments, None)
    if moments:
        cache.set(NEXT_MOMENT_KEY, moments[0], None)
    else:
        cache.delete(NEXT_MOMENT_KEY)
    _move()
    return True


def _on_moments(fields: tuple[str, ...]) -> Callable[..., None]:
    def schedule(sender: type, instance: Any, raw: bool = False, **kwargs: Any) -> None:
        for name in fields:
            moment = getattr(instance, name, None)
            if isinstance(moment, datetime):
                publication_scheduled(moment)

    return schedule


_moment_receivers: list[Callable[..., None]] = []


def follow_moments(model: type[Model], fields: tuple[str, ...]) -> None:
    """Each save of `model` schedules the datetimes in `fields` (see above)."""
    receiver = _on_moments(fields)
    _moment_receivers.append(receiver)  # signals hold receivers weakly
    post_save.connect(
        receiver, sender=model, dispatch_uid=f"publication-moments-{model._meta.label}"
    )


def _on_change(sender: type, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        publication_changed()


def follow_app(app: AppConfig, *, exclude: tuple[type, ...] = ()) -> None:
    """Every save and deletion of a model of `app` is a publication (bar `exclude`)."""
    for model in app.get_models():
        if model in exclude or model.__name__.startswith("Historical"):
            continue
        uid = f"publication-{model._meta.label}"
        post_save.connect(_on_change, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_on_change, sender=model, dispatch_uid=f"{uid}-delete")
