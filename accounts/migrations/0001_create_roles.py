"""Create the three staff role groups. Their permissions are set by accounts.roles.sync_roles
after every migrate (post_migrate), once every app's permissions exist."""

from django.db import migrations

ROLE_NAMES = ("Editor", "Publisher", "Site administrator")


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLE_NAMES:
        Group.objects.using(schema_editor.connection.alias).get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
