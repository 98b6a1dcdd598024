from django.db import migrations


class Migration(migrations.Migration):
    """Kept for databases that applied it: the role groups are the editorial app's now
    (editorial 0002_role_groups creates those that are missing)."""

    dependencies = [("unionsite", "0002_editorprofile")]

    operations = []
