"""Federation editors (the press secretary) change the site settings and the home page.

Only the group of editorial/migrations/0002_role_groups.py gets them, and only if it exists.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Федерациянын редактору / Редактор федерации"
PERMISSIONS = [
    "change_sitesettings",
    "view_sitesettings",
    "change_homepage",
    "view_homepage",
    *(f"{action}_{model}" for model in ("announcement", "featureditem", "homeblock")
      for action in ("add", "change", "delete", "view")),
]  # fmt: skip


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    db = schema_editor.connection.alias
    group = Group.objects.using(db).filter(name=GROUP).first()
    if group is None:
        return
    app_config = apps.get_app_config("siteconfig")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0, using=db)
    app_config.models_module = None
    permissions = Permission.objects.using(db).filter(content_type__app_label="siteconfig", codename__in=PERMISSIONS)
    group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("siteconfig", "0002_default_records"),
        ("editorial", "0002_role_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
