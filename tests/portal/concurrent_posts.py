"""Run by tests/portal/test_database_settings.py in a fresh interpreter.

Migrates the database that DATABASE_URL names, then two threads post staff forms at the
same moment through Django's test client. Prints one JSON line: the status codes, the
exceptions raised, and how many meetings exist afterwards.

`python tests/portal/concurrent_posts.py distinct` posts two different meetings per round;
`same` posts the very same form (one form token) from both threads.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ["ALLOWED_HOSTS"] = "testserver"

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from councils.models import Body, BodyKind, Meeting  # noqa: E402


def main(mode: str, rounds: int) -> None:
    call_command("migrate", verbosity=0)
    body = Body.objects.create(
        slug="lautakunta", name="Lautakunta", kind=BodyKind.COMMITTEE, seats=5
    )
    clerk = get_user_model().objects.create_user("sihteeri", password="x" * 16)
    body.clerks.add(clerk)
    connection.close()
    statuses: list[int] = []
    errors: list[str] = []
    day = timezone.localdate() + timedelta(days=20)

    def post(round_number: int, thread_number: int, barrier: threading.Barrier) -> None:
        client = Client(raise_request_exception=True)
        client.force_login(clerk)
        minute = round_number if mode == "same" else round_number * 2 + thread_number
        data = {
            "body": body.pk,
            "day": day.isoformat(),
            "start_time": f"{8 + minute // 60:02d}:{minute % 60:02d}",
            "mode": "in_person",
            "form_once": f"round-{round_number}" if mode == "same" else "",
        }
        barrier.wait()
        try:
            statuses.append(client.post("/hallinta/kokoukset/uusi/", data).status_code)
        except Exception as exc:
            errors.append(f"{type(exc).__name__}: {exc}")
        finally:
            from django.db import connection as thread_connection

            thread_connection.close()

    for round_number in range(rounds):
        barrier = threading.Barrier(2)
        threads = [threading.Thread(target=post, args=(round_number, n, barrier)) for n in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    print(json.dumps({"statuses": statuses, "errors": errors, "meetings": Meeting.objects.count()}))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 10)
