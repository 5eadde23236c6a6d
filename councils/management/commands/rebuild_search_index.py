"""Recreate the search index from the record (after a bulk import, or once after upgrading)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from councils import search_index, voikko


class Command(BaseCommand):
    help = "Recreate the search index of decisions, agenda items, cases and attachments."

    def handle(self, *args: Any, **options: Any) -> None:
        count = search_index.rebuild()
        self.stdout.write(
            f"Indexed {count} records"
            + (
                " with Voikko's base forms."
                if voikko.available()
                else " (Voikko is not installed)."
            )
        )
