"""A small world for consultation tests: a case, its deciding body and clerk, the
organisations coordinator, invited organisations and an open consultation."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.contrib.auth.models import Group, User
from django.utils import timezone

from councils.models import Body, Case
from forums import consultations as services
from forums.consultations import ConsultationData, QuestionData
from forums.models import Consultation, Invitation, Organisation, QuestionKind
from forums.rules import COORDINATORS
from tests import factories as f

LINK = re.compile(r"https?://[^/\s]+(/\S+)")


@dataclass
class ConsultationWorld:
    case: Case
    body: Body
    clerk: User
    coordinator: User
    outsider: User
    organisations: list[Organisation]
    consultation: Consultation
    invitations: list[Invitation] = field(default_factory=list)


def consultation_data(case: Case, body: Body, **changes: object) -> ConsultationData:
    now = timezone.now()
    values: dict[str, object] = {
        "case": case,
        "body": body,
        "title": "Palvelustrategian luonnos",
        "summary": "Mitä mieltä olet palvelustrategian luonnoksesta?",
        "opens_at": now - timedelta(days=1),
        "closes_at": now + timedelta(days=14),
        "statements_visible": "after_closing",
        "invited": True,
        "open_to_all": True,
        "questions": (
            QuestionData(text="Mitä luonnoksesta puuttuu?"),
            QuestionData(
                text="Onko suunta oikea?",
                kind=QuestionKind.CHOICE,
                choices=("Kyllä", "Osittain", "Ei"),
            ),
            QuestionData(text="Kuinka selkeä luonnos on?", kind=QuestionKind.SCALE),
        ),
    }
    values.update(changes)
    return ConsultationData(**values)  # type: ignore[arg-type]


def coordinator_user(username: str = "koordinaattori") -> User:
    user = f.UserFactory(username=username, email=f"{username}@example.invalid")
    user.groups.add(Group.objects.get(name=COORDINATORS))
    return user


def arrange(invited: int = 2, published: bool = True, **changes: object) -> ConsultationWorld:
    body = f.BodyFactory(slug="aluehallitus-k", name="Aluehallitus K")
    clerk = f.UserFactory(username="sihteeri-k")
    body.clerks.add(clerk)
    case = f.CaseFactory(diary_number="500/00.01.00/2026", title="Palvelustrategia")
    organisations = [
        f.OrganisationFactory(name=f"Yhdistys {n} ry", slug=f"yhdistys-k-{n}")
        for n in range(invited)
    ]
    consultation = services.consultation_create(data=consultation_data(case, body, **changes))
    invitations = [
        services.invitation_add(
            consultation=consultation, organisation=o, email=f"yhdistys{n}@example.invalid"
        )
        for n, o in enumerate(organisations)
    ]
    if published:
        services.consultation_publish(consultation=consultation)
        consultation.refresh_from_db()
    return ConsultationWorld(
        case=case,
        body=body,
        clerk=clerk,
        coordinator=coordinator_user(),
        outsider=f.UserFactory(username="ulkopuolinen-k"),
        organisations=organisations,
        consultation=consultation,
        invitations=invitations,
    )


def answers_for(
    consultation: Consultation, *, text: str = "", choice: int = 0, scale: int | None = None
) -> dict[int, object]:
    questions = list(consultation.questions.prefetch_related("choices"))
    answers: dict[int, object] = {}
    for question in questions:
        if question.kind == QuestionKind.TEXT and text:
            answers[question.pk] = text
        elif question.kind == QuestionKind.CHOICE:
            answers[question.pk] = list(question.choices.all())[choice].pk
        elif question.kind == QuestionKind.SCALE and scale is not None:
            answers[question.pk] = scale
    return answers


def at(days: float = 0, *, base: datetime | None = None) -> datetime:
    return (base or timezone.now()) + timedelta(days=days)
