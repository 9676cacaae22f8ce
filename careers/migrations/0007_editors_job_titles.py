"""Editors may add, change and delete job titles, as any other content."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ["jobtitle"]
ACTIONS = ("add", "change", "delete", "view")


def _permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    codenames = [f"{action}_{model}" for model in MODELS for action in ACTIONS]
    return Permission.objects.filter(content_type__app_label="titles", codename__in=codenames)


def give(apps, schema_editor):
    # Permissions are normally created after all migrations; the new model's are needed now.
    config = apps.get_app_config("titles")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    group = apps.get_model("auth", "Group").objects.filter(name="Editors").first()
    if group is not None:
        group.permissions.add(*_permissions(apps))


def take_back(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name="Editors").first()
    if group is not None:
        group.permissions.remove(*_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("careers", "0006_role_changes"),
        ("titles", "0001_initial"),
    ]

    operations = [migrations.RunPython(give, take_back)]
