"""Interface strings travel in the agency files too, and come back as drafts in review."""

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Revision

from interface_strings.models import InterfaceString

from .agency_files import set_po_target, set_xliff_target, xliff_units


@pytest.fixture
def formatted(db):
    """A string with a named placeholder."""
    return InterfaceString.objects.filter(source__contains="%(", source_plural="").order_by("pk").first()


def test_strings_round_trip_as_a_draft_in_review(tmp_path, translator, formatted):
    path = tmp_path / "strings.xlf"
    call_command("export_translations", str(path))
    unit_id = f"string:{formatted.key}"
    assert unit_id in xliff_units(path.read_bytes())[1]
    spanish = formatted.spanish + " (revisado)"
    path.write_bytes(set_xliff_target(path.read_bytes(), unit_id, spanish))
    call_command("import_translations", str(path), "--user", "translator")
    formatted.refresh_from_db()
    assert formatted.get_latest_revision_as_object().spanish == spanish
    assert formatted.spanish != spanish  # published only once approved
    assert formatted.workflow_in_progress


def test_plural_forms_have_their_own_unit(tmp_path, db):
    plural = InterfaceString.objects.exclude(source_plural="").order_by("pk").first()
    path = tmp_path / "strings.po"
    call_command("export_translations", str(path), "--format", "po")
    data = path.read_bytes()
    assert f'msgctxt "string:{plural.key}:plural"'.encode() in data


def test_a_dropped_placeholder_is_refused(tmp_path, formatted):
    path = tmp_path / "strings.po"
    call_command("export_translations", str(path), "--format", "po")
    path.write_bytes(set_po_target(path.read_bytes(), f"string:{formatted.key}", "Sin marcador"))
    revisions = Revision.objects.count()
    with pytest.raises(CommandError, match=f"string:{formatted.key}: placeholder dropped: %\\(\\w+\\)"):
        call_command("import_translations", str(path))
    assert Revision.objects.count() == revisions
