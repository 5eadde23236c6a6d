"""How well search ranks what residents look for: success@3, success@10 and MRR.

The queries and the decisions expected for each are data (`benchmarks/data/search_queries.json`),
written against the Päijät-Häme demo. `benchmarks/search_relevance.py` prints the figures;
`tests/councils/test_search_relevance.py` holds them from falling.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
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
