"""Search relevance on the Päijät-Häme demo: success@3, success@10 and MRR of resident queries.

The queries and the decisions expected for each are data (`benchmarks/data/search_queries.json`),
written against the demo. Runs on SQLite unless DATABASE_URL is set (then on a PostgreSQL
test database); prints one line per query that misses the top 3, then the figures.
`tests/councils/test_search_relevance.py` holds the figures from falling. Run: make bench
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

QUERIES = Path(__file__).resolve().parent / "data" / "search_queries.json"


@dataclass(frozen=True)
class Query:
    text: str
    expect: frozenset[str]


@dataclass(frozen=True)
class Outcome:
    query: Query
    rank: int | None  # 1-based rank of the first expected decision in the top 10
    top: tuple[str, ...]  # the first three results' titles, for the printout


@dataclass(frozen=True)
class Figures:
    success_at_3: float
    success_at_10: float
    mrr: float
    outcomes: tuple[Outcome, ...]


def load_queries() -> list[Query]:
    data = json.loads(QUERIES.read_text(encoding="utf-8"))
    return [Query(text=q["q"], expect=frozenset(q["expect"])) for q in data["queries"]]


def _decision_title(entry: object) -> str | None:
    """The title of the decision a result stands for; None for a case page."""
    kind = getattr(entry, "kind", "")
    if kind == "case":
        return None
    item = getattr(entry, "item", None)
    if item is not None and kind != "official":
        return str(item.title)
    return str(getattr(entry, "title", ""))


def evaluate(queries: list[Query]) -> Figures:
    """Run each query through the site's search, most relevant first, and score it."""
    from councils import search

    outcomes = []
    for query in queries:
        entries = list(
            search.run(search.SearchFilters(text=query.text)).select_related("item")[:10]
        )
        titles = [_decision_title(e) for e in entries]
        rank = next((i for i, t in enumerate(titles, start=1) if t in query.expect), None)
        top = tuple(
            t or f"({getattr(e, 'kind', '')}: {e.title})"
            for e, t in zip(entries, titles, strict=True)
        )
        outcomes.append(Outcome(query=query, rank=rank, top=top[:3]))
    count = len(outcomes) or 1
    return Figures(
        success_at_3=sum(1 for o in outcomes if o.rank and o.rank <= 3) / count,
        success_at_10=sum(1 for o in outcomes if o.rank) / count,
        mrr=sum(1 / o.rank for o in outcomes if o.rank) / count,
        outcomes=tuple(outcomes),
    )


def main() -> None:
    from harness import test_database

    with test_database():
        from django.conf import settings
        from django.core.management import call_command
        from django.db import connection

        from councils import search, voikko

        call_command("load_demo", documents=False, stdout=StringIO())
        queries = load_queries()
        figures = evaluate(queries)
        for outcome in figures.outcomes:
            if outcome.rank is None or outcome.rank > 3:
                rank = outcome.rank or "–"
                print(f"  rank {rank!s:>2}  {outcome.query.text!r}: top 3 {list(outcome.top)}")
        engine = connection.vendor
        if engine == "sqlite":
            engine += " (FTS5)" if search.fts5_available() else " (substring)"
        print(
            f"{engine}, Voikko {'on' if voikko.available() else 'off'}"
            f" (SEARCH_VOIKKO={settings.SEARCH_VOIKKO}),"
            f" {len(queries)} queries: success@3 {figures.success_at_3:.2f},"
            f" success@10 {figures.success_at_10:.2f}, MRR {figures.mrr:.2f}"
        )


if __name__ == "__main__":
    sys.exit(main())
