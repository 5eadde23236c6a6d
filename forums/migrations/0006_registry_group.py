"""The registry's permission to register and route initiatives and the group "Kirjaamo"
(forums/groups.py)."""

from django.db import migrations


def forwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    from forums.groups import registry_group_ensure

    registry_group_ensure(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("forums", "0005_initiatives"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
