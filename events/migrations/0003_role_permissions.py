"""The editorial roles handle events as they handle reports.

Federation editors and regional editors write events, reviewers publish them. A group missing
from the database is created; a group that exists keeps what its administrators gave it and gains
these permissions (editorial.groups.grant_role_permissions). The lists are frozen here.
"""

from django.db import migrations

from editorial import groups

CRUD = ("add", "change", "delete", "view")

ROLES = {
    "Федерациянын редактору / Редактор федерации": [*(f"{action}_event" for action in CRUD), "publish_event"],
    "Аймактык редактор / Региональный редактор": [f"{action}_event" for action in CRUD],
    "Текшерүүчү / Рецензент": ["change_event", "view_event", "publish_event"],
}


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_search_columns"),
        ("editorial", "0002_role_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(*groups.grant_role_permissions("events", ROLES))]
