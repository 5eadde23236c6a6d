"""What forums adds to other apps' pages, through their extension points.

- A forum's body page (councils' /toimielimet/<slug>/): its level, purpose, rhythm,
  founding story and standing agenda, and its members by the organisation they
  represent, in place of councils' seat table (councils/extensions.py).
- The strategy goal its cooperation agreement serves: the chairs' forum's yearly
  follow-up of the agreement's goals (strategy/extensions.py).

Registered by ForumsConfig.ready(); neither councils nor strategy imports forums.
"""

from __future__ import annotations

from django.db.models import Prefetch

from councils.extensions import BodyPanel
from councils.models import Body
from forums import reads
from forums.models import AgreementGoal, CooperationAgreement, FollowUp, Forum
from strategy.extensions import GoalPanel
from strategy.models import Goal

BODY_TEMPLATE = "forums/panels/body.html"
GOAL_TEMPLATE = "forums/panels/goal.html"


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
                forum.founding_decisions.select_related("meeting__body").order_by("meeting__start")
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
