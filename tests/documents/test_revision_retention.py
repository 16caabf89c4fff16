"""No command the project ships purges the revisions of legal documents."""

import io

import pytest
from django.core.management import call_command, get_commands
from wagtail.models import Revision

from base.models import ContentPage
from documents.retention import pages_with_legal_documents
from workgroups.models import GroupDocument, TechnicalGroupPage

pytestmark = pytest.mark.django_db


def test_purge_revisions_is_the_projects_own():
    assert get_commands()["purge_revisions"] == "documents"


def test_purge_keeps_every_revision_of_legal_documents():
    legal = ContentPage.objects.get(slug_en="legal-documents")
    group = TechnicalGroupPage.objects.filter(pk__in=GroupDocument.objects.values("page_id")).first()
    assert {legal.pk, group.pk} <= pages_with_legal_documents()
    for page in (legal, group):
        for _ in range(3):
            page.save_revision()
    without_documents = TechnicalGroupPage.objects.exclude(pk__in=pages_with_legal_documents()).first()
    for _ in range(3):
        without_documents.save_revision()
    kept = {page.pk: Revision.objects.for_instance(page).count() for page in (legal, group)}
    assert all(count >= 4 for count in kept.values())

    out = io.StringIO()
    call_command("purge_revisions", stdout=out)
    assert "Successfully deleted" in out.getvalue()

    for page in (legal, group):
        assert Revision.objects.for_instance(page).count() == kept[page.pk]
    # Other pages' old revisions are purged as usual: only the latest (and live) one is left.
    assert Revision.objects.for_instance(without_documents).count() == 1


def test_no_shipped_command_deletes_revisions_of_legal_documents():
    """Every management command of the project's own apps, by source: none deletes revisions."""
    from pathlib import Path

    from django.conf import settings

    for path in Path(settings.BASE_DIR).glob("*/management/commands/*.py"):
        source = path.read_text()
        if "Revision" in source and ".delete()" in source:
            assert path.name == "purge_revisions.py", path
            assert "protected_revisions" in source
