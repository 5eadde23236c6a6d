"""Template helpers of the clerks' pages."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone
from django.utils.text import Truncator

from councils import rules, services

register = template.Library()


@register.simple_tag
def history_changes(record: Any) -> list[dict[str, str]]:
    """What one audit-trail entry changed: field, value before and value after.

    The first entry of an object (its creation) lists nothing: everything was new.
    """
    previous = record.prev_record
    if previous is None:
        return []
    changes = []
    for change in record.diff_against(previous).changes:
        field = record.instance_type._meta.get_field(change.field)
        labels = dict(field.flatchoices) if getattr(field, "choices", None) else {}
        changes.append(
            {
                "field": str(getattr(field, "verbose_name", change.field)),
                "old": _shown(labels.get(change.old, change.old)),
                "new": _shown(labels.get(change.new, change.new)),
            }
        )
    return changes


def _shown(value: Any) -> str:
    return Truncator("–" if value in (None, "") else str(value)).chars(160)


@register.simple_tag
def recording_not_open(meeting: Any) -> str:
    """Why the meeting cannot be recorded yet ("" once it has started)."""
    if rules.recording_open(start=meeting.start, now=timezone.now()):
        return ""
    return services.recording_opens_message(meeting)
