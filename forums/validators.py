"""Validators of the forums' fields, shared by the models and the forms."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from forums import rules


def validate_business_id(value: str) -> None:
    """A Finnish business ID (Y-tunnus): 1234567-8 with a matching check digit."""
    problem = rules.business_id_problem(value)
    if problem == "malformed":
        raise ValidationError(
            _("Write the business ID as seven digits, a hyphen and a check digit, e.g. 0112038-9."),
            code="malformed",
        )
    if problem == "check_digit":
        raise ValidationError(
            _(
                "The business ID %(value)s is not valid: its check digit does not match. "
                "Check the number."
            ),
            code="check_digit",
            params={"value": value},
        )
