"""The secretariat's roles and the review workflow on the whole page tree.

Every new database gets them: editors create and edit but cannot publish, moderators also review and
publish, translators change the Spanish side of pages and snippets only (their forms enforce it).
"""
import django.db.models.deletion
from django.db import migrations, models

from django.contrib.auth.management import create_permissions

EDITORS = "Secretariat editors"
MODERATORS = "Secretariat moderators"
TRANSLATORS = "Translators"
WORKFLOW = "Secretariat review"
TASK = "Approval by the secretariat moderators"
SNIPPETS = [
    ("base", "membercountry"),
    ("workgroups", "coordinator"),
    ("cooperation", "responsibleentity"),
    ("observers", "observerstate"),
]


def ensure_permissions(apps):
    # Permissions are normally created after all migrations; this one needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_roles(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    def perm(app_label, codename):
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    editors, _ = Group.objects.get_or_create(name=EDITORS)
    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    translators, _ = Group.objects.get_or_create(name=TRANSLATORS)
    access_admin = perm("wagtailadmin", "access_admin")
    report = perm("editorial", "view_translation_status")
    for group in (editors, moderators, translators):
        group.permissions.add(access_admin, report)

    snippet_actions = {editors: ("add", "change", "view"), moderators: ("add", "change", "delete", "view")}
    snippet_actions[translators] = ("change", "view")
    for group, actions in snippet_actions.items():
        for app_label, model in SNIPPETS:
            group.permissions.add(*(perm(app_label, f"{action}_{model}") for action in actions))

    root_page = Page.objects.get(depth=1)
    page_actions = {
        editors: ("add_page", "change_page", "lock_page"),
        moderators: ("add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"),
        translators: ("change_page",),
    }
    for group, codenames in page_actions.items():
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=perm("wagtailcore", codename)
            )

    root_collection = Collection.objects.get(depth=1)
    collection_actions = {
        ("wagtaildocs", "document"): ("add", "change", "choose"),
        ("wagtailimages", "image"): ("add", "change", "choose"),
    }
    for group in (editors, moderators):
        for (app_label, model), actions in collection_actions.items():
            content_type = ContentType.objects.get(app_label=app_label, model=model)
            for action in actions:
                permission = Permission.objects.get(content_type=content_type, codename=f"{action}_{model}")
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK, content_type=task_type, active=True)
    task.groups.set([moderators])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})

    # Wagtail's own starter roles would only compete with these.
    for name in ("Editors", "Moderators"):
        Group.objects.filter(name=name, user__isnull=True).delete()
    Workflow.objects.filter(name="Moderators approval").exclude(pk=workflow.pk).update(active=False)


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtailadmin', '0006_formstate'),
        ('wagtaildocs', '0014_alter_document_file_size'),
        ('wagtailimages', '0027_image_description'),
        ('base', '0001_initial'),
        ('workgroups', '0001_initial'),
        ('cooperation', '0001_initial'),
        ('observers', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='FieldTranslation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('object_id', models.CharField(max_length=64)),
                ('field', models.CharField(max_length=100)),
                ('english_digest', models.CharField(max_length=64)),
                ('spanish_digest', models.CharField(max_length=64)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contenttypes.contenttype')),
            ],
            options={
                'verbose_name': 'field translation',
                'verbose_name_plural': 'field translations',
                'permissions': [('view_translation_status', 'Can see the translation status report')],
                'constraints': [models.UniqueConstraint(fields=('content_type', 'object_id', 'field'), name='one_state_per_field')],
            },
        ),
        migrations.RunPython(create_roles, migrations.RunPython.noop),
    ]
