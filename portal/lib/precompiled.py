"""Queries whose SQL is built once per process and then run with other values.

Django writes a query's SQL in Python every time it runs it. For most queries that is a
fraction of a millisecond; for a detail page's main query, with its joins and a flag
(`EXISTS`) for each list the page may show, or for a ranked search, it is most of the
query's cost: the item page's main query took 3.1 ms to build and 0.4 ms to run (the
same machine, one process). Its shape never changes, only the values in it.

`Shapes(build)` takes a function that returns the QuerySet for a shape (whatever
changes the SQL's text: which filters there are, how many words, which page) and the
values that go into it. The first time a shape is asked for in a process, it is built
with a marker for each value, its SQL written, and the places of each marker among the
query's parameters noted. Each later run puts the values there and hands the written
SQL to the very compiler that wrote it, through Django's own iterator, so the rows
become model instances as the ORM makes them: the same fields, related objects and
annotations. `Precompiled(build)` is the common case: one row by primary key.

Only a value that the query sends as a parameter as it is (or as the database's adapter
sends a date or time) may be a value: an integer, a string, a date or an aware datetime,
not one turned into a pattern for LIKE or otherwise changed: a marker that cannot be
found among the parameters is refused when the shape is built. Anything else the query depends on
(the clock, the language, the user) must be a value or part of the shape.
"""

from __future__ import annotations

import copy
import datetime
import functools
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from typing import Any, Generic, TypeVar

from django.core.exceptions import EmptyResultSet, ImproperlyConfigured
from django.db import connections, models, router

M = TypeVar("M", bound=models.Model)

# A primary key no row has: it stands for the key in the SQL that is built once.
MARKER = -918_273_645


def marker(value: object, index: int) -> object:
    """A value of the same kind as `value` that no real query asks for."""
    if isinstance(value, bool) or value is None:
        raise ImproperlyConfigured(f"{value!r} is part of a query's shape, not one of its values")
    if isinstance(value, int):
        return MARKER - index
    if isinstance(value, str):
        return f"\x1fraati-precompiled-{index}\x1f"
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            raise ImproperlyConfigured("a datetime value must be aware")
        return datetime.datetime(1901, 2, 3, 4, 5, 6, index, tzinfo=datetime.UTC)
    if isinstance(value, datetime.date):
        return datetime.date(1901, 2, 3) + datetime.timedelta(days=index)
    raise ImproperlyConfigured(f"a {type(value).__name__} cannot be a query's value")


def _as_sent(value: object, using: str) -> Callable[[Any], object]:
    """How the database's adapter turns a value of this kind into a parameter (SQLite
    sends dates and times as text; PostgreSQL as they are)."""
    ops = connections[using].ops
    if isinstance(value, datetime.datetime):
        return ops.adapt_datetimefield_value
    if isinstance(value, datetime.date):
        return ops.adapt_datefield_value
    return _unchanged


def _unchanged(value: object) -> object:
    return value


class _Written:
    """One shape's QuerySet, its compiler and SQL, and where each value goes."""

    def __init__(self, queryset: models.QuerySet[Any], markers: Sequence[object]) -> None:
        using = queryset.db
        self.queryset = queryset
        self.compiler = queryset.query.get_compiler(using=using)
        # Per value: its places among the parameters and how it is sent there.
        self.spots: list[tuple[list[int], Callable[[Any], object]]] = []
        try:
            self.sql, params = self.compiler.as_sql()
        except EmptyResultSet:  # e.g. `__in` an empty list: no rows whatever the values
            self.sql, params = "", ()
            return
        self.params = tuple(params)
        for index, mark in enumerate(markers):
            adapt = _as_sent(mark, using)
            sent = adapt(mark)
            spots = [
                spot
                for spot, value in enumerate(self.params)
                if type(value) is type(sent) and value == sent
            ]
            if not spots:
                raise ImproperlyConfigured(
                    f"value {index} is not among the query's parameters as it was given"
                )
            self.spots.append((spots, adapt))

    def rows(self, values: Sequence[object], using: str) -> list[Any]:
        if not self.sql:
            return []
        params = list(self.params)
        for (spots, adapt), value in zip(self.spots, values, strict=True):
            sent = adapt(value)
            for spot in spots:
                params[spot] = sent
        run = copy.copy(self.compiler)
        # The connection of this thread, not the one that wrote the SQL.
        run.connection = connections[using]
        sql = self.sql
        run.as_sql = lambda *args, **kwargs: (sql, tuple(params))
        chained = self.queryset._chain()  # type: ignore[attr-defined]
        chained.query.get_compiler = lambda *args, **kwargs: run
        return list(chained)


class Shapes(Generic[M]):
    """`build(shape, *values)` → the QuerySet; `rows(shape, *values)` → its rows."""

    def __init__(
        self, build: Callable[..., models.QuerySet[M]], model: type[M], *, keep: int = 64
    ) -> None:
        self._build = build
        self.model = model
        # The most recently run shapes, at most `keep`: a visitor who asks for page after
        # page of a search (each page a shape) cannot make a worker hold them all.
        self._keep = keep
        self._written: OrderedDict[tuple[str, Hashable], _Written] = OrderedDict()
        self._lock = threading.Lock()

    def rows(self, shape: Hashable, *values: object) -> list[M]:
        using = router.db_for_read(self.model)
        key = (using, shape)
        with self._lock:
            written = self._written.get(key)
            if written is not None:
                self._written.move_to_end(key)
        if written is None:
            markers = [marker(value, index) for index, value in enumerate(values)]
            queryset = self._build(shape, *markers).using(using)
            written = _Written(queryset, markers)
            with self._lock:
                self._written[key] = written
                while len(self._written) > self._keep:
                    self._written.popitem(last=False)
        return written.rows(values, using)


class Precompiled(Generic[M]):
    """One row by primary key, as `build(pk).get()` gives it, its SQL built once."""

    def __init__(self, build: Callable[[int], models.QuerySet[M]]) -> None:
        self._build = build

    @functools.cached_property
    def _shapes(self) -> Shapes[M]:
        # As far as get() looks: two rows tell that there is more than one.
        build = self._build
        return Shapes(lambda _shape, pk: build(pk)[:2], build(MARKER).model)

    def get(self, pk: int) -> M:
        """Raises the model's DoesNotExist (or MultipleObjectsReturned) as get() does."""
        using = router.db_for_read(self._shapes.model)
        pk_type = self._shapes.model._meta.pk.get_internal_type()
        low, high = connections[using].ops.integer_field_range(pk_type)
        if (low is not None and pk < low) or (high is not None and pk > high):
            # Out of the column's range: Django answers no rows without asking.
            return self._build(pk).using(using).get()
        rows = self._shapes.rows((), pk)
        model: Any = self._shapes.model
        if not rows:
            raise model.DoesNotExist(f"{model._meta.object_name} matching query does not exist.")
        if len(rows) > 1:
            raise model.MultipleObjectsReturned(
                f"get() returned more than one {model._meta.object_name}"
            )
        return rows[0]


def listed_by(model: type[M], key: str, *related: str, order: Sequence[str] = ()) -> Shapes[M]:
    """The rows of `model` whose `key` is a value, with `related` joined (and in `order`,
    else the model's own): the common list of a detail page, its SQL built once."""

    def build(_shape: Hashable, value: object) -> models.QuerySet[M]:
        rows = model._default_manager.filter(**{key: value})
        if related:  # select_related() of nothing would follow every relation
            rows = rows.select_related(*related)
        return rows.order_by(*order) if order else rows

    return Shapes(build, model)


def prefetched(instance: models.Model, name: str, rows: list[Any]) -> None:
    """Leave `rows` as `instance.<name>.all()`, as `prefetch_related` leaves them: the
    relation answers without a query, and each row knows its instance."""
    manager = getattr(instance, name)
    if rows:
        queryset = manager.get_queryset()  # still the relation's own rows if filtered
        for row in rows:
            manager.field.set_cached_value(row, instance)
    else:
        # Without building the relation's filter: a bare none() would build its SQL if read.
        queryset = manager.model._default_manager.none()
    queryset._result_cache = rows
    queryset._prefetch_done = True
    instance.__dict__.setdefault("_prefetched_objects_cache", {})[name] = queryset
