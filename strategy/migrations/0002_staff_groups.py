"""The strategy staff's custom permissions and the groups "Puheenjohtajat" and
"Strategiatiimi" (strategy/staff/groups.py)."""

from django.db import migrations


def forwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    from strategy.staff.groups import staff_groups_ensure

    staff_groups_ensure(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("strategy", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
