"""The editorial roles handle courses as they handle events: the lists are the AppConfig's
`role_permissions`, read when this migration runs (editorial.groups.grant_role_permissions)."""

from django.db import migrations

from editorial import groups


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0001_initial"),
        ("editorial", "0002_role_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(*groups.grant_role_permissions("courses"))]
