"""Translators change interface strings (drafts, submitted for review); moderators also publish
them; the strings go through the same review workflow as pages."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATORS = "Secretariat moderators"
TRANSLATORS = "Translators"
WORKFLOW = "Secretariat review"
ACTIONS = {TRANSLATORS: ("change", "view"), MODERATORS: ("change", "view", "publish")}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("interface_strings")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label="interface_strings", model="interfacestring")
    # Wagtail adds "publish" to draft-able models at run time: historical models lack it.
    Permission.objects.get_or_create(
        content_type=content_type, codename="publish_interfacestring", defaults={"name": "Can publish interface string"}
    )
    for name, actions in ACTIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        codenames = [f"{action}_interfacestring" for action in actions]
        group.permissions.add(*Permission.objects.filter(content_type=content_type, codename__in=codenames))
    workflow = Workflow.objects.filter(name=WORKFLOW).first()
    if workflow is not None:
        WorkflowContentType.objects.update_or_create(content_type=content_type, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("interface_strings", "0001_initial"),
        ("editorial", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
