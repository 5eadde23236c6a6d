"""The organisations coordinator's permission and the group "Järjestökoordinaattorit"
(forums/groups.py)."""

from django.db import migrations


def forwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    from forums.groups import coordinator_group_ensure

    coordinator_group_ensure(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("forums", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
