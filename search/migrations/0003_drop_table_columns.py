"""Drop the per-table search columns of the earlier search (PostgreSQL only).

Each content app's table had a tsvector, a rank tsvector and a folded title, kept by a trigger
(the content apps' `*_search_columns` migrations, which now do nothing). The index in
search_entry replaces them. Fresh databases never had them: every statement checks first.
"""

from django.db import migrations

TABLES = [
    "news_report",
    "faq_question",
    "documents_document",
    "structure_organisation",
    "pages_page",
    "events_event",
]


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        # The function's CASCADE takes its trigger; dropping the columns takes their indexes.
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {table}_search_update() CASCADE")
        schema_editor.execute(
            f"ALTER TABLE IF EXISTS {table} DROP COLUMN IF EXISTS search_vector, "
            "DROP COLUMN IF EXISTS search_rank_vector, DROP COLUMN IF EXISTS search_title"
        )


class Migration(migrations.Migration):
    dependencies = [("search", "0002_index")]

    operations = [migrations.RunPython(drop, migrations.RunPython.noop)]
