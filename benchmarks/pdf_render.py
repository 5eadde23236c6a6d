"""PDF rendering speed and memory: minutes of 10, 50 and 200 items.

Prints pages per second and the peak memory of each render (tracemalloc, Python heap;
WeasyPrint's C libraries add to it). Run: make bench
"""

from __future__ import annotations

import time
import tracemalloc
from datetime import datetime
from zoneinfo import ZoneInfo

from harness import test_database


def main() -> None:
    with test_database():
        from councils import documents
        from councils.models import Document, DocumentKind
        from tests.factories import HandlingFactory, PublishedMeetingFactory

        print(f"{'items':>6} {'pages':>6} {'seconds':>8} {'pages/s':>8} {'peak MB':>8} {'KB':>8}")
        for items in (10, 50, 200):
            meeting = PublishedMeetingFactory(
                start=datetime(2026, 5, 25, 14, tzinfo=ZoneInfo("Europe/Helsinki"))
            )
            for section in range(1, items + 1):
                HandlingFactory(
                    item__meeting=meeting,
                    item__section=section,
                    item__title=f"Asia {section}: palveluverkon kehittäminen",
                    item__body="<p>"
                    + "Perustelut kappaleittain hyvinvointialueen palveluista. " * 60
                    + "</p>",
                )
            document = Document.objects.create(kind=DocumentKind.MINUTES, meeting=meeting)
            start = time.perf_counter()
            pdf = documents.render_pdf(document)
            seconds = time.perf_counter() - start
            # Memory is measured in a second render: tracemalloc slows Python down.
            tracemalloc.start()
            documents.render_pdf(document)
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            pages = documents.page_count(pdf)
            print(
                f"{items:>6} {pages:>6} {seconds:>8.2f} {pages / seconds:>8.1f} "
                f"{peak / 1_000_000:>8.1f} {len(pdf) / 1000:>8.0f}"
            )


if __name__ == "__main__":
    main()
