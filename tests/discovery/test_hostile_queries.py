"""Whatever a visitor types into the search, the answer is a page, never an error."""

import pytest
from wagtail.models import Page

from tests.discovery.search import SEARCH, search
from tests.pages import text_of

pytestmark = [pytest.mark.django_db, pytest.mark.engine]

HOSTILE = [
    '"',
    '"unclosed quote',
    '""',
    "'",
    "cooperación AND OR NOT",
    "-",
    "-cooperación",
    "!!!",
    "& | ! <-> ( ) : * \\",
    "cooperación:*",
    "a & (b | !c)",
    "'; DROP TABLE wagtailcore_page; --",
    "1' OR '1'='1",
    "%",
    "_",
    "%%%_%",
    "\\%",
    "<script>alert(1)</script>",
    "🌎🤝",
    "🇨🇱 🇨🇴 🇲🇽 🇵🇪",
    "nul\x00byte",
    "\x01\x02\x7f",
    "\u200b\u200d",
    "  ",
    "de la el",
    "x" * 2000,
    "cooperación " * 200,
    "é" * 2000,
    "日本",
    "Ⅻ ﬁnanzas",
]


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("query", HOSTILE, ids=range(len(HOSTILE)))
def test_any_query_returns_a_page(client, language, query):
    response = client.get(SEARCH[language], {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert '<input type="search" id="search-q" name="q"' in html


def test_the_tables_survive_a_query_that_looks_like_sql(client):
    pages = Page.objects.count()
    search(client, "es", "'; DROP TABLE wagtailcore_page; --")
    search(client, "en", "1); DELETE FROM wagtailcore_page WHERE (1=1")
    assert Page.objects.count() == pages


def test_the_query_is_shown_back_escaped(client):
    html = client.get(SEARCH["en"], {"q": '<b>"bold"</b>'}).content.decode()
    assert 'value="&lt;b&gt;&quot;bold&quot;&lt;/b&gt;"' in html
    assert "<b>" not in html[html.index("<main") :]


def test_a_very_long_query_is_cut_and_the_visitor_is_told(client):
    response = client.get(SEARCH["es"], {"q": "becas " + "x" * 2000})
    text = text_of(response.content.decode())
    assert response.status_code == 200
    assert "solo se usaron sus primeros 200 caracteres" in text


def test_an_empty_query_explains_what_to_do(client):
    for query in ({}, {"q": ""}, {"q": "   "}, {"q": "\x00"}):
        text = text_of(client.get(SEARCH["en"], query).content.decode())
        assert "Type one or more words" in text
        assert "result" not in text.lower().replace("results page", "")


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_result_suggests_what_to_do_next(client, language):
    response = client.get(SEARCH[language], {"q": "zzqxjv"})
    html = response.content.decode()
    text = text_of(html)
    other = {"en": "es", "es": "en"}[language]
    if language == "en":
        assert "0 results for “zzqxjv”" in text
        assert "Check the spelling, or try fewer or more general words." in text
        assert "Search for the same words in Spanish" in text
    else:
        assert "0 resultados para “zzqxjv”" in text
        assert "Buscar las mismas palabras en inglés" in text
    assert f'href="http://testserver{SEARCH[other]}?q=zzqxjv" hreflang="{other}"' in html
    # The sections of the site are offered instead.
    assert {"en": "/en/technical-groups/", "es": "/es/grupos-tecnicos/"}[language] in html


def test_repeated_and_odd_parameters_do_not_break_the_page(client):
    assert client.get(SEARCH["es"] + "?q=becas&q=cooperación&page=1&page=x").status_code == 200
    assert client.get(SEARCH["es"] + "?q=%FF%FE").status_code == 200
    assert client.get(SEARCH["es"] + "?q[]=becas").status_code == 200
    assert client.post(SEARCH["es"], {"q": "becas"}).status_code in (200, 405)
