"""Editors archive roles instead of deleting them: the Editors group loses the permission to delete a role.

Deleting for good stays with superusers (roles.admin.archive); every other content permission is unchanged.
"""

from django.db import migrations

ROLE_DELETE = ("roles", "delete_role")


def _editors_and_permission(apps):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Editors").first()
    permission = Permission.objects.filter(content_type__app_label=ROLE_DELETE[0], codename=ROLE_DELETE[1]).first()
    return group, permission


def take_delete_away(apps, schema_editor):
    group, permission = _editors_and_permission(apps)
    if group and permission:
        group.permissions.remove(permission)


def give_delete_back(apps, schema_editor):
    group, permission = _editors_and_permission(apps)
    if group and permission:
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("careers", "0003_content_version"),
        ("roles", "0005_role_archived"),
    ]

    operations = [migrations.RunPython(take_delete_away, give_delete_back)]
