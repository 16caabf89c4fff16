"""PostgreSQL text search configurations that ignore accents: `alliance_english` and `alliance_spanish`.

Each is PostgreSQL's own configuration for the language with the `unaccent` dictionary applied
before the stemmer. Nothing happens on other databases.
"""

from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations

CONFIGURATIONS = {"alliance_english": "english", "alliance_spanish": "spanish"}


def create_configurations(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, language in CONFIGURATIONS.items():
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")
        schema_editor.execute(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = pg_catalog.{language})")
        schema_editor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {name} "
            f"ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {language}_stem"
        )


def drop_configurations(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in CONFIGURATIONS:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("discovery", "0001_initial")]

    operations = [
        UnaccentExtension(),  # does nothing on databases other than PostgreSQL
        migrations.RunPython(create_configurations, drop_configurations),
    ]
