"""Forms of initiatives: the public ones (submit, support, the list's filters) and the staff's."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from councils.models import AgendaItem, Body, BodyKind, OfficialDecision
from forums.identity import Eligibility
from forums.initiatives import InitiativeData
from forums.models import (
    BASES_OF_KIND,
    PUBLIC_KINDS,
    PUBLIC_STATES,
    InitiativeKind,
    MembershipBasis,
    Municipality,
)
from forums.models.initiatives import MUNICIPAL_BASES
from forums.participation import CONSENT_SUPPORT, PERSONAL_DATA_KEPT_DAYS, HoneypotMixin
from portal.lib.dates import BoundedDateField, years_ahead
from portal.lib.dates import today as today_limit

# Bodies an initiative may be addressed to: those that decide, not advisory ones.
ADDRESSABLE_KINDS = [
    BodyKind.COUNCIL,
    BodyKind.EXECUTIVE_BOARD,
    BodyKind.DIVISION,
    BodyKind.COMMITTEE,
]


def addressable_bodies() -> QuerySet[Body]:
    return Body.objects.active().filter(kind__in=ADDRESSABLE_KINDS).order_by("order", "name")


PUBLIC_BASES = [
    (basis.value, basis.label)
    for basis in MembershipBasis
    if any(basis.value in BASES_OF_KIND[kind] for kind in PUBLIC_KINDS)
]
MUNICIPALITY_CHOICES = [("", _("Choose a municipality")), *Municipality.choices]


def _text(label: Any, *, max_length: int, required: bool = True, rows: int = 5, **kw: Any) -> Any:
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        widget=forms.Textarea(attrs={"rows": rows}),
        **kw,
    )


class InitiativeForm(HoneypotMixin, forms.Form):
    """A resident's or service user's initiative; no account is needed (double opt-in)."""

    kind = forms.ChoiceField(
        label=_("Kind of initiative"),
        choices=[(kind.value, kind.label) for kind in InitiativeKind if kind in PUBLIC_KINDS],
        widget=forms.RadioSelect,
        initial=InitiativeKind.RESIDENT,
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    proposal = _text(
        _("What do you propose?"),
        max_length=5000,
        help_text=_("At most 5,000 characters. Plain text; line breaks are kept."),
    )
    reasons = _text(_("Reasons (optional)"), max_length=5000, required=False)
    concerns = forms.CharField(
        label=_("The service or matter it concerns"),
        max_length=200,
        help_text=_("For example: home care in Heinola, the youth chat service."),
    )
    addressed_to = forms.ModelChoiceField(
        label=_("Addressed to"),
        queryset=Body.objects.none(),
        empty_label=_("Choose a body"),
        help_text=_("If you are not sure, choose the executive board: it routes the initiative."),
    )
    basis = forms.ChoiceField(
        label=_("Your right to make the initiative"),
        choices=PUBLIC_BASES,
        widget=forms.RadioSelect,
        help_text=_(
            "Members of the county and users of a service may make initiatives (HVAL 30 §)."
        ),
    )
    municipality = forms.ChoiceField(
        label=_("Municipality"),
        choices=MUNICIPALITY_CHOICES,
        required=False,
        help_text=_(
            "Your home municipality, or where the association is domiciled or the property is."
        ),
    )
    initiators = forms.CharField(
        label=_("Initiators as shown publicly (optional)"),
        max_length=300,
        required=False,
        help_text=_("Names or an organisation, as you wish them published. Empty: “a resident”."),
    )
    contact_name = forms.CharField(
        label=_("Contact person"),
        max_length=200,
        help_text=_("Not published. The county tells the contact person of every step."),
    )
    contact_email = forms.EmailField(
        label=_("Contact person's e-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("We send a confirmation link to this address. Never published."),
    )
    declaration = forms.BooleanField(
        label=_(
            "I declare that I have the right I chose above. (In this demo your word is taken; "
            "the county's service would identify you through Suomi.fi.)"
        ),
        error_messages={"required": _("Declare your right to make the initiative.")},
    )
    consent = forms.BooleanField(
        label=_(
            "The initiative, with the initiators' line above, is published once I confirm it. "
            "My contact details are never published and are removed %(days)s days after the "
            "initiative has been closed."
        )
        % {"days": PERSONAL_DATA_KEPT_DAYS},
        error_messages={"required": _("Agree to the publication of the initiative.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["addressed_to"].queryset = addressable_bodies()  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind, basis = data.get("kind"), data.get("basis")
        if kind and basis and basis not in BASES_OF_KIND[kind]:
            self.add_error(
                "basis",
                _("A service-user initiative is made by a user of the service; choose that ground.")
                if kind == InitiativeKind.SERVICE_USER
                else _(
                    "A resident initiative is made by a member of the county; choose your ground."
                ),
            )
        if basis in MUNICIPAL_BASES and not data.get("municipality"):
            self.add_error("municipality", _("Choose the municipality of the region."))
        return data

    def initiative_data(self) -> InitiativeData:
        data = self.cleaned_data
        return InitiativeData(
            kind=data["kind"],
            title=data["title"],
            proposal=data["proposal"],
            reasons=data["reasons"],
            concerns=data["concerns"],
            addressed_to=data["addressed_to"],
            basis=data["basis"],
            initiators=data["initiators"],
            municipality=data["municipality"] if data["basis"] in MUNICIPAL_BASES else "",
        )

    def eligibility(self) -> Eligibility:
        data = self.cleaned_data
        return Eligibility(
            name=data["contact_name"],
            municipality=data["municipality"],
            basis=data["basis"],
            declared=data["declaration"],
        )


class SupportForm(HoneypotMixin, forms.Form):
    """Support an initiative: name, home municipality, e-mail (double opt-in), consent."""

    name = forms.CharField(
        label=_("Your name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    municipality = forms.ChoiceField(label=_("Home municipality"), choices=MUNICIPALITY_CHOICES)
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("We send a confirmation link to this address. Never published."),
    )
    publish_name = forms.BooleanField(
        label=_("My name may be published on the initiative's page."),
        required=False,
        help_text=_("Without this, your support is counted but your name is not shown."),
    )
    declaration = forms.BooleanField(
        label=_(
            "I am a resident of the region or a user of the service concerned. (In this demo "
            "your word is taken; the county's service would identify you through Suomi.fi.)"
        ),
        error_messages={"required": _("Declare that you may support the initiative.")},
    )
    consent = forms.BooleanField(
        label=CONSENT_SUPPORT,
        error_messages={"required": _("Agree to how your support is kept.")},
    )

    field_order = ["name", "municipality", "email", "publish_name", "declaration", "consent"]

    def eligibility(self) -> Eligibility:
        data = self.cleaned_data
        return Eligibility(
            name=data["name"],
            municipality=data["municipality"],
            basis=MembershipBasis.RESIDENT,
            declared=data["declaration"],
        )


class InitiativeFilterForm(forms.Form):
    """The list's filters; Finnish parameter names, as every public address."""

    tila = forms.ChoiceField(
        label=_("State"),
        choices=[("", _("All states")), *[(s.value, s.label) for s in PUBLIC_STATES]],
        required=False,
    )
    toimielin = forms.ModelChoiceField(
        label=_("Addressed to"),
        queryset=Body.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("All bodies"),
    )
    laji = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All kinds")), *InitiativeKind.choices], required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["toimielin"].queryset = addressable_bodies()  # type: ignore[attr-defined]


# --- Staff --------------------------------------------------------------------------------------


class RegisterForm(forms.Form):
    diary_number = forms.CharField(
        label=_("Diary number"),
        max_length=40,
        help_text=_("For example 123/00.01.02/2025: number, task class and year."),
    )


class RouteForm(forms.Form):
    handling_body = forms.ModelChoiceField(
        label=_("Body that decides on it (optional)"),
        queryset=Body.objects.none(),
        required=False,
        empty_label=_("An official decides"),
    )
    handling_unit = forms.CharField(
        label=_("Service or unit preparing it"), max_length=200, required=False
    )
    answer_due = BoundedDateField(
        label=_("Answer expected by"), earliest=today_limit, latest=years_ahead(2)
    )
    handling_contact = forms.CharField(
        label=_("Contact person at the county"),
        max_length=200,
        help_text=_("An official's name, title and work contact details; shown publicly."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["handling_body"].queryset = addressable_bodies()  # type: ignore[attr-defined]


class HearingForm(forms.Form):
    heard_on = BoundedDateField(label=_("Heard on"), latest=today_limit)
    note = _text(
        _("How they were heard"),
        max_length=5000,
        rows=3,
        help_text=_("A meeting, a written opinion, or that they declined. Shown publicly."),
    )


class AnswerForm(forms.Form):
    answer_item = forms.ModelChoiceField(
        label=_("Agenda item that answered it"),
        queryset=AgendaItem.objects.none(),
        required=False,
        empty_label=_("None (an official's decision)"),
    )
    answer_decision = forms.ModelChoiceField(
        label=_("Official's decision that answered it"),
        queryset=OfficialDecision.objects.none(),
        required=False,
        empty_label=_("None (an agenda item)"),
    )
    measures = _text(_("Measures taken"), max_length=5000, rows=4)

    def __init__(self, *args: Any, items: QuerySet[AgendaItem], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        item_field = self.fields["answer_item"]
        assert isinstance(item_field, forms.ModelChoiceField)
        item_field.queryset = items
        item_field.label_from_instance = lambda item: (  # type: ignore[method-assign,assignment]
            f"{item.meeting.body.name} {timezone.localtime(item.meeting.start):%d.%m.%Y} "
            f"§ {item.section} {item.title}"
        )
        decision_field = self.fields["answer_decision"]
        assert isinstance(decision_field, forms.ModelChoiceField)
        # The recent ones: an initiative is answered within months, not years.
        since = timezone.localdate().replace(day=1, month=1) - timedelta(days=3 * 366)
        decision_field.queryset = (
            OfficialDecision.objects.published()
            .filter(decided_on__gte=since)
            .order_by("-decided_on")
        )
        decision_field.label_from_instance = lambda d: (  # type: ignore[method-assign,assignment]
            f"{d.decided_on:%d.%m.%Y} {d.official_title}: {d.title}"
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if bool(data.get("answer_item")) == bool(data.get("answer_decision")):
            raise forms.ValidationError(
                _(
                    "Choose the one decision that answered it: an agenda item or an official's decision."
                )
            )
        return data


class CloseForm(forms.Form):
    note = _text(_("Closing note (optional)"), max_length=2000, required=False, rows=2)


class ReportForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2020, max_value=2100)

    def clean_year(self) -> int:
        year = int(self.cleaned_data["year"])
        if year > timezone.localdate().year:
            raise forms.ValidationError(_("The report is made of a past year or the current one."))
        return year


class ReportAttachForm(forms.Form):
    agenda_item = forms.ModelChoiceField(
        label=_("Council agenda item"),
        queryset=AgendaItem.objects.none(),
        help_text=_("Items of the council's meetings whose minutes are not yet published."),
    )

    def __init__(self, *args: Any, items: QuerySet[AgendaItem], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["agenda_item"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = items
        field.label_from_instance = lambda item: (  # type: ignore[method-assign,assignment]
            f"{item.meeting.body.name} {timezone.localtime(item.meeting.start):%d.%m.%Y} "
            f"§ {item.section} {item.title}"
        )


class InitiativeRecordForm(forms.Form):
    """The registry records an initiative that arrived otherwise: a council member's at the
    council meeting, an advisory council's decision, a letter."""

    kind = forms.ChoiceField(label=_("Kind of initiative"), choices=InitiativeKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    proposal = _text(_("Proposal"), max_length=5000)
    reasons = _text(_("Reasons (optional)"), max_length=5000, required=False)
    concerns = forms.CharField(label=_("The service or matter it concerns"), max_length=200)
    addressed_to = forms.ModelChoiceField(
        label=_("Addressed to"), queryset=Body.objects.none(), empty_label=_("Choose a body")
    )
    basis = forms.ChoiceField(
        label=_("Right to make the initiative"), choices=MembershipBasis.choices
    )
    municipality = forms.ChoiceField(
        label=_("Municipality"), choices=MUNICIPALITY_CHOICES, required=False
    )
    initiators = forms.CharField(
        label=_("Initiators as shown publicly"),
        max_length=300,
        help_text=_("For example: council member Maija Meikäläinen and 12 other members."),
    )
    received_on = BoundedDateField(label=_("Received on"), latest=today_limit)
    contact_name = forms.CharField(
        label=_("Contact person (optional)"), max_length=200, required=False
    )
    contact_email = forms.EmailField(
        label=_("Contact person's e-mail address (optional)"),
        max_length=254,
        required=False,
        help_text=_("Never published; the initiators are told of each step at this address."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["addressed_to"].queryset = addressable_bodies()  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind, basis = data.get("kind"), data.get("basis")
        if kind and basis and basis not in BASES_OF_KIND[kind]:
            labels = dict(MembershipBasis.choices)
            self.add_error(
                "basis",
                _("This kind of initiative is made on these grounds: %(bases)s.")
                % {"bases": "; ".join(str(labels[b]) for b in BASES_OF_KIND[kind])},
            )
        if basis in MUNICIPAL_BASES and not data.get("municipality"):
            self.add_error("municipality", _("Choose the municipality of the region."))
        return data

    def initiative_data(self) -> InitiativeData:
        data = self.cleaned_data
        return InitiativeData(
            kind=data["kind"],
            title=data["title"],
            proposal=data["proposal"],
            reasons=data["reasons"],
            concerns=data["concerns"],
            addressed_to=data["addressed_to"],
            basis=data["basis"],
            initiators=data["initiators"],
            municipality=data["municipality"] if data["basis"] in MUNICIPAL_BASES else "",
        )
