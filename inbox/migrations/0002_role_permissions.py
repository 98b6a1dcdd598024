"""Give the editorial roles (editorial/migrations/0002_role_groups.py) their part of the inbox.

Federation editors see, update and delete every submission; regional editors and reviewers see
and update those of their regions (inbox/routing.py). Nobody adds submissions in the admin. A
group that does not exist (renamed by a site's administrators) is left alone. The lists are
frozen here; change a role with a new migration.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = {
    "Федерациянын редактору / Редактор федерации": ("view", "change", "delete"),
    "Аймактык редактор / Региональный редактор": ("view", "change"),
    "Текшерүүчү / Рецензент": ("view", "change"),
}


def _permissions(apps, db, actions):
    Permission = apps.get_model("auth", "Permission")
    return [
        Permission.objects.using(db).get(content_type__app_label="inbox", codename=f"{action}_submission")
        for action in actions
    ]


def _ensure_permissions(apps, db):
    # Permissions are normally created after all migrations; the groups need them now.
    app_config = apps.get_app_config("inbox")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0, using=db)
    app_config.models_module = None


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    db = schema_editor.connection.alias
    _ensure_permissions(apps, db)
    for name, actions in ROLES.items():
        group = Group.objects.using(db).filter(name=name).first()
        if group is not None:
            group.permissions.add(*_permissions(apps, db, actions))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    db = schema_editor.connection.alias
    for name, actions in ROLES.items():
        group = Group.objects.using(db).filter(name=name).first()
        if group is not None:
            group.permissions.remove(*_permissions(apps, db, actions))


class Migration(migrations.Migration):
    dependencies = [
        ("inbox", "0001_initial"),
        ("editorial", "0002_role_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
