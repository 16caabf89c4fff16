"""The translators' workbench through the admin: the queue, what changed word by word, the Spanish
edited in place (through review for pages), and "Spanish still correct" with its history entry."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from wagtail.models import PageLogEntry, Revision
from wagtail.test.utils.wagtail_tests import WagtailTestUtils
from wagtail.users.models import UserProfile

from editorial.models import FieldTranslation
from tests.editorial.admin_forms import form_data
from tests.editorial.workbench_pages import QUEUE, changes_url, queue_rows
from workgroups.models import TechnicalGroupPage

pytestmark = pytest.mark.django_db
SUMMARY_BEFORE = "The group promotes tourism among the four members."
SUMMARY_AFTER = "The group promotes tourism and culture among the members."
INTRO_BEFORE = "<p>Created in <b>2011</b>.</p><p>Meets twice a year.</p>"
INTRO_AFTER = "<p>Created in <b>2012</b>.</p><p>Meets twice a year in Lima.</p>"


def publish(page, user, committed, **values):
    for name, value in values.items():
        setattr(page, name, value)
    with committed():
        page.save_revision(user=user).publish()


@pytest.fixture
def changed_group(editor, committed):
    """The tourism group: its Spanish written for one English, then the English changed by an editor."""
    page = TechnicalGroupPage.objects.get(slug_en="tourism")
    publish(page, editor, committed, summary_en=SUMMARY_BEFORE, summary_es="El grupo promueve el turismo.")
    publish(page, editor, committed, introduction_en=INTRO_BEFORE, introduction_es="<p>Creado en 2011.</p>")
    publish(page, editor, committed, summary_en=SUMMARY_AFTER, introduction_en=INTRO_AFTER)
    return TechnicalGroupPage.objects.get(pk=page.pk)


def test_queue_lists_what_waits_with_words_and_author(translator_client, changed_group):
    rows = queue_rows(translator_client)
    item, kind, section, fields, words, waited, author = rows["Tourism Group"]
    assert (item, kind, section) == ("Tourism Group", "Technical group", "Technical Groups")
    assert fields == "Summary Introduction" or fields == "Introduction Summary"
    assert words == "7"  # 3 words in the summary, 4 in the introduction
    assert waited.startswith("0")  # minutes
    assert author == "editor"
    assert changes_url(changed_group) in translator_client.get(QUEUE).content.decode()


def test_diff_of_plain_and_rich_text(translator_client, changed_group):
    response = translator_client.get(changes_url(changed_group))
    assert response.status_code == 200
    soup = WagtailTestUtils.get_soup(response.content)
    diffs = [str(cell) for cell in soup.select("dd.word-diff")]
    summary = next(diff for diff in diffs if "tourism" in diff)
    assert "tourism <ins>and culture</ins> among the <del>four</del> members." in summary
    intro = next(diff for diff in diffs if "Created" in diff)
    assert "Created in <del>2011.</del> <ins>2012.</ins>" in intro
    assert "<del>year.</del> <ins>year in Lima.</ins>" in intro
    assert "&lt;" not in intro and "<b>" not in intro  # visible words only
    # The English of then and of now, and the current Spanish in an editable field.
    html = response.content.decode()
    assert "Meets twice a year." in html and SUMMARY_BEFORE in html
    assert soup.select_one("textarea[name=summary_es], input[name=summary_es]") is not None
    assert "El grupo promueve el turismo." in html


def test_stream_field_blocks_are_compared_by_their_visible_text():
    # No page type has a stream field yet: compare two values of one built here.
    from wagtail import blocks
    from wagtail.fields import StreamField

    from editorial.word_diff import visible_text, word_diff

    field = StreamField([("heading", blocks.CharBlock()), ("paragraph", blocks.RichTextBlock())])
    before = field.to_python(
        [{"type": "heading", "value": "Summit"}, {"type": "paragraph", "value": "<p>Held in Cali.</p>"}]
    )
    after = field.to_python(
        [
            {"type": "heading", "value": "Summit"},
            {"type": "paragraph", "value": "<p>Held in <i>Lima</i>.</p>"},
        ]
    )
    diff = word_diff(visible_text(field, before), visible_text(field, after))
    assert str(diff.html) == "Summit Held in <del>Cali.</del> <ins>Lima.</ins>"
    assert diff.changed == 1
    # The stored JSON (as kept for the English of then) reads the same.
    assert visible_text(field, field.get_prep_value(before)) == visible_text(field, before)


def test_translator_saves_spanish_in_place_through_review(
    translator_client, moderator_client, translator, changed_group, committed
):
    url = changes_url(changed_group)
    data = form_data(translator_client.get(url), form_id="spanish-form")
    data["summary_es"] = "El grupo promueve el turismo y la cultura entre los miembros."
    revisions = Revision.objects.count()
    response = translator_client.post(changes_url(changed_group, "translation_save"), data)
    assert response.status_code == 302
    page = TechnicalGroupPage.objects.get(pk=changed_group.pk)
    latest = page.revisions.order_by("-created_at").first()
    assert Revision.objects.count() == revisions + 1 and latest.user == translator
    assert latest.as_object().summary_es.endswith("la cultura entre los miembros.")
    assert latest.as_object().summary_en == SUMMARY_AFTER  # the English stays as it was
    assert page.workflow_in_progress  # as the page editor's "submit for moderation"
    assert page.summary_es == "El grupo promueve el turismo."  # nothing live before review
    assert queue_rows(translator_client)["Tourism Group"][0] == "Tourism Group in review"

    with committed():
        task_state = page.current_workflow_task_state
        moderator_client.post(
            reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]),
            {"comment": ""},
        )
    page.refresh_from_db()
    assert page.introduction_es == "<p>Creado en 2011.</p>"  # left alone, not rewritten by the editor
    assert page.summary_es.endswith("la cultura entre los miembros.")
    # The summary is translated; the introduction still waits.
    item = queue_rows(translator_client)["Tourism Group"]
    assert item[3] == "Introduction" and item[4] == "4"


def test_a_translator_cannot_change_english_in_place(translator_client, changed_group):
    data = form_data(translator_client.get(changes_url(changed_group)), form_id="spanish-form")
    data["summary_en"] = "English rewritten by a translator."
    revisions = Revision.objects.count()
    response = translator_client.post(changes_url(changed_group, "translation_save"), data)
    assert response.status_code == 400
    assert "Translators can change only the Spanish text" in response.content.decode()
    assert Revision.objects.count() == revisions
    page = TechnicalGroupPage.objects.get(pk=changed_group.pk)
    assert page.summary_en == SUMMARY_AFTER and not page.workflow_in_progress


def test_bad_input_is_answered_clearly(translator_client, changed_group):
    data = form_data(translator_client.get(changes_url(changed_group)), form_id="spanish-form")
    data["nonsense_field"] = "x"
    response = translator_client.post(changes_url(changed_group, "translation_save"), data)
    assert response.status_code == 400
    assert "cannot be changed here: nonsense_field" in response.content.decode()
    confirm = changes_url(changed_group, "translation_confirm")
    assert translator_client.post(confirm, {"record": "999999"}).status_code == 400
    assert translator_client.post(confirm, {}).status_code == 400
    # (An admin address that answers 404 is sent on to its language's prefix first, as any other.)
    for url in (
        "/admin/translations/workgroups/technicalgrouppage/999999/",
        "/admin/translations/nowhere/nothing/1/",
        f"/admin/translations/auth/user/{changed_group.pk}/",
    ):
        assert translator_client.get(url, follow=True).status_code == 404
    assert translator_client.get(changes_url(changed_group, "translation_save")).status_code == 405


def test_still_correct_clears_the_flag_and_is_in_the_history(
    translator_client, moderator_client, translator, changed_group
):
    records = FieldTranslation.objects.filter(
        content_type=ContentType.objects.get_for_model(changed_group),
        object_id=str(changed_group.pk),
        waiting_since__isnull=False,
    )
    summary = records.get(field="summary")
    revisions = Revision.objects.count()
    response = translator_client.post(
        changes_url(changed_group, "translation_confirm"), {"record": summary.pk}
    )
    assert response.status_code == 302
    assert Revision.objects.count() == revisions  # no content change
    assert queue_rows(translator_client)["Tourism Group"][3] == "Introduction"
    entry = PageLogEntry.objects.filter(page=changed_group, action="editorial.spanish_confirmed").get()
    assert entry.user == translator and entry.data == {"fields": ["Summary"]} and entry.timestamp
    history = moderator_client.get(reverse("wagtailadmin_pages:history", args=[changed_group.pk]))
    assert "Spanish confirmed as still correct" in history.content.decode()
    # The English confirmed is now the English of reference: a later change diffs against it.
    translator_client.post(
        changes_url(changed_group, "translation_confirm"),
        {"record": records.get(field="introduction").pk},
    )
    assert "Tourism Group" not in queue_rows(translator_client)


def test_dashboard_counts_for_translators_and_moderators(
    translator_client, moderator_client, editor_client, changed_group, changed_observer
):
    for client in (translator_client, moderator_client):
        html = client.get("/admin/").content.decode()
        assert "2 items wait for translation" in html and "(3 fields)" in html
    assert "wait for translation" not in editor_client.get("/admin/").content.decode()


def test_the_workbench_speaks_spanish(translator, translator_client, changed_group):
    profile = UserProfile.get_for_user(translator)
    profile.preferred_language = "es"
    profile.save()
    html = translator_client.get(QUEUE).content.decode()
    assert "Cola de traducción" in html and "1 elemento espera traducción" in html
    html = translator_client.get(changes_url(changed_group)).content.decode()
    assert "El español sigue siendo correcto" in html


@pytest.mark.parametrize("view", ["translation_changes", "translation_save", "translation_confirm"])
def test_only_translators_and_moderators_use_the_workbench(client, editor_client, changed_group, view):
    # The admin answers a refusal by sending the user back to the dashboard with a message.
    url = changes_url(changed_group, view)
    method = "get" if view == "translation_changes" else "post"
    summary = FieldTranslation.objects.get(
        content_type=ContentType.objects.get_for_model(changed_group),
        object_id=str(changed_group.pk),
        field="summary",
    )
    data = {} if view == "translation_changes" else {"record": summary.pk, "summary_es": "Otro."}
    revisions = Revision.objects.count()
    assert getattr(editor_client, method)(url, data)["Location"] == "/admin/"
    assert getattr(client, method)(url, data)["Location"].startswith("/admin/login/")
    assert editor_client.get(QUEUE)["Location"] == "/admin/"
    assert client.get(QUEUE)["Location"].startswith("/admin/login/")
    summary.refresh_from_db()
    assert summary.waiting_since is not None and Revision.objects.count() == revisions
