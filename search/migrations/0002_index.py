"""The search index tables, and what each database matches them with.

PostgreSQL: a stored tsvector over the three weights of pre-normalised text (configuration
`simple`: search/index.py has already folded and stemmed the words), with a GIN index, and a
trigram index on the vocabulary for spelling suggestions.

SQLite: an FTS5 table over the same text (tokenizer unicode61 without diacritic removal, which
would turn й into и) and a trigram FTS5 table over the vocabulary, both kept in step with their
tables by triggers. Django's SQLite schema editor rebuilds a table to alter it and drops its
triggers: a later migration that alters Entry or Term must create them again (TRIGGERS below).
"""

from django.db import migrations, models

POSTGRESQL = """
    ALTER TABLE search_entry ADD COLUMN vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, strong), 'A')
        || setweight(to_tsvector('simple'::regconfig, middle), 'B')
        || setweight(to_tsvector('simple'::regconfig, weak), 'C')
    ) STORED;
    CREATE INDEX search_entry_vector ON search_entry USING gin (vector);
    CREATE INDEX search_term_trigram ON search_term USING gin (term gin_trgm_ops);
"""

SQLITE = [
    """CREATE VIRTUAL TABLE search_entry_fts USING fts5(
        strong, middle, weak, content='search_entry', content_rowid='id',
        tokenize='unicode61 remove_diacritics 0'
    )""",
    """CREATE VIRTUAL TABLE search_term_fts USING fts5(
        term, content='search_term', content_rowid='id', tokenize='trigram'
    )""",
]


def triggers(table, columns):
    """Keep an external-content FTS5 table in step with `table` (the SQLite documentation's recipe)."""
    names = ", ".join(columns)
    new = ", ".join(f"new.{column}" for column in columns)
    old = ", ".join(f"old.{column}" for column in columns)
    insert = f"INSERT INTO {table}_fts(rowid, {names}) VALUES (new.id, {new});"  # noqa: S608 (fixed names)
    delete = f"INSERT INTO {table}_fts({table}_fts, rowid, {names}) VALUES ('delete', old.id, {old});"  # noqa: S608
    return [
        f"CREATE TRIGGER {table}_fts_insert AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER {table}_fts_delete AFTER DELETE ON {table} BEGIN {delete} END",
        f"CREATE TRIGGER {table}_fts_update AFTER UPDATE ON {table} BEGIN {delete} {insert} END",
    ]


TRIGGERS = triggers("search_entry", ["strong", "middle", "weak"]) + triggers("search_term", ["term"])


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRESQL)
    elif vendor == "sqlite":
        for statement in SQLITE + TRIGGERS:
            schema_editor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE search_entry_fts")
        schema_editor.execute("DROP TABLE search_term_fts")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_trigram_extension"),
    ]

    operations = [
        migrations.CreateModel(
            name="Term",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("term", models.CharField(max_length=64, unique=True)),
                ("shown", models.CharField(max_length=64)),
                ("documents", models.PositiveIntegerField(default=1)),
            ],
        ),
        migrations.CreateModel(
            name="Entry",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("section", models.CharField(max_length=40)),
                ("object_id", models.BigIntegerField()),
                ("strong", models.TextField(blank=True)),
                ("middle", models.TextField(blank=True)),
                ("weak", models.TextField(blank=True)),
            ],
            options={
                "verbose_name_plural": "entries",
                "constraints": [
                    models.UniqueConstraint(fields=("section", "object_id"), name="search_entry_unique_item")
                ],
            },
        ),
        migrations.RunPython(create, drop),
    ]
