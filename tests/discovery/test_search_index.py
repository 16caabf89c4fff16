"""Everything a visitor reads on a page is found from that page, in each language, on both databases."""

import pytest
from django.urls import reverse
from django.utils import translation

from cooperation.models import CooperationProjectPage, ProjectFigure, ProjectMilestone, ResponsibleEntity
from documents.models import LegalDocument
from tests.discovery.search import SEARCH, search, urls
from tests.pages import get_ok
from workgroups.models import Coordinator, GroupFact, TechnicalGroupPage, WorkPlanItem

pytestmark = [pytest.mark.django_db, pytest.mark.engine]
LANGUAGES = ["en", "es"]


def url_in(page, language):
    with translation.override(language):
        return page.get_url()


def found(client, language, query, page):
    _count, results = search(client, language, query, kind="page")
    return url_in(page, language) in urls(results)


def groups_of(coordinator_name):
    return TechnicalGroupPage.objects.filter(coordinators__coordinator__name__startswith=coordinator_name)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", ["Natalia", "Nasly"])
def test_a_coordinators_name_finds_the_groups_they_coordinate(client, language, name):
    groups = list(groups_of(name))
    assert groups
    for group in groups:
        assert found(client, language, name, group)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_coordinators_institution_finds_their_groups(client, language):
    for group in groups_of("Nasly"):
        assert found(client, language, "ProColombia", group)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_responsible_entity_finds_its_projects_by_acronym_and_by_name(client, language):
    entity = ResponsibleEntity.objects.get(acronym="PRONABEC")
    projects = list(CooperationProjectPage.objects.filter(entities=entity))
    assert projects
    name = getattr(entity, f"name_{language}")
    for project in projects:
        assert found(client, language, "PRONABEC", project)
        assert found(client, language, name, project)


@pytest.mark.parametrize(("language", "query"), [("en", "Exportafácil"), ("es", "exportafacil")])
def test_a_programme_named_in_the_lines_of_action_finds_the_group(client, language, query):
    assert found(client, language, query, TechnicalGroupPage.objects.get(slug_en="smes"))


@pytest.mark.parametrize(("language", "query"), [("en", "volunteers"), ("es", "voluntarios")])
def test_a_word_of_a_milestone_finds_the_project(client, language, query):
    project = CooperationProjectPage.objects.get(slug_en="youth-volunteer-program")
    assert any(query in getattr(row, f"text_{language}") for row in project.milestones.all())
    assert found(client, language, query, project)


ROWS = [
    (GroupFact, ("label", "value")),
    (WorkPlanItem, ("title", "description")),
    (ProjectMilestone, ("text",)),
    (ProjectFigure, ("label",)),
]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("model", "fields"), ROWS, ids=[model.__name__ for model, _fields in ROWS])
def test_every_kind_of_inline_row_is_found_from_its_page(client, language, model, fields):
    rows = list(model.objects.select_related("page").order_by("pk"))
    checked = 0
    for row in rows[:: max(1, len(rows) // 3)][:3]:
        text = " ".join(getattr(row, f"{field}_{language}") or "" for field in fields)
        words = [word for word in text.split() if len(word) > 3][:5]
        if words and row.page.live:
            assert found(client, language, " ".join(words), row.page), (model.__name__, text)
            checked += 1
    assert checked


@pytest.mark.parametrize(("language", "words"), [("en", "summary sheet"), ("es", "ficha descriptiva")])
def test_the_text_inside_a_document_finds_it(client, language, words):
    assert all(word not in LegalDocument.objects.first().title_en.lower() for word in words.split())
    _count, results = search(client, language, words, kind="document")
    assert results
    assert all(result["label"] in ("Document", "Documento") for result in results)
    assert any("<mark>" in (result["excerpt"] or "") for result in results)


def test_a_changed_snippet_is_found_under_its_new_words_once_it_commits(client, committed):
    coordinator = Coordinator.objects.get(name__startswith="Natalia")
    group = groups_of("Natalia").first()
    with committed():
        coordinator.name = "Zenobia Quintana"
        coordinator.save()
    assert found(client, "es", "Zenobia", group)
    assert not found(client, "en", "Natalia", group)


def test_results_can_be_narrowed_by_kind_and_each_kind_shows_its_count(client):
    html = get_ok(client, SEARCH["es"], data={"q": "cooperación"})
    total, _results = search(client, "es", "cooperación")
    assert 'class="search-kinds"' in html
    assert f"Todos ({total})</a>" in html
    for kind, label in (("page", "Páginas"), ("document", "Documentos")):
        count, results = search(client, "es", "cooperación", kind=kind)
        assert 0 < count < total
        assert f'?q=cooperaci%C3%B3n&amp;kind={kind}"' in html
        assert f"{label} ({count})</a>" in html
        if kind == "document":
            assert {result["label"] for result in results} == {"Documento"}
        else:
            assert "Documento" not in {result["label"] for result in results}


@pytest.mark.parametrize("kind", ["", "unknown", "<script>", "page'--", "x" * 500])
def test_an_unknown_kind_shows_every_result(client, kind):
    assert search(client, "es", "cooperación", kind=kind)[0] == search(client, "es", "cooperación")[0]


@pytest.mark.parametrize(
    ("language", "typed", "meant"), [("es", "coperación", "cooperación"), ("en", "tourisn", "tourism")]
)
def test_a_misspelt_query_gets_a_suggestion(client, language, typed, meant):
    assert search(client, language, typed)[0] == 0
    html = get_ok(client, SEARCH[language], data={"q": typed})
    assert 'class="search-suggestion"' in html
    assert f">{meant}</a>" in html
    assert search(client, language, meant)[0] > 0


def test_a_query_that_finds_something_gets_no_suggestion(client):
    assert 'class="search-suggestion"' not in get_ok(client, SEARCH["es"], data={"q": "cooperación"})


def test_a_page_deleted_in_the_admin_is_no_longer_found_once_it_commits(admin_client, committed):
    group = TechnicalGroupPage.objects.get(slug_en="tourism")
    urls_before = {language: url_in(group, language) for language in LANGUAGES}
    assert found(admin_client, "en", "tourism", group)
    with committed():
        response = admin_client.post(reverse("wagtailadmin_pages:delete", args=[group.pk]))
    assert response.status_code == 302
    for language, query in (("en", "tourism"), ("es", "turismo")):
        _count, results = search(admin_client, language, query, kind="page")
        assert urls_before[language] not in urls(results)
