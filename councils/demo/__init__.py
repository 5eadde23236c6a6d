"""Demo content of decision making: Päijät-Häme's bodies, people, meetings and decisions.

The story follows the county's first years as the public record tells it (the strategy
of June 2022, the service strategy, the personnel programme, the budgets and the deficit,
the advisory councils, the organisations' forum, the cooperation agreement of May 2023),
acted out by fictional people with generated names. Everything is fixed: the dates, the
texts and the seeded random choices, so two runs build the same plan.

The content is data, in data/:

- bodies.json: the terms, the bodies and the 2021 working groups, who presents and keeps
  the minutes in each, where and when each meets;
- people.json: the officials, the elected people the story names, the seats per group, the
  make-up of the advisory councils and the name lists the other people are generated from;
- cases.json: the cases followed across meetings;
- story/<year>.json: what each body handled, meeting by meeting;
- everyday.json: the everyday business between the big matters, by body and year;
- individual_matters.json: the division's confidential matters of individual clients;
- official_decisions.json: the officials' decisions;
- meetings.json: which meetings were held, which are still to come or cancelled, and the
  topics of the routine closing items;
- routine.json: the routine items every meeting has and how the minutes word a lapsed
  counter-proposal, a vote and an election;
- finnish.json: the verbs a proposal puts in the past tense when it becomes a decision.

The loader reads them (data.py, story.py), generates the people and their seats
(people.py), plans every meeting in memory (plan.py) and writes the plan model by model
(write.py). `load()` is what `manage.py load_demo` runs; `build()` gives the plan
without touching the database.
"""

from __future__ import annotations

from councils.demo.data import AH, AV, BODIES, JAOS
from councils.demo.plan import Plan, build
from councils.demo.write import CLERK_PASSWORD, CLERK_USERNAME, demo_user, load

__all__ = [
    "AH",
    "AV",
    "BODIES",
    "CLERK_PASSWORD",
    "CLERK_USERNAME",
    "JAOS",
    "Plan",
    "build",
    "demo_user",
    "load",
]
