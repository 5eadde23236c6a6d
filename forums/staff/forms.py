"""Forms of the organisations coordinator and the chairs' forum's secretary."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from councils.models import Body, Meeting, MembershipRole, Person
from forums.forms import OrganisationFieldsMixin
from forums.models import AgreementGoal, FollowUpAssessment, OrganisationKind


class OrganisationForm(OrganisationFieldsMixin):
    kind = forms.ChoiceField(label=_("Kind of organisation"), choices=OrganisationKind.choices)

    field_order = [
        "name",
        "kind",
        "home_municipality",
        "business_id",
        "activity_fields",
        "description",
    ]


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for rejecting"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The applicant is told this reason by e-mail."),
    )


SEAT_ROLES = [
    (MembershipRole.MEMBER.value, MembershipRole.MEMBER.label),
    (MembershipRole.CHAIR.value, MembershipRole.CHAIR.label),
    (MembershipRole.VICE_CHAIR.value, MembershipRole.VICE_CHAIR.label),
]


class RepresentativeForm(forms.Form):
    """Name a representative: an existing person, or a new one by name; optionally a seat."""

    person = forms.ModelChoiceField(
        label=_("Person already in the records"),
        queryset=Person.objects.none(),
        required=False,
        empty_label=_("A new person (give the name below)"),
    )
    first_name = forms.CharField(label=_("First name"), max_length=100, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=100, required=False)
    title = forms.CharField(
        label=_("Position in the organisation"),
        max_length=200,
        required=False,
        help_text=_("For example: chair, executive director, mayor."),
    )
    body = forms.ModelChoiceField(
        label=_("Seat in a forum (optional)"),
        queryset=Body.objects.none(),
        required=False,
        empty_label=_("No seat"),
    )
    role = forms.ChoiceField(label=_("Role in the forum"), choices=SEAT_ROLES, required=False)
    start = forms.DateField(
        label=_("Seat from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args: Any, forums: QuerySet[Body], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.order_by(  # type: ignore[attr-defined]
            "last_name", "first_name"
        )
        self.fields["body"].queryset = forums  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("person") and not (data.get("first_name") and data.get("last_name")):
            raise forms.ValidationError(
                _("Choose a person, or give the new person's first and last name.")
            )
        start = data.get("start")
        if start is not None and abs((start - timezone.localdate()).days) > 3660:
            self.add_error("start", _("Give a date within ten years of today."))
        return data


class FollowUpForm(forms.Form):
    """One goal's follow-up for the year (prefix: the goal's id)."""

    assessment = forms.ChoiceField(
        label=_("Assessment"),
        choices=[("", _("Not assessed yet")), *FollowUpAssessment.choices],
        required=False,
    )
    summary = forms.CharField(
        label=_("What the forum found"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, goal: AgreementGoal, **kwargs: Any) -> None:
        kwargs["prefix"] = f"goal-{goal.pk}"
        super().__init__(*args, **kwargs)
        self.goal = goal

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if bool(data.get("assessment")) != bool((data.get("summary") or "").strip()):
            raise forms.ValidationError(
                _("“%(goal)s”: give both the assessment and what was found, or neither.")
                % {"goal": self.goal.title}
            )
        return data


class FollowUpYearForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2020, max_value=2100)
    meeting = forms.ModelChoiceField(
        label=_("Recorded at the meeting"),
        queryset=Meeting.objects.none(),
        required=False,
        empty_label=_("Not at a meeting"),
    )

    def __init__(self, *args: Any, meetings: QuerySet[Meeting], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings  # type: ignore[attr-defined]
