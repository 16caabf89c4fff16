"""Groups and projects list their latest news; `latest_news` serves the home page and others."""

import datetime

import pytest
from django.utils import translation

from base.models import MemberCountry
from cooperation.models import CooperationProjectPage
from news.models import latest_news
from tests.pages import get_ok, parse
from workgroups.models import TechnicalGroupPage

from .helpers import add_item, live_items, urls_of

pytestmark = pytest.mark.django_db


def news_section_links(html, language):
    """The item links inside the page's News section."""
    section = html.split('<h2 id="news-heading">', 1)[1].split("</section>", 1)[0]
    prefix = "/en/news/" if language == "en" else "/es/noticias/"
    return [link for link in parse(section).links if link.startswith(prefix)]


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_group_page_lists_its_three_latest_news(client, language):
    group = TechnicalGroupPage.objects.get(slug_en="cooperation")
    newest = [item for item in live_items() if item.groups.filter(pk=group.pk).exists()][:3]
    with translation.override(language):
        html = get_ok(client, group.url)
    assert news_section_links(html, language) == urls_of(newest, language)
    assert {"en": ">News</h2>", "es": ">Noticias</h2>"}[language] in html


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_project_page_lists_its_latest_news(client, language):
    project = CooperationProjectPage.objects.get(slug_en="sports-diplomacy")
    with translation.override(language):
        html = get_ok(client, project.url)
    expected = [item for item in live_items() if item.projects.filter(pk=project.pk).exists()]
    assert len(expected) == 2
    assert news_section_links(html, language) == urls_of(expected, language)


def test_a_page_without_news_has_no_news_section(client):
    html = get_ok(client, "/en/technical-groups/tourism/")
    assert 'id="news-heading"' not in html


def test_a_new_item_about_a_project_appears_on_its_page_and_leaves_when_unpublished(client, committed):
    project = CooperationProjectPage.objects.get(slug_en="grand-cultural-exhibition")
    assert 'id="news-heading"' not in get_ok(client, project.url)
    with committed():
        item = add_item(1, date=datetime.date(2016, 5, 2), projects=[project])
    html = get_ok(client, project.url)
    assert news_section_links(html, "en") == ["/en/news/added-item-1/"]
    with committed():
        item.unpublish()
    assert 'id="news-heading"' not in get_ok(client, project.url)


def test_latest_news_filters_and_limits():
    chile = MemberCountry.objects.get(code="CL")
    in_chile = [item for item in live_items() if item.countries.filter(pk=chile.pk).exists()]
    assert latest_news() == live_items()[:3]
    assert latest_news(limit=2, countries=chile) == in_chile[:2]
    assert latest_news(limit=10, countries__code="CL") == in_chile[:10]
    assert latest_news(kind="statement", limit=10) == [i for i in live_items() if i.kind == "statement"]
    assert all(item.live for item in latest_news(limit=50))
