"""The listing and an item page cost the same number of queries however many items there are."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from base.models import MemberCountry
from cooperation.models import CooperationProjectPage
from news.models import NewsItemPage
from workgroups.models import TechnicalGroupPage

from .helpers import add_item

pytestmark = pytest.mark.django_db

URLS = {
    "listing": "/{lang}/{index}/",
    "filtered": "/{lang}/{index}/?kind=press-release&country=CL&year=2015",
    "second page": "/{lang}/{index}/?page=2",
    "item": "/{lang}/{index}/{item}/",
}
# The site, the filter choices (groups, countries, years), the count, one page of items with their
# groups and countries; an item page: its groups, projects and countries.
BUDGET = {"listing": 9, "filtered": 9, "second page": 9, "item": 5}
SLUGS = {
    "en": {"index": "news", "item": "memorandum-on-the-cooperation-platform-signed"},
    "es": {"index": "noticias", "item": "firma-del-memorando-sobre-la-plataforma-de-cooperacion"},
}


def count_queries(client, url):
    client.get(url)  # warm the per-process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def counts(client, lang):
    return {name: count_queries(client, url.format(lang=lang, **SLUGS[lang])) for name, url in URLS.items()}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_query_count_does_not_grow_with_items(client, lang):
    before = counts(client, lang)
    assert before == BUDGET
    groups = list(TechnicalGroupPage.objects.all()[:5])
    projects = list(CooperationProjectPage.objects.all())
    countries = list(MemberCountry.objects.all())
    for number in range(30):
        add_item(
            number,
            kind="press-release",
            date=datetime.date(2015, 1, 1) + datetime.timedelta(days=number),
            groups=groups,
            projects=projects,
            countries=countries,
        )
    # The item page shown links to every group, project and country now.
    item = NewsItemPage.objects.get(slug_en=SLUGS["en"]["item"])
    item.groups, item.projects, item.countries = TechnicalGroupPage.objects.all(), projects, countries
    item.save_revision().publish()
    assert counts(client, lang) == before
