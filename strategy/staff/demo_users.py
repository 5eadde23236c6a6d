"""Demo users of the strategy follow-up (password raati-demo-2026, like the other demo users).

- `puheenjohtaja` – a chair (group Puheenjohtajat): the dashboard and the reports.
- `strategia` – the strategy team (group Strategiatiimi): values, imports, status updates,
  closing periods.
- the board's clerk `sihteeri` joins the strategy team too, so the demo can attach a
  period report to a board agenda item.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from councils.demo import demo_user
from strategy.staff.groups import CHAIRS, STRATEGY_TEAM, staff_groups_ensure

USERS = {
    "puheenjohtaja": ("Paula", "Puheenjohtaja", CHAIRS),
    "strategia": ("Sanna", "Strategiasuunnittelija", STRATEGY_TEAM),
}


def load_strategy_staff_demo() -> list[str]:
    """Create the groups and the demo users if missing; returns the usernames."""
    staff_groups_ensure()
    groups = {group.name: group for group in Group.objects.filter(name__in=[CHAIRS, STRATEGY_TEAM])}
    for username, (first, last, group) in USERS.items():
        user, _created = demo_user(username, first, last)
        user.groups.add(groups[group])
    clerk = get_user_model().objects.filter(username="sihteeri").first()
    if clerk is not None:
        clerk.groups.add(groups[STRATEGY_TEAM])
    return list(USERS)
