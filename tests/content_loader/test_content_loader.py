"""The content loader against the real content files: idempotent, updating, refusing bad files."""

import io

import pytest
import yaml
from django.conf import settings
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision

from cooperation.models import CooperationProjectPage, ResponsibleEntity
from documents.models import LegalDocument
from observers.models import ObserverState
from workgroups.models import TechnicalGroupPage

pytestmark = [pytest.mark.django_db, pytest.mark.engine]

CONTENT = settings.BASE_DIR / "content"


def state():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "documents": LegalDocument.objects.count(),
        "entities": ResponsibleEntity.objects.count(),
        "observers": ObserverState.objects.count(),
    }


def load(content_dir=CONTENT):
    out = io.StringIO()
    call_command("load_alliance_content", content_dir=content_dir, stdout=out)
    return out.getvalue()


def test_loading_twice_changes_nothing():
    before = state()
    output = load()
    assert state() == before
    assert "created" in output and "Technical groups: 0 created, 0 updated, 20 unchanged" in output


def test_changed_file_updates_its_page_as_a_new_revision(content_copy):
    path = content_copy / "workgroups" / "tourism.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["summary"]["es"] = "Resumen corregido por la Secretaría."
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    page = TechnicalGroupPage.objects.get(slug_en="tourism")
    revisions = page.revisions.count()

    output = load(content_copy)

    page.refresh_from_db()
    assert page.summary_es == "Resumen corregido por la Secretaría."
    assert page.revisions.count() == revisions + 1
    assert page.live and not page.has_unpublished_changes
    assert "Technical groups: 0 created, 1 updated, 19 unchanged" in output


@pytest.mark.parametrize(
    ("file", "break_it", "message"),
    [
        ("workgroups/tourism.yaml", lambda d: d["summary"].pop("es"), "field 'summary.es': is required"),
        (
            "cooperation/sports-diplomacy.yaml",
            lambda d: d.update(status="paused"),
            "field 'status': 'paused'",
        ),
        (
            "cooperation/sports-diplomacy.yaml",
            lambda d: d.update(start="2015-13"),
            "field 'start': '2015-13'",
        ),
        ("workgroups/culture.yaml", lambda d: d.update(coordinators=["nobody"]), "'nobody' is not a known"),
        ("workgroups/culture.yaml", lambda d: d["slug"].update(es="Cultura Ñ"), "field 'slug.es'"),
    ],
)
def test_malformed_file_is_refused_naming_file_and_field(content_copy, file, break_it, message):
    path = content_copy / file
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    break_it(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    # Also change a file that would load fine, to show that nothing at all is written.
    (content_copy / "observer_states.csv").write_text(
        (CONTENT / "observer_states.csv")
        .read_text(encoding="utf-8")
        .replace("Argentina,Argentina", "Argentina,ARG"),
        encoding="utf-8",
    )
    before = state()

    with pytest.raises(CommandError) as error:
        load(content_copy)

    assert file in str(error.value)
    assert message in str(error.value)
    assert state() == before
    assert ObserverState.objects.get(iso_code="AR").name_es == "Argentina"


def test_file_that_is_not_yaml_is_refused(content_copy):
    (content_copy / "workgroups" / "gender.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    before = state()
    with pytest.raises(CommandError, match="gender.yaml: file: cannot be read as YAML"):
        load(content_copy)
    assert state() == before


def test_bad_observer_row_names_its_line(content_copy):
    csv_path = content_copy / "observer_states.csv"
    csv_path.write_text(
        csv_path.read_text(encoding="utf-8").replace(",Europe,", ",Atlantis,", 1), encoding="utf-8"
    )
    with pytest.raises(CommandError, match=r"observer_states.csv: field 'line \d+ continent': 'Atlantis'"):
        load(content_copy)


def test_every_document_has_a_pdf_in_each_language():
    for document in LegalDocument.objects.filter(language="en"):
        assert document.spanish_version is not None, document.title
        for version in (document, document.spanish_version):
            with version.file.open("rb") as handle:
                assert handle.read(5) == b"%PDF-"
            assert version.file_size > 500


def test_projects_and_groups_are_linked():
    project = CooperationProjectPage.objects.get(slug_en="student-and-academic-mobility-platform")
    assert project.group.slug_en == "cooperation"
