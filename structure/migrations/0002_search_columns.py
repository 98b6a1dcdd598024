"""Stored search columns of structure_organisation on PostgreSQL (search/columns.py); nothing on SQLite.

The weights follow structure/search.py and are frozen here. Databases that had them from the former
unionsite 0004 get the same trigger again, unchanged.
"""

from django.db import migrations

from search.columns import search_columns


class Migration(migrations.Migration):
    dependencies = [
        ("structure", "0001_initial"),
        ("search", "0001_trigram_extension"),
    ]

    operations = [
        search_columns(
            "structure_organisation",
            fields={"name": "A", "short_name": "A", "leader_name": "B", "address": "C", "description": "C"},
            title="name",
        ),
    ]
