"""Scale benchmark (issue 6): the public pages at a million agenda items on PostgreSQL.

Generates (once) a synthetic database of 1 000 000 agenda items on about 100 000
meetings of 60 bodies over 20 years, with Finnish text built from the county's own
documents (benchmarks/scale_data.py), fills the search index the way
`councils/search_index.py` would, and prints p50/p95/p99 server time and SQL queries of
home, a body page, a meeting of 30 items, an item, the decisions list (page 1 and 500)
and search (a common word, a rare word, newest first, two words), whether each page met
its goal (search p95 <= 100 ms, other pages p95 <= 50 ms), and for a page that missed
it the EXPLAIN (ANALYZE, BUFFERS) of its slowest query. It prints; it never asserts.

How to run
----------
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/raati .venv/bin/python benchmarks/scale.py

The data goes to a dedicated database, `raati_bench` on the server of DATABASE_URL
(or BENCH_DATABASE_URL, a full URL, when set); the script creates it, migrates it, and
generates the data only when it is not there yet, so a second run only measures. On
SQLite (no DATABASE_URL, or a sqlite one, as in plain `make bench`) it prints one line
and exits.

    --items N      agenda items to generate (default 1 000 000; --items 20000 for a try)
    --regenerate   drop the bench database and generate again
    --repeat N     timed requests per page (default 50; a page slower than 1 s gets N/10)
    --no-explain   skip the EXPLAIN of the pages that missed their goal

Generation takes about ten minutes at 1 000 000 items on 2 cores (one busy) and needs
about 6 GB of disk. The bulk rows go in with COPY on connections that run with
`session_replication_role = replica` (the foreign keys are not re-checked row by row:
the generator writes consistent ids itself); this needs a superuser, and without one the
load is only slower. Historical (simple-history) tables stay empty. Voikko base forms
(`SearchEntry.lexemes`) are left empty at this scale.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit, urlunsplit
from zoneinfo import ZoneInfo

import harness  # puts the project on sys.path and sets DJANGO_SETTINGS_MODULE

BENCH_DB = "raati_bench"
HELSINKI = ZoneInfo("Europe/Helsinki")
FIRST_YEAR = 2006
COMMON_WORD = "hyvinvointialue"
TWO_WORDS = "talousarvion valmistelu"
SEARCH_GOAL_MS = 100.0
PAGE_GOAL_MS = 50.0
SLOW_PAGE_MS = 1000.0


# --- the database ----------------------------------------------------------------------


def bench_url() -> str | None:
    """The bench database's URL, or None when there is no PostgreSQL to run on."""
    explicit = os.environ.get("BENCH_DATABASE_URL", "")
    base = explicit or os.environ.get("DATABASE_URL", "")
    if not base.startswith(("postgres://", "postgresql://", "pgsql://")):
        return None
    if explicit:
        return explicit
    return urlunsplit(urlsplit(base)._replace(path="/" + BENCH_DB))


def _admin_url(url: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path="/postgres"))


def _db_name(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


def ensure_database(url: str, *, drop: bool) -> bool:
    """Create the bench database (dropping it first if asked); True if it was created."""
    import psycopg
    from psycopg import sql

    name = _db_name(url)
    with psycopg.connect(_admin_url(url), autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and drop:
            admin.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))
            exists = None
        if not exists:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            return True
    return False


def read_info() -> dict[str, str]:
    """What the last complete generation recorded (empty if there was none)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass('bench_scale') IS NOT NULL")
        if not cursor.fetchone()[0]:
            return {}
        cursor.execute("SELECT key, value FROM bench_scale")
        return dict(cursor.fetchall())


def write_info(info: dict[str, object]) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS bench_scale (key text PRIMARY KEY, value text)")
        cursor.execute("DELETE FROM bench_scale")
        for key, value in info.items():
            cursor.execute("INSERT INTO bench_scale VALUES (%s, %s)", [key, str(value)])


@contextmanager
def step(label: str) -> Iterator[None]:
    print(f"  {label} …", end="", flush=True)
    start = time.perf_counter()
    yield
    print(f" {time.perf_counter() - start:.1f} s", flush=True)


# --- generation ------------------------------------------------------------------------


class Generator:
    """Writes the synthetic record; ids are chosen here, so rows can refer to each other."""

    def __init__(self, url: str, n_items: int, seed: int = 2026) -> None:
        from scale_data import Corpus

        self.url = url
        self.n_items = n_items
        self.rng = random.Random(seed)
        self.corpus = Corpus(self.rng)
        self.now = datetime.now(UTC)
        self.horizon = self.now + timedelta(days=14)
        self.years = list(range(FIRST_YEAR, self.now.astimezone(HELSINKI).year + 1))
        self.replica_role = True

    # Bulk connections -----------------------------------------------------------------

    def _bulk(self) -> Any:
        import psycopg

        conn = psycopg.connect(self.url)
        conn.execute("SET synchronous_commit = off")
        try:
            conn.execute("SET session_replication_role = replica")
        except psycopg.Error:
            conn.rollback()
            conn.execute("SET synchronous_commit = off")
            self.replica_role = False
        return conn

    # Small objects (ORM) ---------------------------------------------------------------

    def small_objects(self) -> None:
        from scale_data import (
            EXTRA_BODIES,
            FIRST_NAMES,
            GROUPS,
            KIND_WEIGHT,
            LAST_NAMES,
            MUNICIPALITIES,
            OFFICIAL_TITLES,
        )

        from councils import demo
        from councils.models import Body, Membership, MembershipRole, Person, Term

        rng = self.rng
        self.terms = [
            Term.objects.create(
                name=f"{year}–{year + 4}", start=date(year, 6, 1), end=date(year + 4, 5, 31)
            )
            for year in range(2001, self.years[-1] + 1, 4)
        ]
        specs: list[dict[str, Any]] = []
        for body in demo.BODIES:
            spec = {k: v for k, v in body.items() if k != "parent"}
            spec["parent_slug"] = body.get("parent")
            spec["weight"] = KIND_WEIGHT[str(body["kind"])]
            specs.append(spec)
        for order, (slug, name, kind, seats, weight) in enumerate(EXTRA_BODIES, start=100):
            specs.append(
                {
                    "slug": slug,
                    "name": name,
                    "kind": kind,
                    "seats": seats,
                    "order": order,
                    "appeal_open": kind not in ("advisory_council", "working_group", "forum"),
                    "parent_slug": demo.AH if kind == "division" else None,
                    "weight": weight,
                    "description": f"{name} (synteettinen aineisto suorituskykytestiä varten).",
                }
            )
        self.bodies: list[Body] = []
        self.weights: list[int] = []
        for spec in specs:
            parent_slug = spec.pop("parent_slug")
            self.weights.append(spec.pop("weight"))
            body = Body.objects.create(**spec)
            if parent_slug:
                body.parent = Body.objects.get(slug=parent_slug)
                body.save(update_fields=["parent"])
            self.bodies.append(body)

        people = []
        for index in range(600):
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            people.append(
                Person(
                    slug=f"{first}-{last}-{index}".lower()
                    .replace("ä", "a")
                    .replace("ö", "o")
                    .replace("å", "a"),
                    first_name=first,
                    last_name=last,
                    political_group=rng.choice(GROUPS),
                    home_municipality=rng.choice(MUNICIPALITIES),
                )
            )
        officials = []
        for index in range(30):
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            officials.append(
                Person(
                    slug=f"viranhaltija-{index}",
                    first_name=first,
                    last_name=last,
                    title=OFFICIAL_TITLES[index % len(OFFICIAL_TITLES)],
                )
            )
        self.politicians = Person.objects.bulk_create(people)
        self.officials = Person.objects.bulk_create(officials)
        self.presenter_of = {b.pk: rng.choice(self.officials).pk for b in self.bodies}

        # Seats per body and term: chair, vice-chair, members, a personal deputy each,
        # and the presenter and the secretary.
        self.seated: dict[tuple[int, int], list[tuple[int, str]]] = {}
        memberships = []
        for body in self.bodies:
            for term in self.terms:
                seats = min(body.seats, 69)
                chosen = rng.sample(self.politicians, 2 * seats)
                seated = chosen[:seats]
                roles = [MembershipRole.CHAIR, MembershipRole.VICE_CHAIR] + [
                    MembershipRole.MEMBER
                ] * (seats - 2)
                self.seated[(body.pk, term.pk)] = [
                    (p.pk, r) for p, r in zip(seated, roles, strict=True)
                ]
                for person, role in zip(seated, roles, strict=True):
                    memberships.append(
                        Membership(
                            person=person,
                            body=body,
                            term=term,
                            role=role,
                            start=term.start,
                            end=term.end,
                        )
                    )
                for deputy, principal in zip(chosen[seats:], seated, strict=True):
                    memberships.append(
                        Membership(
                            person=deputy,
                            body=body,
                            term=term,
                            role=MembershipRole.DEPUTY,
                            deputy_of=principal,
                            start=term.start,
                            end=term.end,
                        )
                    )
                secretary = rng.choice(
                    [o for o in self.officials if o.pk != self.presenter_of[body.pk]]
                )
                for person_id, role in (
                    (self.presenter_of[body.pk], MembershipRole.PRESENTER),
                    (secretary.pk, MembershipRole.SECRETARY),
                ):
                    memberships.append(
                        Membership(
                            person_id=person_id,
                            body=body,
                            term=term,
                            role=role,
                            start=term.start,
                            end=term.end,
                        )
                    )
        Membership.objects.bulk_create(memberships, batch_size=2000)
        self.n_memberships = len(memberships)

    def term_of(self, day: date) -> int:
        for term in self.terms:
            if term.start <= day <= term.end:
                return term.pk
        return self.terms[-1].pk

    # Cases ------------------------------------------------------------------------------

    def cases(self) -> None:
        from scale_data import TASK_CLASSES

        rng = self.rng
        n_cases = max(len(self.years), round(self.n_items * 0.3))
        per_year = -(-n_cases // len(self.years))
        self.case_range: dict[int, tuple[int, int]] = {}  # year -> (first id, count)
        self.case_span: dict[int, float] = {}  # year -> seconds from 1 Jan the cases cover
        case_id = 0
        with self._bulk() as conn, conn.cursor() as cur:
            with cur.copy(
                "COPY councils_case (id, diary_number, number, task_class, year, title,"
                " created_at) FROM STDIN"
            ) as copy:
                for year in self.years:
                    count = min(per_year, n_cases - case_id)
                    new_year = datetime(year, 1, 2, 8, tzinfo=HELSINKI)
                    span = max(86400.0, min(365 * 86400.0, (self.now - new_year).total_seconds()))
                    self.case_range[year] = (case_id + 1, count)
                    self.case_span[year] = span
                    for number in range(1, count + 1):
                        case_id += 1
                        task_class = rng.choice(TASK_CLASSES)
                        created = new_year + timedelta(seconds=span * (number - 1) / count)
                        copy.write_row(
                            (
                                case_id,
                                f"{number}/{task_class}/{year}",
                                number,
                                task_class,
                                year,
                                self.corpus.title(year),
                                created,
                            )
                        )
            cur.execute("SELECT id, title FROM councils_case")
            self.case_titles = dict(cur.fetchall())
        self.n_cases = case_id
        self.first_case = 1  # ids run on across the years, in time order

    def case_for(self, start: datetime) -> int | None:
        year = start.astimezone(HELSINKI).year
        first, count = self.case_range.get(year, (0, 0))
        if not count:
            return None
        new_year = datetime(year, 1, 2, 8, tzinfo=HELSINKI)
        fraction = (start - new_year).total_seconds() / self.case_span[year]
        # A case opened in the last month and a half or so, last year's too (case ids run
        # on across years); in the first year, one of the cases opened so far.
        reached = int(fraction * count)
        index = first + reached - self.rng.randint(0, max(1, count // 8))
        if index < self.first_case:
            index = first + self.rng.randint(0, max(0, reached))
        return min(index, first + count - 1)

    # Meetings ---------------------------------------------------------------------------

    def meetings(self) -> None:
        """Plan the meetings (ids in time order) and write them with their minutes."""
        rng = self.rng
        counts: list[int] = []
        total = 0
        while total < self.n_items:
            size = 30 if len(counts) % 97 == 50 else min(29, max(1, round(rng.gauss(10, 4.5))))
            size = min(size, self.n_items - total)
            counts.append(size)
            total += size
        rng.shuffle(counts)
        n_meetings = len(counts)
        weight_sum = sum(self.weights)
        shares = [n_meetings * w // weight_sum for w in self.weights]
        for index in range(n_meetings - sum(shares)):
            shares[index % len(shares)] += 1
        first = datetime(FIRST_YEAR, 1, 2, tzinfo=HELSINKI).timestamp()
        last = self.horizon.timestamp()
        planned: list[tuple[datetime, int]] = []
        for body_index, share in enumerate(shares):
            hour = 17 if self.bodies[body_index].is_council else rng.choice([9, 13, 16])
            for _ in range(share):
                day = datetime.fromtimestamp(rng.uniform(first, last), HELSINKI).date()
                while day.weekday() >= 5:
                    day += timedelta(days=1)
                start = datetime(day.year, day.month, day.day, hour, tzinfo=HELSINKI)
                planned.append((start, body_index))
        planned.sort()
        numbers: dict[tuple[int, int], int] = defaultdict(int)
        self.meeting_rows: list[tuple[Any, ...]] = []
        minutes_rows = []
        modes = ["in_person"] * 6 + ["hybrid"] * 3 + ["electronic"]
        for meeting_id, ((start, body_index), size) in enumerate(
            zip(planned, counts, strict=True), start=1
        ):
            body = self.bodies[body_index]
            year = start.year
            numbers[(body.pk, year)] += 1
            notice_at = start - timedelta(days=body.notice_days + 2, hours=rng.randint(0, 6))
            minutes_at = datetime.combine(
                start.date() + timedelta(days=rng.randint(5, 9)),
                datetime.min.time(),
                HELSINKI,
            ) + timedelta(hours=12)
            if notice_at > self.now:
                state, notice_at_or_none = "planned", None
            elif start > self.now:
                state, notice_at_or_none = "notice_published", notice_at
            elif minutes_at > self.now:
                state, notice_at_or_none = "held", notice_at
            else:
                state, notice_at_or_none = "minutes_published", notice_at
                minutes_rows.append((meeting_id, minutes_at))
            self.meeting_rows.append(
                (
                    meeting_id,
                    year,
                    numbers[(body.pk, year)],
                    start,
                    start + timedelta(hours=2),
                    "Lahden pääterveysasema, kokoushuone Salpaus"
                    if not body.is_council
                    else "Sibeliustalo, Lahti",
                    rng.choice(modes),
                    "",
                    state,
                    notice_at_or_none,
                    notice_at_or_none,
                    "",
                    body.pk,
                    size,
                    minutes_at if state == "minutes_published" else None,
                )
            )
        with self._bulk() as conn, conn.cursor() as cur:
            with cur.copy(
                'COPY councils_meeting (id, year, number, start, "end", place, mode, stream_url,'
                " state, notice_published_at, agenda_published_at, cancelled_reason, body_id)"
                " FROM STDIN"
            ) as copy:
                for row in self.meeting_rows:
                    copy.write_row(row[:13])
            with cur.copy(
                "COPY councils_minutes (meeting_id, published_at, checked_at_meeting) FROM STDIN"
            ) as copy:
                for meeting_id, published_at in minutes_rows:
                    copy.write_row((meeting_id, published_at, False))
        self.n_meetings = n_meetings
        self.n_minutes = len(minutes_rows)

    # Agenda items, handlings, decision versions -----------------------------------------

    def items(self) -> None:
        from scale_data import (
            CLOSING_TITLES,
            CONFIDENTIAL_TITLES,
            OPENING_TITLES,
            RARE_FORMS,
            RARE_ITEMS,
            SECRECY_BASES,
            STANDARD_TEXT,
        )

        from councils.rules import appeal_dates

        rng = self.rng
        corpus = self.corpus
        bodies = {b.pk: b for b in self.bodies}
        planted = 0
        plant_chance = RARE_ITEMS / (0.7 * self.n_items)
        outcomes = ["as_proposed", "amended", "noted", "tabled", "returned", "rejected", "removed"]
        outcome_weights = [880, 40, 30, 20, 15, 10, 5]
        appeal_cache: dict[tuple[date, str], tuple[date | None, date | None]] = {}
        sections: dict[tuple[int, int], int] = defaultdict(int)
        self.thirty: list[tuple[int, int, int]] = []  # (meeting id, body id, start ts)
        self.small: list[int] = []
        self.item_samples: list[int] = []
        item_id = 0
        handling_id = 0
        items_conn, handlings_conn, versions_conn = self._bulk(), self._bulk(), self._bulk()
        with (
            items_conn.cursor() as items_cur,
            handlings_conn.cursor() as handlings_cur,
            versions_conn.cursor() as versions_cur,
            items_cur.copy(
                "COPY councils_agendaitem (id, meeting_id, section, case_id, title, is_public,"
                " secrecy_basis, preparer_id, presenter_id, summary, body, proposal,"
                " appeal_type, appeal_override_reason, appeal_deemed_received, appeal_last_day,"
                " version, modified_at, take_up) FROM STDIN"
            ) as items_copy,
            handlings_cur.copy(
                "COPY councils_handling (id, item_id, outcome, decision, notes) FROM STDIN"
            ) as handlings_copy,
            versions_cur.copy(
                "COPY councils_decisionversion (item_id, number, published_at, note, title,"
                " proposal, outcome, decision) FROM STDIN"
            ) as versions_copy,
        ):
            for row in self.meeting_rows:
                meeting_id, year, _number, start, _end = row[:5]
                state, agenda_at, body_id, size, minutes_at = (
                    row[8],
                    row[10],
                    row[12],
                    row[13],
                    row[14],
                )
                body = bodies[body_id]
                decided = state == "minutes_published"
                if size == 30 and decided:
                    self.thirty.append((meeting_id, body_id, int(start.timestamp())))
                elif size == 3 and decided and len(self.small) < 5:
                    self.small.append(meeting_id)
                if body.is_council:
                    default_appeal = "regional_appeal"
                elif body.appeal_open:
                    default_appeal = "rectification"
                else:
                    default_appeal = "none"
                for position in range(size):
                    item_id += 1
                    sections[(body_id, year)] += 1
                    if size >= 4 and position < 2:
                        kind = OPENING_TITLES[position]
                    elif size >= 5 and position == size - 1:
                        kind = CLOSING_TITLES[rng.random() < 0.5]
                    else:
                        kind = ""
                    case_id = None
                    is_public = True
                    secrecy = ""
                    if kind:
                        title = kind
                        summary = ""
                        text = f"<p>{STANDARD_TEXT[kind]}</p>"
                        proposal = text
                        appeal = "none"
                        outcome = "noted" if kind in CLOSING_TITLES else "as_proposed"
                        decision = "<p>Hyväksyttiin.</p>"
                    else:
                        if rng.random() < 0.85:
                            case_id = self.case_for(start)
                        if case_id and rng.random() < 0.7:
                            title = self.case_titles[case_id]
                        else:
                            title = corpus.title(year)
                        summary = corpus.sentence()
                        text = corpus.paragraphs(rng.randint(3, 8))
                        proposal = f"<p>{corpus.sentence()}</p>"
                        appeal = default_appeal
                        outcome = rng.choices(outcomes, outcome_weights)[0]
                        decision = f"<p>{corpus.sentence()}</p>"
                        if planted < RARE_ITEMS and decided and rng.random() < plant_chance:
                            planted += 1
                            form = rng.choice(RARE_FORMS)
                            text += f"<p>Lausunto koskee alueen {form} toimintaa.</p>"
                        elif rng.random() < 0.0125:
                            is_public = False
                            title = rng.choice(CONFIDENTIAL_TITLES)
                            secrecy = rng.choice(SECRECY_BASES)
                    deemed = last_day = None
                    if decided and appeal != "none":
                        key = (minutes_at.date(), appeal)
                        if key not in appeal_cache:
                            dates = appeal_dates(published=key[0], kind=appeal)
                            appeal_cache[key] = (
                                (dates.deemed_received, dates.last_day) if dates else (None, None)
                            )
                        deemed, last_day = appeal_cache[key]
                    items_copy.write_row(
                        (
                            item_id,
                            meeting_id,
                            sections[(body_id, year)],
                            case_id,
                            title,
                            is_public,
                            secrecy,
                            rng.choice(self.officials).pk,
                            self.presenter_of[body_id],
                            summary,
                            text,
                            proposal,
                            appeal,
                            "",
                            deemed,
                            last_day,
                            1,
                            minutes_at or agenda_at or start,
                            "",
                        )
                    )
                    if decided:
                        handling_id += 1
                        handlings_copy.write_row((handling_id, item_id, outcome, decision, ""))
                        versions_copy.write_row(
                            (item_id, 1, minutes_at, "", title, proposal, outcome, decision)
                        )
                        if case_id and size != 30 and rng.random() < 0.001:
                            self.item_samples.append(item_id)
        for conn in (items_conn, handlings_conn, versions_conn):
            conn.commit()
            conn.close()
        self.n_handlings = handling_id

    # Officials' decisions, attendance -------------------------------------------------

    def official_decisions(self) -> None:
        rng = self.rng
        count = max(50, self.n_items // 200)
        first = datetime(FIRST_YEAR, 1, 2, tzinfo=HELSINKI).timestamp()
        last = (self.now - timedelta(days=1)).timestamp()
        with (
            self._bulk() as conn,
            conn.cursor() as cur,
            cur.copy(
                "COPY councils_officialdecision (id, official_id, official_title, number, title,"
                " case_id, decided_on, text, appeal_type, published_at) FROM STDIN"
            ) as copy,
        ):
            for number in range(1, count + 1):
                decided = datetime.fromtimestamp(rng.uniform(first, last), HELSINKI)
                official = rng.choice(self.officials)
                copy.write_row(
                    (
                        number,
                        official.pk,
                        official.title,
                        f"{number}/{decided.year}",
                        self.corpus.title(decided.year),
                        self.case_for(decided) if rng.random() < 0.5 else None,
                        decided.date(),
                        self.corpus.paragraphs(rng.randint(2, 4)),
                        "rectification",
                        min(decided + timedelta(days=1), self.now),
                    )
                )
        self.n_official = count

    def attendance(self) -> None:
        """Who attended, for the meetings of 30 items (the measured meeting page)."""
        rng = self.rng
        rows = []
        for meeting_id, body_id, start in self.thirty:
            day = datetime.fromtimestamp(start, HELSINKI).date()
            for person_id, role in self.seated[(body_id, self.term_of(day))]:
                presence = rng.choices(["present", "remote", "absent"], [90, 5, 5])[0]
                rows.append(
                    (meeting_id, person_id, "chair" if role == "chair" else "member", presence)
                )
            rows.append((meeting_id, self.presenter_of[body_id], "presenter", "present"))
        with (
            self._bulk() as conn,
            conn.cursor() as cur,
            cur.copy(
                "COPY councils_attendance (meeting_id, person_id, role, presence) FROM STDIN"
            ) as copy,
        ):
            for row in rows:
                copy.write_row(row)
        self.n_attendance = len(rows)

    def reset_sequences(self) -> None:
        from django.db import connection

        with connection.cursor() as cursor:
            for table in (
                "councils_case",
                "councils_meeting",
                "councils_minutes",
                "councils_agendaitem",
                "councils_handling",
                "councils_decisionversion",
                "councils_officialdecision",
                "councils_attendance",
            ):
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"  # noqa: S608 - fixed names
                    f" (SELECT coalesce(max(id), 1) FROM {table}))"
                )


# --- the search index ----------------------------------------------------------------------


def _plain(expr: str) -> str:
    """SQL for `search_index._plain` of the generated HTML (paragraphs, escaped text)."""
    return (
        "btrim(regexp_replace(replace(replace(replace(regexp_replace(regexp_replace("
        f"{expr}, '</(p|li|h3|h4|tr|blockquote)>|<br\\s*/?>', E'\\n', 'gi'), '<[^>]+>', '', 'g'),"
        " '&lt;', '<'), '&gt;', '>'), '&amp;', '&'), '\\s*\\n\\s*', E'\\n', 'g'), E' \\n\\t')"
    )


ENTRY_COLUMNS = (
    "kind, item_id, official_decision_id, case_id, body_id, title, context, text, lexemes,"
    " date, outcome, diary_number, is_confidential, published_at, title_length"
)


def _title_length(column: str) -> str:
    """councils.search.title_length in SQL: the title's words, numbers and little words aside."""
    return (
        f"(SELECT count(*) FROM regexp_split_to_table(lower({column}), '[^[:alpha:]]+') AS w"  # noqa: S608 - a column name
        " WHERE length(w) >= 2 AND w NOT IN"
        " ('ja', 'tai', 'sekä', 'ei', 'on', 'se', 'että', 'och', 'eller', 'av', 'the', 'and', 'of'))"
    )


_ITEM_TEXT = _plain(
    "concat_ws(E'\\n', nullif(d.summary, ''), nullif(d.body, ''), nullif(d.proposal, ''),"
    " CASE WHEN d.decided THEN nullif(d.decision, '') END)"
)
_OFFICIAL_TEXT = _plain("o.text")

ITEM_ENTRIES = f"""
INSERT INTO councils_searchentry ({ENTRY_COLUMNS})
SELECT CASE WHEN d.decided THEN 'decision' ELSE 'item' END, d.id, NULL, d.case_id, d.body_id,
       left(d.title, 300), '§ ' || d.section,
       CASE WHEN d.is_public THEN left({_ITEM_TEXT}, 200000)
            ELSE '' END,
       '', (d.start AT TIME ZONE 'Europe/Helsinki')::date,
       CASE WHEN d.decided THEN d.outcome ELSE '' END, coalesce(d.diary_number, ''),
       NOT d.is_public,
       CASE WHEN d.state = 'minutes_published' AND d.minutes_at IS NOT NULL
                 THEN d.minutes_at
            WHEN d.agenda_published_at IS NOT NULL AND d.state <> 'planned'
                 THEN d.agenda_published_at END,
       {_title_length("d.title")}
FROM (
    SELECT i.*, m.body_id, m.start, m.state, m.agenda_published_at,
           mi.published_at AS minutes_at, h.outcome, h.decision, c.diary_number,
           (m.state = 'minutes_published' AND h.id IS NOT NULL) AS decided
    FROM councils_agendaitem i
    JOIN councils_meeting m ON m.id = i.meeting_id
    LEFT JOIN councils_minutes mi ON mi.meeting_id = m.id
    LEFT JOIN councils_handling h ON h.item_id = i.id
    LEFT JOIN councils_case c ON c.id = i.case_id
    ORDER BY i.id
) d
"""  # noqa: S608 - fixed SQL

OFFICIAL_ENTRIES = f"""
INSERT INTO councils_searchentry ({ENTRY_COLUMNS})
SELECT 'official', NULL, o.id, o.case_id, NULL, left(o.title, 300),
       left(o.official_title || ' ' || p.first_name || ' ' || p.last_name, 300),
       left({_OFFICIAL_TEXT}, 200000), '', o.decided_on, '', coalesce(c.diary_number, ''),
       false, o.published_at, {_title_length("o.title")}
FROM councils_officialdecision o
JOIN councils_person p ON p.id = o.official_id
LEFT JOIN councils_case c ON c.id = o.case_id
ORDER BY o.id
"""  # noqa: S608 - fixed SQL

CASE_ENTRIES = f"""
INSERT INTO councils_searchentry ({ENTRY_COLUMNS})
SELECT 'case', NULL, NULL, c.id, NULL, left(c.title, 300), c.diary_number, '', '',
       (c.created_at AT TIME ZONE 'Europe/Helsinki')::date, '', c.diary_number, false, f.first_seen,
       {_title_length("c.title")}
FROM councils_case c
LEFT JOIN (
    SELECT case_id, min(published_at) AS first_seen FROM councils_searchentry
    WHERE case_id IS NOT NULL AND published_at IS NOT NULL AND kind <> 'case'
    GROUP BY case_id
) f ON f.case_id = c.id
ORDER BY c.id
"""  # noqa: S608 - fixed SQL


def fill_search_index() -> None:
    """SearchEntry rows in SQL, then the stored vector with the app's own expression."""
    from django.db import connection

    from councils import search_index

    with connection.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem = '1GB'")
        cursor.execute("SET synchronous_commit = off")
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes"
            " WHERE tablename = 'councils_searchentry' AND indexdef LIKE '%USING gin%'"
        )
        gin = cursor.fetchall()
        for name, _definition in gin:
            cursor.execute(f'DROP INDEX "{name}"')
        with step("search entries of agenda items"):
            cursor.execute(ITEM_ENTRIES)
        with step("search entries of officials' decisions"):
            cursor.execute(OFFICIAL_ENTRIES)
        with step("search entries of cases"):
            cursor.execute(CASE_ENTRIES)
    with step("tsvector (search_index._set_vectors, one UPDATE)"):
        search_index._set_vectors()
    with connection.cursor() as cursor:
        with step("VACUUM FULL of the search entries (the UPDATE left a dead copy)"):
            cursor.execute("VACUUM FULL councils_searchentry")
        for name, definition in gin:
            with step(f"GIN index {name}"):
                cursor.execute(definition)
        with step("VACUUM ANALYZE"):
            cursor.execute("VACUUM (ANALYZE)")


def check_search_index(samples: int = 200) -> str:
    """Compare sampled SQL-made entries with what search_index itself computes."""
    from councils import search_index
    from councils.models import AgendaItem, EntryKind, OfficialDecision, SearchEntry

    keys = [
        "title",
        "context",
        "text",
        "date",
        "outcome",
        "diary_number",
        "is_confidential",
        "published_at",
    ]

    def differs(entry: SearchEntry, fields: dict[str, Any]) -> list[str]:
        wrong = [k for k in keys if k in fields and getattr(entry, k) != fields[k]]
        for relation in ("case", "body"):
            if relation in fields:
                expected = fields[relation].pk if fields[relation] else None
                if getattr(entry, f"{relation}_id") != expected:
                    wrong.append(relation)
        return wrong

    checked = 0
    problems: list[str] = []
    rng = random.Random()
    last_item = AgendaItem.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    ids = rng.sample(range(1, last_item + 1), min(samples, last_item))
    items = AgendaItem.objects.select_related(
        "meeting__body", "meeting__minutes", "handling", "case"
    ).filter(pk__in=ids)
    for item in items:
        fields = search_index._item_fields(item)
        entry = SearchEntry.objects.get(item=item, kind__in=[EntryKind.DECISION, EntryKind.ITEM])
        wrong = differs(entry, fields) + (["kind"] if entry.kind != fields["kind"] else [])
        checked += 1
        if wrong:
            problems.append(f"item {item.pk}: {', '.join(wrong)}")
    last_decision = OfficialDecision.objects.order_by("-pk").values_list("pk", flat=True).first()
    decision_ids = rng.sample(range(1, (last_decision or 0) + 1), min(50, last_decision or 0))
    decisions = OfficialDecision.objects.select_related("official", "case").filter(
        pk__in=decision_ids
    )
    for decision in decisions:
        entry = SearchEntry.objects.get(official_decision=decision)
        wrong = differs(entry, search_index._official_fields(decision))
        checked += 1
        if wrong:
            problems.append(f"official decision {decision.pk}: {', '.join(wrong)}")
    if problems:
        return f"{len(problems)} of {checked} sampled entries differ: {'; '.join(problems[:5])}"
    return f"{checked} of {checked} sampled entries equal what councils/search_index.py computes"


# --- generation, end to end ------------------------------------------------------------------


def generate(url: str, n_items: int) -> dict[str, object]:
    from django.db import connection

    from councils import search_index
    from councils.models import Body, Meeting

    started = time.perf_counter()
    print(f"Generating {n_items:,} agenda items into {_db_name(url)} (once):".replace(",", " "))
    generator = Generator(url, n_items)
    with search_index.paused():
        with step("terms, 60 bodies, 630 people, memberships (ORM)"):
            generator.small_objects()
        with step(f"cases ({round(n_items * 0.3):,})".replace(",", " ")):
            generator.cases()
        with step("meetings and minutes"):
            generator.meetings()
        with step("agenda items, handlings, decision versions (COPY)"):
            generator.items()
        with step("officials' decisions"):
            generator.official_decisions()
        with step("attendance of the meetings of 30 items"):
            generator.attendance()
        generator.reset_sequences()
    fill_search_index()
    connection.close()
    if not generator.replica_role:
        print("  (not a superuser: foreign keys were checked row by row)")
    board = Body.objects.get(kind="executive_board", slug="aluehallitus").pk
    thirty = sorted(generator.thirty, key=lambda t: (t[1] == board, t[2]))
    meeting30 = thirty[-1][0]
    # The item page: a decided item of a case handled more than once, if there is one.
    item = next(
        (
            pk
            for pk in generator.item_samples
            if Meeting.objects.filter(items__case__items__pk=pk).count() > 1
        ),
        generator.item_samples[0] if generator.item_samples else 1,
    )
    seconds = time.perf_counter() - started
    print(f"  generated in {seconds / 60:.1f} min")
    return {
        "items": n_items,
        "generation_seconds": round(seconds),
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "meeting30": meeting30,
        "meeting_small": generator.small[0] if generator.small else meeting30,
        "item": item,
        "body": "aluehallitus",
        "foreign_keys_checked": not generator.replica_role,
    }


# --- measuring -----------------------------------------------------------------------------


def print_counts() -> None:
    from django.db import connection

    tables = [
        ("bodies", "councils_body"),
        ("terms", "councils_term"),
        ("people", "councils_person"),
        ("memberships", "councils_membership"),
        ("cases", "councils_case"),
        ("meetings", "councils_meeting"),
        ("minutes", "councils_minutes"),
        ("agenda items", "councils_agendaitem"),
        ("handlings", "councils_handling"),
        ("decision versions", "councils_decisionversion"),
        ("officials' decisions", "councils_officialdecision"),
        ("attendance", "councils_attendance"),
        ("search entries", "councils_searchentry"),
    ]
    with connection.cursor() as cursor:
        print("Rows:")
        for label, table in tables:
            cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608 - fixed names
            print(f"  {label:<22} {_n(cursor.fetchone()[0]):>12}")
        cursor.execute(
            "SELECT state, count(*) FROM councils_meeting GROUP BY state ORDER BY count(*) DESC"
        )
        print("  meetings by state:    " + ", ".join(f"{s} {n}" for s, n in cursor.fetchall()))
        cursor.execute(
            "SELECT count(*) FILTER (WHERE NOT is_public), count(*) FROM councils_agendaitem"
        )
        confidential, total = cursor.fetchone()
        print(f"  confidential items:   {confidential} ({100 * confidential / total:.1f} %)")
        cursor.execute(
            "SELECT pg_size_pretty(pg_database_size(current_database())),"
            " pg_size_pretty(pg_total_relation_size('councils_agendaitem')),"
            " pg_size_pretty(pg_total_relation_size('councils_searchentry')),"
            " pg_size_pretty(coalesce((SELECT pg_relation_size(indexrelid) FROM pg_index"
            "  WHERE indexrelid = to_regclass('search_entry_vector')), 0))"
        )
        db, items, entries, gin = cursor.fetchone()
        print(
            f"Database size: {db} (agenda items {items}, search entries {entries},"
            f" of which the GIN index {gin})"
        )


def _n(number: int) -> str:
    return f"{number:,}".replace(",", " ")


def search_hits(text: str) -> int:
    from councils import search

    return search.run(search.SearchFilters(text=text)).count()


def slow_queries(url: str, *, over_ms: float, most: int = 3) -> list[tuple[float, str, list[str]]]:
    """The slowest SQL of one GET url (those over `over_ms`, at least the slowest one),
    each with its EXPLAIN (ANALYZE, BUFFERS)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    ranked = sorted(queries.captured_queries, key=lambda q: float(q["time"]), reverse=True)
    chosen = [q for q in ranked[:most] if float(q["time"]) * 1000 > over_ms] or ranked[:1]
    out = []
    for query in chosen:
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + query["sql"])
            plan = [row[0] for row in cursor.fetchall()]
        out.append((float(query["time"]) * 1000, query["sql"], plan))
    return out


def measure(info: dict[str, str], *, repeat: int, explain: bool) -> None:
    from django.test import Client
    from harness import longest_gc_pause, measure_page, print_table
    from scale_data import RARE_WORD

    print("Search (public hits):")
    for label, text in (
        ("common word", COMMON_WORD),
        ("rare word", RARE_WORD),
        ("two words", TWO_WORDS),
    ):
        print(f"  {label:<12} {text!r:<28} {_n(search_hits(text)):>10}")
    print("(SearchEntry.lexemes, Voikko's base forms, are left empty at this scale.)")
    query = TWO_WORDS.replace(" ", "+")
    pages: list[tuple[str, str, bool]] = [
        ("home", "/", False),
        ("body page (aluehallitus)", f"/toimielimet/{info['body']}/", False),
        ("meeting, 30 items", f"/kokoukset/{info['meeting30']}/", False),
        ("meeting, 3 items", f"/kokoukset/{info['meeting_small']}/", False),
        ("item page", f"/pykalat/{info['item']}/", False),
        ("decisions, page 1", "/paatokset/", False),
        ("decisions, page 500", "/paatokset/?sivu=500", False),
        ("search: common word", f"/haku/?q={COMMON_WORD}", True),
        ("search: common word, newest first", f"/haku/?q={COMMON_WORD}&jarjestys=uusin", True),
        ("search: rare word", f"/haku/?q={RARE_WORD}", True),
        ("search: two words", f"/haku/?q={query}", True),
    ]
    rows = []
    samples = {}
    for name, url, _is_search in pages:
        client = Client()
        client.get(url)
        start = time.perf_counter()
        client.get(url)
        probe = (time.perf_counter() - start) * 1000
        samples[name] = repeat if probe < SLOW_PAGE_MS else max(5, repeat // 10)
        rows.append((name, measure_page(url, repeat=samples[name])))
        print(f"  measured {name}: {samples[name]} requests", file=sys.stderr, flush=True)
    print()
    print_table(rows)
    print()
    print(f"{'goal (p95)':<40} {'p95 ms':>8} {'goal ms':>8} {'met':>8} {'samples':>8}")
    missed = []
    figures = dict(rows)
    for name, url, is_search in pages:
        goal = SEARCH_GOAL_MS if is_search else PAGE_GOAL_MS
        p95 = figures[name]["p95"]
        met = p95 <= goal
        if not met:
            missed.append((name, url, goal))
        print(
            f"{name:<40} {p95:>8.1f} {goal:>8.0f} {'yes' if met else 'MISSED':>8} "
            f"{samples[name]:>8}"
        )
    print()
    print("Queries per page constant:")
    for a, b in (
        ("meeting, 30 items", "meeting, 3 items"),
        ("decisions, page 1", "decisions, page 500"),
        ("search: common word", "search: rare word"),
    ):
        qa, qb = figures[a]["queries"], figures[b]["queries"]
        print(f"  {a} {qa:.0f} vs {b} {qb:.0f}: {'same' if qa == qb else 'DIFFERENT'}")
    body_url = f"/toimielimet/{info['body']}/"
    pause = longest_gc_pause(body_url, requests=500)
    print()
    print(
        f"Longest garbage collection in 500 requests of {body_url} (CPU time, after"
        f" gc.freeze() as in gunicorn.conf.py): {pause:.1f} ms"
        f" ({'under' if pause <= 50 else 'OVER'} the 50 ms goal)"
    )
    if explain and missed:
        print()
        print("Slow queries of each page that missed its goal, EXPLAIN (ANALYZE, BUFFERS):")
        for name, url, goal in missed:
            for ms, sql, plan in slow_queries(url, over_ms=goal / 2):
                print()
                print(f"== {name}  {url}  (query {ms:.0f} ms)")
                print("SQL: " + (sql if len(sql) <= 1500 else sql[:700] + " … " + sql[-700:]))
                for line in plan:
                    print("  " + line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--regenerate", action="store_true")
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--no-explain", action="store_true")
    args = parser.parse_args()

    url = bench_url()
    if url is None:
        print("scale.py needs PostgreSQL: set DATABASE_URL=postgres://… (see its docstring).")
        return
    ensure_database(url, drop=args.regenerate)
    os.environ["DATABASE_URL"] = url
    # As a production worker runs, without the page cache; no test environment, so
    # templates render uninstrumented.
    harness.production_mode()

    import django
    from django.core.management import call_command
    from django.db import connections

    django.setup()
    call_command("migrate", verbosity=0)
    info = read_info()
    if not info or int(info["items"]) < args.items:
        if info or _has_rows():
            print("The bench database holds other or partial data: starting it afresh.")
            connections.close_all()
            ensure_database(url, drop=True)
            call_command("migrate", verbosity=0)
        recorded = generate(url, args.items)
        write_info(recorded)
        info = read_info()
        print("Search index check: " + check_search_index())
    print()
    print(
        f"Bench database {_db_name(url)}: {int(info['items']):,} items generated"
        f" {info['generated_at']} in {int(info['generation_seconds']) / 60:.1f} min".replace(
            ",", " "
        )
    )
    print_counts()
    harness.freeze_heap()
    measure(info, repeat=args.repeat, explain=not args.no_explain)


def _has_rows() -> bool:
    from councils.models import Body

    return Body.objects.exists()


if __name__ == "__main__":
    main()
