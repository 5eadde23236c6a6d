"""Forms of the strategy's public side and of linking an agenda item to goals.

(The chairs' forms for status updates and values are in strategy/staff/forms.py.)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from strategy.models import Goal


def sub_goal_choices(sub_goals: Sequence[Goal]) -> list[tuple[str, list[tuple[int, str]]]]:
    """Sub-goals grouped by their main goal, with codes: [("1 Title", [(pk, "1.2 Title")])].

    The sub-goals must have `parent` selected and come in the order to show.
    """
    groups: dict[int, tuple[str, list[tuple[int, str]]]] = {}
    for goal in sub_goals:
        parent = goal.parent
        assert parent is not None
        _label, options = groups.setdefault(parent.pk, (f"{parent.code} {parent.title}", []))
        options.append((goal.pk, f"{goal.code} {goal.title}"))
    return list(groups.values())


class GoalLinkForm(forms.Form):
    """Link an agenda item to a sub-goal it advances, with an optional note."""

    # The item editor has forms of its own on the same page; the prefix keeps ids unique.
    prefix = "goal_link"

    goal = forms.TypedChoiceField(
        label=_("Sub-goal"),
        coerce=int,
        empty_value=None,
        help_text=_("The strategy's sub-goals, grouped by main goal."),
        error_messages={
            "required": _("Choose the sub-goal that the item advances."),
            "invalid_choice": _("Choose a sub-goal from the list."),
        },
    )
    note = forms.CharField(
        label=_("How it advances the goal (optional)"),
        max_length=500,
        required=False,
        widget=forms.TextInput(),
    )

    def __init__(self, *args: Any, sub_goals: Sequence[Goal], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._sub_goals = {goal.pk: goal for goal in sub_goals}
        field = self.fields["goal"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [("", _("Choose a sub-goal")), *sub_goal_choices(sub_goals)]

    def clean_goal(self) -> Goal:
        pk = self.cleaned_data["goal"]
        goal = self._sub_goals.get(pk)
        if goal is None:
            raise forms.ValidationError(_("Choose a sub-goal from the list."))
        return goal
