"""PostgreSQL: the search vectors under a RUM index instead of GIN, so the best rows come first.

A GIN index finds the matching rows, but ranking them means reading every one's vector: a common
word costs as much as the content is large. RUM (the `rum` extension, Debian's
`postgresql-<version>-rum`) stores the lexemes' positions and weights in the index and returns
rows in rank order (`search_vector <=> query`), so a page of results reads about that many rows.
`rum` is not a trusted extension: a superuser creates it once where the database user may not.
Nothing changes on SQLite.
"""

from django.db import migrations

MISSING = (
    "The search index needs PostgreSQL's `rum` extension: install it on the database server "
    "(Debian and Ubuntu: `apt-get install postgresql-<version>-rum`; the PGDG images have it too), "
    "then, as a superuser, `CREATE EXTENSION rum;` in this database, and migrate again."
)
FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS rum",
    "DROP INDEX IF EXISTS discovery_searchentry_vector",
    "CREATE INDEX discovery_searchentry_ranked ON discovery_searchentry "
    "USING rum (search_vector rum_tsvector_ops)",
]
REVERSE = [
    "DROP INDEX IF EXISTS discovery_searchentry_ranked",
    "CREATE INDEX discovery_searchentry_vector ON discovery_searchentry USING gin (search_vector)",
]


def run(statements, check=False):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        if check:
            with schema_editor.connection.cursor() as cursor:
                cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'rum'")
                if cursor.fetchone() is None:
                    raise RuntimeError(MISSING)
        for statement in statements:
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("discovery", "0004_review_date")]

    operations = [migrations.RunPython(run(FORWARD, check=True), run(REVERSE))]
