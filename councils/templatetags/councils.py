"""Template filters for the public record."""

from __future__ import annotations

from django import template
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from councils.models import AgendaItem
from portal.lib.sanitize import clean_html, redact_personal_data
from portal.lib.textdiff import word_diff

register = template.Library()


@register.filter
def public_html(value: str, item: AgendaItem) -> SafeString:
    """Sanitised rich text of an item, with tagged personal data hidden once its time is up."""
    return mark_safe(item.public_html(value, today=timezone.localdate()))  # noqa: S308 - sanitised by nh3


@register.simple_tag
def amendments(proposal: str, decision: str) -> SafeString:
    return word_diff(proposal, decision)


@register.filter
def document_html(value: str, redact: bool) -> SafeString:
    """Sanitised rich text for a PDF; tagged personal data removed from a redacted copy."""
    cleaned = clean_html(value)
    if redact:
        cleaned = redact_personal_data(cleaned)
    return mark_safe(cleaned)  # noqa: S308 - sanitised by nh3 just above
