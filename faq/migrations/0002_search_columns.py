"""Stored search columns of faq_question on PostgreSQL (search/columns.py); nothing on SQLite.

The weights follow faq/search.py and are frozen here. Databases that had them from the former
unionsite 0004 get the same trigger again, unchanged.
"""

from django.db import migrations

from search.columns import search_columns


class Migration(migrations.Migration):
    dependencies = [
        ("faq", "0001_initial"),
        ("search", "0001_trigram_extension"),
    ]

    operations = [
        search_columns(
            "faq_question",
            fields={"question": "A", "answer": "B"},
            title="question",
        ),
    ]
