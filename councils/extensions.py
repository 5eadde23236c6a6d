"""Extension points: how other apps add to councils' pages without councils importing them.

Dependencies point one way (strategy and forums import councils, never the reverse), yet
an agenda item's page and its editor show things that belong to those apps, such as the
strategy goals an item advances. So councils keeps a registry here, and the other apps
register into it from their AppConfig.ready():

    from councils import extensions

    def goal_links_panel(item, *, editing, may_change):
        return extensions.ItemPanel("strategy/item_goal_links.html", {"links": ...})

    extensions.register_item_panel(goal_links_panel)

The public item page (councils.views.item_detail) and the clerk's item editor
(councils.staff.items.editor_context) call `item_panels_for()` and render each panel with
`{% include panel.template_name with panel=panel.context %}`, so a panel's template sees
the page's own context too (request, user, csrf_token, messages) and its data as `panel`.

A body's public page (councils.views.body_detail) has panels of its own, the same way:
`register_body_panel(provider)`, where `provider(body)` returns a BodyPanel or None. The
forums app shows a forum's level, purpose and members by the organisation they represent
there; a panel with `lists_members=True` takes the place of the page's own member table.

The staff dashboard (councils.staff.meetings.dashboard) shows other apps' work that is due
through `register_dashboard_panel(provider)`, where `provider(user)` returns a
DashboardPanel or None (forums: the initiatives waiting for routing, with their one-month
deadline).

A provider decides for itself whether it has anything to show (return None for nothing)
and must make a fixed number of queries, whatever the item: the pages' query counts are
asserted in tests and must not grow with the number of rows shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from councils.models import AgendaItem, Body


@dataclass(frozen=True)
class ItemPanel:
    """A region of an item's page: a template and the data it shows (as `panel`)."""

    template_name: str
    context: Mapping[str, Any] = field(default_factory=dict)


class ItemPanelProvider(Protocol):
    def __call__(self, item: AgendaItem, *, editing: bool, may_change: bool) -> ItemPanel | None:
        """The panel for `item`, or None when there is nothing to show.

        editing: False on the public item page (show only what residents may see), True
        in the clerk's item editor. may_change: whether the user may change what the
        panel shows (a clerk of the item's body; False for a presenter editing only the
        proposal, and always False on the public page).
        """
        ...


# The registered providers, in the order their panels appear.
item_panels: list[ItemPanelProvider] = []


def register_item_panel(provider: ItemPanelProvider) -> ItemPanelProvider:
    """Add a provider (once, however often ready() runs); usable as a decorator."""
    if provider not in item_panels:
        item_panels.append(provider)
    return provider


def unregister_item_panel(provider: ItemPanelProvider) -> None:
    if provider in item_panels:
        item_panels.remove(provider)


def item_panels_for(
    item: AgendaItem, *, editing: bool, may_change: bool = False
) -> list[ItemPanel]:
    """The panels the registered providers give for an item, in registration order."""
    panels = []
    for provider in item_panels:
        panel = provider(item, editing=editing, may_change=may_change and editing)
        if panel is not None:
            panels.append(panel)
    return panels


# --- Panels of a body's page ----------------------------------------------------------------


@dataclass(frozen=True)
class BodyPanel:
    """A region of a body's public page, shown after what the body does."""

    template_name: str
    context: Mapping[str, Any] = field(default_factory=dict)
    # The panel lists the body's members itself (e.g. by the organisation they represent),
    # so the page leaves out its own member table.
    lists_members: bool = False


class BodyPanelProvider(Protocol):
    def __call__(self, body: Body) -> BodyPanel | None:
        """The panel for `body`, or None when there is nothing to show."""
        ...


body_panels: list[BodyPanelProvider] = []


def register_body_panel(provider: BodyPanelProvider) -> BodyPanelProvider:
    if provider not in body_panels:
        body_panels.append(provider)
    return provider


def unregister_body_panel(provider: BodyPanelProvider) -> None:
    if provider in body_panels:
        body_panels.remove(provider)


def body_panels_for(body: Body) -> list[BodyPanel]:
    """The panels the registered providers give for a body, in registration order."""
    return [panel for provider in body_panels if (panel := provider(body)) is not None]


# --- Panels of the staff dashboard -----------------------------------------------------------


@dataclass(frozen=True)
class DashboardPanel:
    """A region of the staff dashboard (/hallinta/): work of another app that is due."""

    template_name: str
    context: Mapping[str, Any] = field(default_factory=dict)


class DashboardPanelProvider(Protocol):
    def __call__(self, user: Any) -> DashboardPanel | None:
        """The panel for the signed-in `user`, or None when they have nothing there."""
        ...


dashboard_panels: list[DashboardPanelProvider] = []


def register_dashboard_panel(provider: DashboardPanelProvider) -> DashboardPanelProvider:
    if provider not in dashboard_panels:
        dashboard_panels.append(provider)
    return provider


def unregister_dashboard_panel(provider: DashboardPanelProvider) -> None:
    if provider in dashboard_panels:
        dashboard_panels.remove(provider)


def dashboard_panels_for(user: Any) -> list[DashboardPanel]:
    """The panels the registered providers give for a user, in registration order."""
    return [panel for provider in dashboard_panels if (panel := provider(user)) is not None]
