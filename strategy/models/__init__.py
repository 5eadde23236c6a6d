"""The county's strategy and how its follow-up is recorded.

The model
---------
- **Strategy** (title, slug, period_start/period_end, approved_by → the council's
  councils.AgendaItem, vision, mission, description) has **Value**s (name, description,
  order), **Goal**s and **Programme**s.
- **Goal**: two levels only, a main goal ("1", parent None) and its sub-goals ("1.2",
  parent = the main goal). Code unique per strategy; responsible_body (councils.Body)
  and owner (a director's title, free text).
- **Programme** (henkilöstöohjelma, digi- ja dataohjelma, ...): slug unique per strategy,
  linked to goals (M2M `goals`, reverse `goal.programmes`).
- **Indicator**: belongs to a goal, a programme or both (at least one). Unit, direction
  (up or down is good), baseline value and date, source name and URL, update frequency,
  next_due, is_demo ("demo figure" on the pages). **IndicatorTarget** (due, value) and
  **IndicatorValue** (measured_on, value, municipality: "" for the whole county or one of
  the ten member municipalities, note, entered_by, created_at).
- **ReportingPeriod** ("T1/2026", slug "t1-2026", start, end, closed_at, closed_by,
  snapshot) holds one **StatusUpdate** per goal or per programme (exactly one of the two):
  status, suggested_status (computed when saved), reason (required when the two differ),
  narrative, risks, next_steps, author, updated_at. A closed period is frozen: its
  snapshot (JSON, see strategy.services.period_close) is what the report shows, and its
  updates can no longer change.
- **GoalLink**: an agenda item (a decision) that advances a goal, set by a clerk of the
  item's body while preparing it; shown on the item page and on the goal page.

The status rule
---------------
strategy/rules.py computes a suggestion per indicator from its latest county-wide value:
no value → no suggestion; no target → no suggestion; final target met once its date has
come → done; last target date passed and missed → off track; otherwise on the straight
path from the previous target (or baseline) to the next one → on track, behind it by at
most 25 % of that leg's planned change → at risk, further → off track. A goal's
suggestion is the worst of its own and its sub-goals' indicators (done only if all are).

Dependencies: strategy imports councils, never the reverse.
"""

from __future__ import annotations

from strategy.choices import Direction, Municipality, Status, UpdateFrequency
from strategy.models.indicators import Indicator, IndicatorTarget, IndicatorValue
from strategy.models.reporting import GoalLink, ReportingPeriod, StatusUpdate
from strategy.models.structure import Goal, Programme, Strategy, Value

__all__ = [
    "Direction",
    "Goal",
    "GoalLink",
    "Indicator",
    "IndicatorTarget",
    "IndicatorValue",
    "Municipality",
    "Programme",
    "ReportingPeriod",
    "Status",
    "StatusUpdate",
    "Strategy",
    "UpdateFrequency",
    "Value",
]
