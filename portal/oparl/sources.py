"""Where each OParl type comes from: the public querysets, their loaders, tombstones.

A type is one or more *sources*, each with integer keys of its own (an Organization is a
body, "organization/body-5", or a political group, "organization/group-81..."). A source
yields its public rows (the same querysets as the pages: `Meeting.objects.public()`,
`AgendaItem.objects.on_public_agenda()`, `Document.objects.public_copies()`...), rows
that were public and no longer are (`deleted: true`: tombstones written when an object
went, and documents whose public copy was withdrawn), and loads and serialises a page
of them in a fixed number of queries.

Partner organisations of the forums app become Organizations by registering one more
source (`organization_source_register`), without this module importing forums.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Count, Exists, Max, Min, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from councils.models import (
    AgendaItem,
    Attachment,
    Attendance,
    Ballot,
    Body,
    Case,
    DecisionVersion,
    Disqualification,
    Dissent,
    Document,
    DocumentState,
    Election,
    ElectionCandidate,
    Meeting,
    MeetingState,
    Membership,
    OfficialDecision,
    Person,
    Proposal,
    Term,
    Vote,
)
from portal.lib.prefetch import attach
from portal.oparl import serializers as s
from portal.oparl.keys import location_id
from portal.oparl.models import Tombstone


@dataclass(frozen=True)
class Filters:
    """OParl's list filters (inclusive at both ends); None where not given."""

    created_since: datetime | None = None
    created_until: datetime | None = None
    modified_since: datetime | None = None
    modified_until: datetime | None = None

    def q(self, created: str, modified: str) -> Q:
        q = Q()
        if self.created_since:
            q &= Q(**{f"{created}__gte": self.created_since})
        if self.created_until:
            q &= Q(**{f"{created}__lte": self.created_until})
        if self.modified_since:
            q &= Q(**{f"{modified}__gte": self.modified_since})
        if self.modified_until:
            q &= Q(**{f"{modified}__lte": self.modified_until})
        return q

    def accepts(self, created: datetime | None, modified: datetime) -> bool:
        return (
            (self.created_since is None or (created is not None and created >= self.created_since))
            and (
                self.created_until is None
                or (created is not None and created <= self.created_until)
            )
            and (self.modified_since is None or modified >= self.modified_since)
            and (self.modified_until is None or modified <= self.modified_until)
        )

    def cache_key(self) -> str:
        return "|".join(
            v.isoformat() if v else ""
            for v in (
                self.created_since,
                self.created_until,
                self.modified_since,
                self.modified_until,
            )
        )


@dataclass(frozen=True)
class Entry:
    """One row of a list: a key within its source, and whether it is a tombstone."""

    source: str
    key: int
    created: datetime | None
    modified: datetime
    deleted: bool


# --- Loading what a page shows -----------------------------------------------------------
#
# Each list a serializer reads goes to an attribute of its row (`loaded_*`, `public_*`),
# filled by `portal.lib.prefetch.attach`: one query per list for the whole page, by ids.


def _public_extracts() -> QuerySet[Document]:
    """Items' extracts; `attach` sets each one's `item` itself."""
    return (
        Document.objects.public_copies()
        .ready()
        .latest_versions()
        .filter(item__isnull=False)
        .select_related("meeting__body")
        .order_by("-version", "-redacted")
    )


def attach_files(items: list[AgendaItem]) -> None:
    """An item's public files: its attachments and its extract."""
    attach(
        items,
        # Not the PDF's extracted text: a File is its metadata and its address.
        Attachment.objects.public().exclude(file="").defer("text").order_by("order"),
        via="item",
        to_attr="public_attachments",
    )
    attach(items, _public_extracts(), via="item", to_attr="public_documents")


def attach_item_lists(items: list[AgendaItem]) -> None:
    """Everything an AgendaItem shows, in a fixed number of queries (none for a list
    that no item of the page can have)."""
    attach_files(items)
    # Versions are listed only for a corrected decision (more than one version).
    attach(
        items,
        DecisionVersion.objects.filter(
            Exists(DecisionVersion.objects.filter(item=OuterRef("item"), number__gt=1))
        ),
        via="item",
        to_attr="loaded_versions",
    )
    attach(items, Disqualification.objects.all(), via="item", to_attr="loaded_disqualifications")
    handlings = [item.handling for item in items if hasattr(item, "handling")]
    attach(handlings, Proposal.objects.all(), via="handling", to_attr="loaded_proposals")
    votes = attach(
        handlings,
        Vote.objects.select_related("yes_proposal", "no_proposal"),
        via="handling",
        to_attr="loaded_votes",
    )
    attach(votes, Ballot.objects.order_by("person_id"), via="vote", to_attr="loaded_ballots")
    elections = attach(
        handlings, Election.objects.all(), via="handling", to_attr="loaded_elections"
    )
    attach(
        elections,
        ElectionCandidate.objects.order_by("-votes", "person_id"),
        via="election",
        to_attr="loaded_candidates",
    )
    attach(handlings, Dissent.objects.all(), via="handling", to_attr="loaded_dissents")


def item_queryset() -> QuerySet[AgendaItem]:
    """Public items with their meeting, case and handling, and their 0-based place on
    the agenda (their lists: `attach_item_lists`)."""
    earlier = (
        AgendaItem.objects.filter(meeting=OuterRef("meeting"), section__lt=OuterRef("section"))
        .order_by()
        .values("meeting")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        AgendaItem.objects.on_public_agenda()
        .select_related("meeting__body", "meeting__minutes", "case", "handling")
        .annotate(agenda_order=Coalesce(Subquery(earlier), 0))
    )


def attach_meeting_lists(meetings: list[Meeting]) -> None:
    """A meeting's public items with all they show, its attendance and its documents."""
    items = attach(
        meetings,
        AgendaItem.objects.on_public_agenda()
        .select_related("case", "handling")
        .order_by("meeting_id", "section"),
        via="meeting",
        to_attr="public_items",
    )
    attach_item_lists(items)
    attach(
        meetings,
        Attendance.objects.order_by("role", "person_id"),
        via="meeting",
        to_attr="loaded_attendances",
    )
    documents = Document.objects.public_copies().ready().filter(item__isnull=True)
    attach(
        meetings,
        documents.filter(superseded_at__isnull=True).order_by("kind", "-version", "-redacted"),
        via="meeting",
        to_attr="public_documents",
    )
    attach(
        meetings,
        documents.filter(superseded_at__isnull=False).order_by("kind", "-version"),
        via="meeting",
        to_attr="earlier_documents",
    )


def meeting_queryset() -> QuerySet[Meeting]:
    """Meetings with their body and minutes (their lists: `attach_meeting_lists`)."""
    return Meeting.objects.select_related("body", "minutes")


# What a Consultation and its files read of an item (serializers.consultation, *_file).
CONSULTATION_FIELDS = (
    "case_id",
    "section",
    "is_public",
    "created_at",
    "modified_at",
    "meeting__start",
    "meeting__body_id",
    "meeting__state",
    "handling__outcome",
)


def attach_paper_lists(cases: list[Case]) -> None:
    """A case's handlings (Consultations) and their files, and its officials' decisions."""
    items = attach(
        cases,
        AgendaItem.objects.on_public_agenda()
        .select_related("meeting", "handling")
        # A handling is a reference, a role and its files: not the item's texts.
        .only(*CONSULTATION_FIELDS)
        .order_by("meeting__start", "section"),
        via="case",
        to_attr="public_items",
    )
    attach_files(items)
    attach(
        cases,
        OfficialDecision.objects.published().order_by("decided_on", "pk"),
        via="case",
        to_attr="public_official_decisions",
    )


# --- Sources -----------------------------------------------------------------------------


class Source:
    """The rows of one source of a type, in key order."""

    oparl_type: str
    name: str
    tombstones: bool

    def entries(
        self, flt: Filters, *, after: int | None, before: int | None, limit: int, newest: bool
    ) -> list[Entry]:
        raise NotImplementedError

    def count(self, flt: Filters) -> int:
        raise NotImplementedError

    def serialize(self, ctx: s.Ctx, keys: list[int]) -> dict[int, dict[str, Any]]:
        """The live objects among `keys`, serialised."""
        raise NotImplementedError

    def key_text(self, key: int) -> str:
        return f"{self.name}-{key}" if self.name else str(key)

    # Tombstones (written by portal/oparl/tombstones.py)
    def _tombstones(self, flt: Filters) -> QuerySet[Tombstone]:
        return Tombstone.objects.filter(
            flt.q("created", "deleted_at"), oparl_type=self.oparl_type, source=self.name
        )


def _window(
    rows: QuerySet[Any],
    *,
    key: str,
    after: int | None,
    before: int | None,
    limit: int,
    newest: bool,
) -> QuerySet[Any]:
    if after is not None:
        rows = rows.filter(**{f"{key}__gt": after})
    if before is not None:
        rows = rows.filter(**{f"{key}__lt": before})
    return rows.order_by(f"-{key}" if newest else key)[:limit]


def _merge(streams: Iterable[list[Entry]], *, limit: int, newest: bool) -> list[Entry]:
    """The first `limit` entries of sorted streams; a live row wins over a tombstone."""
    by_key: dict[int, Entry] = {}
    for stream in streams:
        for entry in stream:
            held = by_key.get(entry.key)
            if held is None or (held.deleted and not entry.deleted):
                by_key[entry.key] = entry
    return sorted(by_key.values(), key=lambda e: e.key, reverse=newest)[:limit]


@dataclass
class QuerySetSource(Source):
    """A source backed by a public queryset (and, for some, a withdrawn one)."""

    oparl_type: str
    name: str
    live: Callable[[], QuerySet[Any]]
    load: Callable[[], QuerySet[Any]]
    render: Callable[[s.Ctx, Any], dict[str, Any]]
    # What `render` reads beyond the row, loaded for a page's rows at once (`attach_*`).
    load_lists: Callable[[list[Any]], None] | None = None
    withdrawn: Callable[[], QuerySet[Any]] | None = None
    created: str = "created_at"
    modified: str = "modified_at"
    tombstones: bool = True

    def _streams(self, flt: Filters) -> list[tuple[QuerySet[Any], str, str, str, bool]]:
        streams = [
            (
                self.live().filter(flt.q(self.created, self.modified)),
                "pk",
                self.created,
                self.modified,
                False,
            )
        ]
        if self.withdrawn is not None:
            streams.append(
                (
                    self.withdrawn().filter(flt.q(self.created, self.modified)),
                    "pk",
                    self.created,
                    self.modified,
                    True,
                )
            )
        if self.tombstones:
            streams.append((self._tombstones(flt), "object_id", "created", "deleted_at", True))
        return streams

    def entries(
        self, flt: Filters, *, after: int | None, before: int | None, limit: int, newest: bool
    ) -> list[Entry]:
        found = []
        for rows, key, created, modified, deleted in self._streams(flt):
            window = _window(rows, key=key, after=after, before=before, limit=limit, newest=newest)
            found.append(
                [
                    Entry(self.name, pk, c, m, deleted)
                    for pk, c, m in window.values_list(key, created, modified)
                ]
            )
        return _merge(found, limit=limit, newest=newest)

    def count(self, flt: Filters) -> int:
        return sum(rows.count() for rows, *_ in self._streams(flt))

    def serialize(self, ctx: s.Ctx, keys: list[int]) -> dict[int, dict[str, Any]]:
        if not keys:
            return {}
        rows = list(self.load().filter(pk__in=self.live().filter(pk__in=keys).values("pk")))
        if self.load_lists is not None:
            self.load_lists(rows)
        return {row.pk: self.render(ctx, row) for row in rows}

    def withdrawn_entry(self, key: int) -> Entry | None:
        if self.withdrawn is None:
            return None
        row = self.withdrawn().filter(pk=key).values_list("pk", self.created, self.modified).first()
        return Entry(self.name, row[0], row[1], row[2], True) if row else None


@dataclass
class MemorySource(Source):
    """A source computed in Python from a short list (political groups, places)."""

    oparl_type: str
    name: str
    rows: Callable[[], list[tuple[int, datetime | None, datetime, Any]]]
    render: Callable[[s.Ctx, Any], dict[str, Any]]
    tombstones: bool = True

    def _all(self, flt: Filters) -> list[Entry]:
        live = [
            Entry(self.name, key, created, modified, False)
            for key, created, modified, _obj in self.rows()
            if flt.accepts(created, modified)
        ]
        dead = (
            [
                Entry(self.name, key, created, modified, True)
                for key, created, modified in self._tombstones(flt).values_list(
                    "object_id", "created", "deleted_at"
                )
            ]
            if self.tombstones
            else []
        )
        return _merge([live, dead], limit=len(live) + len(dead), newest=False)

    def entries(
        self, flt: Filters, *, after: int | None, before: int | None, limit: int, newest: bool
    ) -> list[Entry]:
        rows = [
            e
            for e in self._all(flt)
            if (after is None or e.key > after) and (before is None or e.key < before)
        ]
        rows.sort(key=lambda e: e.key, reverse=newest)
        return rows[:limit]

    def count(self, flt: Filters) -> int:
        return len(self._all(flt))

    def serialize(self, ctx: s.Ctx, keys: list[int]) -> dict[int, dict[str, Any]]:
        wanted = set(keys)
        return {key: self.render(ctx, obj) for key, _c, _m, obj in self.rows() if key in wanted}


# --- The sources of each type ------------------------------------------------------------


def _attach_memberships(people: list[Person]) -> None:
    attach(
        people,
        Membership.objects.order_by("start", "pk"),
        via="person",
        to_attr="loaded_memberships",
    )


def _groups() -> list[tuple[int, datetime | None, datetime, s.Group]]:
    members: dict[str, list[int]] = {}
    created: dict[str, datetime] = {}
    modified: dict[str, datetime] = {}
    for pk, name, c, m in (
        Person.objects.public()
        .exclude(political_group="")
        .order_by("last_name", "first_name", "pk")
        .values_list("pk", "political_group", "created_at", "modified_at")
    ):
        members.setdefault(name, []).append(pk)
        created[name] = min(created.get(name, c), c)
        modified[name] = max(modified.get(name, m), m)
    groups = [
        s.Group(name, tuple(pks), created[name], modified[name]) for name, pks in members.items()
    ]
    return sorted(((g.pk, g.created, g.modified, g) for g in groups), key=lambda row: row[0])


def _group_memberships() -> list[tuple[int, datetime | None, datetime, Person]]:
    people = Person.objects.public().exclude(political_group="").order_by("pk")
    return [(p.pk, p.created_at, p.modified_at, p) for p in people]


def _places() -> list[tuple[int, datetime | None, datetime, tuple[str, datetime, datetime]]]:
    rows = (
        Meeting.objects.public()
        .exclude(place="")
        .values("place")
        .annotate(first=Min("created_at"))
        .order_by()
    )
    found = {}
    county = s.county_location(s.Ctx(base=""))
    created = datetime.fromisoformat(county["created"])
    county_key = location_id(county["description"])
    found[county_key] = (county_key, created, created, (county["description"], created, created))
    for row in rows:
        key = location_id(row["place"])
        found[key] = (key, row["first"], row["first"], (row["place"], row["first"], row["first"]))
    return [found[key] for key in sorted(found)]


@dataclass
class BodySource(QuerySetSource):
    """Our bodies; an Organization lists its memberships' URLs, read as bare ids."""

    def serialize(self, ctx: s.Ctx, keys: list[int]) -> dict[int, dict[str, Any]]:
        bodies = list(Body.objects.filter(pk__in=keys))
        memberships: dict[int, list[int]] = {}
        for pk, body_id in (
            Membership.objects.filter(body_id__in=keys).order_by("pk").values_list("pk", "body_id")
        ):
            memberships.setdefault(body_id, []).append(pk)
        return {b.pk: s.body_organization(ctx, b, memberships.get(b.pk, [])) for b in bodies}


def _withdrawn_documents() -> QuerySet[Document]:
    """Meeting documents that residents could open and no longer can: an original whose
    redacted copy took its place, or whose personal data has expired (rule 7)."""
    was_public = (
        Q(kind="agenda", meeting__agenda_published_at__isnull=False)
        | Q(kind__in=["minutes", "extract"], meeting__state=MeetingState.MINUTES_PUBLISHED)
    ) & ~Q(meeting__state=MeetingState.PLANNED)
    return (
        Document.objects.filter(was_public, state=DocumentState.READY, meeting__isnull=False)
        .filter(Q(public=True) | Q(redacted=False, public=False))
        .exclude(pk__in=Document.objects.public_copies().values("pk"))
        .exclude(Q(kind="extract") & Q(item__is_public=False))
    )


ORGANIZATION_SOURCES: list[Source] = [
    BodySource(
        "organization",
        "body",
        live=lambda: Body.objects.all(),
        load=lambda: Body.objects.all(),
        render=lambda ctx, body: s.body_organization(ctx, body, []),
    ),
    MemorySource("organization", "group", rows=_groups, render=s.group_organization),
]


def organization_source_register(source: Source) -> None:
    """Add a source of Organizations (e.g. the forums app's partner organisations).

    Its `name` becomes the prefix of its ids ("organization/<name>-<key>"); keep it stable.
    """
    if any(existing.name == source.name for existing in ORGANIZATION_SOURCES):
        raise ValueError(f"an organization source {source.name!r} is registered already")
    ORGANIZATION_SOURCES.append(source)


TYPES: dict[str, list[Source]] = {
    "organization": ORGANIZATION_SOURCES,
    "person": [
        QuerySetSource(
            "person",
            "",
            live=lambda: Person.objects.public(),
            load=lambda: Person.objects.all(),
            load_lists=_attach_memberships,
            render=s.person,
        )
    ],
    "membership": [
        QuerySetSource(
            "membership",
            "",
            live=lambda: Membership.objects.all(),
            load=lambda: Membership.objects.all(),
            render=s.membership,
        ),
        MemorySource("membership", "group", rows=_group_memberships, render=s.group_membership),
    ],
    "meeting": [
        QuerySetSource(
            "meeting",
            "",
            live=lambda: Meeting.objects.public(),
            load=meeting_queryset,
            load_lists=attach_meeting_lists,
            render=s.meeting,
        )
    ],
    "agendaitem": [
        QuerySetSource(
            "agendaitem",
            "",
            live=lambda: AgendaItem.objects.on_public_agenda(),
            load=item_queryset,
            load_lists=attach_item_lists,
            # A sub-object: a deleted item goes, its meeting's `modified` moves (OParl 1.1,
            # 2.8), and the schema's required `order` could not be kept anyway.
            tombstones=False,
            render=lambda ctx, item: s.agenda_item(ctx, item, order=item.agenda_order),
        )
    ],
    "consultation": [
        QuerySetSource(
            "consultation",
            "",
            live=lambda: AgendaItem.objects.on_public_agenda().filter(case__isnull=False),
            load=lambda: AgendaItem.objects.select_related("meeting", "handling"),
            render=s.consultation,
        )
    ],
    "paper": [
        QuerySetSource(
            "paper",
            "",
            live=lambda: Case.objects.public(),
            load=lambda: Case.objects.all(),
            load_lists=attach_paper_lists,
            render=s.paper,
        )
    ],
    "file": [
        QuerySetSource(
            "file",
            "attachment",
            live=lambda: Attachment.objects.public().exclude(file=""),
            load=lambda: Attachment.objects.select_related("item").defer(
                "text", "item__summary", "item__body", "item__proposal"
            ),
            render=s.attachment_file,
            created="uploaded_at",
        ),
        QuerySetSource(
            "file",
            "document",
            live=lambda: Document.objects.public_copies().ready(),
            load=lambda: Document.objects.select_related("meeting__body", "item"),
            render=s.document_file,
            withdrawn=_withdrawn_documents,
        ),
    ],
    "legislativeterm": [
        QuerySetSource(
            "legislativeterm",
            "",
            live=lambda: Term.objects.all(),
            load=lambda: Term.objects.all(),
            render=s.legislative_term,
        )
    ],
    "location": [
        MemorySource(
            "location",
            "",
            rows=_places,
            render=lambda ctx, row: s.place_location(ctx, row[0], created=row[1], modified=row[2]),
        )
    ],
}


def sources_of(oparl_type: str) -> list[Source]:
    return TYPES[oparl_type]


def source_named(oparl_type: str, name: str) -> Source | None:
    return next((src for src in TYPES[oparl_type] if src.name == name), None)


def county_modified() -> datetime:
    """When anything of the county's record last changed (the Body's `modified`)."""
    stamps = [
        Meeting.objects.aggregate(m=Max("modified_at"))["m"],
        Body.objects.aggregate(m=Max("modified_at"))["m"],
        Term.objects.aggregate(m=Max("modified_at"))["m"],
    ]
    return max((stamp for stamp in stamps if stamp), default=timezone.now())


@dataclass
class ScopedMeetings(QuerySetSource):
    """The meetings of one Organization (its `meeting` list)."""

    body_id: int = 0
    tombstones: bool = False


def organization_meetings(body_id: int) -> list[Source]:
    return [
        ScopedMeetings(
            "meeting",
            "",
            live=lambda: Meeting.objects.public().filter(body_id=body_id),
            load=meeting_queryset,
            load_lists=attach_meeting_lists,
            render=s.meeting,
            body_id=body_id,
            tombstones=False,
        )
    ]
