"""Editors may add, change and delete employer types and the "rarely hires" marks of roles, as any other content."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ["employertype", "rarelyhiring"]
ACTIONS = ("add", "change", "delete", "view")


def give(apps, schema_editor):
    # Permissions are normally created after all migrations; the new models' are needed now.
    config = apps.get_app_config("salaries")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    group = apps.get_model("auth", "Group").objects.filter(name="Editors").first()
    if group is None:
        return
    Permission = apps.get_model("auth", "Permission")
    codenames = [f"{action}_{model}" for model in MODELS for action in ACTIONS]
    group.permissions.add(*Permission.objects.filter(content_type__app_label="salaries", codename__in=codenames))


def take_back(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name="Editors").first()
    if group is None:
        return
    Permission = apps.get_model("auth", "Permission")
    codenames = [f"{action}_{model}" for model in MODELS for action in ACTIONS]
    group.permissions.remove(*Permission.objects.filter(content_type__app_label="salaries", codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [
        ("careers", "0004_editors_archive_roles"),
        ("salaries", "0002_employer_types"),
    ]

    operations = [migrations.RunPython(give, take_back)]
