"""Stored search columns on PostgreSQL, installed by each content app's own migration.

Building every row's tsvector at query time took 2-4 s per search at 10,000 reports. Each
searchable table gets three columns that the models do not declare (Django never writes them):

- search_vector (tsvector): the weighted words of both languages, Kyrgyz with the `simple`
  configuration and Russian with `russian`, HTML tags removed; GIN index. It finds the matches.
- search_rank_vector (tsvector): the same for the fields weighted A and B only (titles, leads,
  questions), which rank the matches: a common word matches thousands of reports, and ranking
  them on the whole text meant reading every long body out of TOAST storage (300 ms and more).
  A match in the body alone ranks after matches in the title or lead.
- search_title (text): both titles in lower case with ң/ө/ү folded to н/о/у, for pg_trgm word
  similarity with the `<%` operator; GIN trigram index.

A BEFORE INSERT OR UPDATE trigger keeps them current whatever writes the row (save, bulk_create,
update(), raw SQL); search/engine.py uses them when they exist. An app's migration calls
`search_columns(table, fields=..., plain=..., title=...)` with its weights written out, so they are
frozen there: when a section's fields or weights change in <app>/search.py, add a migration
that runs search_columns again with the new ones (the trigger function is replaced and the
columns refilled). On SQLite these operations do nothing.
"""

from django.db import migrations

LANGUAGES = {"ky": "simple", "ru": "russian"}
FOLD_FROM, FOLD_TO = "ңөү", "ноу"


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
    """  # noqa: S608 - table and column names come from migrations, never from input


def backward_sql(table):
    return f"""
        DROP TRIGGER IF EXISTS {table}_search_update ON {table};
        DROP FUNCTION IF EXISTS {table}_search_update();
        ALTER TABLE {table} DROP COLUMN IF EXISTS search_vector, DROP COLUMN IF EXISTS search_rank_vector,
                            DROP COLUMN IF EXISTS search_title;
    """


def search_columns(table, *, fields, plain=None, title):
    """A migration operation giving `table` its search columns, trigger and indexes."""
    spec = {"fields": fields, "plain": plain or {}, "title": title}

    def forward(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(forward_sql(table, spec))

    def backward(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(backward_sql(table))

    return migrations.RunPython(forward, backward)
