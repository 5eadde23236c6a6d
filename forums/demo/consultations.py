"""Demo consultations, read from consultations.json beside this module.

Rows are written as they would stand after the services had run at the dates given
(which lie in the past, where the services refuse to write). A consultation is looked up
by its case and title; one that exists is left as it is, so a second run changes nothing.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from councils.models import AgendaItem, Body, Case
from forums.models import (
    Answer,
    Choice,
    Comment,
    Consultation,
    Invitation,
    Organisation,
    Question,
    QuestionKind,
    Statement,
    StatementRevision,
    StatementState,
)

HERE = Path(__file__).parent
TZ = ZoneInfo("Europe/Helsinki")


def _when(value: Any, today: date) -> datetime:
    """ "2022-05-20 16:00" or {"days": n, "time": "16:00"} (n days from today), Helsinki."""
    if isinstance(value, dict):
        day = today + timedelta(days=int(value["days"]))
        clock = time.fromisoformat(value.get("time", "12:00"))
        return datetime.combine(day, clock, tzinfo=TZ)
    return datetime.fromisoformat(value).replace(tzinfo=TZ)


def _decision(case: Case, body_slug: str) -> AgendaItem | None:
    return (
        AgendaItem.objects.filter(case=case, meeting__body__slug=body_slug)
        .order_by("-meeting__start", "-section")
        .first()
    )


def _answers(questions: list[Question], values: list[Any]) -> list[Answer]:
    rows = []
    for question, value in zip(questions, values, strict=False):
        if value in ("", None):
            continue
        answer = Answer(question=question)
        if question.kind == QuestionKind.CHOICE:
            answer.choice = next(c for c in question.choices.all() if c.text == value)
        elif question.kind == QuestionKind.SCALE:
            answer.scale = int(value)
        else:
            answer.text = str(value)
        rows.append(answer)
    return rows


def _questions(consultation: Consultation, specs: list[dict[str, Any]]) -> list[Question]:
    questions = []
    for order, spec in enumerate(specs, start=1):
        question = Question.objects.create(
            consultation=consultation,
            order=order,
            kind=spec.get("kind", QuestionKind.TEXT),
            text=spec["text"],
        )
        Choice.objects.bulk_create(
            Choice(question=question, order=n, text=text)
            for n, text in enumerate(spec.get("choices", []), start=1)
        )
        questions.append(question)
    return list(
        Question.objects.filter(pk__in=[q.pk for q in questions]).prefetch_related("choices")
    )


def _invitation(
    consultation: Consultation, spec: dict[str, Any], questions: list[Question], today: date
) -> None:
    organisation = (
        Organisation.objects.get(slug=spec["organisation"]) if "organisation" in spec else None
    )
    body = Body.objects.get(slug=spec["body"]) if "body" in spec else None
    invitation = Invitation.objects.create(
        consultation=consultation,
        organisation=organisation,
        body=body,
        email=spec.get("email", ""),
        sent_at=consultation.published_at,
        **({"token": spec["token"]} if "token" in spec else {}),
    )
    if "draft" in spec:
        Statement.objects.create(
            invitation=invitation, draft_text=spec["draft"], updated_at=consultation.opens_at
        )
    if "answered_by" in spec:
        item = (
            AgendaItem.objects.filter(
                meeting__body__slug=spec["answered_by"]["body"],
                title=spec["answered_by"]["title"],
            )
            .chronological()
            .first()
        )
        if item is not None:
            submitted = _when(spec["submitted"], today)
            statement = Statement.objects.create(
                invitation=invitation,
                state=StatementState.SUBMITTED,
                answered_by_item=item,
                submitted_at=submitted,
                updated_at=submitted,
            )
            StatementRevision.objects.create(
                statement=statement, number=1, answers={"item": item.pk}, submitted_at=submitted
            )
    data = spec.get("statement")
    if data is None:
        return
    submitted = _when(data["submitted"], today)
    statement = Statement.objects.create(
        invitation=invitation,
        state=StatementState.SUBMITTED,
        text=data["text"],
        draft_text=data["text"],
        submitted_at=submitted,
        updated_at=submitted,
    )
    texts = [*data.get("earlier", []), data["text"]]
    for number, text in enumerate(texts, start=1):
        StatementRevision.objects.create(
            statement=statement,
            number=number,
            text=text,
            submitted_at=submitted - timedelta(days=len(texts) - number),
        )
    rows = _answers(questions, data.get("answers", []))
    for row in rows:
        row.statement = statement
    Answer.objects.bulk_create(rows)


def _comment(
    consultation: Consultation, spec: dict[str, Any], questions: list[Question], today: date
) -> None:
    at = _when(spec["at"], today)
    state = spec["state"]
    comment = Comment.objects.create(
        consultation=consultation,
        text=spec["text"],
        name=spec.get("name", ""),
        signed=spec.get("signed", False),
        email=f"kommentoija{Comment.objects.count() + 1}@example.invalid",
        state=state,
        moderation_reason=spec.get("reason", ""),
        moderated_at=at + timedelta(hours=14) if state in ("published", "hidden") else None,
        created_at=at,
        confirmed_at=at + timedelta(minutes=5),
    )
    rows = _answers(questions, spec.get("answers", []))
    for row in rows:
        row.comment = comment
    Answer.objects.bulk_create(rows)


def _consultation(spec: dict[str, Any], today: date) -> bool:
    case = Case.objects.filter(title=spec["case"]).order_by("pk").first()
    if case is None or Consultation.objects.filter(case=case, title=spec["title"]).exists():
        return False
    opens = _when(spec["opens"], today)
    consultation = Consultation.objects.create(
        case=case,
        body=Body.objects.get(slug=spec["body"]),
        title=spec["title"],
        summary=spec["summary"],
        opens_at=opens,
        closes_at=_when(spec["closes"], today),
        statements_visible=spec["visibility"],
        invited=spec["invited"],
        open_to_all=spec["open_to_all"],
        published_at=opens - timedelta(days=1),
        closed_at=_when(spec["closed"], today) if "closed" in spec else None,
        created_at=opens - timedelta(days=3),
    )
    questions = _questions(consultation, spec.get("questions", []))
    for invitation in spec.get("invitations", []):
        _invitation(consultation, invitation, questions, today)
    for comment in spec.get("comments", []):
        _comment(consultation, comment, questions, today)
    if "note" in spec:
        consultation.usage_note = spec["note"]["text"]
        consultation.usage_note_published_at = _when(spec["note"]["published"], today)
    if "decision" in spec:
        consultation.decision_item = _decision(case, spec["decision"]["body"])
    consultation.save()
    return True


@transaction.atomic
def load(*, today: date | None = None) -> int:
    """Create the demo consultations that are missing; how many were created."""
    today = today or timezone.localdate()
    data = json.loads((HERE / "consultations.json").read_text(encoding="utf-8"))
    return sum(_consultation(spec, today) for spec in data["consultations"])
