"""The SVG indicator chart (strategy/charts.py): scales, empty, single point, negatives."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation

from strategy.charts import (
    TARGET_COLOUR,
    VALUE_COLOUR,
    date_scale,
    indicator_chart,
    nice_step,
    value_scale,
)
from strategy.rules import Point


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def _points(*pairs: tuple[date, str]) -> list[Point]:
    return [Point(day, Decimal(value)) for day, value in pairs]


def _y(svg: str, tag: str) -> list[float]:
    return [float(y) for y in re.findall(rf"<{tag} [^>]*?cy=\"([-0-9.]+)\"", svg)]


@pytest.mark.parametrize(
    ("raw", "step"), [(0.3, 0.5), (1, 1), (1.2, 2), (2.2, 2.5), (3, 5), (7, 10), (23, 25), (0, 1)]
)
def test_it_rounds_steps_to_1_2_2_5_and_5(raw, step):
    assert nice_step(raw) == pytest.approx(step)


def test_the_value_scale_covers_the_data_with_round_ticks_and_puts_higher_values_higher():
    scale = value_scale([Decimal("8.6"), Decimal("12")], start=264, end=56)
    assert scale.ticks == (8, 9, 10, 11, 12)
    assert scale(8) == 264 and scale(12) == 56
    assert scale(Decimal("10")) == pytest.approx(160)


def test_a_flat_series_gets_room_above_and_below():
    scale = value_scale([Decimal(14), Decimal(14)], start=200, end=0)
    assert scale.ticks[0] < 14 < scale.ticks[-1]


def test_the_date_scale_ticks_new_years_or_quarters_for_a_short_span():
    long = date_scale([date(2022, 12, 31), date(2026, 12, 31)], 0, 400)
    assert [d.year for d in long.ticks] == [2023, 2024, 2025, 2026]
    assert long.label(long.ticks[0]) == "2023"
    short = date_scale([date(2026, 2, 15), date(2026, 11, 30)], 0, 400)
    assert short.ticks == (date(2026, 4, 1), date(2026, 7, 1), date(2026, 10, 1))
    assert short.label(short.ticks[0]) == "4/2026"


def test_it_draws_values_as_dots_on_a_line_and_targets_as_diamonds_with_a_legend():
    chart = indicator_chart(
        chart_id="indicator-1",
        name="Henkilöstön vaihtuvuus",
        values=_points(
            (date(2023, 12, 31), "11.4"), (date(2024, 12, 31), "10"), (date(2026, 9, 30), "8.6")
        ),
        targets=_points((date(2024, 12, 31), "10"), (date(2026, 12, 31), "8.5")),
        baseline=Point(date(2022, 12, 31), Decimal(12)),
        unit="%",
        direction="down",
    )
    svg = str(chart.svg)
    assert svg.startswith('<svg class="chart"') and 'role="img"' in svg
    assert 'aria-labelledby="indicator-1-title indicator-1-desc"' in svg
    assert '<title id="indicator-1-title">Henkilöstön vaihtuvuus</title>' in svg
    assert "style=" not in svg  # the CSP forbids inline styles
    # Three measured dots (and one in the legend), two target diamonds (and one in the legend).
    assert svg.count(f'fill="{VALUE_COLOUR}"/>') == 4
    assert svg.count(f'stroke="{TARGET_COLOUR}" stroke-width="2"/>') == 3
    assert "Measured value" in svg and "Target" in svg
    assert 'stroke-dasharray="6 4"' in svg  # the plan is dashed, the values solid
    # Lower values are drawn lower: 8.6 is below 11.4.
    dots = _y(svg, "circle")[1:]
    assert dots[0] < dots[-1]
    assert chart.summary == (
        "Latest 8.6\u00a0% (09/30/2026). Target 8.5\u00a0% by 12/31/2026. 3 values since "
        "12/31/2023, when it was 11.4\u00a0%. Lower is better."
    )


def test_the_table_rows_carry_the_same_data_with_the_baseline_first():
    chart = indicator_chart(
        chart_id="c",
        name="NPS",
        values=_points((date(2024, 12, 31), "41"), (date(2026, 9, 30), "49")),
        targets=_points((date(2024, 12, 31), "40"), (date(2026, 12, 31), "50")),
        baseline=Point(date(2022, 12, 31), Decimal(30)),
        unit="NPS",
        decimals=0,
    )
    assert [(r.day.year, r.value, r.target, r.is_baseline) for r in chart.rows] == [
        (2022, "30\u00a0NPS", "", True),
        (2024, "41\u00a0NPS", "40\u00a0NPS", False),
        (2026, "49\u00a0NPS", "", False),
        (2026, "", "50\u00a0NPS", False),
    ]


def test_without_values_there_is_no_picture_but_words_and_the_targets():
    chart = indicator_chart(
        chart_id="c",
        name="Uusi mittari",
        values=[],
        targets=_points((date(2026, 12, 31), "40")),
    )
    assert chart.svg == "" and not chart.has_values
    assert chart.summary.startswith("No measured values yet.")
    assert [(r.value, r.target) for r in chart.rows] == [("", "40.0")]
    assert "Target 40.0 by 12/31/2026." in chart.summary


def test_a_single_value_is_one_dot_without_a_line():
    chart = indicator_chart(
        chart_id="c", name="Yksi arvo", values=_points((date(2026, 6, 30), "30")), targets=[]
    )
    svg = str(chart.svg)
    assert svg.count("<circle") == 2  # the value and the legend's dot
    assert f'stroke="{VALUE_COLOUR}" stroke-width="2.5"/>' not in svg.split("</g>", 1)[1]
    assert "No target set." in chart.summary
    assert re.search(r'<circle cx="([0-9.]+)"', svg.split("</g>", 1)[1]) is not None


def test_negative_values_get_a_zero_line_and_minus_signs():
    chart = indicator_chart(
        chart_id="c",
        name="Talouden alijäämä",
        values=_points((date(2024, 12, 31), "31"), (date(2026, 9, 30), "-4.5")),
        targets=_points((date(2025, 12, 31), "0")),
        unit="M€",
        direction="down",
    )
    svg = str(chart.svg)
    assert 'stroke="#444444" stroke-width="1.5"' in svg  # the zero line
    assert ">\u221210</text>" in svg  # a tick label below zero, with a real minus sign
    assert "Latest \u22124.5\u00a0M€" in chart.summary


def test_names_are_escaped():
    chart = indicator_chart(
        chart_id="c",
        name="<script>alert(1)</script>",
        values=_points((date(2026, 1, 1), "1")),
        targets=[],
    )
    assert "<script>" not in str(chart.svg)
    assert "&lt;script&gt;" in str(chart.svg)
