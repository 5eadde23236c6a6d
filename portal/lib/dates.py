"""Date fields with sane bounds: every date a form takes lies between two named limits."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

# No record of the county's decision making is older (the county's predecessors' records
# are not entered here); no planned date lies further ahead than this many years.
EARLIEST = date(2000, 1, 1)
YEARS_AHEAD = 5

Limit = date | Callable[[], date]


def years_ahead(years: int) -> Callable[[], date]:
    def limit() -> date:
        today = timezone.localdate()
        try:
            return today.replace(year=today.year + years)
        except ValueError:  # 29 February
            return today.replace(year=today.year + years, day=28)

    return limit


def today() -> date:
    return timezone.localdate()


LATEST = years_ahead(YEARS_AHEAD)


def _resolve(limit: Limit) -> date:
    return limit() if callable(limit) else limit


class BoundedDateField(forms.DateField):
    """A DateField between `earliest` and `latest` (dates, or callables giving one).

    A date outside is refused with a message naming the limit, and the browser's date
    input gets the same limits as min and max.
    """

    def __init__(
        self,
        *,
        earliest: Limit = EARLIEST,
        latest: Limit = LATEST,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("widget", forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
        super().__init__(**kwargs)
        self.earliest, self.latest = earliest, latest

    def get_bound_field(self, form: forms.BaseForm, field_name: str) -> forms.BoundField:
        # The limits may move with the day: set them on the widget when rendered.
        self.widget.attrs.update(
            min=_resolve(self.earliest).isoformat(), max=_resolve(self.latest).isoformat()
        )
        return super().get_bound_field(form, field_name)

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value in self.empty_values:
            return
        earliest, latest = _resolve(self.earliest), _resolve(self.latest)
        if value < earliest:
            raise forms.ValidationError(
                _("The date must be %(limit)s or later.") % {"limit": _format(earliest)},
                code="too_early",
            )
        if value > latest:
            raise forms.ValidationError(
                _("The date must be %(limit)s or earlier.") % {"limit": _format(latest)},
                code="too_late",
            )


def _format(day: date) -> str:
    return formats.date_format(day, "SHORT_DATE_FORMAT")
