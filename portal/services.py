"""Writes of the site shell. Each is one transaction; side effects run after commit."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction

from portal.models import AccessibilityFeedback


@transaction.atomic
def accessibility_feedback_receive(
    *, message: str, page: str, name: str, email: str, language: str
) -> AccessibilityFeedback:
    """Store a resident's accessibility feedback and forward it to the person who answers."""
    feedback = AccessibilityFeedback.objects.create(
        message=message, page=page, name=name, email=email, language=language
    )
    if settings.ACCESSIBILITY_FEEDBACK_EMAIL:
        transaction.on_commit(lambda: _forward_feedback(feedback))
    return feedback


def _forward_feedback(feedback: AccessibilityFeedback) -> None:
    send_mail(
        subject=f"Saavutettavuuspalaute {feedback.created_at:%d.%m.%Y}",
        message=(
            f"Sivu: {feedback.page or '-'}\n"
            f"Lähettäjä: {feedback.name or '-'} <{feedback.email or '-'}>\n"
            f"Vastattava viimeistään: {feedback.answer_due:%d.%m.%Y}\n\n"
            f"{feedback.message}"
        ),
        from_email=None,
        recipient_list=[settings.ACCESSIBILITY_FEEDBACK_EMAIL],
        fail_silently=True,
    )
