"""Pages and menus are the federation's: its editors get every permission on them.

Regional editors, reviewers and FAQ editors get none, so they do not even see pages in the admin
(and the scope rule would refuse them anyway: pages have no organisation). The group is created if
it is missing, as editorial/migrations/0002_role_groups.py does; a group that exists keeps what its
administrators gave it and gains these permissions.
"""

from django.db import migrations

from editorial import groups

PERMISSIONS = [
    *(f"{action}_page" for action in ("add", "change", "delete", "view")),
    "publish_page",
    *(f"{action}_menuitem" for action in ("add", "change", "delete", "view")),
]


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0002_search_columns"),
        ("editorial", "0002_role_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(*groups.grant_role_permissions("pages", {groups.FEDERATION_EDITOR: PERMISSIONS}))
    ]
