"""The translators' workbench for snippets and for pages' inline rows, and the English kept for
translations recorded before the workbench."""

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.models import ModelLogEntry
from wagtail.test.utils.wagtail_tests import WagtailTestUtils

from editorial.models import FieldTranslation
from observers.models import ObserverState
from tests.editorial.workbench_pages import changes_url, queue_rows
from workgroups.models import TechnicalGroupPage

pytestmark = pytest.mark.django_db


def test_snippets_wait_are_saved_at_once_and_confirmed(
    translator_client, translator, changed_observer, committed
):
    assert set(queue_rows(translator_client, section="snippets")) == {"Republic of Latvia"}
    assert set(queue_rows(translator_client, kind="observers.observerstate")) == {"Republic of Latvia"}
    assert "Republic of Latvia" not in queue_rows(translator_client, kind="workgroups.technicalgrouppage")
    assert queue_rows(translator_client, section="snippets")["Republic of Latvia"][-1] == "editor"
    html = translator_client.get(changes_url(changed_observer)).content.decode()
    assert "<ins>Republic of</ins> Latvia" in html
    with committed():
        response = translator_client.post(
            changes_url(changed_observer, "translation_save"), {"name_es": "República de Letonia"}
        )
    assert response.status_code == 302
    observer = ObserverState.objects.get(pk=changed_observer.pk)
    assert observer.name_es == "República de Letonia" and observer.name_en == "Republic of Latvia"
    assert observer.latest_revision.user == translator
    assert "Republic of Latvia" not in queue_rows(translator_client)


def test_snippet_still_correct_is_logged(translator_client, translator, changed_observer):
    record = FieldTranslation.objects.get(
        object_id=str(changed_observer.pk), field="name", waiting_since__isnull=False
    )
    translator_client.post(changes_url(changed_observer, "translation_confirm"), {"record": record.pk})
    entry = ModelLogEntry.objects.get(
        object_id=str(changed_observer.pk), action="editorial.spanish_confirmed"
    )
    assert entry.user == translator
    assert "Republic of Latvia" not in queue_rows(translator_client)


def test_the_migration_keeps_the_english_of_rows_recorded_before(editor, translator_client):
    from importlib import import_module

    from django.apps import apps

    from editorial.translation_status import digest

    migration = import_module("editorial.migrations.0002_english_of_each_translation")
    page = TechnicalGroupPage.objects.get(slug_en="tourism")
    translated_english = page.summary_en
    page.save_revision(user=editor)  # a revision holds the English the Spanish was written for
    TechnicalGroupPage.objects.filter(pk=page.pk).update(summary_en="A later English summary.")
    rows = FieldTranslation.objects.filter(
        content_type=ContentType.objects.get_for_model(page),
        object_id=str(page.pk),
        field__in=["summary", "title"],
    )
    rows.update(english_text=None, latest_english_digest="", waiting_since=None)

    migration.keep_english_of_existing_rows(apps, None)
    summary, title = rows.get(field="summary"), rows.get(field="title")
    assert summary.english_text == translated_english  # found in the revisions
    assert summary.waiting_since == summary.updated_at and summary.latest_english_digest == digest(
        "A later English summary."
    )
    assert title.english_text == page.title_en and title.waiting_since is None
    assert "Tourism Group" in queue_rows(translator_client)


def test_an_inline_rows_english_change_waits_with_its_page(translator_client, editor, committed):
    page = TechnicalGroupPage.objects.get(slug_en="mobility-of-people")
    facts = list(page.facts.all())
    facts[0].value_en = f"{facts[0].value_en} (revised)"
    page.facts = facts
    page.summary_en = f"{page.summary_en} Revised."
    with committed():
        page.save_revision(user=editor).publish()
    fields = queue_rows(translator_client)[page.title_en][3]
    assert "Key fact 1: Value" in fields and "Summary" in fields
    response = translator_client.get(changes_url(page))
    html = response.content.decode()
    assert "<ins>(revised)</ins>" in html and "<ins>Revised.</ins>" in html
    assert "correct its Spanish in the editor" in html
    # The page's own fields are still edited in place beside it.
    soup = WagtailTestUtils.get_soup(response.content)
    assert soup.select_one("#spanish-form [name=summary_es]") is not None
    assert soup.select_one("#spanish-form [name=value_es]") is None
