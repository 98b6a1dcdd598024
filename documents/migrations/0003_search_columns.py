"""Did give documents_document stored search columns on PostgreSQL; kept, empty, for the migrations that
depend on it. The site index in search_entry replaced them, and search 0003 drops them from
databases that have them.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0002_document_review_workflow"),
        ("search", "0001_trigram_extension"),
    ]

    operations = []
