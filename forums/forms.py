"""Forms of the public participation pages: the directory's filters and registration."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from forums import rules
from forums.models import (
    SELF_REGISTERING_KINDS,
    ActivityField,
    Organisation,
    OrganisationKind,
)
from forums.services import OrganisationData
from forums.validators import validate_business_id


class BusinessIdField(forms.CharField):
    """A business ID (Y-tunnus): spaces removed, an old six-digit ID given its leading zero,
    and the check digit verified (the model field checks it again)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> str:
        return rules.normalise_business_id(super().to_python(value) or "")

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value:
            validate_business_id(value)


class OrganisationFieldsMixin(forms.Form):
    """What an organisation says of itself, shared by registration and the coordinator."""

    name = forms.CharField(label=_("Name of the organisation"), max_length=200)
    home_municipality = forms.ModelChoiceField(
        label=_("Home municipality"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("Outside the region, or not told"),
    )
    business_id = BusinessIdField(
        label=_("Business ID (Y-tunnus)"),
        help_text=_("Optional; e.g. 0112038-9. A registered association may not have one."),
    )
    activity_fields = forms.MultipleChoiceField(
        label=_("Fields of activity"),
        choices=ActivityField.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one field of activity.")},
    )
    website = forms.URLField(
        label=_("Website"), max_length=300, required=False, assume_scheme="https"
    )
    email = forms.EmailField(label=_("Public e-mail address"), max_length=254, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    address = forms.CharField(label=_("Contact address"), max_length=300, required=False)
    description = forms.CharField(
        label=_("What the organisation does"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("At most 2,000 characters. Shown on the organisation's page."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["home_municipality"].queryset = (  # type: ignore[attr-defined]
            Organisation.objects.municipalities().order_by("name")
        )

    def organisation_data(self) -> OrganisationData:
        data = self.cleaned_data
        return OrganisationData(
            name=data["name"],
            kind=data["kind"],
            home_municipality=data["home_municipality"],
            business_id=data["business_id"],
            website=data["website"],
            email=data["email"],
            phone=data["phone"],
            address=data["address"],
            description=data["description"],
            fields=tuple(data["activity_fields"]),
        )


class RegistrationForm(OrganisationFieldsMixin):
    """An association or foundation registers itself; no account is needed."""

    kind = forms.ChoiceField(
        label=_("Kind of organisation"),
        choices=[(kind.value, kind.label) for kind in SELF_REGISTERING_KINDS],
    )
    contact_name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        help_text=_("Not published. The coordinator may contact you about the registration."),
    )
    contact_email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("We send a confirmation link to this address. Not published."),
    )
    message = forms.CharField(
        label=_("Message to the organisations coordinator (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    consent = forms.BooleanField(
        label=_(
            "I may register this organisation, and its details above (not my name or "
            "address) may be published in the directory."
        ),
        error_messages={"required": _("Confirm that you may register the organisation.")},
    )
    # A honeypot: hidden from people (and from assistive technology), filled in by bots.
    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    field_order = [
        "name",
        "kind",
        "home_municipality",
        "business_id",
        "activity_fields",
        "description",
        "website",
        "email",
        "phone",
        "address",
        "contact_name",
        "contact_email",
        "message",
        "consent",
    ]

    @property
    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("homepage"))

    def organisation_fields(self) -> list[forms.BoundField]:
        """The fields about the organisation (published once approved), in order."""
        return [self[name] for name in self.field_order[:10]]


class OrganisationFilterForm(forms.Form):
    """The directory's filters; Finnish parameter names, as every public address."""

    haku = forms.CharField(
        label=_("Name contains"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    laji = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All kinds")), *OrganisationKind.choices], required=False
    )
    kunta = forms.ModelChoiceField(
        label=_("Home municipality"),
        queryset=Organisation.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("All municipalities"),
    )
    ala = forms.ChoiceField(
        label=_("Field of activity"),
        choices=[("", _("All fields")), *ActivityField.choices],
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kunta"].queryset = (  # type: ignore[attr-defined]
            Organisation.objects.municipalities().order_by("name")
        )
