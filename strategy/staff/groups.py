"""Who may do what in the strategy follow-up: permissions and the two staff groups.

- `strategy.view_dashboard` (custom): the chairs' and the board's dashboard and its CSV,
  the period report PDFs.
- `strategy.add_indicatorvalue`: enter measured values, one by one or by CSV import.
- `strategy.change_statusupdate`: write the period's status updates.
- `strategy.close_reportingperiod` (custom): close a period (freeze it) and queue its report.

Groups: "Puheenjohtajat" (chairs and board members: the dashboard) and "Strategiatiimi"
(the strategy staff: everything above). An administrator adds people to them in the
admin; superusers may do everything. The data migration strategy/0002 creates the
custom permissions and the groups; `staff_groups_ensure` is also called by the demo.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps as global_apps

VIEW_DASHBOARD = "strategy.view_dashboard"
ADD_VALUE = "strategy.add_indicatorvalue"
CHANGE_STATUS = "strategy.change_statusupdate"
CLOSE_PERIOD = "strategy.close_reportingperiod"

CHAIRS = "Puheenjohtajat"
STRATEGY_TEAM = "Strategiatiimi"

# codename: (model, name)
PERMISSIONS = {
    "view_dashboard": ("reportingperiod", "Can view the strategy dashboard"),
    "close_reportingperiod": ("reportingperiod", "Can close a reporting period"),
    "add_indicatorvalue": ("indicatorvalue", "Can add indicator value"),
    "change_statusupdate": ("statusupdate", "Can change status update"),
}
GROUPS = {
    CHAIRS: ["view_dashboard"],
    STRATEGY_TEAM: [
        "view_dashboard",
        "add_indicatorvalue",
        "change_statusupdate",
        "close_reportingperiod",
    ],
}


def staff_groups_ensure(apps: Any = global_apps) -> None:
    """Create the permissions and groups if missing (idempotent; `apps` for migrations)."""
    content_type = apps.get_model("contenttypes", "ContentType")
    permission = apps.get_model("auth", "Permission")
    group = apps.get_model("auth", "Group")
    found = {}
    for codename, (model, name) in PERMISSIONS.items():
        ct, _created = content_type.objects.get_or_create(app_label="strategy", model=model)
        found[codename], _created = permission.objects.get_or_create(
            content_type=ct, codename=codename, defaults={"name": name}
        )
    for name, codenames in GROUPS.items():
        staff_group, _created = group.objects.get_or_create(name=name)
        staff_group.permissions.add(*(found[codename] for codename in codenames))
