"""Pages and menus are the federation's: its editors get every permission on them.

Regional editors, reviewers and FAQ editors get none, so they do not even see pages in the admin
(and the scope rule would refuse them anyway: pages have no organisation). The group is created if
it is missing, as editorial/migrations/0002_role_groups.py does; a group that exists keeps what its
administrators gave it and gains these permissions.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

FEDERATION_EDITOR = "Федерациянын редактору / Редактор федерации"
PERMISSIONS = [
    *(f"{action}_page" for action in ("add", "change", "delete", "view")),
    "publish_page",
    *(f"{action}_menuitem" for action in ("add", "change", "delete", "view")),
]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    db = schema_editor.connection.alias
    # Permissions are normally created after all migrations; the group needs them now.
    app_config = apps.get_app_config("pages")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0, using=db)
    app_config.models_module = None
    group, _created = Group.objects.using(db).get_or_create(name=FEDERATION_EDITOR)
    group.permissions.add(
        *Permission.objects.using(db).filter(content_type__app_label="pages", codename__in=PERMISSIONS)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    db = schema_editor.connection.alias
    group = Group.objects.using(db).filter(name=FEDERATION_EDITOR).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.using(db).filter(content_type__app_label="pages", codename__in=PERMISSIONS)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0002_search_columns"),
        ("editorial", "0002_role_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
