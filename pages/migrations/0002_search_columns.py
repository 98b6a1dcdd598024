"""Stored search columns of pages_page on PostgreSQL (search/columns.py); nothing on SQLite.

The weights follow pages/search.py and are frozen here.
"""

from django.db import migrations

from search.columns import search_columns


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0001_initial"),
        ("search", "0001_trigram_extension"),
    ]

    operations = [
        search_columns("pages_page", fields={"title": "A", "lead": "B", "body": "C"}, title="title"),
    ]
