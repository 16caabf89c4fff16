"""Wagtail's purge_revisions, except that revisions of legal documents are never deleted.

This command takes the place of Wagtail's (documents comes before wagtail in INSTALLED_APPS); see
documents/retention.py for what is kept.
"""

from django.conf import settings
from django.db.models import Q
from django.db.models.deletion import ProtectedError
from django.utils import timezone
from wagtail.management.commands.purge_revisions import Command as WagtailPurgeRevisions
from wagtail.models import Revision, WorkflowState

from documents.retention import protected_revisions


def purge_revisions(days=None, pages=True, non_pages=True):
    if pages == non_pages:
        revisions = Revision.objects.all()
    elif pages:
        revisions = Revision.objects.page_revisions()
    else:
        revisions = Revision.objects.not_page_revisions()
    revisions = revisions.exclude(approved_go_live_at__isnull=False).exclude(
        pk__in=protected_revisions().values("pk")
    )
    if getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
        revisions = revisions.exclude(
            Q(task_states__workflow_state__status=WorkflowState.STATUS_IN_PROGRESS)
            | Q(task_states__workflow_state__status=WorkflowState.STATUS_NEEDS_CHANGES)
        )
    if days:
        revisions = revisions.filter(created_at__lt=timezone.now() - timezone.timedelta(days=days))
    deleted = protected = 0
    for revision in revisions.iterator():
        if not revision.is_latest_revision():
            try:
                revision.delete()
                deleted += 1
            except ProtectedError:
                protected += 1
    return deleted, protected


class Command(WagtailPurgeRevisions):
    help = (
        "Delete revisions which are not the latest, published or scheduled, or in moderation; "
        "revisions of legal documents (and of pages that publish them) are always kept"
    )

    def handle(self, *args, **options):
        pages, non_pages = options.get("pages"), options.get("non_pages")
        deleted, protected = purge_revisions(days=options.get("days"), pages=pages, non_pages=non_pages)
        if deleted:
            self.stdout.write(self.style.SUCCESS(f"Successfully deleted {deleted} revisions"))
            self.stdout.write(
                self.style.SUCCESS(
                    f"Ignored {protected} revisions because one or more protected relations exist "
                    "that prevent deletion."
                )
            )
        else:
            self.stdout.write("No revisions deleted")
        self.stdout.write(f"Kept every revision of legal documents ({protected_revisions().count()}).")
