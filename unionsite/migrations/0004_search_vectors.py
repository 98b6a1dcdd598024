"""Stored search columns for the site search, on PostgreSQL only (SQLite: nothing happens).

Building every row's tsvector at query time took 2-4 s per search at 10,000 reports. Each
searchable table gets two columns that the models do not declare (Django never writes them):

- search_vector (tsvector): the weighted words of both languages, Kyrgyz with the `simple`
  configuration and Russian with `russian`, HTML tags removed; GIN index. It finds the matches.
- search_rank_vector (tsvector): the same for the fields weighted A and B only (titles, leads,
  questions), which rank the matches: a common word matches thousands of reports, and ranking
  them on the whole text meant reading every long body out of TOAST storage (300 ms and more).
  A match in the body alone ranks after matches in the title or lead.
- search_title (text): both titles in lower case with ң/ө/ү folded to н/о/у, for pg_trgm word
  similarity with the `<%` operator; GIN trigram index.

A BEFORE INSERT OR UPDATE trigger keeps them current whatever writes the row (save, bulk_create,
update(), raw SQL). unionsite/search.py uses them when they exist. The weights are frozen here: when
a section's fields or weights change in <app>/search.py, add a migration that replaces the trigger
function and refills the column.
"""

from django.db import migrations

LANGUAGES = {"ky": "simple", "ru": "russian"}
FOLD_FROM, FOLD_TO = "ңөү", "ноу"
TABLES = {
    "news_report": {"fields": {"title": "A", "lead": "B", "body": "C"}, "plain": {}, "title": "title"},
    "faq_question": {"fields": {"question": "A", "answer": "B"}, "plain": {}, "title": "question"},
    "documents_document": {
        "fields": {"title": "A", "description": "B", "parties": "C"},
        "plain": {"number": "A"},
        "title": "title",
    },
    "structure_organisation": {
        "fields": {"name": "A", "short_name": "A", "leader_name": "B", "address": "C", "description": "C"},
        "plain": {},
        "title": "name",
    },
}


def text_of(column):
    """The column's text without HTML tags (rich-text fields hold clean HTML)."""
    return f"regexp_replace(coalesce(NEW.{column}, ''), '<[^>]*>', ' ', 'g')"


def vector_sql(spec, weights):
    parts = [
        f"setweight(to_tsvector('{config}'::regconfig, {text_of(f'{name}_{code}')}), '{weight}')"
        for name, weight in spec["fields"].items()
        if weight in weights
        for code, config in LANGUAGES.items()
    ]
    parts += [
        f"setweight(to_tsvector('simple'::regconfig, {text_of(name)}), '{weight}')"
        for name, weight in spec["plain"].items()
        if weight in weights
    ]
    return "\n            || ".join(parts)


def forward_sql(table, spec):
    titles = " || ' ' || ".join(f"coalesce(NEW.{spec['title']}_{code}, '')" for code in LANGUAGES)
    return f"""
        ALTER TABLE {table} ADD COLUMN IF NOT EXISTS search_vector tsvector,
                            ADD COLUMN IF NOT EXISTS search_rank_vector tsvector,
                            ADD COLUMN IF NOT EXISTS search_title text;
        CREATE OR REPLACE FUNCTION {table}_search_update() RETURNS trigger AS $$
        BEGIN
            NEW.search_vector := {vector_sql(spec, "ABCD")};
            NEW.search_rank_vector := {vector_sql(spec, "AB")};
            NEW.search_title := translate(lower({titles}), '{FOLD_FROM}', '{FOLD_TO}');
            RETURN NEW;
        END
        $$ LANGUAGE plpgsql;
        DROP TRIGGER IF EXISTS {table}_search_update ON {table};
        CREATE TRIGGER {table}_search_update BEFORE INSERT OR UPDATE ON {table}
            FOR EACH ROW EXECUTE FUNCTION {table}_search_update();
        UPDATE {table} SET search_title = NULL;
        CREATE INDEX IF NOT EXISTS {table}_search_vector ON {table} USING gin (search_vector);
        CREATE INDEX IF NOT EXISTS {table}_search_title ON {table} USING gin (search_title gin_trgm_ops);
        ANALYZE {table};
    """


def backward_sql(table):
    return f"""
        DROP TRIGGER IF EXISTS {table}_search_update ON {table};
        DROP FUNCTION IF EXISTS {table}_search_update();
        ALTER TABLE {table} DROP COLUMN IF EXISTS search_vector, DROP COLUMN IF EXISTS search_rank_vector,
                            DROP COLUMN IF EXISTS search_title;
    """


def add_search_columns(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, spec in TABLES.items():
        schema_editor.execute(forward_sql(table, spec))


def drop_search_columns(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(backward_sql(table))


class Migration(migrations.Migration):
    dependencies = [
        ("unionsite", "0003_editorial_roles"),
        ("news", "0002_report_review_workflow"),
        ("faq", "0001_initial"),
        ("documents", "0002_document_review_workflow"),
        ("structure", "0001_initial"),
    ]

    operations = [migrations.RunPython(add_search_columns, drop_search_columns)]
