"""Every choice column is kept to its choices by the database and by every form."""

from __future__ import annotations

import inspect

import pytest
from django import forms
from django.apps import apps
from django.db import IntegrityError, models, transaction

from councils.models import Attendance
from tests.factories import AttendanceFactory

APPS = ("councils", "strategy", "portal", "forums")


def choice_columns() -> list[tuple[type[models.Model], models.Field]]:  # type: ignore[type-arg]
    return [
        (model, field)
        for model in apps.get_models()
        if model._meta.app_label in APPS and not model.__name__.startswith("Historical")
        for field in model._meta.concrete_fields
        if field.choices
    ]


def lookups(q: models.Q) -> list[tuple[str, object]]:
    found = []
    for child in q.children:
        if isinstance(child, models.Q):
            found += lookups(child)
        else:
            found.append(child)
    return found


def test_there_are_choice_columns_to_check():
    assert len(choice_columns()) > 20


@pytest.mark.parametrize(
    ("model", "field"),
    choice_columns(),
    ids=lambda x: getattr(x, "__name__", getattr(x, "name", "")),
)
def test_every_choice_column_has_a_check_constraint_with_its_choices(model, field):
    values = sorted(str(value) for value, _label in field.flatchoices)
    found = []
    for constraint in model._meta.constraints:
        if not isinstance(constraint, models.CheckConstraint):
            continue
        for lookup, value in lookups(constraint.condition):
            if lookup == f"{field.name}__in":
                found.append(sorted(value))
    assert values in found, f"{model.__name__}.{field.name} has no CheckConstraint on its choices"


@pytest.mark.django_db
def test_the_database_refuses_a_role_outside_the_choices():
    attendance = AttendanceFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Attendance.objects.filter(pk=attendance.pk).update(role="' OR 1=1--")


def form_classes() -> list[type[forms.Form]]:
    import councils.forms
    import councils.staff.forms
    import portal.forms
    import strategy.forms
    import strategy.staff.forms

    found = {}
    for module in (
        councils.staff.forms,
        councils.forms,
        portal.forms,
        strategy.forms,
        strategy.staff.forms,
    ):
        for _name, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, forms.BaseForm) and value.__module__ == module.__name__:
                found[value.__qualname__] = value
    return list(found.values())


CHOICE_NAMES = {field.name for _model, field in choice_columns()}


@pytest.mark.parametrize("form_class", form_classes(), ids=lambda f: f.__name__)
def test_no_form_takes_a_choice_column_as_free_text(form_class):
    """A field named like a choice column is a ChoiceField, which validates its choices."""
    for name, field in form_class.base_fields.items():
        if name in CHOICE_NAMES:
            assert isinstance(field, forms.ChoiceField | forms.BooleanField), (
                f"{form_class.__name__}.{name} is a {type(field).__name__}"
            )
