"""Fill the database with the Päijät-Häme demo content. Idempotent: a second run changes nothing."""

from __future__ import annotations

import argparse
import os
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.db import connection, transaction

from councils import demo as councils_demo
from councils.publication import publications_batched
from forums import demo as forums_demo
from strategy.demo import load_strategy_demo
from strategy.staff.demo_users import load_strategy_staff_demo

DEMO_USERNAME = "demo"
DEMO_PASSWORD = councils_demo.CLERK_PASSWORD  # printed for the demo on purpose


class Command(BaseCommand):
    help = "Load the Päijät-Häme demo data and create the demo superuser."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--documents",
            action=argparse.BooleanOptionalAction,
            default=None,
            help="Render the PDFs of the published agendas, minutes and attachments "
            "(render_missing_documents). Default: the DEMO_DOCUMENTS setting, on.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        with publications_batched():
            self._load()
        if connection.vendor == "postgresql":
            # The planner's statistics, now rather than when autovacuum gets round to
            # the new rows: planned as empty tables, a decision page's main query took
            # 6.6 ms to plan and 1.6 ms to run; with statistics, 3.9 and 0.35 ms.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        documents = options["documents"]
        if documents is None:
            documents = settings.DEMO_DOCUMENTS
        if documents:
            # After the data is committed, so that the rendering processes see it.
            call_command(
                "render_missing_documents", jobs=min(2, os.cpu_count() or 1), stdout=self.stdout
            )

    @transaction.atomic
    def _load(self) -> None:
        _, created = councils_demo.demo_user(
            DEMO_USERNAME, "Demo", "Pääkäyttäjä", is_staff=True, is_superuser=True
        )
        councils_demo.load(stdout=self.stdout)
        load_strategy_demo(stdout=self.stdout)
        load_strategy_staff_demo()
        forums_demo.load(stdout=self.stdout)
        self.stdout.write(
            self.style.SUCCESS("Demo data loaded.")
            + f"\nSign in at /kirjaudu/ as {DEMO_USERNAME!r} with password {DEMO_PASSWORD!r}"
            + (" (created now)." if created else " (already existed).")
            + f"\nThe board's clerk signs in as 'sihteeri', the minutes checkers as 'tarkastaja1'"
            f" and 'tarkastaja2', a chair (the strategy dashboard) as 'puheenjohtaja' and the"
            f" strategy team as 'strategia', the organisations coordinator as"
            f" 'jarjestokoordinaattori', a forum secretary as 'foorumisihteeri' and the registry"
            f" (initiatives) as 'kirjaamo', all with the"
            f" password {DEMO_PASSWORD!r}."
        )
