"""Reads of consultations: what a page shows, in a fixed number of queries.

The summary after closing counts respondents by kind and tallies each choice and scale
question; the same numbers feed the bar chart, its table, the CSV and the PDF report.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import cast

from django.db.models import Count, Prefetch, Q, QuerySet, prefetch_related_objects
from django.utils import timezone

from councils.models import AgendaItem
from forums.models import (
    Answer,
    Comment,
    CommentState,
    Consultation,
    Invitation,
    Question,
    QuestionKind,
    RespondentKind,
    Statement,
    StatementState,
)
from portal.lib.precompiled import Shapes, prefetched


def listed(queryset: QuerySet[Consultation]) -> QuerySet[Consultation]:
    """A list's rows with their case, body and counts, in one query."""
    return queryset.select_related("case", "body").annotate(
        statement_count=Count(
            "invitations__statement",
            filter=Q(invitations__statement__state=StatementState.SUBMITTED),
            distinct=True,
        ),
        comment_count=Count(
            "comments", filter=Q(comments__state=CommentState.PUBLISHED), distinct=True
        ),
        invitation_count=Count("invitations", distinct=True),
    )


def questions_of(consultation: Consultation) -> list[Question]:
    return list(consultation.questions.prefetch_related("choices"))


def invitations_of(consultation: Consultation) -> list[Invitation]:
    """Who was invited, with each statement and its answers (four queries in all)."""
    return list(
        consultation.invitations.select_related(
            "organisation",
            "body",
            "statement",
            "statement__answered_by_item__meeting__body",
        )
        .prefetch_related(
            Prefetch(
                "statement__answers",
                queryset=Answer.objects.select_related("choice", "question").order_by(
                    "question__order"
                ),
            )
        )
        .order_by("organisation__name", "body__name")
    )


_SHOWN_STATEMENT = ("invitation", "state", "text", "submitted_at", "answered_by_item")


def _invited(_count: int, *consultations: int) -> QuerySet[Invitation]:
    return (
        Invitation.objects.filter(consultation__in=consultations)
        .select_related("organisation", "body", "statement")
        # What the panel shows of them: who was invited and a submitted statement; never a
        # draft or who wrote it, nor the invitation's token and address.
        .only(
            "consultation",
            "organisation__name",
            "body__name",
            *(f"statement__{name}" for name in _SHOWN_STATEMENT),
        )
        .order_by("organisation__name", "body__name")
    )


# By how many consultations (statements): the SQL built once per process for each number.
_INVITED = Shapes(_invited, Invitation)
_ANSWERS = Shapes(
    lambda _count, *statements: (
        Answer.objects.filter(statement_id__in=statements)
        .select_related("choice", "question")
        .order_by("question__order")
    ),
    Answer,
)


def heard_in(consultations: list[Consultation], *, now: datetime) -> dict[int, list[Invitation]]:
    """Who was invited to each of a case's consultations, in one query for them all.

    The submitted statements of the consultations whose statements are public come with
    their answers and the item that answered them: a query each, only when there are any.
    """
    ids = [c.pk for c in consultations]
    invitations = _INVITED.rows(len(ids), *ids)
    heard: dict[int, list[Invitation]] = {c.pk: [] for c in consultations}
    for invitation in invitations:
        heard[invitation.consultation_id].append(invitation)
    public = [heard[c.pk] for c in consultations if c.statements_public(now)]
    shown = [statement for rows in public for statement in submitted(rows)]
    if shown:
        ids = [statement.pk for statement in shown]
        answers: dict[int, list[Answer]] = {pk: [] for pk in ids}
        for answer in _ANSWERS.rows(len(ids), *ids):
            answers[cast(int, answer.statement_id)].append(answer)
        for statement in shown:
            prefetched(statement, "answers", answers[statement.pk])
    answered = [s for s in shown if s.answered_by_item_id is not None]
    if answered:
        prefetch_related_objects(
            answered,
            Prefetch(
                "answered_by_item", queryset=AgendaItem.objects.select_related("meeting__body")
            ),
        )
    return heard


def published_comment_counts(consultations: list[Consultation]) -> dict[int, int]:
    """How many published comments each consultation open to all has (one query, none
    when no consultation takes comments)."""
    ids = [c.pk for c in consultations if c.open_to_all]
    if not ids:
        return {}
    return dict(
        Comment.objects.filter(consultation__in=ids, state=CommentState.PUBLISHED)
        .order_by()
        .values_list("consultation")
        .annotate(Count("pk"))
    )


def submitted(invitations: list[Invitation]) -> list[Statement]:
    statements = []
    for invitation in invitations:
        statement = getattr(invitation, "statement", None)
        if statement is not None and statement.state == StatementState.SUBMITTED:
            statements.append(statement)
    return statements


def public_comments(consultation: Consultation) -> list[Comment]:
    """Published comments, and hidden ones (shown by their reason only)."""
    return list(
        consultation.comments.filter(state__in=[CommentState.PUBLISHED, CommentState.HIDDEN])
        .prefetch_related(
            Prefetch(
                "answers",
                queryset=Answer.objects.select_related("choice", "question").order_by(
                    "question__order"
                ),
            )
        )
        .order_by("created_at", "pk")
    )


# --- Summary --------------------------------------------------------------------------------------


@dataclass
class Bar:
    label: str
    count: int
    percent: int  # of the question's answers, for the bar's length


@dataclass
class QuestionSummary:
    question: Question
    answered: int
    bars: list[Bar] = field(default_factory=list)
    texts: list[tuple[str, str]] = field(default_factory=list)  # (respondent, answer)
    average: float | None = None

    @property
    def chart_id(self) -> str:
        return f"chart-{self.question.pk}"


@dataclass
class Summary:
    consultation: Consultation
    by_kind: list[tuple[str, int]]
    total: int
    questions: list[QuestionSummary]
    invited: int
    answered_invitations: int


def _respondent_of(answer: Answer) -> str:
    if answer.statement is not None:
        return answer.statement.invitation.invitee_name
    return answer.comment.display_name if answer.comment is not None else ""


def summary(consultation: Consultation) -> Summary:
    """Counts by kind of respondent and answers per question: submitted statements and
    confirmed comments (published or waiting; hidden ones are left out)."""
    invitations = list(consultation.invitations.select_related("organisation", "body", "statement"))
    kinds: Counter[str] = Counter()
    answered = 0
    for invitation in invitations:
        statement = getattr(invitation, "statement", None)
        if statement is not None and statement.state == StatementState.SUBMITTED:
            kinds[invitation.respondent_kind] += 1
            answered += 1
    counted_comments = Q(state__in=[CommentState.PUBLISHED, CommentState.PENDING])
    kinds[RespondentKind.RESIDENT] = consultation.comments.filter(counted_comments).count()
    answers = list(
        Answer.objects.filter(question__consultation=consultation)
        .filter(
            Q(statement__state=StatementState.SUBMITTED)
            | Q(comment__state__in=[CommentState.PUBLISHED, CommentState.PENDING])
        )
        .select_related(
            "choice",
            "statement__invitation__organisation",
            "statement__invitation__body",
            "comment",
        )
        .order_by("question__order", "pk")
    )
    questions = []
    for question in questions_of(consultation):
        mine = [a for a in answers if a.question_id == question.pk]
        item = QuestionSummary(question=question, answered=len(mine))
        if question.kind == QuestionKind.CHOICE:
            counts = Counter(a.choice_id for a in mine)
            item.bars = [
                Bar(c.text, counts[c.pk], _percent(counts[c.pk], len(mine)))
                for c in question.choices.all()
            ]
        elif question.kind == QuestionKind.SCALE:
            counts = Counter(a.scale for a in mine)
            item.bars = [
                Bar(str(n), counts[n], _percent(counts[n], len(mine))) for n in range(1, 6)
            ]
            if mine:
                item.average = round(sum(a.scale or 0 for a in mine) / len(mine), 1)
        else:
            item.texts = [(_respondent_of(a), a.text) for a in mine]
        questions.append(item)
    by_kind = [(str(kind.label), kinds[kind]) for kind in RespondentKind]
    return Summary(
        consultation=consultation,
        by_kind=by_kind,
        total=sum(kinds.values()),
        questions=questions,
        invited=len(invitations),
        answered_invitations=answered,
    )


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


# --- CSV --------------------------------------------------------------------------------------------


def csv_rows(consultation: Consultation) -> list[list[str]]:
    """Every answer, one row per respondent: statements first, then confirmed comments.
    Personal data is left out (never an e-mail address); a comment is signed as shown."""
    questions = questions_of(consultation)
    header = [
        "vastaajan tyyppi",
        "vastaaja",
        "tila",
        "lähetetty",
        "lausunto tai kommentti",
        *[f"{q.order}. {q.text}" for q in questions],
    ]
    rows = [header]

    def cells(answers: list[Answer]) -> list[str]:
        by_question = {a.question_id: a for a in answers}
        values = []
        for question in questions:
            answer = by_question.get(question.pk)
            if answer is None:
                values.append("")
            elif question.kind == QuestionKind.CHOICE:
                values.append(answer.choice.text if answer.choice else "")
            elif question.kind == QuestionKind.SCALE:
                values.append(str(answer.scale or ""))
            else:
                values.append(answer.text)
        return values

    for invitation in invitations_of(consultation):
        statement = getattr(invitation, "statement", None)
        if statement is None or statement.state != StatementState.SUBMITTED:
            continue
        rows.append(
            [
                str(RespondentKind(invitation.respondent_kind).label),
                invitation.invitee_name,
                str(StatementState(statement.state).label),
                _when(statement.submitted_at),
                statement.text,
                *cells(list(statement.answers.all())),
            ]
        )
    for comment in consultation.comments.exclude(state=CommentState.UNCONFIRMED).prefetch_related(
        Prefetch("answers", queryset=Answer.objects.select_related("choice"))
    ):
        rows.append(
            [
                str(RespondentKind.RESIDENT.label),
                comment.display_name,
                str(CommentState(comment.state).label),
                _when(comment.created_at),
                comment.text,
                *cells(list(comment.answers.all())),
            ]
        )
    return rows


def _when(moment: datetime | None) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""
