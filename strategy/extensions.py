"""Extension point: how other apps add to a strategy goal's page without strategy importing them.

The forums app shows, on the page of the goal that its cooperation agreement serves
(goal 3, trust-built cooperation with municipalities, communities and the state), the
chairs' forum's yearly follow-up of the agreement. It registers a provider from its
AppConfig.ready():

    from strategy import extensions

    extensions.register_goal_panel(agreement_follow_up_panel)

`provider(goal)` returns a GoalPanel or None, and makes a fixed number of queries. The
goal page renders each with `{% include panel.template_name with panel=panel.context %}`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from strategy.models import Goal


@dataclass(frozen=True)
class GoalPanel:
    template_name: str
    context: Mapping[str, Any] = field(default_factory=dict)


class GoalPanelProvider(Protocol):
    def __call__(self, goal: Goal) -> GoalPanel | None: ...


goal_panels: list[GoalPanelProvider] = []


def register_goal_panel(provider: GoalPanelProvider) -> GoalPanelProvider:
    if provider not in goal_panels:
        goal_panels.append(provider)
    return provider


def goal_panels_for(goal: Goal) -> list[GoalPanel]:
    return [panel for provider in goal_panels if (panel := provider(goal)) is not None]
