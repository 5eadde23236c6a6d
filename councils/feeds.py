"""Following the record: iCalendar of meetings and RSS/Atom of decisions.

A meeting keeps its calendar UID for life, so a calendar that subscribed to it moves
the event when the meeting moves and marks it cancelled when it is cancelled; SEQUENCE
counts the saved changes so that clients accept the update.
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib.syndication.views import Feed
from django.db.models import Count, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.views.decorators.http import require_GET
from icalendar import Calendar, Event

from councils import search
from councils.models import AgendaItem, Body, Case, Meeting, MeetingState, SearchEntry

CALENDAR_DOMAIN = "raati.paijatha.fi"


def _calendar(request: HttpRequest, meetings: QuerySet[Meeting], name: str) -> HttpResponse:
    calendar = Calendar()
    calendar.add("prodid", "-//Raati//Päijät-Hämeen hyvinvointialue//FI")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Helsinki")
    meetings = meetings.select_related("body")
    changes = dict(
        Meeting.history.filter(id__in=[m.pk for m in meetings])
        .values("id")
        .annotate(n=Count("history_id"))
        .values_list("id", "n")
    )
    for meeting in meetings:
        event = Event()
        event.add("uid", f"meeting-{meeting.pk}@{CALENDAR_DOMAIN}")
        event.add("dtstamp", timezone.now())
        event.add("dtstart", meeting.start)
        event.add("dtend", meeting.end or meeting.start + timedelta(hours=2))
        event.add("summary", f"{meeting.body.name} {meeting.number}/{meeting.year}")
        if meeting.place:
            event.add("location", meeting.place)
        event.add("url", request.build_absolute_uri(meeting.get_absolute_url()))
        event.add("sequence", max(changes.get(meeting.pk, 1) - 1, 0))
        event.add("status", "CANCELLED" if meeting.state == MeetingState.CANCELLED else "CONFIRMED")
        calendar.add_component(event)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="kokoukset.ics"'
    return response


@require_GET
def calendar_all(request: HttpRequest) -> HttpResponse:
    return _calendar(
        request,
        Meeting.objects.public().order_by("start"),
        "Päijät-Hämeen hyvinvointialue: kokoukset",
    )


@require_GET
def calendar_body(request: HttpRequest, slug: str) -> HttpResponse:
    body = get_object_or_404(Body, slug=slug)
    return _calendar(
        request,
        Meeting.objects.public().filter(body=body).order_by("start"),
        f"{body.name}: kokoukset",
    )


class TextFeed(Feed):
    """A feed whose item descriptions are the clerks' plain text, escaped for HTML.

    RSS `<description>` and Atom `<summary type="html">` are HTML to a feed reader, so
    text taken as written would reach every reader as markup (`<script>`, `<img onerror>`).
    Every description is escaped here, once for all feeds; titles are plain text fields
    (Atom `type="text"`), which the XML writer escapes.
    """

    def _get_dynamic_attr(self, attname: str, obj: object, default: object = None) -> object:
        value = super()._get_dynamic_attr(attname, obj, default)  # type: ignore[misc]
        if attname == "item_description" and isinstance(value, str):
            return escape(value)
        return value


class BodyDecisionsFeed(TextFeed):
    """The newest published decisions of one body (RSS 2.0; Atom in the subclass)."""

    def get_object(self, request: HttpRequest, slug: str) -> Body:
        return get_object_or_404(Body, slug=slug)

    def title(self, body: Body) -> str:
        return f"{body.name}: päätökset"

    def link(self, body: Body) -> str:
        return body.get_absolute_url()

    def description(self, body: Body) -> str:
        return f"Päijät-Hämeen hyvinvointialue – {body.name}, uusimmat päätökset"

    def items(self, body: Body) -> list[AgendaItem]:
        return list(
            AgendaItem.objects.decided()
            .filter(meeting__body=body)
            .select_related("meeting__body", "meeting__minutes", "handling")
            .order_by("-meeting__start", "-section")[:50]
        )

    def item_title(self, item: AgendaItem) -> str:
        return f"§ {item.section} {item.title}"

    def item_description(self, item: AgendaItem) -> str:
        if not item.is_public:
            return f"Salassa pidettävä asia ({item.secrecy_basis})."
        return f"{item.handling.get_outcome_display()}. {item.summary}".strip()

    def item_pubdate(self, item: AgendaItem):  # type: ignore[no-untyped-def]
        return item.meeting.minutes_published_at or item.meeting.start


class BodyDecisionsAtomFeed(BodyDecisionsFeed):
    feed_type = Atom1Feed
    subtitle = BodyDecisionsFeed.description


class CaseFeed(TextFeed):
    """Every public handling of one case, newest first."""

    def get_object(self, request: HttpRequest, number: int, task_class: str, year: int) -> Case:
        return get_object_or_404(
            Case.objects.public(), number=number, task_class=task_class, year=year
        )

    def title(self, case: Case) -> str:
        return f"{case.diary_number} {case.title}"

    def link(self, case: Case) -> str:
        return case.get_absolute_url()

    def description(self, case: Case) -> str:
        return f"Asian {case.diary_number} käsittelyt"

    def items(self, case: Case) -> list[AgendaItem]:
        return list(
            AgendaItem.objects.on_public_agenda()
            .filter(case=case)
            .select_related("meeting__body", "meeting__minutes", "handling")
            .order_by("-meeting__start")
        )

    def item_title(self, item: AgendaItem) -> str:
        return (
            f"{item.meeting.body.name} {item.meeting.start:%d.%m.%Y} § {item.section}: {item.title}"
        )

    def item_description(self, item: AgendaItem) -> str:
        handling = getattr(item, "handling", None)
        if item.meeting.minutes_are_public and handling is not None:
            return f"{handling.get_outcome_display()}."
        return "Esityslistalla."

    def item_pubdate(self, item: AgendaItem):  # type: ignore[no-untyped-def]
        return item.meeting.minutes_published_at or item.meeting.agenda_published_at


class SearchFeed(TextFeed):
    """What a search finds, newest first: the same query string as the search page."""

    def get_object(self, request: HttpRequest) -> dict[str, object]:
        filters = search.filters_from_query(request.GET)
        if filters is None:
            raise Http404("invalid search")
        query = request.GET.copy()
        query.pop("sivu", None)
        return {"filters": filters, "query": query.urlencode()}

    def title(self, obj: dict[str, object]) -> str:
        filters = obj["filters"]
        assert isinstance(filters, search.SearchFilters)
        words = filters.text.strip()[:100]
        return f"Raati-haku: {words}" if words else "Raati: uusimmat päätökset ja asiakirjat"

    def link(self, obj: dict[str, object]) -> str:
        return reverse("councils:search") + (f"?{obj['query']}" if obj["query"] else "")

    def description(self, obj: dict[str, object]) -> str:
        return "Päijät-Hämeen hyvinvointialue – hakua vastaavat uudet päätökset ja asiakirjat"

    def items(self, obj: dict[str, object]) -> list[SearchEntry]:
        filters = obj["filters"]
        assert isinstance(filters, search.SearchFilters)
        return list(search.run(filters).order_by("-published_at", "-pk")[:50])

    def item_title(self, entry: SearchEntry) -> str:
        where = f"{entry.body.name} " if entry.body else ""
        return f"{where}{entry.context}: {entry.title}" if entry.kind != "case" else entry.title

    def item_description(self, entry: SearchEntry) -> str:
        kind = str(entry.get_kind_display())
        if entry.is_confidential:
            return f"{kind}. Salassa pidettävä asia."
        outcome = f" {entry.get_outcome_display()}." if entry.outcome else ""
        return f"{kind}.{outcome} {entry.text[:300]}".strip()

    def item_guid(self, entry: SearchEntry) -> str:
        source = entry.attachment_id or entry.official_decision_id or entry.item_id or entry.case_id
        return f"{entry.kind}-{source}@{CALENDAR_DOMAIN}"

    item_guid_is_permalink = False

    def item_pubdate(self, entry: SearchEntry):  # type: ignore[no-untyped-def]
        return entry.published_at


class SearchAtomFeed(SearchFeed):
    feed_type = Atom1Feed
    subtitle = SearchFeed.description
