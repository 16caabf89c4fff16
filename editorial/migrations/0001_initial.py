import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="FieldTranslation",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("object_id", models.CharField(max_length=64)),
                ("field", models.CharField(max_length=100)),
                ("english_digest", models.CharField(max_length=64)),
                ("spanish_digest", models.CharField(max_length=64)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                (
                    "content_type",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="contenttypes.contenttype",
                    ),
                ),
            ],
            options={
                "verbose_name": "field translation",
                "verbose_name_plural": "field translations",
                "permissions": [("view_translation_status", "Can see the translation status report")],
                "constraints": [
                    models.UniqueConstraint(fields=("content_type", "object_id", "field"), name="one_state_per_field")
                ],
            },
        ),
    ]
