"""The public pages of formal decision making: what residents browse."""

from __future__ import annotations

import calendar
import contextlib
import functools
import hashlib
from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from itertools import groupby
from typing import Any, cast

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import Exists, OuterRef, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from councils import extensions, search_index, suggest
from councils import search as search_module
from councils.documents import earlier_versions, public_documents
from councils.forms import DecisionFilterForm, SearchForm
from councils.models import (
    BODY_KIND_ORDER,
    SEATED_ROLES,
    AgendaItem,
    Attachment,
    Attendance,
    Ballot,
    Body,
    BodyKind,
    Case,
    DecisionVersion,
    Disqualification,
    Document,
    DocumentKind,
    DocumentState,
    EntryKind,
    Meeting,
    MeetingState,
    Membership,
    MembershipRole,
    OfficialDecision,
    Outcome,
    Person,
    SearchEntry,
)
from councils.models.meetings import public_record_q
from councils.record import record_for, record_prefetch, record_presence
from portal.lib.htmx import HtmxHttpRequest
from portal.lib.precompiled import Precompiled, Shapes
from portal.lib.sendfile import send_file

PAGE_SIZE = 25
RECENT = 5  # decisions shown first on a body's page


class CappedPaginator(Paginator):
    """Counts at most `cap` rows: counting every match of a common word at a million
    items takes a second, and nobody pages through more than a thousand results."""

    cap = search_module.RANKED_CANDIDATES

    @cached_property
    def count(self) -> int:
        matches = cast("QuerySet[Any]", self.object_list)
        return min(matches[: self.cap + 1].count(), self.cap + 1)

    @property
    def capped(self) -> bool:
        return self.count > self.cap


class OneScanPaginator(CappedPaginator):
    """Counts and pages a ranked search in one query: each row carries the total
    (`search.with_total`), where a separate count scanned the (up to RANKED_CANDIDATES
    + 1) candidates a second time. Only for ranked results: a newest-first list stops at
    its page without the count. `rows(bottom, top)` gives a page's rows, as
    `search.ranked_page` does."""

    def __init__(
        self, *args: Any, rows: Callable[[int, int], list[Any]] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.rows = rows or self._rows

    def _rows(self, bottom: int, top: int) -> list[Any]:
        return list(search_module.with_total(cast("QuerySet[Any]", self.object_list))[bottom:top])

    def page(self, number: Any) -> Page:
        number = int(number)
        bottom = (number - 1) * self.per_page
        rows = self.rows(bottom, bottom + self.per_page)
        if not rows and number > 1:
            raise Http404("no such page")
        total = rows[0].total_matches if rows else 0
        self.__dict__["count"] = min(total, self.cap + 1)
        return self._get_page(rows, number, self)  # type: ignore[attr-defined]


class CachedCountPaginator(Paginator):
    """Keeps the count of a long list in the cache until the record changes.

    Counting a million decided items joined to their meetings takes most of a second;
    the count is remembered per filter set and forgotten at the next save of anything
    indexed (the search index's generation number, bumped on every write).
    """

    def __init__(self, *args: Any, cache_key: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.cache_key = cache_key

    @cached_property
    def count(self) -> int:
        key = f"count:{search_index.generation()}:{self.cache_key}"
        try:
            cached = cache.get(key)
        except Exception:  # the cache (Redis) being away must not break the page
            cached = None
        if cached is not None:
            return int(cached)
        count = super().count
        with contextlib.suppress(Exception):
            cache.set(key, count, 3600)
        return count


def _page(
    request: HttpRequest,
    queryset: QuerySet,
    size: int = PAGE_SIZE,
    *,
    allow_empty: bool = False,
    paginator_class: Callable[..., Paginator] = Paginator,
) -> Page:
    """One page of a list; a missing, malformed or too large page number gives a 404."""
    try:
        number = int(request.GET.get("sivu", "1"))
    except ValueError:
        raise Http404("bad page number") from None
    paginator = paginator_class(queryset, size, allow_empty_first_page=allow_empty)
    if isinstance(paginator, OneScanPaginator):  # learns its count from the page itself
        if number < 1:
            raise Http404("no such page")
        return paginator.page(number)
    if number < 1 or (number > paginator.num_pages):
        raise Http404("no such page")
    return paginator.page(number)


def _decided_items() -> QuerySet[AgendaItem]:
    return (
        AgendaItem.objects.decided()
        .select_related("meeting__body", "meeting__minutes", "handling", "case")
        .order_by("-meeting__start", "-section")
    )


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """Decision making: the bodies grouped by kind, and ways into the record."""
    bodies = sorted(
        Body.objects.active().select_related("parent"),
        key=lambda b: (BODY_KIND_ORDER.index(b.kind), b.order),
    )
    groups = [
        (BodyKind(kind).label, list(members))
        for kind, members in groupby(bodies, key=lambda b: b.kind)
    ]
    return render(request, "councils/index.html", {"groups": groups, "section": "decisions"})


ROLE_ORDER: list[str] = [
    MembershipRole.CHAIR,
    MembershipRole.VICE_CHAIR,
    MembershipRole.MEMBER,
    MembershipRole.DEPUTY,
    MembershipRole.PRESENTER,
    MembershipRole.SECRETARY,
    MembershipRole.EXPERT,
]


@require_GET
def body_detail(request: HttpRequest, slug: str) -> HttpResponse:
    body = get_object_or_404(Body.objects.select_related("parent"), slug=slug)
    today = timezone.localdate()
    # What other apps add (e.g. a forum's members by organisation): councils/extensions.py
    panels = extensions.body_panels_for(body)
    members_in_panel = any(panel.lists_members for panel in panels)
    memberships = (
        []
        if members_in_panel
        else list(
            Membership.objects.current(today)
            .filter(body=body)
            .select_related("person", "deputy_of")
            .order_by("person__last_name", "person__first_name")
        )
    )
    deputies: dict[int, list[Membership]] = defaultdict(list)
    for membership in memberships:
        if membership.role == MembershipRole.DEPUTY and membership.deputy_of_id:
            deputies[membership.deputy_of_id].append(membership)
    seated = [
        (membership, deputies.get(membership.person_id, []))
        for membership in memberships
        if membership.role
        in (MembershipRole.CHAIR, MembershipRole.VICE_CHAIR, MembershipRole.MEMBER)
    ]
    seated.sort(key=lambda pair: ROLE_ORDER.index(pair[0].role))
    others = sorted(
        (
            m
            for m in memberships
            if m.role
            not in (MembershipRole.CHAIR, MembershipRole.VICE_CHAIR, MembershipRole.MEMBER)
            and not (m.role == MembershipRole.DEPUTY and m.deputy_of_id)
        ),
        key=lambda m: ROLE_ORDER.index(m.role),
    )
    leaders = [pair for pair in seated if pair[0].role != MembershipRole.MEMBER]
    meetings = Meeting.objects.public().filter(body=body)
    years = sorted(meetings.order_by().values_list("year", flat=True).distinct(), reverse=True)
    try:
        year = int(request.GET.get("vuosi") or (years[0] if years else today.year))
    except ValueError:
        raise Http404("bad year") from None
    if years and year not in years:
        raise Http404("no meetings that year")
    end = body.end(today)
    return render(
        request,
        "councils/body_detail.html",
        {
            "body": body,
            "end": end,
            "seated": seated,
            "leaders": leaders,
            "others": others,
            "recent_decisions": list(
                _decided_items().filter(meeting__body=body, is_procedural=False)[:RECENT]
            ),
            "divisions": list(body.divisions.active()),
            "upcoming": []
            if end.ended
            else list(
                meetings.filter(start__gte=timezone.now())
                .exclude(state=MeetingState.CANCELLED)
                .with_last_move()
                .order_by("start")
            ),
            # A year of meetings (~110 at a million items), a row each: only what a row
            # shows (councils.templatetags.councils.meeting_items).
            "past": list(
                meetings.filter(year=year, start__lt=timezone.now())
                .only("body_id", "year", "number", "start", "place", "mode", "state")
                .with_last_move()
                .order_by("-start")
            ),
            "years": years,
            "year": year,
            "quorum": body.quorum,
            "body_panels": panels,
            "members_in_panel": members_in_panel,
            "section": "decisions",
        },
    )


@require_GET
def person_detail(request: HttpRequest, slug: str) -> HttpResponse:
    person = get_object_or_404(Person, slug=slug)
    memberships = list(
        person.memberships.select_related("body", "term", "deputy_of").order_by(
            "-start", "body__order"
        )
    )
    ballots = list(
        Ballot.objects.filter(public_record_q("vote__handling__item__"), person=person)
        .select_related(
            "vote__handling__item__meeting__body",
            "vote__yes_proposal__proposer",
            "vote__no_proposal__proposer",
        )
        .order_by("-vote__handling__item__meeting__start")[:100]
    )
    disqualifications = list(
        # A disqualification from a confidential matter could reveal who the matter
        # concerns (a member's relative as a social-welfare client): never listed.
        Disqualification.objects.filter(public_record_q("item__"), person=person)
        .select_related("item__meeting__body")
        .order_by("-item__meeting__start")
    )
    return render(
        request,
        "councils/person_detail.html",
        {
            "person": person,
            "memberships": memberships,
            "ballots": ballots,
            "disqualifications": disqualifications,
            "section": "decisions",
        },
    )


def _public_meeting(pk: int) -> Meeting:
    return get_object_or_404(
        Meeting.objects.public().select_related(
            "body", "minutes", "minutes__checker_1", "minutes__checker_2"
        ),
        pk=pk,
    )


def meeting_context(meeting: Meeting, *, preview: bool = False) -> dict[str, object]:
    """What the meeting page shows; a clerk's preview shows the agenda before it is out."""
    items: list[AgendaItem] = []
    if meeting.agenda_is_public or preview:
        items = list(meeting.items.select_related("case", "handling").order_by("section"))
    attendances: list[Attendance] = []
    present_count = 0
    if meeting.minutes_are_public:
        attendances = list(
            meeting.attendances.select_related("person", "deputy_for").order_by(
                "role", "person__last_name"
            )
        )
        present_count = sum(
            1 for a in attendances if a.presence != "absent" and a.role in SEATED_ROLES
        )
    return {
        "meeting": meeting,
        "items": items,
        "preview": preview,
        "documents": [] if preview else public_documents(meeting),
        "earlier_documents": [] if preview else earlier_versions(meeting),
        "closed_sections": [item.section for item in items if not item.is_public],
        "supplementary": [item for item in items if item.is_supplementary],
        # Changes after the notice: residents see where the meeting was to be held.
        "moves": list(meeting.moves.filter(after_notice=True)),
        "attendances": attendances,
        "present_count": present_count,
        "quorate": meeting.body.rules.has_quorum(seats=meeting.body.seats, present=present_count),
        "section": "decisions",
    }


@require_GET
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _public_meeting(pk)
    return render(request, "councils/meeting_detail.html", meeting_context(meeting))


@functools.cache
def _item_page() -> QuerySet[AgendaItem]:
    """The items residents may open, with what their page shows beside them and which of
    their lists have rows.

    The lists a decision page shows are usually empty; one query (subqueries on the
    item's own) says which have rows, and only those are asked for. The subqueries only
    say where to look, so they are cheap supersets: an official's decision that has a
    publication time (published() then asks whether it has come), an extract among the
    item's ready copies (public_copies() then asks which residents may open). Built once
    per process: nothing in it depends on the request or the clock, and building its
    dozen subqueries cost as much as running it.
    """
    public_items = AgendaItem.objects.on_public_agenda()
    return public_items.select_related(
        "meeting__body",
        "meeting__minutes",
        "case",
        "preparer",
        "presenter",
        "handling",
    ).annotate(
        **record_presence(),
        has_history=Exists(
            public_items.filter(case_id=OuterRef("case_id")).exclude(pk=OuterRef("pk"))
        ),
        has_official_decisions=Exists(
            OfficialDecision.objects.filter(case_id=OuterRef("case_id"), published_at__isnull=False)
        ),
        has_attachments=Exists(Attachment.objects.filter(item=OuterRef("pk"), is_public=True)),
        # Version 1 is the decision as published: the versions are listed once corrected.
        has_corrections=Exists(DecisionVersion.objects.filter(item=OuterRef("pk"), number__gt=1)),
        has_extracts=Exists(
            Document.objects.filter(
                item=OuterRef("pk"),
                kind=DocumentKind.EXTRACT,
                public=True,
                state=DocumentState.READY,
                superseded_at__isnull=True,
            )
        ),
    )


# The item page's queries, each with its SQL built once per process (the main query's
# took 3.1 of its 3.7 ms, each list's 0.3-0.5 ms): portal/lib/precompiled.py.
_ITEM_PAGE = Precompiled(lambda pk: _item_page().filter(pk=pk))
# The case's other handlings.
_HISTORY = Shapes(
    lambda _shape, case_id, pk: (
        AgendaItem.objects.on_public_agenda()
        .filter(case_id=case_id)
        .exclude(pk=pk)
        .select_related("meeting__body", "handling")
        .only("section", "meeting__start", "meeting__body__name", "handling__outcome")
        .chronological()
    ),
    AgendaItem,
)
_OFFICIAL_DECISIONS = Shapes(
    lambda _shape, case_id, now: (
        OfficialDecision.objects.published(now).filter(case_id=case_id).select_related("official")
    ),
    OfficialDecision,
)
_PUBLIC_ATTACHMENTS = Shapes(
    lambda _shape, pk: Attachment.objects.filter(item_id=pk, is_public=True), Attachment
)


def item_context(item: AgendaItem) -> dict[str, object]:
    """What the item page shows. A confidential item shows its title, secrecy basis,
    outcome and the case's other handlings: its decision, handling record, versions,
    attachments and extracts are not read at all."""
    handling = None
    record = None
    if item.meeting.minutes_are_public and hasattr(item, "handling"):
        handling = item.handling
        if item.is_public:
            record_prefetch(item)
            record = record_for(item, redact=not item.personal_data_public(timezone.localdate()))
    history = []
    official_decisions = []
    if item.case_id and item.has_history:  # type: ignore[attr-defined]
        history = _HISTORY.rows((), item.case_id, item.pk)
    if item.case_id and item.has_official_decisions:  # type: ignore[attr-defined]
        official_decisions = _OFFICIAL_DECISIONS.rows((), item.case_id, timezone.now())
    attachments = []
    if item.is_public and item.has_attachments:  # type: ignore[attr-defined]
        attachments = _PUBLIC_ATTACHMENTS.rows((), item.pk)
        for attachment in attachments:  # as item.attachments gives them: knowing the item
            Attachment.item.field.set_cached_value(attachment, item)
    extracts = []
    if handling and item.is_public and item.has_extracts:  # type: ignore[attr-defined]
        extracts = list(
            Document.objects.public_copies()
            .filter(item=item, kind=DocumentKind.EXTRACT)
            .latest_versions()
            .ready()
        )
    return {
        "item": item,
        "meeting": item.meeting,
        "handling": handling,
        "record": record,
        "attachments": attachments,
        "appeal": item.appeal_dates(),
        "versions": list(item.versions.order_by("number"))
        if record and item.has_corrections  # type: ignore[attr-defined]
        else [],
        "extracts": extracts,
        "history": history,
        "official_decisions": official_decisions,
        # What other apps add (e.g. the strategy goals it advances): councils/extensions.py
        "item_panels": extensions.item_panels_for(item, editing=False),
        "section": "decisions",
    }


@require_GET
def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        item = _ITEM_PAGE.get(pk)
    except AgendaItem.DoesNotExist:
        raise Http404("no such item") from None
    return render(request, "councils/item_detail.html", item_context(item))


@require_GET
def case_detail(request: HttpRequest, number: int, task_class: str, year: int) -> HttpResponse:
    # Until an item or an official's decision of it is public, even its title is internal.
    case = get_object_or_404(Case.objects.public(), number=number, task_class=task_class, year=year)
    items = list(
        AgendaItem.objects.on_public_agenda()
        .filter(case=case)
        .select_related("meeting__body", "handling")
        .chronological()
    )
    decisions = list(
        OfficialDecision.objects.published().filter(case=case).select_related("official")
    )
    return render(
        request,
        "councils/case_detail.html",
        {"case": case, "items": items, "official_decisions": decisions, "section": "decisions"},
    )


@require_GET
def official_decision_list(request: HttpRequest) -> HttpResponse:
    decisions = (
        OfficialDecision.objects.published()
        .select_related("official", "case")
        .order_by("-decided_on", "-id")
    )
    return render(
        request,
        "councils/official_decision_list.html",
        {"page": _page(request, decisions), "section": "decisions"},
    )


@require_GET
def official_decision_detail(request: HttpRequest, pk: int) -> HttpResponse:
    decision = get_object_or_404(
        OfficialDecision.objects.published().select_related("official", "case"), pk=pk
    )
    return render(
        request,
        "councils/official_decision_detail.html",
        {"decision": decision, "section": "decisions"},
    )


@require_GET
def decision_list(request: HttpRequest) -> HttpResponse:
    form = DecisionFilterForm(request.GET or None)
    # The list pages through the search index (one table, one index on the date), then
    # fetches the page's 25 items with everything shown: fast at page 500 of a million.
    entries = SearchEntry.objects.public().filter(kind=EntryKind.DECISION)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data["toimielin"]:
            entries = entries.filter(body=data["toimielin"])
        if data["alkaen"]:
            entries = entries.filter(date__gte=data["alkaen"])
        if data["asti"]:
            entries = entries.filter(date__lte=data["asti"])
        if data["tulos"]:
            entries = entries.filter(outcome=data["tulos"])
        if not data["muodolliset"]:
            entries = entries.filter(is_procedural=False)
    elif not form.is_bound:
        entries = entries.filter(is_procedural=False)
    else:
        entries = entries.none()
    query = request.GET.copy()
    query.pop("sivu", None)
    page = None
    if entries.exists():
        page = _page(
            request,
            entries.order_by("-date", "-pk").values_list("item_id", flat=True),
            paginator_class=functools.partial(
                CachedCountPaginator,
                cache_key="decisions:" + hashlib.sha256(query.urlencode().encode()).hexdigest(),
            ),
        )
        rows = _decided_items().in_bulk(list(page.object_list))
        page.object_list = [rows[pk] for pk in page.object_list if pk in rows]
    return render(
        request,
        "councils/decision_list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "section": "decisions",
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


@require_GET
def meeting_calendar(request: HttpRequest) -> HttpResponse:
    """A month of meetings, as a grid (default) or as a list (?nakyma=lista)."""
    today = timezone.localdate()
    try:
        month = datetime.strptime(request.GET.get("kuukausi") or f"{today:%Y-%m}", "%Y-%m").date()
    except ValueError:
        raise Http404("bad month") from None
    if not 1990 <= month.year <= 2100:
        raise Http404("month out of range")
    first = month.replace(day=1)
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    tz = timezone.get_current_timezone()
    meetings = list(
        Meeting.objects.public()
        .filter(
            start__gte=datetime.combine(first, time.min, tzinfo=tz),
            start__lt=datetime.combine(last + timedelta(days=1), time.min, tzinfo=tz),
        )
        .select_related("body")
        .with_last_move()
        .order_by("start")
    )
    by_day: dict[date, list[Meeting]] = defaultdict(list)
    for meeting in meetings:
        by_day[timezone.localtime(meeting.start).date()].append(meeting)
    weeks = [
        [(day, by_day.get(day, [])) for day in week]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    ]
    previous = (first - timedelta(days=1)).replace(day=1)
    following = last + timedelta(days=1)
    return render(
        request,
        "councils/calendar.html",
        {
            "month": first,
            "weeks": weeks,
            "days": sorted(by_day.items()),
            "meetings": meetings,
            "list_view": request.GET.get("nakyma") == "lista",
            "previous": previous,
            "following": following,
            "today": today,
            "section": "decisions",
        },
    )


@require_GET
def item_version(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    """An earlier published version of a decision, kept readable after a correction."""
    version = get_object_or_404(
        DecisionVersion.objects.select_related("item__meeting__body").filter(
            item__meeting__state=MeetingState.MINUTES_PUBLISHED, item__is_public=True
        ),
        item_id=pk,
        number=number,
    )
    return render(
        request,
        "councils/item_version.html",
        {
            "version": version,
            "item": version.item,
            "meeting": version.item.meeting,
            "latest": version.item.versions.order_by("-number").first(),
            "section": "decisions",
        },
    )


@require_GET
def attachment_file(request: HttpRequest, pk: int) -> HttpResponse | FileResponse:
    """An attachment's PDF. Public ones of public items once the agenda is out; clerks any.

    Files are never served from MEDIA_URL directly, so a confidential attachment cannot be
    fetched by guessing its name.
    """
    attachment = get_object_or_404(Attachment.objects.select_related("item__meeting"), pk=pk)
    item = attachment.item
    public = Attachment.objects.public().filter(pk=attachment.pk).exists()
    if not public and not AgendaItem.objects.editable_by(request.user).filter(pk=item.pk).exists():
        raise Http404("no such attachment")
    if not attachment.file:
        raise Http404("no file")
    try:
        response = send_file(
            attachment.file,
            content_type="application/pdf",
            filename=f"{slugify(attachment.title) or 'liite'}.pdf",
        )
    except FileNotFoundError:
        raise Http404("file missing") from None
    response["Cache-Control"] = "private, max-age=0" if not public else "public, max-age=3600"
    return response


@require_GET
def document_file(request: HttpRequest, pk: int) -> HttpResponse | FileResponse:
    """A rendered PDF. Residents get public copies of what is public; clerks get any."""
    document = get_object_or_404(Document.objects.select_related("meeting"), pk=pk)
    meeting = document.meeting
    if meeting is None:
        raise Http404("documents of other apps are served by those apps")
    # The public copy of a minutes whose personal data has expired is no longer served;
    # its redacted copy is (Document.objects.public_copies, rule 7).
    visible = Document.objects.public_copies().filter(pk=document.pk).exists()
    clerk = Meeting.objects.editable_by(request.user).filter(pk=meeting.pk).exists()
    if not (visible or clerk) or document.state != DocumentState.READY or not document.file:
        raise Http404("no such document")
    try:
        response = send_file(
            document.file, content_type="application/pdf", filename=document.filename
        )
    except FileNotFoundError:
        raise Http404("file missing") from None
    response["Cache-Control"] = "public, max-age=86400" if visible else "private, max-age=0"
    return response


def _describe_results(entries: list[Any], text: str) -> None:
    """Each result's excerpt and labels, and which of its attachments match too (one query)."""
    hits = search_module.attachment_hits(entries, text)
    # Translated once for the page: get_FOO_display() rebuilds the field's choices per call.
    kinds = {kind: str(label) for kind, label in EntryKind.choices}
    outcomes = {outcome: str(label) for outcome, label in Outcome.choices}
    for entry in entries:
        entry.kind_label = kinds.get(entry.kind, entry.kind)
        entry.outcome_label = outcomes.get(entry.outcome, entry.outcome)
        entry.excerpt = search_module.snippet(entry, text)
        entry.attachments_found = hits.get(entry.item_id or 0, [])
        entry.matches_itself = not entry.attachments_found or search_module.matches_own_text(
            entry, text
        )


def _with_query(request: HttpRequest, text: str) -> str:
    """The search's query string with other words, the filters kept."""
    query = request.GET.copy()
    query.pop("sivu", None)
    query["q"] = text
    return query.urlencode()


@require_GET
@vary_on_headers("HX-Request")
def search(request: HtmxHttpRequest) -> HttpResponse:
    """One result list over decisions, agenda items and officials' decisions.

    The URL holds the whole query, so a search can be shared; with htmx the results
    region is swapped as the filters change.
    """
    form = SearchForm(request.GET or None)
    page = None
    status = 200
    suggestions: list[tuple[str, str]] = []
    glossary: list[tuple[str, list[tuple[str, str]]]] = []
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        case = search_module.diary_number_in(data["q"])
        if case is not None and not request.htmx:
            return redirect(case.get_absolute_url())
        filters = form.filters()
        if search_module.is_ranked(filters):
            # The page's rows come from ranked_page alone: no QuerySet to build.
            rows = functools.partial(search_module.ranked_page, filters)
            page = _page(
                request,
                SearchEntry.objects.none(),
                allow_empty=True,
                paginator_class=functools.partial(OneScanPaginator, rows=rows),
            )
        else:
            page = _page(
                request,
                search_module.run(filters),
                allow_empty=True,
                paginator_class=CappedPaginator,
            )
        _describe_results(list(page.object_list), data["q"])
        if not page.object_list and data["q"].strip():
            spellings, translations = suggest.suggestions(form.filters())
            suggestions = [(text, _with_query(request, text)) for text in spellings]
            glossary = [
                (t.term, [(word, _with_query(request, word)) for word in t.finnish])
                for t in translations
            ]
    elif form.is_bound:
        status = 400
    query = request.GET.copy()
    query.pop("sivu", None)
    template = "councils/search.html#results" if request.htmx else "councils/search.html"
    return render(
        request,
        template,
        {
            "form": form,
            "page": page,
            "searched": page is not None,
            "query": query.urlencode(),
            "suggestions": suggestions,
            "glossary": glossary,
            # The filters beyond the words stay open when one is set or wrong.
            "filtered": any(
                request.GET.get(name) or name in form.errors for name in form.fields if name != "q"
            ),
            "section": "search",
        },
        status=status,
    )
