"""Forms of the clerks' views. Every visible string is translatable; limits are explicit."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from django import forms
from django.core.validators import MaxLengthValidator
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from councils import rules
from councils.models import (
    AgendaItem,
    AppealType,
    Body,
    Case,
    CounterResolution,
    DisqualificationGround,
    MeetingMode,
    Office,
    Outcome,
    Person,
    Presence,
    Proposal,
    TakeUp,
    VoteMethod,
)
from councils.rules import confidential_item_problems
from portal.lib import dates
from portal.lib.dates import BoundedDateField
from portal.lib.sanitize import editable_to_html, html_to_editable


class MeetingForm(forms.Form):
    body = forms.ModelChoiceField(label=_("Body"), queryset=Body.objects.none())
    day = BoundedDateField(
        label=_("Date"),
        earliest=dates.today,
        latest=lambda: rules.meeting_latest_day(today=timezone.localdate()),
    )
    # HH:MM, the only form a browser's time input keeps as its value.
    start_time = forms.TimeField(
        label=_("Starts at"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        initial=time(14, 0),
    )
    end_time = forms.TimeField(
        label=_("Ends at (estimate)"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    place = forms.CharField(label=_("Place"), max_length=300, required=False)
    mode = forms.ChoiceField(label=_("Form of meeting"), choices=MeetingMode.choices)
    stream_url = forms.URLField(
        label=_("Live stream address"), required=False, max_length=200, assume_scheme="https"
    )

    def __init__(self, *args: Any, bodies: QuerySet[Body], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        day, start = data.get("day"), data.get("start_time")
        if day and start:
            tz = timezone.get_current_timezone()
            data["start"] = datetime.combine(day, start, tzinfo=tz)
            end = data.get("end_time")
            data["end"] = datetime.combine(day, end, tzinfo=tz) if end else None
            if data["end"] and data["end"] <= data["start"]:
                self.add_error("end_time", _("The meeting must end after it starts."))
        return data


class ItemAddForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300, required=False)
    case_query = forms.CharField(
        label=_("Existing case (diary number or words of its title)"),
        max_length=200,
        required=False,
    )
    diary_number = forms.CharField(
        label=_("Or a new case: diary number"),
        max_length=40,
        required=False,
        help_text=_("For example 123/00.01.02/2026."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        query = (data.get("case_query") or "").strip()
        data["case"] = None
        if query and data.get("diary_number"):
            raise forms.ValidationError(
                _("Choose an existing case or give a new diary number, not both.")
            )
        if query:
            matches = list(
                Case.objects.filter(Q(diary_number=query) | Q(title__icontains=query))[:6]
            )
            exact = [case for case in matches if case.diary_number == query]
            if exact:
                data["case"] = exact[0]
            elif len(matches) == 1:
                data["case"] = matches[0]
            elif not matches:
                self.add_error("case_query", _("No case matches “%(query)s”.") % {"query": query})
            else:
                self.add_error(
                    "case_query",
                    _("Several cases match; give the diary number: %(cases)s")
                    % {"cases": "; ".join(str(case) for case in matches[:5])},
                )
        if not data.get("title") and not data.get("case") and not self.errors:
            self.add_error("title", _("Give the item a title."))
        return data


# Help texts are shown as HTML by Django's field template: this one must contain none.
RICH_TEXT_HELP = _(
    "Separate paragraphs with a blank line. Mark personal data with double square brackets, "
    "for example [[Maija Meikäläinen]]: it is hidden from the public web when the appeal "
    "period ends."
)


class ItemForm(forms.ModelForm):
    """The item editor. `version` is the optimistic lock: the version the form was opened at."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = AgendaItem
        fields = [
            "title",
            "summary",
            "body",
            "proposal",
            "preparer",
            "presenter",
            "is_public",
            "secrecy_basis",
            "appeal_type",
            "is_procedural",
        ]
        labels = {
            "body": _("Background (the reasons)"),
            "proposal": _("Proposal"),
            "is_public": _("Public item"),
        }
        help_texts = {
            "body": RICH_TEXT_HELP,
            "proposal": RICH_TEXT_HELP,
            "summary": _("One or two sentences for lists and search results."),
        }
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 2}),
            "body": forms.Textarea(attrs={"rows": 12}),
            "proposal": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args: Any, proposal_only: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        people = Person.objects.order_by("last_name", "first_name")
        self.fields["preparer"].queryset = people  # type: ignore[attr-defined]
        self.fields["presenter"].queryset = people  # type: ignore[attr-defined]
        for name in ("summary", "body", "proposal"):
            self.fields[name].validators.append(MaxLengthValidator(100_000))
        for name in ("body", "proposal"):
            if not self.is_bound and self.instance.pk:
                self.initial[name] = html_to_editable(getattr(self.instance, name))
        if proposal_only:
            for name in list(self.fields):
                if name not in ("proposal", "version"):
                    del self.fields[name]

    def clean_body(self) -> str:
        return editable_to_html(self.cleaned_data["body"])

    def clean_proposal(self) -> str:
        return editable_to_html(self.cleaned_data["proposal"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "is_public" in self.fields and not data.get("is_public", True):
            problems = confidential_item_problems(
                title=data.get("title", ""), secrecy_basis=data.get("secrecy_basis", "")
            )
            if "bare_title" in problems:
                self.add_error(
                    "title",
                    _(
                        "A confidential item needs a descriptive title; “ei julkinen” alone tells the public nothing."
                    ),
                )
            if "missing_basis" in problems:
                self.add_error("secrecy_basis", _("Give the legal basis for secrecy."))
        return data


class AttendanceForm(forms.Form):
    """One person's attendance; a formset of these is the attendance list.

    The role is not a field: it comes from the person's membership of the body (and the
    chair from the chair field of `ChairForm`), so no posted value can make anyone chair.
    """

    person = forms.ModelChoiceField(queryset=Person.objects.none(), widget=forms.HiddenInput)
    presence = forms.ChoiceField(
        label=_("Presence"), choices=[("", _("not recorded")), *Presence.choices], required=False
    )
    arrived_at = forms.IntegerField(
        label=_("Arrived during §"), min_value=1, max_value=100_000, required=False
    )
    left_at = forms.IntegerField(
        label=_("Left during §"), min_value=1, max_value=100_000, required=False
    )

    def __init__(self, *args: Any, people: QuerySet[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        arrived, left = data.get("arrived_at"), data.get("left_at")
        if arrived and left and left < arrived:
            self.add_error("left_at", _("Leaving cannot come before arriving."))
        return data


class ChairForm(forms.Form):
    """Who chaired the meeting: one of the body's seated members, the body's chair first."""

    chair = forms.ModelChoiceField(
        label=_("Chair of the meeting"),
        queryset=Person.objects.none(),
        required=False,
        empty_label=_("not recorded"),
        help_text=_("Pre-filled with the body's chair; choose the vice-chair if they chaired."),
    )

    def __init__(self, *args: Any, seated: QuerySet[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["chair"].queryset = seated  # type: ignore[attr-defined]


class HandlingForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices)

    def clean_decision(self) -> str:
        return editable_to_html(self.cleaned_data["decision"])

    def clean_notes(self) -> str:
        return editable_to_html(self.cleaned_data["notes"])

    decision = forms.CharField(
        label=_("Decision"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        max_length=100_000,
        help_text=RICH_TEXT_HELP,
    )
    notes = forms.CharField(
        label=_("Handling notes"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=100_000,
        help_text=_("What happened during the handling: discussion, proposals, who left the room."),
    )


class CounterProposalForm(forms.Form):
    proposer = forms.ModelChoiceField(label=_("Proposed by"), queryset=Person.objects.none())
    seconder = forms.ModelChoiceField(
        label=_("Seconded by"),
        queryset=Person.objects.none(),
        required=False,
        empty_label=_("nobody"),
    )
    text = forms.CharField(
        label=_("Counter-proposal"), widget=forms.Textarea(attrs={"rows": 3}), max_length=10_000
    )

    def __init__(self, *args: Any, members: QuerySet[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["proposer"].queryset = members  # type: ignore[attr-defined]
        self.fields["seconder"].queryset = members  # type: ignore[attr-defined]


class CounterSettleForm(forms.Form):
    """A seconded counter-proposal settled without a vote: withdrawn or adopted unanimously."""

    proposal = forms.ModelChoiceField(
        label=_("Counter-proposal"), queryset=Proposal.objects.none(), widget=forms.HiddenInput
    )
    resolution = forms.ChoiceField(label=_("Settled"), choices=CounterResolution.choices)

    def __init__(self, *args: Any, proposals: QuerySet[Proposal], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["proposal"].queryset = proposals  # type: ignore[attr-defined]


BALLOT_CHOICES = [
    ("yes", _("Yes (Jaa)")),
    ("no", _("No (Ei)")),
    ("blank", _("Blank (Tyhjä)")),
    ("absent", _("Absent")),
]


class VoteForm(forms.Form):
    """A vote: the counter-proposal put against the presenter's, and one ballot per member.

    Every member's ballot starts as Yes, so "all Yes except" means changing a few.
    """

    counter_proposal = forms.ModelChoiceField(
        label=_("Counter-proposal (No)"), queryset=Proposal.objects.none()
    )
    method = forms.ChoiceField(label=_("Method"), choices=VoteMethod.choices)
    chair = forms.ModelChoiceField(label=_("Chair"), queryset=Person.objects.none())

    def __init__(
        self, *args: Any, proposals: QuerySet[Proposal], voters: list[Person], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.voters = voters
        self.fields["counter_proposal"].queryset = proposals  # type: ignore[attr-defined]
        if len(proposals) == 1:
            self.fields["counter_proposal"].initial = proposals[0].pk
        self.fields["chair"].queryset = Person.objects.filter(pk__in=[p.pk for p in voters])  # type: ignore[attr-defined]
        for person in voters:
            self.fields[f"ballot_{person.pk}"] = forms.ChoiceField(
                label=person.full_name, choices=BALLOT_CHOICES, initial="yes"
            )

    def ballot_fields(self) -> list[forms.BoundField]:
        return [self[f"ballot_{person.pk}"] for person in self.voters]

    def ballots(self) -> dict[int, str]:
        return {
            int(name.removeprefix("ballot_")): value
            for name, value in self.cleaned_data.items()
            if name.startswith("ballot_")
        }


class DisqualificationForm(forms.Form):
    person = forms.ModelChoiceField(label=_("Member"), queryset=Person.objects.none())
    ground = forms.ChoiceField(label=_("Ground"), choices=DisqualificationGround.choices)
    left_room = forms.BooleanField(
        label=_("Left the room during the handling"), required=False, initial=True
    )

    def __init__(self, *args: Any, members: QuerySet[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = members  # type: ignore[attr-defined]


class DissentForm(forms.Form):
    person = forms.ModelChoiceField(label=_("Member"), queryset=Person.objects.none())
    reasons = forms.CharField(
        label=_("Reasons"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=10_000,
    )

    def __init__(self, *args: Any, members: QuerySet[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = members  # type: ignore[attr-defined]


class MinutesForm(forms.Form):
    checked_at_meeting = forms.BooleanField(
        label=_("The minutes were checked at the meeting"), required=False
    )
    checker_1 = forms.ModelChoiceField(
        label=_("First checker"), queryset=Person.objects.none(), required=False
    )
    checker_2 = forms.ModelChoiceField(
        label=_("Second checker"), queryset=Person.objects.none(), required=False
    )

    def __init__(self, *args: Any, attendees: QuerySet[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["checker_1"].queryset = attendees  # type: ignore[attr-defined]
        self.fields["checker_2"].queryset = attendees  # type: ignore[attr-defined]


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for cancelling"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class CorrectionForm(forms.Form):
    decision = forms.CharField(
        label=_("Corrected decision"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=100_000,
        help_text=RICH_TEXT_HELP,
    )
    note = forms.CharField(
        label=_("What was corrected and why"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Residents see this note next to the decision."),
    )

    def clean_decision(self) -> str:
        return editable_to_html(self.cleaned_data["decision"])


class OfficialDecisionForm(forms.Form):
    office = forms.ModelChoiceField(label=_("Official"), queryset=Office.objects.none())
    number = forms.CharField(label=_("Decision number"), max_length=40, required=False)
    title = forms.CharField(label=_("Title"), max_length=300)
    case_query = forms.CharField(
        label=_("Case (diary number, optional)"), max_length=40, required=False
    )
    decided_on = BoundedDateField(label=_("Decided on"), latest=dates.today)
    text = forms.CharField(
        label=_("Decision"), widget=forms.Textarea(attrs={"rows": 8}), max_length=100_000
    )
    appeal_type = forms.ChoiceField(label=_("Appeal"), choices=AppealType.choices)

    def __init__(self, *args: Any, offices: QuerySet[Office], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = offices  # type: ignore[attr-defined]

    def clean_case_query(self) -> Case | None:
        query = (self.cleaned_data.get("case_query") or "").strip()
        if not query:
            return None
        case = Case.objects.filter(diary_number=query).first()
        if case is None:
            raise forms.ValidationError(
                _("No case has the diary number “%(query)s”.") % {"query": query}
            )
        return case


class ElectionForm(forms.Form):
    """An election: up to eight candidates with the votes each received."""

    CANDIDATES = 8

    position = forms.CharField(label=_("Position to fill"), max_length=300)
    seats = forms.IntegerField(label=_("Number to elect"), min_value=1, max_value=50, initial=1)
    lot_winner = forms.ModelChoiceField(
        label=_("Chosen by lot (only when the votes are tied)"),
        queryset=Person.objects.none(),
        required=False,
    )

    def __init__(self, *args: Any, candidates: QuerySet[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["lot_winner"].queryset = candidates  # type: ignore[attr-defined]
        for n in range(1, self.CANDIDATES + 1):
            self.fields[f"candidate_{n}"] = forms.ModelChoiceField(
                label=_("Candidate %(n)s") % {"n": n}, queryset=candidates, required=False
            )
            self.fields[f"votes_{n}"] = forms.IntegerField(
                label=_("Votes for candidate %(n)s") % {"n": n},
                min_value=0,
                max_value=100_000,
                required=False,
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        votes: dict[int, int] = {}
        for n in range(1, self.CANDIDATES + 1):
            candidate = data.get(f"candidate_{n}")
            if candidate is None:
                continue
            if candidate.pk in votes:
                self.add_error(f"candidate_{n}", _("The same candidate is listed twice."))
            votes[candidate.pk] = data.get(f"votes_{n}") or 0
        if not votes:
            raise forms.ValidationError(_("List the candidates and their votes."))
        data["votes"] = votes
        return data


class MeetingMoveForm(MeetingForm):
    """A new time, place or form for a meeting, with the reason residents see."""

    reason = forms.CharField(
        label=_("Reason for the change"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Residents see it on the meeting's page with the former time and place."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, bodies=Body.objects.none(), **kwargs)
        del self.fields["body"]
        del self.fields["stream_url"]
        # The browser's date and time inputs take ISO values; a localised "14.12.2026" or
        # "14.00.00" would be dropped and the clerk would see an empty field.
        self.fields["day"].widget.format = "%Y-%m-%d"
        for name in ("start_time", "end_time"):
            self.fields[name].widget.format = "%H:%M"


class TakeUpForm(forms.Form):
    """The body's decision on a supplementary item added after the notice period."""

    decision = forms.ChoiceField(
        label=_("The body's decision"), choices=TakeUp.choices, widget=forms.RadioSelect
    )
