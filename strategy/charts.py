"""Indicator charts: server-rendered inline SVG of measured values against targets.

No JavaScript and no inline styles (the CSP allows neither): colours are SVG presentation
attributes, and `raati.css` only sizes the chart. The chart is an image with a <title>
and a <desc> that says in words what it shows; the same numbers follow as a table
(`IndicatorChart.rows`), so nothing depends on seeing the picture or telling colours
apart: measured values are dots on a solid line, targets are hollow diamonds on a dashed
line, and the legend names both.

`indicator_chart()` takes plain points (strategy.rules.Point), so it is tested without a
database; `chart_for()` builds one from an Indicator whose targets and values are
prefetched.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from django.utils import formats
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from strategy.choices import Direction
from strategy.rules import Point

if TYPE_CHECKING:
    from strategy.models import Indicator

WIDTH, HEIGHT = 560, 300
LEFT, RIGHT, TOP, BOTTOM = 64, 20, 56, 36
VALUE_COLOUR = "#134074"  # 10.4:1 on white
TARGET_COLOUR = "#a34400"  # 5.6:1 on white
GRID_COLOUR = "#c8c8c8"
AXIS_COLOUR = "#444444"
TEXT_COLOUR = "#1b1b1b"


# --- Scales -------------------------------------------------------------------------------


def nice_step(raw: float) -> float:
    """The round step (1, 2, 2.5 or 5 times a power of ten) at least `raw`."""
    if raw <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if factor * power >= raw * (1 - 1e-9):
            return factor * power
    return 10 * power  # pragma: no cover - the loop always returns


def step_decimals(step: float) -> int:
    """How many decimals the tick labels of a step need (2.5 → 1, 0.25 → 2, 50 → 0)."""
    for decimals in range(0, 7):
        if abs(round(step, decimals) - step) < 1e-9:
            return decimals
    return 6


@dataclass(frozen=True)
class LinearScale:
    """Maps numbers in [lo, hi] to pixels in [start, end] (end < start for a y axis)."""

    lo: float
    hi: float
    start: float
    end: float
    ticks: tuple[float, ...] = ()
    decimals: int = 0

    def __call__(self, value: float | Decimal) -> float:
        share = (float(value) - self.lo) / (self.hi - self.lo)
        return round(self.start + share * (self.end - self.start), 2)


def value_scale(
    numbers: Sequence[Decimal], start: float, end: float, count: int = 5
) -> LinearScale:
    """A scale over round ticks that cover every number; a flat series gets room around it."""
    lo, hi = float(min(numbers)), float(max(numbers))
    if lo == hi:
        pad = abs(lo) * 0.1 or 1.0
        lo, hi = lo - pad, hi + pad
    step = nice_step((hi - lo) / (count - 1))
    first = math.floor(lo / step + 1e-9) * step
    last = math.ceil(hi / step - 1e-9) * step
    decimals = step_decimals(step)
    ticks = tuple(
        round(first + index * step, decimals) for index in range(round((last - first) / step) + 1)
    )
    return LinearScale(ticks[0], ticks[-1], start, end, ticks, decimals)


@dataclass(frozen=True)
class DateScale:
    """Maps days in [lo, hi] to pixels; ticks on new years, or on quarters for short spans."""

    lo: date
    hi: date
    start: float
    end: float
    ticks: tuple[date, ...] = ()
    yearly: bool = True

    def __call__(self, day: date) -> float:
        share = (day - self.lo).days / (self.hi - self.lo).days
        return round(self.start + share * (self.end - self.start), 2)

    def label(self, day: date) -> str:
        return str(day.year) if self.yearly else f"{day.month}/{day.year}"


def date_scale(days: Sequence[date], start: float, end: float) -> DateScale:
    lo, hi = min(days), max(days)
    if (hi - lo).days < 60:  # a single date, or a few weeks: give the points room
        lo, hi = lo - timedelta(days=45), hi + timedelta(days=45)
    years = tuple(
        date(year, 1, 1) for year in range(lo.year, hi.year + 1) if lo <= date(year, 1, 1)
    )
    years = tuple(day for day in years if day <= hi)
    if len(years) >= 2:
        return DateScale(lo, hi, start, end, years, yearly=True)
    quarters = tuple(
        date(year, month, 1)
        for year in range(lo.year, hi.year + 1)
        for month in (1, 4, 7, 10)
        if lo <= date(year, month, 1) <= hi
    )
    return DateScale(lo, hi, start, end, quarters, yearly=False)


# --- Words ----------------------------------------------------------------------------------


def format_number(value: Decimal | float, decimals: int) -> str:
    """A number as the current language writes it (12,4 in Finnish), minus sign included."""
    text = formats.number_format(Decimal(str(value)), decimal_pos=decimals, use_l10n=True)
    return text.replace("-", "\u2212")


def format_value(value: Decimal | float, decimals: int, unit: str) -> str:
    """A value with its unit; a scale such as "1–5" is not a unit to repeat after numbers."""
    number = format_number(value, decimals)
    if not unit or any(char.isdigit() for char in unit):
        return number
    return f"{number}\u00a0{unit}"


def format_snapshot_value(point: dict[str, str] | None, unit: str, decimals: int | None) -> str:
    """A value of the frozen snapshot (a decimal string) as the page writes numbers, with
    the indicator's decimals (or as many as the value has, if the indicator is gone)."""
    if not point:
        return ""
    try:
        number = Decimal(point["value"])
    except (InvalidOperation, KeyError, TypeError):
        return ""
    if decimals is None:
        number = number.normalize()
        decimals = max(0, -int(number.as_tuple().exponent))
    text = format_number(number, decimals)
    return text if not unit or any(c.isdigit() for c in unit) else f"{text}\u00a0{unit}"


def format_date(day: date) -> str:
    return formats.date_format(day, "SHORT_DATE_FORMAT")


@dataclass(frozen=True)
class ChartRow:
    """One row of the table alternative: a day with its measured value and/or target."""

    day: date
    value: str = ""
    target: str = ""
    is_baseline: bool = False


@dataclass(frozen=True)
class IndicatorChart:
    chart_id: str
    name: str
    summary: str
    rows: list[ChartRow] = field(default_factory=list)
    svg: SafeString | str = ""

    @property
    def has_values(self) -> bool:
        return bool(self.svg)


def _summary(
    *,
    values: Sequence[Point],
    targets: Sequence[Point],
    unit: str,
    decimals: int,
    direction: str,
) -> str:
    parts = []
    if values:
        latest = values[-1]
        parts.append(
            _("Latest %(value)s (%(day)s).")
            % {
                "value": format_value(latest.value, decimals, unit),
                "day": format_date(latest.on),
            }
        )
        upcoming = [t for t in targets if t.on >= latest.on] or list(targets[-1:])
    else:
        parts.append(_("No measured values yet."))
        upcoming = list(targets[:1])
    if upcoming:
        target = upcoming[0]
        parts.append(
            _("Target %(value)s by %(day)s.")
            % {
                "value": format_value(target.value, decimals, unit),
                "day": format_date(target.on),
            }
        )
    else:
        parts.append(_("No target set."))
    if len(values) > 1:
        first = values[0]
        parts.append(
            _("%(count)s values since %(day)s, when it was %(value)s.")
            % {
                "count": len(values),
                "day": format_date(first.on),
                "value": format_value(first.value, decimals, unit),
            }
        )
    parts.append(_("Lower is better.") if direction == Direction.DOWN else _("Higher is better."))
    return " ".join(str(part) for part in parts)


def _rows(
    values: Sequence[Point],
    targets: Sequence[Point],
    baseline: Point | None,
    decimals: int,
    unit: str,
) -> list[ChartRow]:
    days: dict[date, dict[str, str]] = {}
    for point in values:
        days.setdefault(point.on, {})["value"] = format_value(point.value, decimals, unit)
    for point in targets:
        days.setdefault(point.on, {})["target"] = format_value(point.value, decimals, unit)
    rows = [
        ChartRow(day, value=cells.get("value", ""), target=cells.get("target", ""))
        for day, cells in sorted(days.items())
    ]
    if baseline is not None and baseline.on not in days:
        rows.insert(
            0,
            ChartRow(
                baseline.on, value=format_value(baseline.value, decimals, unit), is_baseline=True
            ),
        )
    return rows


# --- Drawing --------------------------------------------------------------------------------


def _attrs(**attributes: object) -> str:
    return " ".join(
        f'{name.rstrip("_").replace("_", "-")}="{escape(str(value))}"'
        for name, value in attributes.items()
    )


def _diamond(x: float, y: float, size: float = 6) -> str:
    points = f"{x},{y - size} {x + size},{y} {x},{y + size} {x - size},{y}"
    return (
        f"<polygon {_attrs(points=points, fill='#ffffff', stroke=TARGET_COLOUR, stroke_width=2)}/>"
    )


def _text(x: float, y: float, content: str, **attributes: object) -> str:
    defaults: dict[str, object] = {"fill": TEXT_COLOUR, "font_size": 13}
    defaults.update(attributes)
    return f"<text {_attrs(x=x, y=y, **defaults)}>{escape(content)}</text>"


def _legend() -> list[str]:
    y = 18
    return [
        f'<g class="chart__legend" {_attrs(font_size=13, fill=TEXT_COLOUR)}>',
        f"<line {_attrs(x1=LEFT, y1=y, x2=LEFT + 24, y2=y, stroke=VALUE_COLOUR, stroke_width=2.5)}/>",
        f"<circle {_attrs(cx=LEFT + 12, cy=y, r=4, fill=VALUE_COLOUR)}/>",
        _text(LEFT + 30, y + 4, _("Measured value")),
        f"<line {_attrs(x1=LEFT + 170, y1=y, x2=LEFT + 194, y2=y, stroke=TARGET_COLOUR, stroke_width=2, stroke_dasharray='6 4')}/>",
        _diamond(LEFT + 182, y),
        _text(LEFT + 200, y + 4, _("Target")),
        "</g>",
    ]


def _draw(
    *,
    chart_id: str,
    name: str,
    summary: str,
    values: Sequence[Point],
    targets: Sequence[Point],
    baseline: Point | None,
    unit: str,
    decimals: int,
) -> SafeString:
    plan = ([baseline] if baseline else []) + list(targets)
    numbers = [point.value for point in [*values, *plan]]
    y = value_scale(numbers, HEIGHT - BOTTOM, TOP)
    x = date_scale([point.on for point in [*values, *plan]], LEFT, WIDTH - RIGHT)
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    parts = [
        f'<svg class="chart" {_attrs(viewBox=f"0 0 {WIDTH} {HEIGHT}", role="img", aria_labelledby=f"{title_id} {desc_id}", xmlns="http://www.w3.org/2000/svg", font_family="inherit")}>',
        f'<title id="{escape(title_id)}">{escape(name)}</title>',
        f'<desc id="{escape(desc_id)}">{escape(summary)}</desc>',
        *_legend(),
    ]
    if unit:
        parts.append(_text(4, TOP - 12, unit, font_weight=600))
    # Value axis: a grid line and a label per tick; zero drawn darker when the data cross it.
    for tick in y.ticks:
        parts.append(
            f"<line {_attrs(x1=LEFT, y1=y(tick), x2=WIDTH - RIGHT, y2=y(tick), stroke=AXIS_COLOUR if tick == 0 else GRID_COLOUR, stroke_width=1.5 if tick == 0 else 1)}/>"
        )
        parts.append(
            _text(LEFT - 8, y(tick) + 4, format_number(tick, y.decimals), text_anchor="end")
        )
    # Time axis.
    base = HEIGHT - BOTTOM
    parts.append(
        f"<line {_attrs(x1=LEFT, y1=base, x2=WIDTH - RIGHT, y2=base, stroke=AXIS_COLOUR)}/>"
    )
    for day in x.ticks:
        parts.append(
            f"<line {_attrs(x1=x(day), y1=base, x2=x(day), y2=base + 5, stroke=AXIS_COLOUR)}/>"
        )
        parts.append(_text(x(day), base + 20, x.label(day), text_anchor="middle"))
    # The plan: baseline to targets, dashed, with a hollow diamond per target.
    if len(plan) > 1:
        path = " ".join(f"{x(p.on)},{y(p.value)}" for p in plan)
        parts.append(
            f"<polyline {_attrs(points=path, fill='none', stroke=TARGET_COLOUR, stroke_width=2, stroke_dasharray='6 4')}/>"
        )
    parts.extend(_diamond(x(p.on), y(p.value)) for p in targets)
    # Measured values: a solid line with a dot per value, the latest labelled.
    if len(values) > 1:
        path = " ".join(f"{x(p.on)},{y(p.value)}" for p in values)
        parts.append(
            f"<polyline {_attrs(points=path, fill='none', stroke=VALUE_COLOUR, stroke_width=2.5)}/>"
        )
    parts.extend(
        f"<circle {_attrs(cx=x(p.on), cy=y(p.value), r=4, fill=VALUE_COLOUR)}/>" for p in values
    )
    latest = values[-1]
    anchor = "end" if x(latest.on) > WIDTH / 2 else "start"
    offset = -8 if anchor == "end" else 8
    parts.append(
        _text(
            x(latest.on) + offset,
            y(latest.value) - 10,
            format_value(latest.value, decimals, unit),
            text_anchor=anchor,
            font_weight=700,
            fill=VALUE_COLOUR,
        )
    )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text and attribute above is escaped


def indicator_chart(
    *,
    chart_id: str,
    name: str,
    values: Sequence[Point],
    targets: Sequence[Point],
    unit: str = "",
    decimals: int = 1,
    direction: str = Direction.UP,
    baseline: Point | None = None,
) -> IndicatorChart:
    """The chart, its summary in words and its table rows. Without values: no picture."""
    values = sorted(values, key=lambda point: point.on)
    targets = sorted(targets, key=lambda point: point.on)
    summary = _summary(
        values=values, targets=targets, unit=unit, decimals=decimals, direction=direction
    )
    rows = _rows(values, targets, baseline, decimals, unit)
    svg: SafeString | str = ""
    if values:
        svg = _draw(
            chart_id=chart_id,
            name=name,
            summary=summary,
            values=values,
            targets=targets,
            baseline=baseline,
            unit=unit,
            decimals=decimals,
        )
    return IndicatorChart(chart_id=chart_id, name=name, summary=summary, rows=rows, svg=svg)


def chart_for(indicator: Indicator) -> IndicatorChart:
    """The county-wide chart of an indicator (targets and values prefetched)."""
    return indicator_chart(
        chart_id=f"indicator-{indicator.pk}",
        name=indicator.name,
        values=indicator.county_points(),
        targets=indicator.target_points(),
        unit=indicator.unit,
        decimals=indicator.decimals,
        direction=indicator.direction,
        baseline=indicator.baseline,
    )
