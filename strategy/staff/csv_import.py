"""Reading measured values from a CSV file, checking every row, changing nothing.

The file: UTF-8 (with or without the BOM Excel writes), at most MAX_BYTES, fields
separated by semicolons (Finnish Excel) or commas (sniffed from the header line), a
header row naming the columns (any order, case ignored):

- ``mittari`` – the indicator's number (id) or its exact name (required)
- ``pvm`` – the day the value was measured: 31.12.2026 or 2026-12-31 (required)
- ``arvo`` – the value: 12,5 or 12.5; spaces as thousand separators are fine (required)
- ``kunta`` – a member municipality; empty for the whole county (optional)
- ``huomio`` – a note, at most 300 characters (optional)

Each row is checked: the indicator belongs to the strategy, the date parses and lies in
the chosen reporting period, the value is a number, the municipality is a member, the
row is no repeat of an earlier row of the file and no value is stored yet for the same
indicator, day and area (the import adds values; it never replaces one). The result
lists every row with what it would do or what is wrong with it; nothing is saved here.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.db.models import Q
from django.utils import formats
from django.utils.translation import gettext as _

from strategy.choices import Municipality
from strategy.models import Indicator, IndicatorValue, ReportingPeriod
from strategy.services import ValueRow

MAX_BYTES = 1024 * 1024
MAX_ROWS = 5000
MAX_CELL = 300
REQUIRED = ("mittari", "pvm", "arvo")
OPTIONAL = ("kunta", "huomio")
DATE_FORMATS = ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y")
MUNICIPALITIES = {name.casefold(): name for name in Municipality.values}


class ImportFileError(Exception):
    """The file as a whole cannot be read (encoding, size, columns): one message."""


@dataclass
class PreviewRow:
    line: int  # the line of the file, for the user
    cells: dict[str, str]
    indicator: Indicator | None = None
    measured_on: date | None = None
    value: Decimal | None = None
    municipality: str = ""
    note: str = ""
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class Preview:
    period: ReportingPeriod
    rows: list[PreviewRow]
    delimiter: str

    @property
    def errors(self) -> int:
        return sum(1 for row in self.rows if row.errors)

    @property
    def valid(self) -> list[ValueRow]:
        return [
            ValueRow(
                indicator_id=row.indicator.pk,
                measured_on=row.measured_on,
                value=row.value,
                municipality=row.municipality,
                note=row.note,
            )
            for row in self.rows
            if row.ok and row.indicator and row.measured_on and row.value is not None
        ]


def rows_to_json(rows: list[ValueRow]) -> str:
    return json.dumps(
        [
            [r.indicator_id, r.measured_on.isoformat(), str(r.value), r.municipality, r.note]
            for r in rows
        ],
        ensure_ascii=False,
    )


def rows_from_json(data: str) -> list[ValueRow]:
    return [
        ValueRow(int(i), date.fromisoformat(d), Decimal(v), m, n)
        for i, d, v, m, n in json.loads(data)
    ]


def rows_token(period: ReportingPeriod, data: str) -> str:
    """Names one parsed import: confirming it twice finds it gone the second time."""
    return hashlib.sha256(f"{period.pk}:{data}".encode()).hexdigest()[:32]


def _decode(raw: bytes) -> str:
    if not raw.strip():
        raise ImportFileError(_("The file is empty."))
    if len(raw) > MAX_BYTES:
        raise ImportFileError(_("The file is larger than %(max)s kB.") % {"max": MAX_BYTES // 1024})
    if b"\x00" in raw:
        raise ImportFileError(_("This is not a CSV text file."))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(
            _("The file is not in UTF-8. In Excel, save it as “CSV UTF-8”.")
        ) from None


def _delimiter(text: str) -> str:
    header = text.splitlines()[0] if text else ""
    return ";" if header.count(";") >= header.count(",") else ","


def parse_number(text: str) -> Decimal | None:
    cleaned = re.sub(r"[\s\u00a0\u202f]", "", text).replace("\u2212", "-").replace(",", ".")
    if not re.fullmatch(r"[-+]?(\d+(\.\d*)?|\.\d+)", cleaned):
        return None
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        return None
    return number if abs(number) < Decimal("1e11") else None


def plain_number(number: Decimal) -> str:
    """12.500 → "12,5" in Finnish: no trailing zeros, no exponent."""
    return formats.number_format(Decimal(format(number.normalize(), "f")))


def parse_day(text: str) -> date | None:
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    return None


def _indicators(period: ReportingPeriod) -> list[Indicator]:
    return list(
        Indicator.objects.filter(
            Q(goal__strategy_id=period.strategy_id) | Q(programme__strategy_id=period.strategy_id)
        ).order_by("pk")
    )


def _short(day: date) -> str:
    return formats.date_format(day, "SHORT_DATE_FORMAT")


def preview_build(raw: bytes, *, period: ReportingPeriod) -> Preview:
    """Read and check the file; ImportFileError when it cannot be read at all."""
    text = _decode(raw)
    delimiter = _delimiter(text)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise ImportFileError(_("The file is not valid CSV: %(error)s") % {"error": exc}) from None
    if not records:
        raise ImportFileError(_("The file is empty."))
    header = [cell.strip().casefold() for cell in records[0]]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise ImportFileError(
            _(
                "The first row must name the columns %(required)s (and optionally %(optional)s); "
                "missing: %(missing)s."
            )
            % {
                "required": ", ".join(REQUIRED),
                "optional": ", ".join(OPTIONAL),
                "missing": ", ".join(missing),
            }
        )
    body = [
        (number, cells)
        for number, cells in enumerate(records[1:], start=2)
        if any(c.strip() for c in cells)
    ]
    if not body:
        raise ImportFileError(_("The file has a header row but no values."))
    if len(body) > MAX_ROWS:
        raise ImportFileError(_("At most %(max)s rows at a time.") % {"max": MAX_ROWS})
    indicators = _indicators(period)
    by_id = {str(i.pk): i for i in indicators}
    by_name: dict[str, list[Indicator]] = {}
    for indicator in indicators:
        by_name.setdefault(indicator.name.strip().casefold(), []).append(indicator)
    rows = []
    for number, cells in body:
        padded = [*cells, *([""] * (len(header) - len(cells)))]
        row = PreviewRow(
            line=number,
            cells={name: "" for name in (*REQUIRED, *OPTIONAL)}
            | {
                name: padded[index].strip()
                for index, name in enumerate(header)
                if name in (*REQUIRED, *OPTIONAL)
            },
        )
        if len(cells) > len(header):
            row.errors.append(_("The row has more fields than the header."))
        _check(row, period=period, by_id=by_id, by_name=by_name)
        rows.append(row)
    _check_duplicates(rows)
    return Preview(period=period, rows=rows, delimiter=delimiter)


def _check(
    row: PreviewRow,
    *,
    period: ReportingPeriod,
    by_id: dict[str, Indicator],
    by_name: dict[str, list[Indicator]],
) -> None:
    cells = row.cells
    name = cells.get("mittari", "")
    found = [by_id[name]] if name in by_id else by_name.get(name.casefold(), [])
    if not name:
        row.errors.append(_("The indicator is missing."))
    elif not found:
        row.errors.append(_("Unknown indicator “%(name)s”.") % {"name": name[:MAX_CELL]})
    elif len(found) > 1:
        row.errors.append(
            _("Several indicators are called “%(name)s”: use the number instead.") % {"name": name}
        )
    else:
        row.indicator = found[0]
    day_text = cells.get("pvm", "")
    row.measured_on = parse_day(day_text)
    if row.measured_on is None:
        row.errors.append(
            _("“%(text)s” is not a date; write e.g. 31.12.2026.") % {"text": day_text[:40]}
        )
    elif not period.start <= row.measured_on <= period.end:
        row.errors.append(
            _("The date %(day)s is outside the period %(code)s (%(start)s–%(end)s).")
            % {
                "day": _short(row.measured_on),
                "code": period.code,
                "start": _short(period.start),
                "end": _short(period.end),
            }
        )
    value_text = cells.get("arvo", "")
    row.value = parse_number(value_text)
    if row.value is None:
        row.errors.append(
            _("“%(text)s” is not a number; write e.g. 12,5.") % {"text": value_text[:40]}
        )
    place = cells.get("kunta", "")
    if place:
        if place.casefold() in MUNICIPALITIES:
            row.municipality = MUNICIPALITIES[place.casefold()]
        else:
            row.errors.append(
                _("“%(name)s” is not a member municipality of the county.") % {"name": place[:60]}
            )
    row.note = cells.get("huomio", "")
    if len(row.note) > MAX_CELL:
        row.errors.append(_("The note is longer than %(max)s characters.") % {"max": MAX_CELL})


def _check_duplicates(rows: list[PreviewRow]) -> None:
    seen: dict[tuple[int, date, str], int] = {}
    keys = [
        (row.indicator.pk, row.measured_on, row.municipality)
        for row in rows
        if row.indicator and row.measured_on
    ]
    stored = {
        (v.indicator_id, v.measured_on, v.municipality): v.value
        for v in IndicatorValue.objects.filter(
            indicator_id__in={key[0] for key in keys},
            measured_on__in={key[1] for key in keys},
        ).only("indicator_id", "measured_on", "municipality", "value")
    }
    for row in rows:
        if not (row.indicator and row.measured_on):
            continue
        key = (row.indicator.pk, row.measured_on, row.municipality)
        if key in seen:
            row.errors.append(
                _("The same indicator, date and area as on line %(line)s.") % {"line": seen[key]}
            )
        else:
            seen[key] = row.line
        if key in stored:
            row.errors.append(
                _(
                    "A value (%(value)s) is already stored for this indicator, date and area; "
                    "the import does not replace values."
                )
                % {"value": plain_number(stored[key])}
            )
