from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    """pg_trgm for the site search's similarity matching; does nothing on SQLite.

    Databases made before the search app existed have it already (unionsite 0001): the
    extension is created only if missing.
    """

    dependencies = []

    operations = [TrigramExtension()]
