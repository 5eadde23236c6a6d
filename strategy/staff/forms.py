"""The strategy staff's forms: input parsing only; the writes are in strategy/services.py."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from councils.models import AgendaItem
from portal.lib import dates
from portal.lib.dates import BoundedDateField
from strategy.choices import Municipality, Status
from strategy.staff.csv_import import MAX_BYTES, parse_number

DATE_INPUTS = ["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"]


class ValueForm(forms.Form):
    """One measured value of one indicator."""

    measured_on = BoundedDateField(
        label=_("Date measured"),
        input_formats=DATE_INPUTS,
        latest=dates.today,
        help_text=_("For example 31.12.2026."),
    )
    value = forms.CharField(
        label=_("Value"),
        max_length=40,
        help_text=_("A number; a decimal comma is fine, e.g. 12,5."),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    municipality = forms.ChoiceField(
        label=_("Municipality"),
        required=False,
        choices=[("", _("The whole county")), *Municipality.choices],
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def clean_value(self) -> Decimal:
        number = parse_number(self.cleaned_data["value"])
        if number is None:
            raise ValidationError(_("The value must be a number, e.g. 12,5."))
        return number


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "UTF-8, separated by semicolons or commas, at most 1 MB. Columns: mittari, pvm, "
            "arvo, and optionally kunta and huomio."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size is not None and upload.size > MAX_BYTES:
            raise ValidationError(
                _("The file is larger than %(max)s kB.") % {"max": MAX_BYTES // 1024}
            )
        return upload


class StatusUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)
    reason = forms.CharField(
        label=_("Reason for a status other than the suggestion"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when the status differs from what the indicators suggest."),
    )
    narrative = forms.CharField(
        label=_("What happened"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    risks = forms.CharField(
        label=_("Risks"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    next_steps = forms.CharField(
        label=_("Next steps"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    token = forms.CharField(required=False, widget=forms.HiddenInput)


class CloseForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I have checked the status updates: close the period and freeze its report."),
    )


class AttachForm(forms.Form):
    agenda_item = forms.ModelChoiceField(
        label=_("Agenda item"),
        queryset=AgendaItem.objects.none(),
        help_text=_("Items of meetings whose minutes are not yet published, of your bodies."),
    )

    def __init__(self, *args: Any, items: QuerySet[AgendaItem], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["agenda_item"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = items
        field.label_from_instance = lambda item: (  # type: ignore[method-assign,assignment]
            f"{item.meeting.body.name} {item.meeting.start:%d.%m.%Y} § {item.section} {item.title}"
        )
