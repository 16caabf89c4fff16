"""The listing and an item page cost the same number of queries however many items there are."""

import datetime

import pytest

from base.models import MemberCountry
from cooperation.models import CooperationProjectPage
from news.models import NewsItemPage
from tests.query_counting import counts_before_and_after
from workgroups.models import TechnicalGroupPage

from .helpers import add_item

pytestmark = [pytest.mark.django_db, pytest.mark.engine]

URLS = {
    "listing": "/{lang}/{index}/",
    "filtered": "/{lang}/{index}/?kind=press-release&country=CL&year=2015",
    "second page": "/{lang}/{index}/?page=2",
    "item": "/{lang}/{index}/{item}/",
}
# The site, the filter choices (groups, countries, years), the count, one page of items with their
# groups and countries; an item page: the site (the page is kept with its route, its content as HTML).
BUDGET = {
    "listing": 8,
    "filtered": 8,
    "second page": 8,
    "item": 1,
}
SLUGS = {
    "en": {"index": "news", "item": "memorandum-on-the-cooperation-platform-signed"},
    "es": {"index": "noticias", "item": "firma-del-memorando-sobre-la-plataforma-de-cooperacion"},
}


def add_thirty_items():
    """Thirty more press releases, and the item page shown linked to every group, project and country."""
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
    item = NewsItemPage.objects.get(slug_en=SLUGS["en"]["item"])
    item.groups, item.projects, item.countries = TechnicalGroupPage.objects.all(), projects, countries
    item.save_revision().publish()


@pytest.fixture(scope="module")
def counts_with_thirty_more_items(django_db_setup, django_db_blocker):
    urls = {
        lang: {name: url.format(lang=lang, **SLUGS[lang]) for name, url in URLS.items()} for lang in SLUGS
    }
    with django_db_blocker.unblock():
        return counts_before_and_after(add_thirty_items, urls)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_query_count_does_not_grow_with_items(counts_with_thirty_more_items, lang):
    before, after = counts_with_thirty_more_items[lang]
    assert before == BUDGET
    assert after == before
