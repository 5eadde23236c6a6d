"""Links from agenda items to the strategy goals they advance, on councils' item pages.

`goal_links_panel` is registered into councils' item panels (councils/extensions.py) by
StrategyConfig.ready(): on the public item page it lists the goals a public item
advances; in the clerk's item editor it lists every link and, for a clerk of the item's
body, offers a form to link a sub-goal and a button to remove each link. The two views
below take those forms: POST-redirect-GET without JavaScript, the panel swapped in place
with htmx. councils never imports this module.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from councils.extensions import ItemPanel
from councils.models import AgendaItem, MeetingState
from councils.staff.common import answer, item_for
from portal.lib.htmx import HtmxHttpRequest
from portal.lib.once import once_per_form
from portal.lib.precompiled import listed_by
from strategy import services
from strategy.forms import GoalLinkForm
from strategy.models import Goal, GoalLink, Strategy

PUBLIC_TEMPLATE = "strategy/item_goal_links_public.html"
EDITOR_TEMPLATE = "strategy/item_goal_links.html"
LINK_ORDER = ("goal__strategy__period_start", "goal__code")
# An item's links on its public page, the SQL built once per process.
_ITEM_LINKS = listed_by(GoalLink, "agenda_item_id", "goal__strategy", order=LINK_ORDER)


def strategy_for(item: AgendaItem) -> Strategy | None:
    """The strategy an item is prepared under: in force on its meeting day, else the newest."""
    day = timezone.localdate(item.meeting.start)
    return Strategy.objects.in_force(day).first() or Strategy.objects.first()


def sub_goals_for(
    item: AgendaItem, *, exclude: set[int] | frozenset[int] = frozenset()
) -> list[Goal]:
    """The sub-goals a clerk may link the item to, in the strategy's order."""
    strategy = strategy_for(item)
    if strategy is None:
        return []
    return list(
        Goal.objects.sub()
        .filter(strategy=strategy)
        .exclude(pk__in=exclude)
        .select_related("parent")
        .order_by("parent__order", "parent__code", "order", "code")
    )


def _is_public(item: AgendaItem) -> bool:
    meeting = item.meeting
    return (
        item.is_public
        and meeting.agenda_published_at is not None
        and meeting.state != MeetingState.PLANNED
    )


def editor_panel(
    item: AgendaItem, *, may_change: bool, form: GoalLinkForm | None = None
) -> ItemPanel:
    links = list(
        GoalLink.objects.filter(agenda_item=item)
        .select_related("goal__strategy")
        .order_by(*LINK_ORDER)
    )
    if may_change and form is None:
        form = GoalLinkForm(sub_goals=sub_goals_for(item, exclude={link.goal_id for link in links}))
    return ItemPanel(
        EDITOR_TEMPLATE,
        {
            "item": item,
            "links": links,
            "form": form if may_change else None,
            "may_change": may_change,
            "is_public": _is_public(item),
        },
    )


def goal_links_panel(item: AgendaItem, *, editing: bool, may_change: bool) -> ItemPanel | None:
    """The goals an item advances (councils.extensions.ItemPanelProvider).

    Public page: one query, and none for a confidential item; nothing when there are no
    links. Editor: the links and, for a clerk, the sub-goals to choose from.
    """
    if editing:
        return editor_panel(item, may_change=may_change)
    # GoalLink.objects.public() in the item's own terms: its page is out, the item public.
    if not item.is_public or not item.meeting.agenda_is_public:
        return None
    links = _ITEM_LINKS.rows((), item.pk)
    return ItemPanel(PUBLIC_TEMPLATE, {"links": links}) if links else None


def _answer(
    request: HtmxHttpRequest, item: AgendaItem, *, message: str = "", error: str = ""
) -> HttpResponse:
    return answer(
        request,
        url=reverse("staff:item_edit", args=[item.pk]) + "#goal-links",
        message=message,
        error=error,
        partial=EDITOR_TEMPLATE,
        context={"panel": editor_panel(item, may_change=True).context},
    )


@login_required
@require_POST
@once_per_form
def goal_link_add(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """A clerk of the item's body links it to a sub-goal (others get a 404)."""
    item = item_for(request, pk)
    form = GoalLinkForm(request.POST, sub_goals=sub_goals_for(item))
    if not form.is_valid():
        errors = [str(error) for errors in form.errors.values() for error in errors]
        return _answer(request, item, error=" ".join(errors))
    goal: Goal = form.cleaned_data["goal"]
    services.goal_link_add(
        goal=goal, agenda_item=item, user=request.user, note=form.cleaned_data["note"].strip()
    )
    return _answer(
        request,
        item,
        message=_("The item is linked to the goal %(goal)s.")
        % {"goal": f"{goal.code} {goal.title}"},
    )


@login_required
@require_POST
def goal_link_remove(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """A clerk of the item's body removes one of its links to goals (others get a 404)."""
    link = get_object_or_404(
        GoalLink.objects.editable_by(request.user).select_related("goal"), pk=pk
    )
    item = item_for(request, link.agenda_item_id)
    goal = link.goal
    services.goal_link_remove(link=link, user=request.user)
    return _answer(
        request,
        item,
        message=_("The link to the goal %(goal)s was removed.")
        % {"goal": f"{goal.code} {goal.title}"},
    )
