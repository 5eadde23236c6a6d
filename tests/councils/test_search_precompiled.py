"""A ranked search's SQL is built once per shape and then only run (search.ranked_page).

On PostgreSQL the result page of a ranked search is run from SQL written once per
process for each shape (how many words, which filters, which page). What a resident gets
must be what the ORM gives for the same search, for every filter and page, and what is
published after the SQL was written must be found.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any
from unittest import mock

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.db.models.sql.compiler import SQLCompiler
from django.utils import timezone

from councils.models import Body, Outcome, SearchEntry
from councils.search import SearchFilters, ranked_page, run, with_total
from tests.factories import (
    AttachmentFactory,
    BodyFactory,
    HandlingFactory,
    OfficialDecisionFactory,
)

pytestmark = pytest.mark.django_db


def _postgresql() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("optional service absent: the SQL is built once only on PostgreSQL")


def _seen(rows: list[SearchEntry]) -> list[tuple[Any, ...]]:
    return [
        (row.pk, row.kind, row.title, row.total_matches, row.snippet, round(row.relevance, 6))
        for row in rows
    ]


@pytest.fixture
def record() -> dict[str, Any]:
    board, council = BodyFactory(name="Aluehallitus"), BodyFactory(name="Aluevaltuusto")
    for n in range(12):
        HandlingFactory(
            item__meeting__body=board if n % 2 else council,
            item__meeting__start=timezone.now() - timedelta(days=40 * n),
            item__title=f"Strategian seuranta {n}" if n % 3 else f"Talousarvio ja strategia {n}",
            item__body="<p>Hyvinvointialuestrategian toteutumista seurataan.</p>",
            outcome=Outcome.AMENDED if n % 4 == 0 else Outcome.AS_PROPOSED,
        )
    OfficialDecisionFactory(title="Strategiatyön hankinta", text="<p>Strategia.</p>")
    return {"board": board, "council": council}


def test_every_shape_gives_what_the_orm_gives(record):
    _postgresql()
    today = timezone.localdate()
    searches = [
        SearchFilters(text="strategia"),
        SearchFilters(text="strategian seuranta"),
        SearchFilters(text="talousarvio strategia", body=record["board"]),
        SearchFilters(text="strategia", kind="decision"),
        SearchFilters(text="strategia", start=today - timedelta(days=200), end=today),
        SearchFilters(text="strategia", outcome=Outcome.AMENDED, hide_procedural=True),
        SearchFilters(text="strategia", body=record["council"], start=date(2000, 1, 1)),
    ]
    compared = 0
    for filters in searches:
        for bottom, top in ((0, 5), (5, 10), (0, 25)):
            expected = _seen(list(with_total(run(filters))[bottom:top]))
            assert _seen(ranked_page(filters, bottom, top)) == expected, (filters, bottom)
            # Again: now from the written SQL.
            assert _seen(ranked_page(filters, bottom, top)) == expected, (filters, bottom)
            compared += len(expected)
    assert compared > 40
    only_board = ranked_page(SearchFilters(text="strategia", body=record["board"]), 0, 25)
    assert only_board and {row.body_id for row in only_board} == {record["board"].pk}


def test_the_sql_is_written_once_and_what_is_published_later_is_found(record):
    _postgresql()
    first = ranked_page(SearchFilters(text="strategia"), 0, 25)
    built = mock.patch.object(SQLCompiler, "as_sql", autospec=True, side_effect=SQLCompiler.as_sql)
    with built as as_sql:
        other_words = ranked_page(SearchFilters(text="talousarvio"), 0, 25)
        assert as_sql.call_count == 0
    assert [row.title for row in other_words] == [
        row.title for row in first if row.title.startswith("Talousarvio")
    ]
    # An entry waiting for its publication time is not found until that time has come.
    waiting = first[0]
    later = timezone.now() + timedelta(hours=2)
    SearchEntry.objects.filter(pk=waiting.pk).update(published_at=later - timedelta(hours=1))
    found = [row.pk for row in ranked_page(SearchFilters(text="strategia"), 0, 25)]
    assert waiting.pk not in found
    with mock.patch("councils.search.timezone.now", return_value=later):
        found = [row.pk for row in ranked_page(SearchFilters(text="strategia"), 0, 25)]
    assert waiting.pk in found


def test_the_search_page_lists_the_same_results_on_every_database(client, record):
    """The page itself, on SQLite through the ORM and on PostgreSQL from written SQL (the
    meeting of today has no minutes out yet: its decision is not found)."""
    for _ in range(2):
        html = client.get("/haku/", {"q": "talousarvio"}).content.decode()
        titles = re.findall(r'<h3 class="decision__title"><a href="[^"]+">([^<]+)</a>', html)
        assert titles == [f"Talousarvio ja strategia {n}" for n in (3, 6, 9)]


def test_a_search_page_asked_again_builds_only_the_filter_forms_list(
    client, record, settings, tmp_path
):
    """Other words, the same shape: the results and the attachments that match run from
    SQL written for the first search; only the bodies of the filter form are asked anew."""
    _postgresql()
    talousarvio = SearchEntry.objects.get(title="Talousarvio ja strategia 3")
    attachment = AttachmentFactory(
        item_id=talousarvio.item_id, title="Talousarvion liite", text="Talousarvion taulukot."
    )
    settings.MEDIA_ROOT = tmp_path
    attachment.file.save("liite.pdf", ContentFile(b"%PDF-1.7\n"))
    assert client.get("/haku/", {"q": "seuranta"}).status_code == 200
    built = mock.patch.object(SQLCompiler, "as_sql", autospec=True, side_effect=SQLCompiler.as_sql)
    with built as as_sql:
        html = client.get("/haku/", {"q": "talousarvio"}).content.decode()
    assert f"/liitteet/{attachment.pk}/" in html  # "also in the attachment"
    assert [call.args[0].query.model for call in as_sql.call_args_list] == [Body]
