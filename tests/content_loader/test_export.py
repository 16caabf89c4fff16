"""export_alliance_content writes the site back as content files that load into the same site."""

import io

import pytest
import yaml
from django.core.management import CommandError, call_command
from wagtail.models import Page, Site

from base.models import MemberCountry
from content_loader.models import LoadedItem
from cooperation.models import ResponsibleEntity
from countries.models import MemberCountryPage
from documents.models import LegalDocument
from editorial.roles import MODERATORS
from observers.content_spec import read_observer_rows
from observers.models import ObserverState
from tests.content_loader.admin import publish
from tests.content_loader.test_content_loader import CONTENT, load
from tests.editorial.conftest import member_of, signed_in
from tests.pages import get_ok, text_of
from workgroups.models import Coordinator, TechnicalGroupPage

pytestmark = pytest.mark.django_db

# Many-to-many links: the site keeps them as sets, so their order in a file says nothing.
SETS = {"entities", "groups", "projects", "countries"}


def export(directory, *args):
    call_command("export_alliance_content", directory, *args, stdout=io.StringIO())


def parsed(value, name=""):
    """A file's data as the loader reads it: text stripped, scalars as text, links as sets."""
    if isinstance(value, dict):
        return {k: parsed(v, k) for k, v in value.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        items = [parsed(item) for item in value]
        return sorted(items) if name in SETS else items
    return value.strip() if isinstance(value, str) else str(value)


def test_the_export_of_a_fresh_load_is_the_content_files(tmp_path):
    export(tmp_path / "out")
    out = tmp_path / "out"
    files = sorted(p.relative_to(CONTENT) for p in CONTENT.rglob("*.yaml"))
    assert sorted(p.relative_to(out) for p in out.rglob("*.yaml")) == files
    for name in files:
        expected = parsed(yaml.safe_load((CONTENT / name).read_text(encoding="utf-8")))
        assert parsed(yaml.safe_load((out / name).read_text(encoding="utf-8"))) == expected, name
    assert read_observer_rows(out / "observer_states.csv") == read_observer_rows(
        CONTENT / "observer_states.csv"
    )


def live_pages():
    return [page.specific for page in Page.objects.live().filter(depth__gt=1).order_by("path")]


def rendered(client):
    """The visible text of every live page in both languages, by URL."""
    pages = {}
    for page in live_pages():
        for language in ("en", "es"):
            url = getattr(page, f"url_path_{language}")
            path = f"/{language}{url.removeprefix('/home').removeprefix('/inicio')}"
            pages[path] = text_of(get_ok(client, path))
    return pages


def empty_the_site():
    Page.objects.filter(depth=2).delete()
    Site.objects.all().delete()
    for model in (TechnicalGroupPage, Coordinator, ResponsibleEntity, ObserverState, LegalDocument):
        model.objects.all().delete()
    MemberCountry.objects.all().delete()
    LoadedItem.objects.all().delete()


def test_an_edited_site_exported_and_loaded_into_an_empty_database_renders_the_same(tmp_path, client):
    moderator = signed_in(member_of(MODERATORS, "moderator"))
    group = TechnicalGroupPage.objects.get(slug_en="tourism")
    publish(moderator, group, summary_en="Edited in the admin.", summary_es="Editado en el administrador.")
    peru = MemberCountryPage.objects.get(country__code="PE")
    publish(moderator, peru, intro_en="Peru's own introduction.", intro_es="La introducción propia del Perú.")
    before = rendered(client)
    assert "Edited in the admin." in before["/en/technical-groups/tourism/"]
    peru_es = "/es" + peru.url_path_es.removeprefix("/home").removeprefix("/inicio")
    assert "La introducción propia del Perú." in before[peru_es]
    export(tmp_path / "out")
    countries = yaml.safe_load((tmp_path / "out" / "countries.yaml").read_text(encoding="utf-8"))
    assert list(countries["country_intros"]) == ["PE"]  # the other three share the one sentence

    empty_the_site()
    assert not Page.objects.filter(depth__gt=1).exists()
    load(tmp_path / "out")

    assert rendered(client) == before


def test_the_export_refuses_a_directory_with_files_unless_forced(tmp_path):
    (tmp_path / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(CommandError, match="is not empty"):
        export(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]
    export(tmp_path, "--force")
    assert (tmp_path / "workgroups" / "tourism.yaml").exists()


def test_the_export_refuses_a_directory_it_cannot_write(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(CommandError, match="cannot be written"):
        export(blocker / "out")
