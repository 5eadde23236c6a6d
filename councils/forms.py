from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _

from councils.models import Body, EntryKind, Outcome
from councils.search import SearchFilters
from portal.lib.dates import BoundedDateField

# The kinds of record in the search's URL (?laji=...), in Finnish like the rest of the URL.
KIND_OF_URL_WORD = {
    "paatokset": EntryKind.DECISION,
    "esityslistat": EntryKind.ITEM,
    "viranhaltija": EntryKind.OFFICIAL,
    "asiat": EntryKind.CASE,
    "liitteet": EntryKind.ATTACHMENT,
}
KINDS_IN_URL = {
    "paatokset": _("Decisions"),
    "esityslistat": _("Agenda items not yet decided"),
    "viranhaltija": _("Officials' decisions"),
    "asiat": _("Cases"),
    "liitteet": _("Attachments"),
}


class _ListedChoices(ModelChoiceIterator):
    """The choices from one ordinary query. ModelChoiceIterator reads them with
    `iterator()`, which on PostgreSQL opens a server-side cursor: three more round trips
    for a list of some thirty bodies, on every page that shows the filters."""

    def __iter__(self) -> Iterator[tuple[Any, Any]]:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset.all():
            yield self.choice(obj)


class _BodyChoiceField(forms.ModelChoiceField):
    iterator = _ListedChoices


class DecisionFilterForm(forms.Form):
    """Filters of the public decisions list; every field is optional."""

    toimielin = _BodyChoiceField(
        label=_("Body"),
        # What an option and a filter need: not the bodies' descriptions and rules
        # (reading the whole rows cost three times as much, on every page with filters).
        queryset=Body.objects.only("pk", "slug", "name"),
        to_field_name="slug",
        required=False,
        empty_label=_("All bodies"),
    )
    alkaen = BoundedDateField(label=_("From"), required=False)
    asti = BoundedDateField(label=_("To"), required=False)
    tulos = forms.ChoiceField(
        label=_("Outcome"),
        choices=[("", _("All outcomes")), *Outcome.choices],
        required=False,
    )
    # Procedural items (legality and quorum, minutes checkers, items noted) are left out
    # unless asked for: residents come for what was decided.
    muodolliset = forms.BooleanField(
        label=_("Show procedural items too"),
        help_text=_("Such as the legality of the meeting and the choice of minutes checkers."),
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("alkaen"), data.get("asti")
        if start and end and start > end:
            self.add_error("asti", _("The end date is before the start date."))
        return data


class SearchForm(DecisionFilterForm):
    """The search: words, the decision filters, the kind of document and the order."""

    q = forms.CharField(
        label=_("Search words"),
        max_length=500,
        required=False,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    laji = forms.ChoiceField(
        label=_("Kind of document"),
        choices=[("", _("Everything")), *KINDS_IN_URL.items()],
        required=False,
    )
    jarjestys = forms.ChoiceField(
        label=_("Order"),
        choices=[("", _("Most relevant first")), ("uusin", _("Newest first"))],
        required=False,
    )
    # Search finds procedural items too, after the substantive ones, unless hidden.
    muodolliset = None  # type: ignore[assignment]
    piilota_muodolliset = forms.BooleanField(
        label=_("Hide procedural items"),
        help_text=_("Such as the legality of the meeting and the choice of minutes checkers."),
        required=False,
    )

    field_order = [
        "q",
        "toimielin",
        "alkaen",
        "asti",
        "tulos",
        "laji",
        "jarjestys",
        "piilota_muodolliset",
    ]

    def filters(self) -> SearchFilters:
        data = self.cleaned_data
        return SearchFilters(
            text=data["q"],
            body=data["toimielin"],
            start=data["alkaen"],
            end=data["asti"],
            outcome=data["tulos"],
            kind=KIND_OF_URL_WORD.get(data["laji"], ""),
            newest_first=data["jarjestys"] == "uusin",
            hide_procedural=data["piilota_muodolliset"],
        )
