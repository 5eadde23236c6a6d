"""Run by tests/portal/test_database_settings.py in a fresh interpreter.

Migrates the database that DATABASE_URL names, then two threads post staff forms at the
same moment through Django's test client. Prints one JSON line: the status codes, the
exceptions raised, and how many meetings exist afterwards.

Each round, in mode "distinct" the two threads post two different meetings; in mode
"same" they post the very same form (one form token). Both modes run, one after the other.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

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
from portal.once import new_token  # noqa: E402


def main(rounds: int) -> None:
    call_command("migrate", verbosity=0)
    clerk = get_user_model().objects.create_user("sihteeri", password="x" * 16)
    outcome = {mode: run(mode, rounds, clerk) for mode in ("distinct", "same")}
    print(json.dumps(outcome))


def run(mode: str, rounds: int, clerk: Any) -> dict[str, object]:
    body = Body.objects.create(slug=mode, name=mode, kind=BodyKind.COMMITTEE, seats=5)
    body.clerks.add(clerk)
    connection.close()
    statuses: list[int] = []
    errors: list[str] = []
    locations: list[str] = []
    day = timezone.localdate() + timedelta(days=20)
    tokens = [new_token() for _round in range(rounds)]

    def post(round_number: int, thread_number: int, barrier: threading.Barrier) -> None:
        client = Client(raise_request_exception=True)
        client.force_login(clerk)
        minute = round_number if mode == "same" else round_number * 2 + thread_number
        data = {
            "body": body.pk,
            "day": day.isoformat(),
            "start_time": f"{8 + minute // 60:02d}:{minute % 60:02d}",
            "mode": "in_person",
            "form_once": tokens[round_number] if mode == "same" else "",
        }
        barrier.wait()
        try:
            response = client.post("/hallinta/kokoukset/uusi/", data)
            statuses.append(response.status_code)
            locations.append(response.get("Location", ""))
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
    return {
        "statuses": statuses,
        "errors": errors,
        "locations": locations,
        "meetings": Meeting.objects.filter(body=body).count(),
    }


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 8)
