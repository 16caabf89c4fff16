"""Bilingual routing: the root redirect, language prefixes, switcher, hreflang and fallbacks."""

import pytest
from django.conf import settings
from django.utils import translation

from tests.pages import get_ok, parse, text_of
from workgroups.models import TechnicalGroupPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("es", "/es/"),
        ("es-MX,es;q=0.9,en;q=0.8", "/es/"),
        ("es-419", "/es/"),
        ("ES-co", "/es/"),
        ("de-DE,es;q=0.7", "/es/"),
        ("en-US,en;q=0.9", "/en/"),
        ("fr-FR,fr;q=0.9", "/en/"),
        ("", "/en/"),
        ("*;q=0.1", "/en/"),
        ("es;q=garbage,,;;", "/en/"),
    ],
)
def test_root_redirects_by_accept_language(client, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_root_without_accept_language_goes_to_english(client):
    response = client.get("/")
    assert response["Location"] == "/en/"


def test_root_redirect_keeps_the_query_follows_the_language_cookie_and_says_what_it_varies_on(client):
    response = client.get("/?utm_source=newsletter&q=%C3%B1and%C3%BA", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 302
    assert response["Location"] == "/es/?utm_source=newsletter&q=%C3%B1and%C3%BA"
    assert {"accept-language", "cookie"} <= {v.strip().lower() for v in response["Vary"].split(",")}
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en")["Location"] == "/es/"


def test_root_is_answered_without_rendering_a_page(client, django_assert_num_queries):
    """The root only chooses a language: no 404 page built and thrown away, no query once the
    process is warm (its first request reads the translated interface strings)."""
    client.get("/", HTTP_ACCEPT_LANGUAGE="es")
    with django_assert_num_queries(0):
        assert client.get("/", HTTP_ACCEPT_LANGUAGE="es").status_code == 302


@pytest.mark.parametrize(
    ("accept_language", "expected"), [("es", "/es/technical-groups/"), ("en", "/en/technical-groups/")]
)
def test_other_paths_without_a_language_are_redirected_too(client, accept_language, expected):
    response = client.get("/technical-groups/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize("path", ["/fr/", "/xx/", "/pt-br/grupos/", "/FR/technical-groups/", "/de"])
def test_unknown_language_prefix_is_a_404_page(english_client, path):
    response = english_client.get(path)
    assert response.status_code == 404
    assert b"Page not found" in response.content


def test_unknown_page_in_spanish_is_a_spanish_404(client):
    response = client.get("/es/no-existe/")
    assert response.status_code == 404
    html = response.content.decode()
    assert 'lang="es"' in html
    assert "Página no encontrada" in html


@pytest.mark.parametrize(("prefix", "title"), [("en", "Pacific Alliance"), ("es", "Alianza del Pacífico")])
def test_home_page_in_each_language(client, prefix, title):
    html = get_ok(client, f"/{prefix}/")
    page = parse(html)
    assert page.html_lang == prefix
    assert f"<h1>{title}</h1>" in html


def test_switcher_and_hreflang_use_translated_slugs(client):
    group = TechnicalGroupPage.objects.get(slug_en="cooperation")
    assert group.slug_es == "cooperacion"
    en = parse(get_ok(client, "/en/technical-groups/cooperation/"))
    es = parse(get_ok(client, "/es/grupos-tecnicos/cooperacion/"))
    assert (
        en.alternates
        == es.alternates
        == {
            "en": "http://testserver/en/technical-groups/cooperation/",
            "es": "http://testserver/es/grupos-tecnicos/cooperacion/",
            "x-default": "http://testserver/en/technical-groups/cooperation/",
        }
    )
    # The switcher on each page leads to the other language's page, which links back.
    assert "http://testserver/es/grupos-tecnicos/cooperacion/" in en.links
    assert "http://testserver/en/technical-groups/cooperation/" in es.links


def test_every_page_links_to_its_partner_in_the_other_language(client):
    for page in TechnicalGroupPage.objects.live():
        with translation.override("es"):
            spanish_url = page.get_url()
        with translation.override("en"):
            english_url = page.get_url()
        assert spanish_url.startswith("/es/") and english_url.startswith("/en/")
        assert spanish_url != english_url.replace("/en/", "/es/", 1) or page.slug_en == page.slug_es
        spanish = parse(get_ok(client, spanish_url))
        assert spanish.alternates["en"] == f"http://testserver{english_url}"
        english = parse(get_ok(client, english_url))
        assert english.alternates["es"] == f"http://testserver{spanish_url}"


def test_empty_spanish_field_shows_english_marked_as_english(client):
    group = TechnicalGroupPage.objects.get(slug_en="tourism")
    group.summary_es = ""
    group.save_revision().publish()
    html = get_ok(client, "/es/grupos-tecnicos/turismo/")
    assert f'<p class="lead" lang="en">{group.summary_en}</p>' in html
    # A translated field of the same page is not marked.
    assert f"<h1>{group.title_es}" in html


def test_translated_spanish_field_is_not_marked(client):
    group = TechnicalGroupPage.objects.get(slug_en="tourism")
    html = get_ok(client, "/es/grupos-tecnicos/turismo/")
    assert f'<p class="lead">{group.summary_es}</p>' in html


def test_interface_strings_are_translated(client):
    english = text_of(get_ok(client, "/en/technical-groups/"))
    spanish = text_of(get_ok(client, "/es/grupos-tecnicos/"))
    assert "Skip to main content" in english
    assert "Saltar al contenido principal" in spanish
    assert "Skip to main content" not in spanish
