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

Only a value that the query sends as a parameter as it is may be a value: an integer, a
string, a date or an aware datetime, each used as given (not turned into a pattern for
LIKE, nor adapted to text as SQLite does with dates: a marker that cannot be found in
the parameters is refused when the shape is built). Anything else the query depends on
(the clock, the language, the user) must be a value or part of the shape.
"""

from __future__ import annotations

import copy
import datetime
import functools
from collections.abc import Callable, Hashable, Sequence
from typing import Any, Generic, TypeVar

from django.core.exceptions import ImproperlyConfigured
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


class _Written:
    """One shape's QuerySet, its compiler and SQL, and where each value goes."""

    def __init__(self, queryset: models.QuerySet[Any], markers: Sequence[object]) -> None:
        using = queryset.db
        self.queryset = queryset
        self.compiler = queryset.query.get_compiler(using=using)
        self.sql, params = self.compiler.as_sql()
        self.params = tuple(params)
        self.spots: list[list[int]] = []
        for index, mark in enumerate(markers):
            spots = [
                spot
                for spot, value in enumerate(self.params)
                if type(value) is type(mark) and value == mark
            ]
            if not spots:
                raise ImproperlyConfigured(
                    f"value {index} is not among the query's parameters as it was given"
                )
            self.spots.append(spots)

    def rows(self, values: Sequence[object], using: str) -> list[Any]:
        params = list(self.params)
        for spots, value in zip(self.spots, values, strict=True):
            for spot in spots:
                params[spot] = value
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

    def __init__(self, build: Callable[..., models.QuerySet[M]], model: type[M]) -> None:
        self._build = build
        self.model = model
        self._written: dict[tuple[str, Hashable], _Written] = {}

    def rows(self, shape: Hashable, *values: object) -> list[M]:
        using = router.db_for_read(self.model)
        written = self._written.get((using, shape))
        if written is None:
            markers = [marker(value, index) for index, value in enumerate(values)]
            queryset = self._build(shape, *markers).using(using)
            written = self._written[(using, shape)] = _Written(queryset, markers)
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
