"""What the record of contested handlings costs: minutes HTML and the public decision page.

Every item of a meeting of 10, 50 and 200 items has a seconded counter-proposal, a vote
of 13 members and a dissent, so the record (councils/record.py) that the decision page,
the checkers' review and the PDFs render has the most to say. Prints the time to build
the minutes' HTML (what WeasyPrint then lays out), its SQL queries, and the server time
and queries of one item's public page. Run: make bench
"""

from __future__ import annotations

import time
from datetime import timedelta

from harness import measure_page, test_database


def _meeting(items: int):  # type: ignore[no-untyped-def]
    from django.utils import timezone

    from councils import services
    from councils.models import Outcome
    from councils.services import AttendanceRow
    from tests.factories import AgendaItemFactory, BodyFactory, MeetingFactory, PersonFactory

    body = BodyFactory(seats=13, notice_days=4)
    meeting = MeetingFactory(
        body=body, start=timezone.now() - timedelta(hours=2), year=timezone.now().year
    )
    members = [PersonFactory() for _ in range(13)]
    services.attendance_record(
        meeting=meeting,
        rows=[
            AttendanceRow(person=p, role="chair" if i == 0 else "member", presence="present")
            for i, p in enumerate(members)
        ],
    )
    for section in range(1, items + 1):
        item = AgendaItemFactory(
            meeting=meeting,
            section=section,
            proposal="<p>Aluehallitus hyväksyy palveluverkkosuunnitelman.</p>",
        )
        services.handling_record(item=item, outcome=Outcome.AS_PROPOSED, decision=item.proposal)
        counter = services.counter_proposal_add(
            item=item,
            proposer=members[1],
            text="Suunnitelma palautetaan valmisteluun.",
            seconder=members[2],
        )
        ballots = {p.pk: ("no" if i < 4 else "yes") for i, p in enumerate(members)}
        services.vote_record(item=item, counter_proposal=counter, ballots=ballots, chair=members[0])
        services.dissent_record(item=item, person=members[3], reasons="Palveluverkko harvenee.")
    return meeting


def main() -> None:
    with test_database():
        from django.db import connection, reset_queries
        from django.test.utils import CaptureQueriesContext

        from councils import documents
        from councils.models import Document, DocumentKind, MeetingState, Minutes

        print(f"{'items':>6} {'html ms':>8} {'queries':>8} {'item p50 ms':>12} {'queries':>8}")
        for items in (10, 50, 200):
            meeting = _meeting(items)
            Minutes.objects.create(meeting=meeting, checked_at_meeting=True)
            meeting.state = MeetingState.MINUTES_PUBLISHED
            meeting.save(update_fields=["state"])
            document = Document.objects.create(kind=DocumentKind.MINUTES, meeting=meeting)
            documents.render_html(document)  # warm the template loader
            reset_queries()
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                documents.render_html(document)
                html_ms = (time.perf_counter() - start) * 1000
            page = measure_page(meeting.items.order_by("section").first().get_absolute_url())
            print(
                f"{items:>6} {html_ms:>8.0f} {len(queries):>8} {page['p50']:>12.1f} "
                f"{page['queries']:>8.0f}"
            )


if __name__ == "__main__":
    main()
