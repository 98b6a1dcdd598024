"""The four editorial roles as groups (the rules are in editorial/scopes.py and services.py).

Databases that applied unionsite 0003_editorial_roles have the groups already, perhaps reshaped
by their administrators: a group that exists is left as it is. The groups' names are bilingual,
as staff of both languages pick them on the user page. The permission lists are frozen here;
change a role with a new migration.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CRUD = ("add", "change", "delete", "view")


def model_permissions(app_model, actions=CRUD):
    app_label, model = app_model.split(".")
    return [f"{app_label}.{action}_{model}" for action in actions]


FEDERATION_EDITOR = [
    *(
        permission
        for model in (
            "news.category",
            "news.report",
            "news.reportphoto",
            "documents.documenttype",
            "documents.document",
            "documents.documentfile",
            "faq.topic",
            "faq.question",
            "faq.legalreference",
            "faq.incomingquestion",
            "structure.organisation",
            "structure.governingbody",
            "structure.governingbodymember",
        )
        for permission in model_permissions(model)
    ),
    "news.publish_report",
    "documents.publish_document",
    "editorial.edit_all_organisations",
    # Unlocking a colleague locked out by failed logins: delete their access attempt.
    "axes.view_accessattempt",
    "axes.delete_accessattempt",
]

REGIONAL_EDITOR = [
    "news.view_category",
    *model_permissions("news.report"),
    *model_permissions("news.reportphoto"),
    "documents.view_documenttype",
    *model_permissions("documents.document"),
    *model_permissions("documents.documentfile"),
    "structure.view_organisation",
    "structure.change_organisation",
]

REVIEWER = [
    "news.view_category",
    *model_permissions("news.report", ("change", "view")),
    *model_permissions("news.reportphoto"),
    "news.publish_report",
    "documents.view_documenttype",
    *model_permissions("documents.document", ("change", "view")),
    *model_permissions("documents.documentfile"),
    "documents.publish_document",
    "structure.view_organisation",
]

FAQ_EDITOR = [
    *model_permissions("faq.topic"),
    *model_permissions("faq.question"),
    *model_permissions("faq.legalreference"),
    *model_permissions("faq.incomingquestion", ("change", "view", "delete")),
    "documents.view_document",
]

ROLES = {
    "Федерациянын редактору / Редактор федерации": FEDERATION_EDITOR,
    "Аймактык редактор / Региональный редактор": REGIONAL_EDITOR,
    "Текшерүүчү / Рецензент": REVIEWER,
    "FAQ редактору / Редактор FAQ": FAQ_EDITOR,
}


def create_missing_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    db = schema_editor.connection.alias
    missing = [name for name in ROLES if not Group.objects.using(db).filter(name=name).exists()]
    if not missing:
        return
    # Permissions are normally created after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0, using=db)
        app_config.models_module = None
    for name in missing:
        group = Group.objects.using(db).create(name=name)
        permissions = []
        for dotted in ROLES[name]:
            app_label, codename = dotted.split(".")
            permissions.append(
                Permission.objects.using(db).get(content_type__app_label=app_label, codename=codename)
            )
        group.permissions.set(permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_editorprofile"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("news", "0002_report_review_workflow"),
        ("documents", "0002_document_review_workflow"),
        ("faq", "0001_initial"),
        ("structure", "0001_initial"),
        ("axes", "0001_initial"),
    ]

    # Unapplying leaves the groups: they may hold staff, and unionsite 0003 may have made them.
    operations = [migrations.RunPython(create_missing_roles, migrations.RunPython.noop)]
