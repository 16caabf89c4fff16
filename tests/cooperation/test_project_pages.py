"""Cooperation project pages and the filterable index, through HTTP, in both languages."""

import pytest
from django.utils import translation

from cooperation.models import CooperationProjectPage
from tests.pages import get_ok, parse, text_of

pytestmark = [pytest.mark.django_db, pytest.mark.engine]

INDEX = {"en": "/en/cooperation-projects/", "es": "/es/proyectos-de-cooperacion/"}
COUNTRY_NAMES = {"en": ["Chile", "Colombia", "Mexico", "Peru"], "es": ["Chile", "Colombia", "México", "Perú"]}
STATUS_LABELS = {
    "en": {"in_progress": "In progress", "concluded": "Concluded", "in_preparation": "In preparation"},
    "es": {"in_progress": "En curso", "concluded": "Concluido", "in_preparation": "En preparación"},
}


def listed(client, language, query=""):
    links = parse(get_ok(client, INDEX[language] + query)).links
    prefix = INDEX[language]
    return {link for link in links if link.startswith(prefix) and link != prefix and "?" not in link}


def test_the_seven_projects_of_the_seed_are_published():
    assert CooperationProjectPage.objects.live().count() == 7


@pytest.mark.parametrize("language", ["en", "es"])
def test_each_project_shows_status_and_the_entities_of_all_four_countries(client, language):
    for project in CooperationProjectPage.objects.live():
        with translation.override(language):
            html = get_ok(client, project.url)
        text = text_of(html)
        assert STATUS_LABELS[language][project.status] in text
        countries = {entity.country.code for entity in project.entities.all() if entity.country}
        if project.entities.exists():
            assert countries == {"CL", "CO", "MX", "PE"}, project.slug_en
            for name in COUNTRY_NAMES[language]:
                assert f"<h3>{name}</h3>" in html, (project.slug_en, name)
            for entity in project.entities.all():
                assert getattr(entity, f"name_{language}") in text


def test_project_without_named_entities_says_so(client):
    html = get_ok(client, "/en/cooperation-projects/sme-experience-exchange/")
    assert "do not name its responsible entities" in html


@pytest.mark.parametrize("language", ["en", "es"])
def test_filter_by_status(client, language):
    in_progress = listed(client, language, "?status=in_progress")
    expected = set()
    for project in CooperationProjectPage.objects.live().filter(status="in_progress"):
        with translation.override(language):
            expected.add(project.url)
    assert in_progress == expected
    assert len(expected) == 5
    assert len(listed(client, language)) == 7


def test_filter_by_country_and_status_together(client):
    # Only the SME project names no entities, so it is never listed under a country.
    assert len(listed(client, "en", "?country=PE")) == 6
    assert listed(client, "en", "?country=PE&status=concluded") == set()
    html = get_ok(client, INDEX["en"] + "?country=PE&status=concluded")
    assert "No project matches these filters." in html


@pytest.mark.parametrize(("language", "slug"), [("en", "cooperation"), ("es", "cooperacion")])
def test_filter_by_technical_group_with_its_slug_in_the_readers_language(client, language, slug):
    group = CooperationProjectPage.objects.live().first().group
    expected = set()
    for project in group.projects.live():
        with translation.override(language):
            expected.add(project.url)
    assert listed(client, language, f"?group={slug}") == expected
    assert len(expected) == 7
    assert f'<option value="{slug}" selected>' in get_ok(client, INDEX[language] + f"?group={slug}")


def test_filter_form_keeps_its_state_in_the_url(client):
    html = get_ok(client, INDEX["es"] + "?status=concluded&country=CL")
    assert '<form class="filters" method="get"' in html
    assert '<option value="concluded" selected>' in html
    assert '<option value="CL" selected>' in html


@pytest.mark.parametrize(
    "query",
    [
        "?status=paused",
        "?country=AR",
        "?group=no-such-group",
        "?country=%00",
        "?status=" + "x" * 3000,
        "?status=1&status=2",
        "?page=-1",
    ],
)
def test_invalid_filters_answer_with_a_form_error_not_a_crash(client, query):
    response = client.get(INDEX["en"] + query)
    assert response.status_code == 200
    html = response.content.decode()
    if "page=" not in query:
        assert "Some filters were not valid" in html
    assert len(listed(client, "en", query)) == 7


def test_project_dates_and_figures_are_localised(client):
    english = text_of(get_ok(client, "/en/cooperation-projects/student-and-academic-mobility-platform/"))
    spanish = text_of(
        get_ok(client, "/es/proyectos-de-cooperacion/plataforma-de-movilidad-estudiantil-y-academica/")
    )
    assert "1,268" in english
    assert "1\xa0268" in spanish  # Spanish groups digits with a (non-breaking) space
    assert "1,268" not in spanish
    climate = CooperationProjectPage.objects.get(slug_en="climate-change-research-network")
    with translation.override("es"):
        text = text_of(get_ok(client, climate.url))
    assert "mayo de 2015" in text
    assert "2017" in text
