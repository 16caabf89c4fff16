"""Every refusal names the file, the unit and the reason, and nothing is written."""

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Revision

from base.models import ContentPage
from observers.models import ObserverState

from .agency_files import set_po_target, set_xliff_target

GOOD = "Una introducción nueva."


@pytest.fixture
def page(db):
    return ContentPage.objects.live().exclude(intro_en="").order_by("path").first()


@pytest.fixture
def export(tmp_path, page):
    """An exported XLIFF file with one good change, to which each test adds a bad one."""
    path = tmp_path / "agency.xlf"
    call_command("export_translations", str(path))
    path.write_bytes(set_xliff_target(path.read_bytes(), f"page:{page.pk}:intro", GOOD))
    return path


def refusal(path, *options):
    revisions = Revision.objects.count()
    with pytest.raises(CommandError) as refused:
        call_command("import_translations", str(path), *options)
    assert Revision.objects.count() == revisions
    message = str(refused.value)
    assert message.startswith("Nothing was imported.") and str(path) in message
    return message


def test_truncated_xliff(export, page):
    export.write_bytes(export.read_bytes()[:-200])
    assert "truncated or not well-formed" in refusal(export)


def test_truncated_po(tmp_path, page):
    path = tmp_path / "agency.po"
    call_command("export_translations", str(path), "--format", "po")
    path.write_bytes(set_po_target(path.read_bytes(), f"page:{page.pk}:intro", GOOD))
    data = path.read_bytes()
    path.write_bytes(data[: data.rindex(b"msgctxt")])
    assert "truncated PO file" in refusal(path)


def test_entity_expansion_is_refused(tmp_path, db):
    path = tmp_path / "bomb.xlf"
    path.write_bytes(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaa">]><x>&a;&a;</x>')
    assert "entity declarations are not allowed" in refusal(path)


def test_wrong_language_pair(export):
    export.write_bytes(export.read_bytes().replace(b'trgLang="es"', b'trgLang="fr"'))
    assert "wrong language pair en -> fr" in refusal(export)


def test_unknown_unit(export):
    export.write_bytes(export.read_bytes().replace(b'id="page:', b'id="page:999999', 1))
    assert "page:999999" in refusal(export) and "no such unit" in refusal(export)


def test_stale_unit_is_a_conflict_unless_forced(export, page):
    page.intro_en = "English written after the export."
    page.save_revision().publish()
    message = refusal(export)
    assert f"page:{page.pk}:intro: the English changed since the export (conflict)" in message
    assert "--force-stale" in message
    call_command("import_translations", str(export), "--force-stale")
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().intro_es == GOOD


@pytest.mark.parametrize(
    ("unit", "target", "reason"),
    [
        ("title", "Título <b>negrita</b>", "markup this field does not allow: <b>"),
        ("intro", "Texto <script>alert(1)</script>", "markup this field does not allow: <script>"),
        ("body", "<h4>Título</h4><p>Texto</p>", "markup this field does not allow: <h4>"),
        ("title", "Hay {count} proyectos", "placeholder added: {count}"),
    ],
)
def test_markup_and_placeholders(export, page, unit, target, reason):
    export.write_bytes(set_xliff_target(export.read_bytes(), f"page:{page.pk}:{unit}", target))
    assert f"page:{page.pk}:{unit}: {reason}" in refusal(export)


def test_dropped_placeholder(tmp_path, db):
    state = ObserverState.objects.order_by("pk").first()
    state.name_en = "%(name)s and partners"
    state.save()
    path = tmp_path / "agency.po"
    call_command("export_translations", str(path), "--format", "po")
    unit_id = f"snippet:observers.observerstate:{state.pk}:name"
    path.write_bytes(set_po_target(path.read_bytes(), unit_id, "Y socios"))
    assert f"{unit_id}: placeholder dropped: %(name)s" in refusal(path)
    state.refresh_from_db()
    assert state.name_es != "Y socios"


def test_larger_than_50_mb(tmp_path, db):
    path = tmp_path / "huge.xlf"
    with path.open("wb") as stream:
        stream.truncate(50 * 1024 * 1024 + 1)
    assert "larger than 50 MB" in refusal(path)
