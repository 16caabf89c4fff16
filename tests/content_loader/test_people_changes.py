"""The CMS is the master: the loader keeps what people changed in the admin, and says so."""

import io

import pytest
import yaml
from django.core.management import CommandError, call_command
from wagtail.log_actions import registry as log_registry

from content_loader.ownership import OVERWRITE_ACTION
from editorial.roles import MODERATORS, TRANSLATORS
from tests.content_loader.admin import publish, revert_to, translate_and_approve
from tests.content_loader.test_content_loader import CONTENT, load, state
from tests.editorial.conftest import member_of, signed_in
from tests.pages import get_ok, text_of
from workgroups.models import TechnicalGroupPage

pytestmark = pytest.mark.django_db

EDITED = "Edited in the admin: the group's work in one sentence."
TRANSLATED = "Traducción revisada en el administrador."


@pytest.fixture
def moderator_client():
    return signed_in(member_of(MODERATORS, "moderator"))


@pytest.fixture
def translator_client():
    return signed_in(member_of(TRANSLATORS, "translator"))


def group(slug):
    return TechnicalGroupPage.objects.get(slug_en=slug)


def change_file(content_dir, name, change):
    path = content_dir / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_an_editors_and_a_translators_changes_survive_a_load(moderator_client, translator_client, client):
    publish(moderator_client, group("tourism"), summary_en=EDITED)
    translate_and_approve(translator_client, moderator_client, group("gender"), summary_es=TRANSLATED)
    revisions = group("tourism").revisions.count()

    output = load()

    assert group("tourism").summary_en == EDITED
    assert group("gender").summary_es == TRANSLATED
    assert group("tourism").revisions.count() == revisions
    assert EDITED in text_of(get_ok(client, "/en/technical-groups/tourism/"))
    assert (
        "workgroups/tourism.yaml: workgroups/tourism: field 'summary_en': kept, changed by moderator"
        in output
    )
    assert "workgroups/gender: field 'summary_es': kept, changed by translator" in output
    assert "Content: 0 created, 0 updated, 241 unchanged, 2 kept because edited." in output


def test_an_untouched_field_takes_the_files_new_value(moderator_client, content_copy):
    publish(moderator_client, group("tourism"), summary_en=EDITED)
    change_file(
        content_copy, "workgroups/tourism.yaml", lambda d: d["summary"].update(es="Resumen corregido.")
    )
    change_file(content_copy, "workgroups/tourism.yaml", lambda d: d["summary"].update(en="File's new text."))

    output = load(content_copy)

    page = group("tourism")
    assert page.summary_es == "Resumen corregido."
    assert page.summary_en == EDITED
    assert page.live and not page.has_unpublished_changes
    assert "Technical groups: 0 created, 1 updated, 19 unchanged" in output
    assert "field 'summary_en': kept" in output


def test_overwrite_replaces_a_change_with_a_revision_that_can_be_reverted(moderator_client):
    publish(moderator_client, group("tourism"), summary_en=EDITED)
    edited = group("tourism").latest_revision
    from_file = yaml.safe_load((CONTENT / "workgroups/tourism.yaml").read_text(encoding="utf-8"))

    output = load_with("--overwrite", "workgroups/tourism:summary_en")

    page = group("tourism")
    assert page.summary_en == from_file["summary"]["en"]
    assert page.latest_revision != edited and page.latest_revision.user is None
    entry = log_registry.get_logs_for_instance(page).get(action=OVERWRITE_ACTION)
    assert entry.revision == page.latest_revision and entry.data["fields"] == ["summary_en"]
    assert "Replaced from the content files: summary_en" in entry.message
    assert "0 kept because edited" in output

    revert_to(moderator_client, page, edited)
    assert group("tourism").summary_en == EDITED


def test_overwrite_all_asks_first(moderator_client, monkeypatch):
    publish(moderator_client, group("tourism"), summary_en=EDITED)
    monkeypatch.setattr("builtins.input", lambda question: "n")
    with pytest.raises(CommandError, match="not confirmed"):
        load_with("--overwrite-all")
    assert group("tourism").summary_en == EDITED

    load_with("--overwrite-all", "--yes")
    assert group("tourism").summary_en != EDITED


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("workgroups/nowhere", "'workgroups/nowhere' is not an item of the content files"),
        (
            "workgroups/tourism:nonsense",
            "field 'nonsense': 'nonsense' is not a field of 'workgroups/tourism'",
        ),
    ],
)
def test_an_unknown_overwrite_key_changes_nothing(moderator_client, content_copy, key, message):
    publish(moderator_client, group("tourism"), summary_en=EDITED)
    change_file(content_copy, "workgroups/gender.yaml", lambda d: d["summary"].update(en="Changed."))
    before = state()
    with pytest.raises(CommandError, match=message):
        load_with("--overwrite", key, content_dir=content_copy)
    assert state() == before
    assert group("gender").summary_en != "Changed."


def test_a_page_people_unpublished_stays_unpublished(moderator_client):
    page = group("tourism")
    page.unpublish(user=member_of(MODERATORS, "unpublisher"))
    output = load()
    page.refresh_from_db()
    assert not page.live
    assert "workgroups/tourism: field 'live': kept, changed by unpublisher" in output


def load_with(*args, content_dir=CONTENT):
    out = io.StringIO()
    call_command("load_alliance_content", *args, content_dir=content_dir, stdout=out)
    return out.getvalue()
