"""Search puts the decision a resident means near the top: the relevance benchmark holds.

The queries and the decisions expected for each are the benchmark's own
(`benchmarks/data/search_queries.json`, run by `benchmarks/search_relevance.py`), here on
the demo as loaded by `make demo`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connection, transaction

from benchmarks.search_relevance import evaluate, load_queries
from councils import search
from tests.demo_snapshot import load_demo

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo()
        yield
        transaction.set_rollback(True)


def test_it_finds_what_residents_look_for_in_the_top_three(demo):
    queries = load_queries()
    assert len(queries) >= 30
    figures = evaluate(queries)
    misses = [
        f"{o.query.text!r}: rank {o.rank}, top {list(o.top)}"
        for o in figures.outcomes
        if o.rank is None or o.rank > 3
    ]
    # At the time of writing 1.00 on both databases; 0.9 is the goal the issue set.
    assert figures.success_at_3 >= 0.9, "\n".join(misses)
    assert figures.mrr >= 0.85, "\n".join(misses)


def test_sqlite_ranks_with_its_own_full_text_index(demo):
    if connection.vendor == "sqlite":
        assert search.fts5_available(), "this SQLite has FTS5: migration 0007 creates the index"
    top = list(search.run(search.SearchFilters(text="strategia"))[:3])
    assert "Hyvinvointialuestrategia 2023–2025" in [e.title for e in top]
