"""What forums adds to other apps' pages, through their extension points.

- A forum's body page (councils' /toimielimet/<slug>/): its level, purpose, rhythm,
  founding story and standing agenda, and its members by the organisation they
  represent, in place of councils' seat table (councils/extensions.py).
- The strategy goal its cooperation agreement serves: the chairs' forum's yearly
  follow-up of the agreement's goals (strategy/extensions.py).
- An agenda item: the initiatives made at it or answered by it.
- The staff dashboard: the initiatives waiting to be routed (the one-month deadline).

Registered by ForumsConfig.ready(); neither councils nor strategy imports forums.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, Q
from django.utils import timezone

from councils.extensions import BodyPanel, DashboardPanel, ItemPanel
from councils.models import AgendaItem, Body
from forums import reads, rules
from forums.models import (
    AgreementGoal,
    CooperationAgreement,
    FollowUp,
    Forum,
    Initiative,
    InitiativeState,
)
from portal.lib.precompiled import Shapes
from strategy.extensions import GoalPanel
from strategy.models import Goal

BODY_TEMPLATE = "forums/panels/body.html"
GOAL_TEMPLATE = "forums/panels/goal.html"
ITEM_TEMPLATE = "forums/panels/item_initiatives.html"
DASHBOARD_TEMPLATE = "forums/panels/dashboard_initiatives.html"


def forum_body_panel(body: Body) -> BodyPanel | None:
    """For a body whose members represent organisations: who sits for whom, and why."""
    if not body.rules.members_represent_organisations:
        return None
    forum = Forum.objects.filter(body=body).select_related("agreement").first()
    return BodyPanel(
        BODY_TEMPLATE,
        {
            "body": body,
            "forum": forum,
            "seats": reads.members_by_organisation([body]).get(body.pk, []),
            "memos": reads.latest_memos([body]).get(body.pk, []),
            "topics": list(forum.topics.all()) if forum else [],
            "decisions": list(
                forum.founding_decisions.select_related("meeting__body").chronological()
            )
            if forum
            else [],
        },
        lists_members=True,
    )


def agreement_follow_up_panel(goal: Goal) -> GoalPanel | None:
    """The agreements serving this goal, with each goal's follow-up by year."""
    agreements = list(
        CooperationAgreement.objects.filter(strategy_goal=goal).prefetch_related(
            Prefetch(
                "goals",
                queryset=AgreementGoal.objects.prefetch_related(
                    Prefetch(
                        "follow_ups",
                        queryset=FollowUp.objects.select_related("meeting__body").order_by("-year"),
                    )
                ),
            )
        )
    )
    if not agreements:
        return None
    return GoalPanel(GOAL_TEMPLATE, {"agreements": agreements})


# Made at or answered by an item, the SQL built once per process.
_ITEM_INITIATIVES = Shapes(
    lambda _shape, pk: (
        Initiative.objects.public()
        .filter(Q(made_at_id=pk) | Q(answer_item_id=pk))
        .only("pk", "title", "state", "made_at_id", "answer_item_id")
        .order_by("received_at")
    ),
    Initiative,
)


def initiative_item_panel(item: AgendaItem, *, editing: bool, may_change: bool) -> ItemPanel | None:
    """On an agenda item: the initiatives made at it or answered by it (one query)."""
    initiatives = _ITEM_INITIATIVES.rows((), item.pk)
    if not initiatives:
        return None
    return ItemPanel(
        ITEM_TEMPLATE,
        {
            "made": [i for i in initiatives if i.made_at_id == item.pk],
            "answered": [i for i in initiatives if i.answer_item_id == item.pk],
        },
    )


DASHBOARD_LIST_LENGTH = 20


def initiative_dashboard_panel(user: Any) -> DashboardPanel | None:
    """The initiatives this user works on that wait for routing (the one-month deadline,
    overdue ones flagged) and those whose answer is late; a fixed number of queries."""
    if not rules.may_work_on_initiatives(user):
        return None
    today = timezone.localdate()
    mine = Initiative.objects.manageable_by(user)
    waiting = list(
        mine.awaiting_routing()
        .select_related("addressed_to")
        .order_by("received_at")[:DASHBOARD_LIST_LENGTH]
    )
    late_answers = list(
        mine.filter(
            state__in=[InitiativeState.ROUTED, InitiativeState.HEARING], answer_due__lt=today
        )
        .select_related("addressed_to")
        .order_by("answer_due")[:DASHBOARD_LIST_LENGTH]
    )
    return DashboardPanel(
        DASHBOARD_TEMPLATE,
        {
            "waiting": [
                (i, i.acknowledgement_due(), i.acknowledgement_overdue(today)) for i in waiting
            ],
            "late_answers": late_answers,
            "today": today,
        },
    )
