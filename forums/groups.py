"""The organisations coordinator's permission and group (forums/rules.py names them).

The data migration forums/0002 creates them; the demo calls `coordinator_group_ensure`
too. An administrator adds people to the group in the admin; superusers may do it all.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps as global_apps

from forums.rules import COORDINATORS, REGISTRY


def coordinator_group_ensure(apps: Any = global_apps) -> Any:
    """Create the permission and the group if missing (idempotent); returns the group."""
    content_type = apps.get_model("contenttypes", "ContentType")
    permission = apps.get_model("auth", "Permission")
    group = apps.get_model("auth", "Group")
    ct, _created = content_type.objects.get_or_create(app_label="forums", model="organisation")
    manage, _created = permission.objects.get_or_create(
        content_type=ct,
        codename="manage_organisations",
        defaults={"name": "Can manage organisations and registrations"},
    )
    coordinators, _created = group.objects.get_or_create(name=COORDINATORS)
    coordinators.permissions.add(manage)
    return coordinators


def registry_group_ensure(apps: Any = global_apps) -> Any:
    """The registry's (kirjaamo) permission to register and route initiatives, and its
    group "Kirjaamo" (idempotent); returns the group."""
    content_type = apps.get_model("contenttypes", "ContentType")
    permission = apps.get_model("auth", "Permission")
    group = apps.get_model("auth", "Group")
    ct, _created = content_type.objects.get_or_create(app_label="forums", model="initiative")
    register, _created = permission.objects.get_or_create(
        content_type=ct,
        codename="register_initiatives",
        defaults={"name": "Can register and route initiatives"},
    )
    registry, _created = group.objects.get_or_create(name=REGISTRY)
    registry.permissions.add(register)
    return registry
