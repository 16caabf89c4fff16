"""Member country pages: reached from the home page, every figure computed from the data."""

import re

import pytest
from django.utils import timezone, translation

from base.models import MemberCountry
from cooperation.models import CooperationProjectPage, ResponsibleEntity
from countries.models import MemberCountryPage
from events.models import EventPage
from news.models import NewsItemPage
from observers.models import ObserverState
from tests.pages import get_ok, text_of
from workgroups.models import GroupCoordinator, TechnicalGroupPage

pytestmark = [pytest.mark.django_db, pytest.mark.engine]
HOMES = {"en": "/en/", "es": "/es/"}
INDEX = {"en": "/en/member-countries/", "es": "/es/paises-miembros/"}


def url_of(page, language):
    with translation.override(language):
        return page.get_url()


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_home_page_tiles_and_the_index_lead_to_each_country_page(client, language):
    home = get_ok(client, HOMES[language])
    index = get_ok(client, INDEX[language])
    pages = MemberCountryPage.objects.live().select_related("country")
    assert {page.country.code for page in pages} == {"CL", "CO", "MX", "PE"}
    for page in pages:
        assert f'href="{url_of(page, language)}"' in home
        assert f'href="{url_of(page, language)}"' in index
    assert "/es/paises-miembros/mexico/" in {url_of(page, "es") for page in pages}


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("code", ["CL", "CO", "MX", "PE"])
def test_each_country_page_lists_what_the_data_says_of_that_country(client, language, code):
    country = MemberCountry.objects.get(code=code)
    html = get_ok(client, url_of(country.page, language))
    text = text_of(html)
    with translation.override(language):
        projects = CooperationProjectPage.objects.live().filter(entities__country=country).distinct()
        for project in projects:
            assert f'href="{url_of(project, language)}"' in html
        others = CooperationProjectPage.objects.live().exclude(pk__in=projects)
        assert all(f'href="{url_of(p, language)}"' not in html for p in others)
        for entity in ResponsibleEntity.objects.filter(country=country, cooperationprojectpage__live=True):
            assert str(entity) in text
        for row in GroupCoordinator.objects.filter(coordinator__country=country):
            assert row.coordinator.name in text
        own = {str(entity) for entity in ResponsibleEntity.objects.filter(country=country)}
        foreign = [str(e) for e in ResponsibleEntity.objects.exclude(country=country) if e.acronym]
        assert [name for name in foreign if name not in own and name in text] == []


@pytest.mark.parametrize(("code", "years"), [("PE", ["2012"]), ("CL", ["2013", "2016"]), ("MX", ["2015"])])
def test_each_country_page_lists_the_pro_tempore_coordinations_it_held(client, code, years):
    html = get_ok(client, url_of(MemberCountry.objects.get(code=code).page, "en"))
    section = html[html.index('id="coordination-heading"') : html.index('id="projects-heading"')]
    assert re.findall(r"<li>(\d{4}):", section) == years


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_home_page_key_figures_equal_the_data(client, language):
    text = text_of(get_ok(client, HOMES[language]))
    labels = {
        "en": (
            "member countries",
            "observer states",
            "technical groups and committees",
            "cooperation projects",
        ),
        "es": (
            "países miembros",
            "Estados observadores",
            "grupos técnicos y comités",
            "proyectos de cooperación",
        ),
    }[language]
    counts = (
        MemberCountry.objects.count(),
        ObserverState.objects.count(),
        TechnicalGroupPage.objects.live().count(),
        CooperationProjectPage.objects.live().count(),
    )
    for count, label in zip(counts, labels, strict=True):
        assert re.search(rf"\b{count} {label}\b", text, re.IGNORECASE), (count, label)
    assert {"en": "1268 scholarships awarded", "es": "1268 becas otorgadas"}[language] in text


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_home_page_leads_with_the_latest_news(client, language):
    html = get_ok(client, HOMES[language])
    newest = NewsItemPage.objects.live().order_by("-date", "-pk")[:3]
    section = html[html.index('id="home-news-heading"') : html.index('id="figures-heading"')]
    assert [url_of(item, language) for item in newest] == re.findall(
        r'news-list__title"><a href="([^"]+)"', section
    )
    assert html.index('id="home-news-heading"') < html.index('id="sections-heading"')


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_country_page_lists_the_news_that_name_it(client, language):
    country = MemberCountry.objects.get(code="PE")
    named = NewsItemPage.objects.live().filter(countries=country).order_by("-date", "-pk")[:3]
    assert named
    html = get_ok(client, url_of(country.page, language))
    for item in named:
        assert f'href="{url_of(item, language)}"' in html


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_home_page_shows_the_most_recent_events(client, language):
    html = get_ok(client, HOMES[language])
    section = html[html.index('id="home-events-heading"') : html.index('id="figures-heading"')]
    recent = EventPage.objects.live().filter(start_date__lt=timezone.localdate()).order_by("-start_date")[:3]
    for event in recent:
        assert f'href="{url_of(event, language)}"' in section
    assert {"en": "Most recent", "es": "Los más recientes"}[language] in section
