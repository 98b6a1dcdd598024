"""Ranking that reads less on PostgreSQL (search_bench at 10,000 reports, docs/search.md).

ts_rank reads `rank_vector`, the titles (A) and leads (B) only, small enough to stay in the row;
`vector` (with the bodies, in TOAST storage) only finds the matches through its GIN index. An
item whose every word is in its body alone ranks after the others, newest first.

(SQLite's FTS5 keeps positions, `detail=full`: with `detail=column` bm25 reads and tokenizes
every matching row's text again, ten times slower.)
"""

from django.db import migrations

POSTGRESQL = """
    ALTER TABLE search_entry ADD COLUMN rank_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, strong), 'A')
        || setweight(to_tsvector('simple'::regconfig, middle), 'B')
    ) STORED
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRESQL)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE search_entry DROP COLUMN rank_vector")


class Migration(migrations.Migration):
    dependencies = [("search", "0003_drop_table_columns")]

    operations = [migrations.RunPython(forward, backward)]
