"""The business ID (Y-tunnus): its check digit, in the rule, the model and the forms."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from forums import rules
from forums.forms import BusinessIdField
from forums.models import Organisation
from forums.validators import validate_business_id


@pytest.mark.parametrize(
    ("digits", "check"),
    [
        ("0112038", 9),  # 0+9+10+10+0+12+16 = 57, 57 % 11 = 2 → 11 − 2 = 9
        ("9900100", 2),
        ("9900507", 0),  # remainder 0 → check digit 0
        ("0000000", 0),
    ],
)
def test_it_computes_the_check_digit(digits, check):
    assert rules.business_id_check_digit(digits) == check


def test_a_remainder_of_one_is_no_business_id_at_all():
    # 1000000: 7 % 11 = 7; 0000010: 4 % 11 = 4; 0000100: 8; 1000100: 15 % 11 = 4 ...
    digits = next(
        f"{n:07d}"
        for n in range(10_000_000)
        if sum(int(d) * w for d, w in zip(f"{n:07d}", rules.BUSINESS_ID_WEIGHTS, strict=True)) % 11
        == 1
    )
    assert rules.business_id_check_digit(digits) is None
    for check in range(10):
        assert rules.business_id_problem(f"{digits}-{check}") == "check_digit"


@pytest.mark.parametrize("value", ["0112038-9", "9900100-2", "9900507-0"])
def test_valid_ids_pass_the_validator(value):
    validate_business_id(value)
    assert rules.business_id_problem(value) is None


@pytest.mark.parametrize("value", ["0112038-8", "9900100-3", "9900507-1"])
def test_a_wrong_check_digit_is_refused_with_the_number_named(value):
    with pytest.raises(ValidationError) as error:
        validate_business_id(value)
    assert error.value.code == "check_digit"
    assert value in error.value.messages[0]


@pytest.mark.parametrize(
    "value", ["", "123", "0112038", "0112038-", "01120389", "0112038-99", "O112038-9", "x" * 500]
)
def test_a_malformed_id_is_refused(value):
    with pytest.raises(ValidationError) as error:
        validate_business_id(value)
    assert error.value.code == "malformed"
    assert "seitsemän numeroa" in error.value.messages[0]


def test_the_form_field_tidies_spaces_and_old_six_digit_ids_before_checking():
    field = BusinessIdField()
    assert field.clean(" 0112038 - 9 ") == "0112038-9"
    assert field.clean("112038-9") == "0112038-9"  # written without the leading zero
    assert field.clean("") == ""
    with pytest.raises(ValidationError):
        field.clean("0112038-1")


@pytest.mark.django_db
def test_the_model_field_checks_it_too():
    organisation = Organisation(slug="yhdistys", name="Yhdistys ry", kind="association")
    organisation.business_id = "0112038-1"
    with pytest.raises(ValidationError) as error:
        organisation.full_clean()
    assert "business_id" in error.value.message_dict
    organisation.business_id = "0112038-9"
    organisation.full_clean()
