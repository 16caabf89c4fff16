"""PostgreSQL text search configurations that ignore accents: `alliance_english` and `alliance_spanish`.

Each is PostgreSQL's own configuration for the language with the `unaccent` dictionary applied
before the stemmer. Nothing happens on other databases.
"""
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from django.contrib.postgres.operations import UnaccentExtension

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

    initial = True

    dependencies = [
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.CreateModel(
            name='DocumentLibraryPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', models.TextField(blank=True, help_text='A short paragraph under the title.', verbose_name='introduction')),
                ('intro_en', models.TextField(blank=True, help_text='A short paragraph under the title.', null=True, verbose_name='introduction')),
                ('intro_es', models.TextField(blank=True, help_text='A short paragraph under the title.', null=True, verbose_name='introduction')),
            ],
            options={
                'verbose_name': 'document library',
            },
            bases=('wagtailcore.page',),
        ),
        migrations.CreateModel(
            name='SearchPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', models.TextField(blank=True, help_text='A short paragraph under the title.', verbose_name='introduction')),
                ('intro_en', models.TextField(blank=True, help_text='A short paragraph under the title.', null=True, verbose_name='introduction')),
                ('intro_es', models.TextField(blank=True, help_text='A short paragraph under the title.', null=True, verbose_name='introduction')),
            ],
            options={
                'verbose_name': 'search page',
            },
            bases=('wagtailcore.page',),
        ),
        UnaccentExtension(),  # does nothing on databases other than PostgreSQL
        migrations.RunPython(create_configurations, drop_configurations),
    ]
