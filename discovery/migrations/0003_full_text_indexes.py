"""The database's own full-text index of the search rows.

PostgreSQL: a stored, generated `search_vector` column (the title weighted A, the text B, in the
text search configuration of the row's language, see 0001) under a GIN index; `pg_trgm` and a
trigram index on the vocabulary, for "Did you mean" suggestions.

SQLite: an FTS5 table over the rows' titles and texts (`remove_diacritics 2`: accents ignored), an
external-content table kept in step by triggers. A later migration that makes Django rebuild
`discovery_searchentry` on SQLite (most column changes) drops these triggers: it must create them
again (`sqlite_operations`).
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

CONFIG = "CASE language WHEN 'es' THEN 'alliance_spanish'::regconfig ELSE 'alliance_english'::regconfig END"
POSTGRESQL = [
    "ALTER TABLE discovery_searchentry ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
    f"setweight(to_tsvector({CONFIG}, coalesce(title, '')), 'A') || "
    f"setweight(to_tsvector({CONFIG}, coalesce(body, '')), 'B')) STORED",
    "CREATE INDEX discovery_searchentry_vector ON discovery_searchentry USING gin (search_vector)",
    "CREATE INDEX discovery_searchword_trigram ON discovery_searchword USING gin (folded gin_trgm_ops)",
]
POSTGRESQL_REVERSE = [
    "DROP INDEX IF EXISTS discovery_searchword_trigram",
    "DROP INDEX IF EXISTS discovery_searchentry_vector",
    "ALTER TABLE discovery_searchentry DROP COLUMN IF EXISTS search_vector",
]
FTS = "discovery_searchentry_fts"
SQLITE = [
    f"CREATE VIRTUAL TABLE {FTS} USING fts5(title, body, content='discovery_searchentry', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER discovery_searchentry_fts_insert AFTER INSERT ON discovery_searchentry BEGIN "
    f"INSERT INTO {FTS}(rowid, title, body) VALUES (new.id, new.title, new.body); END",
    "CREATE TRIGGER discovery_searchentry_fts_delete AFTER DELETE ON discovery_searchentry BEGIN "
    f"INSERT INTO {FTS}({FTS}, rowid, title, body) VALUES ('delete', old.id, old.title, old.body); END",
    "CREATE TRIGGER discovery_searchentry_fts_update AFTER UPDATE ON discovery_searchentry BEGIN "
    f"INSERT INTO {FTS}({FTS}, rowid, title, body) VALUES ('delete', old.id, old.title, old.body); "
    f"INSERT INTO {FTS}(rowid, title, body) VALUES (new.id, new.title, new.body); END",
    f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS discovery_searchentry_fts_update",
    "DROP TRIGGER IF EXISTS discovery_searchentry_fts_delete",
    "DROP TRIGGER IF EXISTS discovery_searchentry_fts_insert",
    f"DROP TABLE IF EXISTS {FTS}",
]
STATEMENTS = {"postgresql": (POSTGRESQL, POSTGRESQL_REVERSE), "sqlite": (SQLITE, SQLITE_REVERSE)}


def run(statements):
    def operation(apps, schema_editor):
        for statement in statements.get(schema_editor.connection.vendor, ()):
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("discovery", "0002_searchentry_searchword")]

    operations = [
        TrigramExtension(),  # does nothing on databases other than PostgreSQL
        migrations.RunPython(
            run({vendor: forward for vendor, (forward, _reverse) in STATEMENTS.items()}),
            run({vendor: reverse for vendor, (_forward, reverse) in STATEMENTS.items()}),
        ),
    ]
