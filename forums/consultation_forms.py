"""Forms of consultations: the public comment and statement forms and the staff editor."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from councils.models import Body, Case, Person
from forums.consultations import AnswerValue, ConsultationData, QuestionData
from forums.models import (
    Comment,
    Consultation,
    Organisation,
    OrganisationStatus,
    Question,
    QuestionKind,
    StatementVisibility,
)
from forums.models.consultations import MAX_COMMENT_CHARS, MAX_STATEMENT_CHARS
from forums.participation import CONSENT_COMMENT, HoneypotMixin
from portal.lib.dates import EARLIEST, LATEST

SCALE_CHOICES = [(n, str(n)) for n in range(1, 6)]
MAX_QUESTIONS = 20


class FilterForm(forms.Form):
    tila = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[
            ("", _("All consultations")),
            ("open", _("Open now")),
            ("upcoming", _("Upcoming")),
            ("closed", _("Closed")),
        ],
    )
    toimielin = forms.ModelChoiceField(
        label=_("Deciding body"),
        required=False,
        queryset=Body.objects.filter(consultations__published_at__isnull=False)
        .distinct()
        .order_by("order", "name"),
        to_field_name="slug",
        empty_label=_("All bodies"),
    )


class AnswersMixin(forms.Form):
    """One field per question of the consultation: `q_<pk>`."""

    def add_questions(self, questions: Sequence[Question]) -> None:
        self.questions = list(questions)
        for question in self.questions:
            name = f"q_{question.pk}"
            field: forms.Field
            if question.kind == QuestionKind.CHOICE:
                field = forms.TypedChoiceField(
                    choices=[(c.pk, c.text) for c in question.choices.all()],
                    coerce=int,
                    widget=forms.RadioSelect,
                )
            elif question.kind == QuestionKind.SCALE:
                field = forms.TypedChoiceField(
                    choices=SCALE_CHOICES,
                    coerce=int,
                    widget=forms.RadioSelect,
                    help_text=_("1 = strongly disagree, 5 = strongly agree"),
                )
            else:
                field = forms.CharField(
                    widget=forms.Textarea(attrs={"rows": 4}), max_length=MAX_COMMENT_CHARS
                )
            field.label = f"{question.order}. {question.text}"
            field.required = False
            self.fields[name] = field

    def question_fields(self) -> list[forms.BoundField]:
        return [self[f"q_{q.pk}"] for q in getattr(self, "questions", [])]

    def answers(self) -> dict[int, AnswerValue]:
        return {q.pk: self.cleaned_data.get(f"q_{q.pk}") or None for q in self.questions}


class CommentForm(HoneypotMixin, AnswersMixin, forms.Form):
    text = forms.CharField(
        label=_("Your comment"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=MAX_COMMENT_CHARS,
    )
    signed = forms.TypedChoiceField(
        label=_("How your comment is signed"),
        choices=[("0", _("With a pen name")), ("1", _("With my own name"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
        initial="0",
    )
    name = forms.CharField(
        label=_("Name or pen name"),
        max_length=100,
        required=False,
        help_text=_("Shown with the comment. Leave empty to comment anonymously."),
    )
    email = forms.EmailField(
        label=_("E-mail address (never public)"),
        max_length=254,
        help_text=_("We send a link to confirm the comment."),
    )
    consent = forms.BooleanField(
        label=_("I have read how my comment and personal data are handled."),
        error_messages={"required": _("Tick the box to confirm that you have read this.")},
    )

    def __init__(self, *args: Any, questions: Sequence[Question] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_questions(questions)
        self.consent_text = CONSENT_COMMENT

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("signed") and not (cleaned.get("name") or "").strip():
            self.add_error("name", _("Write your name to sign the comment with it."))
        return cleaned


class StatementForm(AnswersMixin, forms.Form):
    text = forms.CharField(
        label=_("Statement"),
        widget=forms.Textarea(attrs={"rows": 14}),
        max_length=MAX_STATEMENT_CHARS,
        required=False,
    )
    author_name = forms.CharField(
        label=_("Written by (not public)"),
        max_length=200,
        required=False,
        help_text=_("The preparer may contact this person with questions."),
    )

    def __init__(self, *args: Any, questions: Sequence[Question] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_questions(questions)


class FlagForm(HoneypotMixin, forms.Form):
    reason = forms.CharField(
        label=_("What is wrong with the comment?"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


# --- Staff ---------------------------------------------------------------------------------------


class HelsinkiDateTimeField(forms.DateTimeField):
    """A date and time entered in Helsinki time (the site's time zone), within the years
    that dates may have elsewhere (portal/lib/dates.py)."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("input_formats", ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d.%m.%Y %H.%M"])
        kwargs.setdefault("help_text", _("Helsinki time"))
        super().__init__(**kwargs)

    def clean(self, value: Any) -> datetime | None:
        moment = super().clean(value)
        if moment is None:
            return None
        day = timezone.localtime(moment).date()
        latest = LATEST()
        if day < EARLIEST:
            raise forms.ValidationError(
                _("Enter a date on or after %(date)s.") % {"date": date_format(EARLIEST)}
            )
        if day > latest:
            raise forms.ValidationError(
                _("Enter a date on or before %(date)s.") % {"date": date_format(latest)}
            )
        return moment


def parse_questions(text: str) -> tuple[QuestionData, ...]:
    """One question a line: plain text is a free-text question, "[1-5] text" a scale, and
    "text | choice | choice" a question with choices."""
    questions = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("[1-5]"):
            questions.append(QuestionData(text=line[5:].strip(), kind=QuestionKind.SCALE))
        elif "|" in line:
            head, *choices = (part.strip() for part in line.split("|"))
            questions.append(
                QuestionData(
                    text=head, kind=QuestionKind.CHOICE, choices=tuple(c for c in choices if c)
                )
            )
        else:
            questions.append(QuestionData(text=line))
    return tuple(questions)


def questions_as_text(consultation: Consultation) -> str:
    lines = []
    for question in consultation.questions.prefetch_related("choices"):
        if question.kind == QuestionKind.SCALE:
            lines.append(f"[1-5] {question.text}")
        elif question.kind == QuestionKind.CHOICE:
            lines.append(" | ".join([question.text, *(c.text for c in question.choices.all())]))
        else:
            lines.append(question.text)
    return "\n".join(lines)


class ConsultationForm(forms.Form):
    diary_number = forms.CharField(
        label=_("Diary number of the case"),
        max_length=40,
        help_text=_("For example 123/00.01.02/2025"),
    )
    body = forms.ModelChoiceField(
        label=_("Deciding body"), queryset=Body.objects.filter(active=True).order_by("order")
    )
    preparer = forms.ModelChoiceField(
        label=_("Preparer"),
        queryset=Person.objects.filter(user__isnull=False).order_by("last_name", "first_name"),
        required=False,
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary in plain language"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=5000,
    )
    opens_at = HelsinkiDateTimeField(label=_("Opens"))
    closes_at = HelsinkiDateTimeField(label=_("Deadline"))
    invited = forms.BooleanField(label=_("Invited organisations give statements"), required=False)
    open_to_all = forms.BooleanField(label=_("Everyone may comment"), required=False)
    statements_visible = forms.ChoiceField(
        label=_("Statements are public"),
        choices=StatementVisibility.choices,
        widget=forms.RadioSelect,
    )
    questions = forms.CharField(
        label=_("Questions"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        max_length=10_000,
        help_text=_(
            "One question a line. “[1-5] text” asks for a scale from 1 to 5; "
            "“text | choice | choice” offers choices; other lines take free text."
        ),
    )

    def clean_diary_number(self) -> Case:
        number = self.cleaned_data["diary_number"].strip()
        case = Case.objects.filter(diary_number=number).first()
        if case is None:
            raise forms.ValidationError(
                _("No case has the diary number %(number)s.") % {"number": number[:40]}
            )
        return case

    def clean_questions(self) -> tuple[QuestionData, ...]:
        questions = parse_questions(self.cleaned_data["questions"])
        if len(questions) > MAX_QUESTIONS:
            raise forms.ValidationError(_("At most %(n)s questions.") % {"n": MAX_QUESTIONS})
        for question in questions:
            if not question.text or len(question.text) > 500:
                raise forms.ValidationError(_("A question is from 1 to 500 characters long."))
            if question.kind == QuestionKind.CHOICE and len(question.choices) < 2:
                raise forms.ValidationError(
                    _("The question “%(q)s” needs at least two choices.")
                    % {"q": question.text[:100]}
                )
            if any(len(choice) > 200 for choice in question.choices):
                raise forms.ValidationError(_("A choice is at most 200 characters long."))
        return questions

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        opens, closes = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", _("The deadline must be after the opening."))
        if not (cleaned.get("invited") or cleaned.get("open_to_all")):
            self.add_error(
                None, _("Choose who is heard: invited organisations, everyone, or both.")
            )
        return cleaned

    def data_object(self) -> ConsultationData:
        c = self.cleaned_data
        return ConsultationData(
            case=c["diary_number"],
            body=c["body"],
            preparer=c["preparer"],
            title=c["title"],
            summary=c["summary"],
            opens_at=c["opens_at"],
            closes_at=c["closes_at"],
            statements_visible=c["statements_visible"],
            invited=c["invited"],
            open_to_all=c["open_to_all"],
            questions=c["questions"],
        )

    @classmethod
    def initial_for(cls, consultation: Consultation) -> dict[str, Any]:
        return {
            "diary_number": consultation.case.diary_number,
            "body": consultation.body_id,
            "preparer": consultation.preparer_id,
            "title": consultation.title,
            "summary": consultation.summary,
            "opens_at": timezone.localtime(consultation.opens_at),
            "closes_at": timezone.localtime(consultation.closes_at),
            "invited": consultation.invited,
            "open_to_all": consultation.open_to_all,
            "statements_visible": consultation.statements_visible,
            "questions": questions_as_text(consultation),
        }


class InvitationForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation or municipality"),
        queryset=Organisation.objects.filter(status=OrganisationStatus.APPROVED).order_by("name"),
        required=False,
    )
    body = forms.ModelChoiceField(
        label=_("Or an advisory council, a forum or a committee"),
        queryset=Body.objects.filter(
            kind__in=["forum", "advisory_council", "committee"], active=True
        ).order_by("name"),
        required=False,
    )
    email = forms.EmailField(label=_("E-mail address for the personal link"), max_length=254)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if bool(cleaned.get("organisation")) == bool(cleaned.get("body")):
            raise forms.ValidationError(
                _("Choose either an organisation or an advisory council, a forum or a committee.")
            )
        return cleaned


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title of the document"), max_length=200)
    file = forms.FileField(label=_("PDF file"))


class ModerationForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("publish", _("Publish")), ("hide", _("Hide"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason (public; required when hiding)"), max_length=500, required=False
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("decision") == "hide" and not (cleaned.get("reason") or "").strip():
            self.add_error(
                "reason", _("Give the reason for hiding: it is shown in the comment's place.")
            )
        return cleaned


class UsageNoteForm(forms.Form):
    text = forms.CharField(
        label=_("How the input was used"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=10_000,
    )


class DecisionLinkForm(forms.Form):
    item = forms.ModelChoiceField(
        label=_("Deciding agenda item"), queryset=Comment.objects.none(), required=False
    )

    def __init__(self, *args: Any, consultation: Consultation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from councils.models import AgendaItem

        self.fields["item"].queryset = (  # type: ignore[attr-defined]
            AgendaItem.objects.filter(case=consultation.case)
            .select_related("meeting__body")
            .chronological()
        )
        self.fields["item"].label_from_instance = lambda item: (  # type: ignore[attr-defined]
            f"{item.meeting.body.name} {item.meeting.start:%d.%m.%Y} § {item.section} {item.title}"
        )
