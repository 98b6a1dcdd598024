"""The role groups: their names, and the one helper that grants an app's permissions to them.

editorial/migrations/0002_role_groups.py creates the groups. Their names are bilingual, as staff of
both languages pick them on the user page. The code never asks for them (editorial/scopes.py and
editorial/services.py ask for permissions); migrations, tests and set-up scripts do.

An app says what each role may do with its models in its AppConfig's `role_permissions`
(unionsite/registry.py), and its migration grants that with `grant_role_permissions`:

    migrations.RunPython(*groups.grant_role_permissions("courses"))

A group that exists keeps what its administrators gave it or took from it and only gains these
permissions; a missing group is created. Reversing the migration takes these permissions away again.
"""

from django.apps import apps as installed_apps
from django.contrib.auth.management import create_permissions

FEDERATION_EDITOR = "Федерациянын редактору / Редактор федерации"
REGIONAL_EDITOR = "Аймактык редактор / Региональный редактор"
REVIEWER = "Текшерүүчү / Рецензент"
FAQ_EDITOR = "FAQ редактору / Редактор FAQ"

# The keys of an AppConfig's role_permissions.
ROLE_NAMES = {
    "federation_editor": FEDERATION_EDITOR,
    "regional_editor": REGIONAL_EDITOR,
    "reviewer": REVIEWER,
    "faq_editor": FAQ_EDITOR,
}


def declared_role_permissions(app_label):
    """Group name → codenames the installed app declares (its AppConfig's role_permissions)."""
    declared = getattr(installed_apps.get_app_config(app_label), "role_permissions", {})
    return {ROLE_NAMES[role]: list(codenames) for role, codenames in declared.items()}


def grant_role_permissions(app_label, roles=None):
    """The (forward, backward) functions of a RunPython granting `app_label`'s role permissions.

    `roles` (group name → codenames of the app) freezes the lists in the migration; without it
    they are read from the app's AppConfig when the migration runs.
    """

    def permissions(apps, db, codenames):
        Permission = apps.get_model("auth", "Permission")
        return Permission.objects.using(db).filter(content_type__app_label=app_label, codename__in=codenames)

    def grant(apps, schema_editor):
        Group = apps.get_model("auth", "Group")
        db = schema_editor.connection.alias
        # Permissions are normally created after all migrations; the groups need them now.
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0, using=db)
        app_config.models_module = None
        for name, codenames in (roles or declared_role_permissions(app_label)).items():
            group, _created = Group.objects.using(db).get_or_create(name=name)
            group.permissions.add(*permissions(apps, db, codenames))

    def revoke(apps, schema_editor):
        Group = apps.get_model("auth", "Group")
        db = schema_editor.connection.alias
        for name, codenames in (roles or declared_role_permissions(app_label)).items():
            group = Group.objects.using(db).filter(name=name).first()
            if group is not None:
                group.permissions.remove(*permissions(apps, db, codenames))

    return grant, revoke
