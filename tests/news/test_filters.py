"""The listing's filters: each narrows the list, each combination is a URL, bad values never fail."""

import pytest
from django.utils import translation

from news.models import NewsItemPage
from tests.pages import get_ok, text_of
from workgroups.models import TechnicalGroupPage

from .helpers import INDEX, listed, live_items, urls_of

pytestmark = [pytest.mark.django_db, pytest.mark.engine]


def every_listed(client, language, query):
    """Every item URL of a filtered listing, over all its pages."""
    separator = "&" if query else "?"
    found, number = [], 1
    while True:
        page = listed(client, language, f"{query}{separator}page={number}" if number > 1 else query)
        found += page
        if len(page) < 10:
            return found
        number += 1


def expected(language, **filters):
    items = [item for item in live_items() if NewsItemPage.objects.filter(pk=item.pk, **filters).exists()]
    return urls_of(items, language)


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize(
    ("query", "filters"),
    [
        ("?kind=press-release", {"kind": "press-release"}),
        ("?kind=statement", {"kind": "statement"}),
        ("?country=PE", {"countries__code": "PE"}),
        ("?year=2014", {"date__year": 2014}),
        ("?kind=press-release&year=2015", {"kind": "press-release", "date__year": 2015}),
        ("?kind=news&country=MX", {"kind": "news", "countries__code": "MX"}),
    ],
)
def test_each_filter_narrows_the_list(client, language, query, filters):
    found = every_listed(client, language, query)
    assert found == expected(language, **filters)
    assert 0 < len(found) < len(live_items())


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_group_filter_takes_the_groups_slug_in_the_language(client, language):
    group = TechnicalGroupPage.objects.get(slug_en="external-relations")
    slug = getattr(group, f"slug_{language}")
    found = every_listed(client, language, f"?group={slug}")
    assert found == expected(language, groups=group)
    assert len(found) == 3
    html = get_ok(client, INDEX[language] + f"?group={slug}")
    assert f'<option value="{slug}" selected>' in html


def test_two_filters_together_and_the_count(client):
    html = get_ok(client, INDEX["en"] + "?kind=press-release&year=2015")
    assert "2 news items" in text_of(html)
    assert '<option value="press-release" selected>' in html
    assert '<option value="2015" selected>' in html
    assert "Show all news" in html
    assert "1 noticia" in text_of(get_ok(client, INDEX["es"] + "?kind=statement&year=2013"))


def test_the_year_choices_are_the_years_of_the_items(client):
    html = get_ok(client, INDEX["en"])
    years = sorted({item.date.year for item in live_items()}, reverse=True)
    for year in years:
        assert f'<option value="{year}">{year}</option>' in html
    assert '<option value="2010">' not in html


def test_a_filter_without_items_says_so(client):
    html = get_ok(client, INDEX["en"] + "?kind=statement&year=2015")
    assert "No news item matches these filters." in html
    assert listed(client, "en", "?kind=statement&year=2015") == []


@pytest.mark.parametrize(
    "query",
    [
        "?kind=rumour",
        "?group=no-such-group",
        "?country=AR",
        "?country=%00",
        "?year=1999",
        "?year=abc",
        "?year=99999999999999999999",
        "?kind=" + "x" * 3000,
        "?kind=news&year=1999",
    ],
)
def test_invalid_values_show_the_unfiltered_list_with_the_errors(client, query):
    response = client.get(INDEX["en"] + query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Some filters were not valid" in html
    assert 'class="form-error"' in html
    assert listed(client, "en", query) == urls_of(live_items()[:10], "en")


def test_an_invalid_filter_in_spanish_explains_in_spanish(client):
    html = get_ok(client, INDEX["es"] + "?year=1999")
    assert "Algunos filtros no eran válidos" in html
    with translation.override("es"):
        assert listed(client, "es", "?year=1999") == urls_of(live_items()[:10], "es")
