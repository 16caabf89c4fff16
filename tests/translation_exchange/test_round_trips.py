"""An agency's round trip: export, change one target, import; the page's latest revision has it."""

import pytest
from django.core.management import call_command
from wagtail.models import Revision

from base.models import ContentPage
from observers.models import ObserverState

from .agency_files import set_po_target, set_xliff_target, xliff_units

NEW_INTRO = "Una introducción escrita por la agencia."


@pytest.fixture
def page(db):
    return ContentPage.objects.live().exclude(intro_en="").order_by("path").first()


def exported(tmp_path, name="site.xlf", *options):
    path = tmp_path / name
    call_command("export_translations", str(path), *options, stdout=None)
    return path


def imported(path, *options):
    call_command("import_translations", str(path), "--user", "translator", *options)


def test_xliff_file_names_the_language_pair_and_every_text(tmp_path, page):
    root, units = xliff_units(exported(tmp_path).read_bytes())
    assert (root.get("version"), root.get("srcLang"), root.get("trgLang")) == ("2.0", "en", "es")
    unit = units[f"page:{page.pk}:intro"]
    segment = unit.find("{urn:oasis:names:tc:xliff:document:2.0}segment")
    assert segment.findtext("{urn:oasis:names:tc:xliff:document:2.0}source") == page.intro_en
    assert segment.findtext("{urn:oasis:names:tc:xliff:document:2.0}target") == page.intro_es
    assert f"page:{page.pk}:slug" not in units  # structure never travels
    state = ObserverState.objects.order_by("pk").first()
    assert f"snippet:observers.observerstate:{state.pk}:name" in units


@pytest.mark.parametrize(("name", "change"), [("site.xlf", set_xliff_target), ("site.po", set_po_target)])
def test_round_trip_writes_a_revision_in_review(tmp_path, page, translator, name, change):
    options = ("--format", "po") if name.endswith(".po") else ()
    path = exported(tmp_path, name, *options)
    path.write_bytes(change(path.read_bytes(), f"page:{page.pk}:intro", NEW_INTRO))
    english, revisions = page.intro_en, Revision.objects.count()

    imported(path)

    page.refresh_from_db()
    latest = page.get_latest_revision()
    draft = latest.as_object()
    assert draft.intro_es == NEW_INTRO and draft.intro_en == english
    assert latest.user == translator
    assert Revision.objects.count() == revisions + 1  # one revision, only for the page changed
    assert page.intro_es != NEW_INTRO  # the live page waits for review
    assert page.workflow_in_progress  # the site's review workflow covers the whole tree


def test_only_pending_writes_only_what_waits(tmp_path, page):
    page.intro_es = ""
    page.save_revision().publish()
    _root, pending = xliff_units(exported(tmp_path, "pending.xlf", "--only-pending").read_bytes())
    assert f"page:{page.pk}:intro" in pending
    assert f"page:{page.pk}:title" not in pending  # its Spanish title is in step
    _root, everything = xliff_units(exported(tmp_path).read_bytes())
    assert len(pending) < len(everything)


def test_snippet_without_drafts_is_saved_as_the_admin_saves_it(tmp_path, translator):
    state = ObserverState.objects.order_by("pk").first()
    path = exported(tmp_path)
    unit_id = f"snippet:observers.observerstate:{state.pk}:name"
    path.write_bytes(set_xliff_target(path.read_bytes(), unit_id, "Nombre nuevo"))
    imported(path)
    state.refresh_from_db()
    assert state.name_es == "Nombre nuevo"
