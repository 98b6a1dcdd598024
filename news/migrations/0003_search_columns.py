"""Stored search columns of news_report on PostgreSQL (search/columns.py); nothing on SQLite.

The weights follow news/search.py and are frozen here. Databases that had them from the former
unionsite 0004 get the same trigger again, unchanged.
"""

from django.db import migrations

from search.columns import search_columns


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0002_report_review_workflow"),
        ("search", "0001_trigram_extension"),
    ]

    operations = [
        search_columns(
            "news_report",
            fields={"title": "A", "lead": "B", "body": "C"},
            title="title",
        ),
    ]
