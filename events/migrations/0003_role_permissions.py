"""The editorial roles handle events as they handle reports.

Federation editors and regional editors write events, reviewers publish them. A group missing
from the database is created; a group that exists keeps what its administrators gave it and gains
these permissions. The names and lists are frozen here (editorial/groups.py has the names).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CRUD = ("add", "change", "delete", "view")

ROLES = {
    "Федерациянын редактору / Редактор федерации": [*(f"{action}_event" for action in CRUD), "publish_event"],
    "Аймактык редактор / Региональный редактор": [f"{action}_event" for action in CRUD],
    "Текшерүүчү / Рецензент": ["change_event", "view_event", "publish_event"],
}


def add_event_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    db = schema_editor.connection.alias
    # Permissions are normally created after all migrations; the groups need them now.
    app_config = apps.get_app_config("events")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0, using=db)
    app_config.models_module = None
    for name, codenames in ROLES.items():
        group, _ = Group.objects.using(db).get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.using(db).filter(content_type__app_label="events", codename__in=codenames)
        )


def remove_event_permissions(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group_permissions in Permission.group_set.through.objects.filter(
        permission__content_type__app_label="events"
    ):
        group_permissions.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_search_columns"),
        ("editorial", "0002_role_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(add_event_permissions, remove_event_permissions)]
