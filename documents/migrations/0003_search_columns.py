"""Stored search columns of documents_document on PostgreSQL (search/columns.py); nothing on SQLite.

The weights follow documents/search.py and are frozen here. Databases that had them from the former
unionsite 0004 get the same trigger again, unchanged.
"""

from django.db import migrations

from search.columns import search_columns


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0002_document_review_workflow"),
        ("search", "0001_trigram_extension"),
    ]

    operations = [
        search_columns(
            "documents_document",
            fields={"title": "A", "description": "B", "parties": "C"},
            plain={"number": "A"},
            title="title",
        ),
    ]
