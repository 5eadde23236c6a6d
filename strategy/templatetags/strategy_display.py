"""How the strategy's pages show a status and an indicator (chart and table)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext as _

from strategy.charts import chart_for, format_value
from strategy.choices import Status
from strategy.models import Indicator

register = template.Library()

# A text symbol per status, so that the colour is never the only signal (with the word).
SYMBOLS = {
    Status.ON_TRACK: "✔",
    Status.AT_RISK: "▲",
    Status.OFF_TRACK: "✖",
    Status.DONE: "★",
    Status.NOT_STARTED: "○",
}


@register.inclusion_tag("strategy/partials/status_badge.html")
def status_badge(status: str | None, empty: str = "") -> dict[str, Any]:
    """A status as symbol + word on a coloured badge; `empty` (e.g. "No data") for none."""
    if not status or status not in Status.values:
        return {"status": "none", "symbol": "–", "label": empty or _("No data")}
    return {"status": status, "symbol": SYMBOLS[Status(status)], "label": Status(status).label}


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
