"""Choice columns checked by the database as well as by the forms."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models
from django.db.models import Q


def in_choices(
    field: str, choices: Iterable[tuple[Any, Any]], *, blank: bool = False
) -> models.CheckConstraint:
    """A CheckConstraint that keeps `field` to its choices (and "" when `blank`).

    Every TextChoices column declares one in its model's Meta, so a value outside the
    choices cannot be stored, whatever path the write takes (a form, a service, the admin,
    a raw update). tests/portal/test_choices.py fails for a choice column without one.
    """
    values = sorted(str(value) for value, _label in choices)
    condition = Q(**{f"{field}__in": values})
    if blank:
        condition |= Q(**{field: ""})
    return models.CheckConstraint(
        condition=condition, name=f"%(app_label)s_%(class)s_{field}_in_choices"
    )
