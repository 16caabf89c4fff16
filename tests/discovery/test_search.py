"""Site search on the real content, in each language, on SQLite and on PostgreSQL."""

import pytest
from django.utils import translation

from cooperation.models import CooperationProjectPage
from documents.models import LegalDocument
from observers.models import ObserverState
from tests.discovery.search import ON_POSTGRESQL, SEARCH, search, titles, urls
from tests.pages import get_ok, parse
from workgroups.models import TechnicalGroupPage

pytestmark = [pytest.mark.django_db, pytest.mark.engine]

postgresql_only = pytest.mark.skipif(
    not ON_POSTGRESQL, reason="stemming and ranking are PostgreSQL full-text search features"
)
sqlite_only = pytest.mark.skipif(ON_POSTGRESQL, reason="tests the simple search used on SQLite")


def project(slug_en):
    return CooperationProjectPage.objects.get(slug_en=slug_en)


def url_in(page, language):
    with translation.override(language):
        return page.get_url()


MOBILITY = "student-and-academic-mobility-platform"


def test_a_spanish_query_finds_spanish_text_and_shows_spanish_titles_and_urls(client):
    count, results = search(client, "es", "becas")
    mobility = project(MOBILITY)
    assert count == len(results) > 0
    assert mobility.title_es in titles(results)
    assert url_in(mobility, "es") in urls(results)
    for result in results:
        assert result["url"].startswith(("/es/", "/documents/")), result
        assert result["lang"] is None  # every title shown is the Spanish one
    # Each page found is shown under its Spanish title, never its English one.
    english_titles = set(TechnicalGroupPage.objects.values_list("title_en", flat=True))
    assert not english_titles & set(titles(results)) - {mobility.title_es}


def test_an_english_query_finds_english_text_with_english_titles_and_urls(client):
    count, results = search(client, "en", "scholarships")
    mobility = project(MOBILITY)
    assert mobility.title_en in titles(results)
    assert url_in(mobility, "en") in urls(results)
    assert all(result["url"].startswith("/en/") for result in results)


@pytest.mark.parametrize(("language", "query"), [("es", "scholarships"), ("en", "becas"), ("en", "Japón")])
def test_the_other_language_is_not_searched(client, language, query):
    count, results = search(client, language, query)
    assert count == 0
    assert results == []


def test_a_missing_spanish_title_shows_the_english_one_marked_as_english(client):
    tourism = TechnicalGroupPage.objects.get(slug_en="tourism")
    tourism.title_es = ""
    tourism.save_revision().publish()
    _count, results = search(client, "es", "turismo")
    found = next(result for result in results if result["url"] == url_in(tourism, "es"))
    assert found["title"] == tourism.title_en
    assert found["lang"] == "en"


def test_the_same_page_is_found_in_each_language_by_its_own_words(client):
    _count, spanish = search(client, "es", "voluntariado juvenil")
    _count, english = search(client, "en", "youth volunteer")
    volunteer = project("youth-volunteer-program")
    assert url_in(volunteer, "es") in urls(spanish)
    assert url_in(volunteer, "en") in urls(english)
    assert url_in(volunteer, "es") != url_in(volunteer, "en")


@pytest.mark.parametrize("query", ["cooperacion", "COOPERACIÓN", "Cooperación", "cOoPeRaCiOn"])
def test_spanish_search_ignores_accents_and_case(client, query):
    count, results = search(client, "es", query)
    group = TechnicalGroupPage.objects.get(slug_en="cooperation")
    assert count > 10
    assert url_in(group, "es") in urls(results)
    assert count == search(client, "es", "cooperación")[0]


def test_english_search_ignores_accents_too(client):
    # "Peru" and "Perú": the English text writes the country without the accent.
    assert search(client, "en", "Perú")[0] == search(client, "en", "peru")[0] > 0


def test_documents_are_found_and_link_to_the_file_in_the_visitors_language(client):
    memorandum = LegalDocument.objects.get(
        title_en__startswith="Memorandum of Understanding on the Cooperation", language="en"
    )
    _count, spanish = search(client, "es", "memorando plataforma")
    document = next(result for result in spanish if result["title"] == memorandum.title_es)
    assert document["label"] == "Documento"
    assert document["url"] == memorandum.in_language("es").url
    assert document["url"].endswith("-es.pdf")
    _count, english = search(client, "en", "memorandum platform")
    document = next(result for result in english if result["title"] == memorandum.title_en)
    assert document["url"] == memorandum.url
    assert document["url"].endswith("-en.pdf")


def test_a_spanish_version_is_never_a_result_of_its_own(client):
    _count, results = search(client, "es", "acuerdo marco")
    framework = LegalDocument.objects.get(
        title_en="Framework Agreement of the Pacific Alliance", language="en"
    )
    assert titles(results).count(framework.title_es) == 1


def test_observer_states_are_found_by_their_name_in_the_language(client):
    japan = ObserverState.objects.get(iso_code="JP")
    _count, spanish = search(client, "es", "Japón")
    observer = next(result for result in spanish if result["title"] == japan.name_es)
    assert observer["label"] == "Estado observador"
    assert observer["url"] == "/es/estados-observadores/#continent-asia"
    _count, english = search(client, "en", "japan")
    assert "/en/observer-states/#continent-asia" in urls(english)
    # The anchor exists on the page it points to.
    assert 'id="continent-asia"' in get_ok(client, "/es/estados-observadores/")


def test_results_show_an_excerpt_with_the_match_marked(client):
    _count, results = search(client, "es", "becas")
    mobility = next(result for result in results if result["title"] == project(MOBILITY).title_es)
    assert "<mark>becas</mark>" in mobility["excerpt"].lower()
    assert len(mobility["excerpt"]) < 600


def test_the_best_match_comes_first(client):
    _count, results = search(client, "es", "cooperación")
    assert "Cooperación" in results[0]["title"]
    _count, results = search(client, "en", "tourism")
    assert results[0]["title"] == TechnicalGroupPage.objects.get(slug_en="tourism").title_en


def test_results_are_paginated_and_pages_follow_on(client):
    count, first = search(client, "es", "cooperación")
    _count, second = search(client, "es", "cooperación", page=2)
    assert count > 20 and len(first) == 10 and len(second) == 10
    assert not urls(first) & urls(second)
    html = get_ok(client, SEARCH["es"], data={"q": "cooperación"})
    assert '<a href="?q=cooperaci%C3%B3n&amp;page=2" rel="next">' in html
    last = -(-count // 10)
    _count, last_page = search(client, "es", "cooperación", page=last)
    assert len(last_page) == count - 10 * (last - 1)


@pytest.mark.parametrize(
    ("page", "expected"),
    [("999", "last"), ("abc", "first"), ("0", "last"), ("-3", "last"), ("9" * 5000, "first"), ("²", "first")],
)
def test_a_bad_page_number_gives_the_first_or_last_page(client, page, expected):
    count, results = search(client, "es", "cooperación", page=page)
    _count, wanted = search(client, "es", "cooperación", page=1 if expected == "first" else -(-count // 10))
    assert results == wanted


def test_unpublished_and_private_pages_are_not_found(client, committed):
    from wagtail.models import PageViewRestriction

    tourism = TechnicalGroupPage.objects.get(slug_en="tourism")
    assert url_in(tourism, "en") in urls(search(client, "en", "tourism")[1])
    with committed():
        tourism.unpublish()
    assert url_in(tourism, "en") not in urls(search(client, "en", "tourism")[1])
    culture = TechnicalGroupPage.objects.get(slug_en="culture")
    assert url_in(culture, "en") in urls(search(client, "en", "culture")[1])
    with committed():
        PageViewRestriction.objects.create(page=culture, restriction_type="password", password="x")
    assert url_in(culture, "en") not in urls(search(client, "en", "culture")[1])


def test_the_search_page_itself_is_not_a_result(client):
    _count, results = search(client, "en", "search")
    assert "/en/search/" not in urls(results)


def test_every_page_has_a_search_form_in_its_header_that_works_without_javascript(client):
    for language, page_url in (("en", "/en/technical-groups/"), ("es", "/es/proyectos-de-cooperacion/")):
        html = get_ok(client, page_url)
        header = html[html.index('<header class="site-header">') : html.index("</header>")]
        assert f'<form class="site-search" role="search" method="get" action="{SEARCH[language]}">' in header
        assert '<label class="visually-hidden" for="site-search-q">' in header
        assert 'id="site-search-q" name="q"' in header
        assert "<script" not in header
    assert "Buscar en el sitio" in get_ok(client, "/es/")


def test_search_pages_are_linked_across_languages_and_results_are_not_indexed(client):
    page = parse(get_ok(client, "/es/buscar/"))
    assert page.alternates["en"] == "http://testserver/en/search/"
    assert '<meta name="robots" content="noindex, follow">' in get_ok(client, "/es/buscar/?q=becas")
    assert 'name="robots"' not in get_ok(client, "/es/buscar/")


# PostgreSQL: the language's own stemming.


@postgresql_only
def test_spanish_stemming_beca_and_becas_find_the_same(client):
    count, singular = search(client, "es", "beca")
    assert count == search(client, "es", "becas")[0] > 0
    assert project(MOBILITY).title_es in titles(singular)
    # "becaria" is not in the text, but has the stem of "becarios", which is.
    assert project(MOBILITY).title_es in titles(search(client, "es", "becaria")[1])


@postgresql_only
def test_english_stemming_studying_finds_study_and_studies(client):
    count, results = search(client, "en", "studying")
    assert count > 0
    assert all(result["url"].startswith("/en/") for result in results)


@postgresql_only
def test_web_search_syntax_quotes_and_exclusion(client):
    phrase, _results = search(client, "es", '"plataforma de movilidad"')
    words, _results = search(client, "es", "plataforma movilidad")
    assert 0 < phrase <= words
    _count, without = search(client, "es", "becas -plataforma")
    assert project(MOBILITY).title_es not in titles(without)


@postgresql_only
def test_the_excerpt_marks_stemmed_matches(client):
    _count, results = search(client, "es", "beca")
    mobility = next(result for result in results if result["title"] == project(MOBILITY).title_es)
    assert "<mark>becas</mark>" in mobility["excerpt"]


# SQLite: the simple search.


@sqlite_only
def test_simple_search_needs_every_word(client):
    assert project(MOBILITY).title_es in titles(search(client, "es", "becas plataforma")[1])
    assert search(client, "es", "becas zzzqqq")[0] == 0


@sqlite_only
def test_simple_search_matches_parts_of_words_but_does_not_stem(client):
    assert project(MOBILITY).title_es in titles(search(client, "es", "beca")[1])
    assert search(client, "es", "becaria")[0] == 0
    assert search(client, "en", "studying")[0] == 0


@sqlite_only
def test_simple_search_ranks_title_matches_first(client):
    _count, results = search(client, "en", "mobility")
    assert all("Mobility" in title for title in titles(results)[:2])
