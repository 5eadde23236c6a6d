"""Template filters for the public record."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import template
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.formats import date_format, time_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from councils.models import AgendaItem, BallotChoice, Meeting, MeetingState
from councils.record import HandlingRecord, record_for
from portal.lib.sanitize import clean_html, redact_personal_data
from portal.lib.textdiff import passage_diff

register = template.Library()


@register.filter
def public_html(value: str, item: AgendaItem) -> SafeString:
    """Sanitised rich text of an item, with tagged personal data hidden once its time is up."""
    return mark_safe(item.public_html(value, today=timezone.localdate()))  # noqa: S308 - sanitised by nh3


@register.simple_tag
def amendments(proposal: str, decision: str) -> SafeString:
    """How the decision differs from the proposal, in whole changed passages."""
    return passage_diff(proposal, decision, removed_label=_("Removed:"), added_label=_("Added:"))


@register.filter
def document_html(value: str, redact: bool) -> SafeString:
    """Sanitised rich text for a PDF; tagged personal data removed from a redacted copy."""
    cleaned = clean_html(value)
    if redact:
        cleaned = redact_personal_data(cleaned)
    return mark_safe(cleaned)  # noqa: S308 - sanitised by nh3 just above


@register.filter
def handling_record(item: AgendaItem, redact: bool = False) -> HandlingRecord | None:
    """The record of the item's handling (councils.record), as every output renders it.

    `redact` hides tagged personal data (a redacted PDF). Needs record_prefetches.
    """
    return record_for(item, redact=bool(redact))


@register.simple_tag
def meeting_tags(meeting: Meeting) -> SafeString:
    """A meeting's tags in a list: cancelled, or how it meets when not in person; and where
    from it was moved after its notice (`Meeting.objects.with_last_move()`).

    Built here rather than by a template included per meeting: a body's page lists a
    year of meetings.
    """
    cancelled = meeting.state == MeetingState.CANCELLED
    if cancelled:
        html = format_html('<strong class="tag tag--cancelled">{}</strong>', _("cancelled"))
    elif meeting.mode != "in_person":
        html = format_html('<span class="tag">{}</span>', meeting.get_mode_display())
    else:
        html = SafeString("")
    moved = getattr(meeting, "moved_from_start", None)
    if moved and not cancelled:
        moved = timezone.localtime(moved)
        text = _("moved from %(date)s at %(time)s") % {
            "date": date_format(moved, "j.n.Y"),
            "time": time_format(moved, "G.i"),
        }
        html += format_html('\n<strong class="tag tag--moved">{}</strong>', text)
        place = getattr(meeting, "moved_from_place", None)
        if place != meeting.place:
            html += format_html(' <span class="muted">({})</span>', place or "–")
    return html


@register.simple_tag
def meeting_items(meetings: Iterable[Meeting], show_body: bool = False) -> SafeString:
    """Each meeting of a list as an <li> (partials/meeting_list.html): its number, when it
    meets and its tags. Built here: a body's page lists a year of meetings (at a million
    items ~110), and a row rendered by the template engine costs several times as much.
    The dates are written out as `date_format(start, "l j.n.Y")` and `time_format(start,
    "H.i")` write them, at a tenth of the cost (Django's formatter parses the format for
    each value)."""
    at = conditional_escape(_("at"))
    weekdays = [conditional_escape(WEEKDAYS[day]) for day in range(7)]
    rows = []
    for meeting in meetings:
        start = timezone.localtime(meeting.start)
        name = f"{conditional_escape(meeting.body.name)} " if show_body else ""
        rows.append(
            f'<li>\n      <a href="{conditional_escape(meeting.get_absolute_url())}">\n'
            f"        {name}{meeting.number}/{meeting.year}</a>\n"
            f'      – <time datetime="{start.isoformat()}">{weekdays[start.weekday()]}'
            f" {start.day}.{start.month}.{start.year} {at} {start.hour:02}.{start.minute:02}"
            f"</time>\n      {meeting_tags(meeting)}\n    </li>"
        )
    return SafeString("\n    ".join(rows))


@register.simple_tag
def search_results(entries: Iterable[Any]) -> SafeString:
    """Each result of a page of search (councils/search.html) as an <li>: its title and
    link, what kind of record it is, its body, date, context, diary number and outcome,
    the excerpt, and the attachments that match too (`_describe_results` in
    councils/views.py puts the labels, excerpt and attachments on each entry). Built here:
    the template engine took about 2 ms for a page of 25 rows, a fifth of the page."""
    e = conditional_escape
    confidential = e(_("confidential"))
    rows = []
    for result in entries:
        title = f'<a href="{e(result.get_absolute_url())}">{e(result.title)}</a>'
        if result.is_confidential:
            title += f' <span class="tag">{confidential}</span>'
        meta = f'<span class="tag tag--kind">{e(result.kind_label)}</span>'
        if result.body:
            meta += f" · {e(result.body.name)}"
        if result.date:
            meta += f" · {e(date_format(result.date, 'j.n.Y'))}"
        if result.context and result.kind != "case":
            meta += f" · {e(result.context)}"
        if result.diary_number:
            meta += f" · {e(result.diary_number)}"
        if result.outcome:
            meta += (
                f' · <span class="outcome outcome--{e(result.outcome)}">'
                f"{e(result.outcome_label)}</span>"
            )
        excerpt = f'<p class="snippet">{e(result.excerpt)}</p>' if result.excerpt else ""
        rows.append(
            f'\n          <li class="decision">\n            <h3 class="decision__title">{title}'
            f'</h3>\n            <p class="decision__meta">{meta}</p>\n            {excerpt}'
            f"\n            {_attachments_found(result)}\n            {_attachment_link(result)}"
            "\n          </li>\n        "
        )
    return SafeString("".join(rows))


def _attachments_found(result: Any) -> str:
    found = result.attachments_found
    if not found:
        return ""
    if result.matches_itself:
        label = ngettext("Also in the attachment:", "Also in the attachments:", len(found))
    else:
        label = ngettext("Found in the attachment:", "Found in the attachments:", len(found))
    links = ", ".join(
        f'<a href="{conditional_escape(a.file_url)}">'
        f"{_('%(title)s (PDF)') % {'title': conditional_escape(a.title)}}</a>"
        if getattr(a.attachment, "file", None)
        else conditional_escape(a.title)
        for a in found
    )
    return (
        f'\n              <p class="result__attachments">{label}\n                {links}</p>'
        "\n            "
    )


def _attachment_link(result: Any) -> str:
    if result.kind != "attachment" or not getattr(result.attachment, "file", None):
        return ""
    text = _("Open the attachment “%(title)s” (PDF)") % {"title": conditional_escape(result.title)}
    return f'<p><a href="{conditional_escape(result.file_url)}">{text}</a></p>'


@register.simple_tag
def ballot_rows(vote: Any, links: bool = False) -> SafeString:
    """The rows of a vote's ballots table (councils/partials/handling_record.html): each
    member, the chair marked, and how they voted. Built here: a roll-call of a board or
    council is 13 to 79 rows on the decision page and in the minutes."""
    e = conditional_escape
    labels = {choice: e(label) for choice, label in BallotChoice.choices}
    chair = f" ({e(_('chair'))})"
    rows = []
    for ballot in vote.ballots:
        person = ballot.person
        name: str = e(person.full_name)
        if links:
            name = f'<a href="{e(person.get_absolute_url())}">{name}</a>'
        if ballot.person_id == vote.vote.chair_id:
            name += chair
        rows.append(
            f'\n          <tr><td>{name}</td><td class="ballot ballot--{e(ballot.choice)}">'
            f"{labels.get(ballot.choice, e(ballot.choice))}</td></tr>\n        "
        )
    return SafeString("".join(rows))
