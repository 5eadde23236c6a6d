"""Template helpers of the clerks' pages."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.text import Truncator

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
        changes.append(
            {
                "field": str(getattr(field, "verbose_name", change.field)),
                "old": Truncator(str(change.old if change.old is not None else "–")).chars(160),
                "new": Truncator(str(change.new if change.new is not None else "–")).chars(160),
            }
        )
    return changes
