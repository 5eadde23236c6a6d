"""Write the open-data dump (JSON Lines, gzip) now instead of waiting for the night."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand

from portal.oparl.dump import dump_path, write_dump


class Command(BaseCommand):
    help = "Write the full open-data dump (every public object as OParl JSON Lines, gzip)."

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        written = write_dump()
        self.stdout.write(
            f"{dump_path()}: {written['lines']} objects, {written['bytes']} bytes "
            f"in {time.perf_counter() - started:.1f} s."
        )
