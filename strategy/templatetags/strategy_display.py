"""How the strategy's pages show a status and an indicator (chart and table)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from strategy.charts import chart_for, format_value
from strategy.choices import Status
from strategy.models import Indicator, StatusUpdate

register = template.Library()

# A text symbol per status, so that the colour is never the only signal (with the word).
SYMBOLS = {
    Status.ON_TRACK: "✔",
    Status.AT_RISK: "▲",
    Status.OFF_TRACK: "✖",
    Status.DONE: "★",
    Status.NOT_STARTED: "○",
}


@register.simple_tag
def status_badge(status: str | None, empty: str = "") -> SafeString:
    """A status as symbol + word on a coloured badge; `empty` (e.g. "No data") for none.

    Built here rather than by an inclusion template: a strategy page shows dozens.
    """
    if not status or status not in Status.values:
        status, symbol, label = "none", "–", empty or _("No data")
    else:
        symbol, label = SYMBOLS[Status(status)], str(Status(status).label)
    return format_html(
        '<span class="status status--{}"><span class="status__symbol" aria-hidden="true">{}'
        "</span> {}</span>",
        status,
        symbol,
        capfirst(label),
    )


@register.simple_tag
def latest_status(update: StatusUpdate | None) -> SafeString:
    """A goal's or programme's latest reported status (`update`, or None): its badge, the
    period, and the indicators' suggestion when the status differs from it."""
    if update is None:
        return status_badge(None, _("Not reported yet"))
    html = format_html(
        '{} <span class="muted">{}</span>', status_badge(update.status), update.period.code
    )
    if update.differs_from_suggestion:
        html += format_html(
            ' <span class="status-note">{}: {}</span>',
            _("indicators suggest"),
            status_badge(update.suggested_status),
        )
    return html


@register.inclusion_tag("strategy/partials/indicator.html", takes_context=True)
def indicator_block(
    context: template.Context, indicator: Indicator, heading: str = "h3", link: bool = True
) -> dict[str, Any]:
    """An indicator with its chart, the same data as a table, and its facts."""
    latest = indicator.latest_value()
    return {
        "indicator": indicator,
        "chart": chart_for(indicator),
        "latest": format_value(latest.value, indicator.decimals, indicator.unit) if latest else "",
        "heading": heading,
        "link": link,
        "strategy": context.get("strategy"),
    }


@register.filter
def status_label(status: str | None) -> str:
    return str(Status(status).label) if status in Status.values else ""
