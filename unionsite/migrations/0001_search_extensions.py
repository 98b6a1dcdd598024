from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    """pg_trgm for the site search's similarity matching; does nothing on SQLite."""

    dependencies = []

    operations = [TrigramExtension()]
