from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.test import RequestFactory

pytestmark = pytest.mark.django_db


def _dump() -> list[tuple[str, int]]:
    from django.apps import apps

    return [(m._meta.label, m.objects.count()) for m in apps.get_models()]


def test_it_creates_the_demo_superuser_and_prints_how_to_sign_in():
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "'demo'" in out.getvalue()
    assert "'raati-demo-2026'" in out.getvalue()
    user = get_user_model().objects.get(username="demo")
    assert user.is_superuser
    request = RequestFactory().post("/kirjaudu/")
    assert authenticate(request, username="demo", password="raati-demo-2026") == user


def test_running_it_twice_changes_nothing():
    call_command("load_demo", stdout=StringIO())
    before = _dump()
    call_command("load_demo", stdout=StringIO())
    assert _dump() == before


def test_it_renders_the_missing_pdfs_unless_told_not_to(monkeypatch, settings):
    from councils.management.commands import render_missing_documents

    runs: list[dict[str, object]] = []
    monkeypatch.setattr(
        render_missing_documents.Command, "handle", lambda self, **options: runs.append(options)
    )
    settings.DEMO_DOCUMENTS = True  # make demo's default
    call_command("load_demo", stdout=StringIO())
    assert len(runs) == 1
    call_command("load_demo", "--no-documents", stdout=StringIO())
    assert len(runs) == 1


def test_on_postgresql_the_planner_knows_the_demo_tables_sizes_at_once():
    """Statistics are gathered when the demo is loaded, not when autovacuum next runs:
    planned as empty tables, a decision page's main query cost 4-5 times as much."""
    from django.db import connection

    from councils.models import AgendaItem

    if connection.vendor != "postgresql":
        pytest.skip("optional service absent: planner statistics are PostgreSQL's")
    call_command("load_demo", "--no-documents", stdout=StringIO())
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples FROM pg_class WHERE relname = %s", [AgendaItem._meta.db_table]
        )
        (estimated,) = cursor.fetchone()
    assert estimated == AgendaItem.objects.count() > 100
