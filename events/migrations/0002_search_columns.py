"""Stored search columns of events_event on PostgreSQL (search/columns.py); nothing on SQLite.

The weights follow events/search.py and are frozen here.
"""

from django.db import migrations

from search.columns import search_columns


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("search", "0001_trigram_extension"),
    ]

    operations = [
        search_columns(
            "events_event",
            fields={"title": "A", "place": "B", "description": "C"},
            title="title",
        ),
    ]
