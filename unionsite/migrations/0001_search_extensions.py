from django.db import migrations


class Migration(migrations.Migration):
    """Kept for databases that applied it: pg_trgm is now the search app's (search 0001)."""

    dependencies = []

    operations = []
