"""The timeline, an event page, the calendar and the pages that list events cost a fixed number of
queries, however many events there are."""

import datetime

import pytest

from cooperation.models import CooperationProjectPage
from events.models import EventIndexPage, EventPage
from tests.query_counting import counts_before_and_after
from tests.test_query_counts import BUDGET as SITE_BUDGET
from workgroups.models import TechnicalGroupPage

pytestmark = [pytest.mark.django_db, pytest.mark.engine]

# One query of each is for the request's site.
BUDGET = {
    "timeline": 4,  # restrictions are remembered; the countries, the events, their groups
    "filtered timeline": 4,
    "event": 3,  # the site, its groups, its projects (the page is kept with its route)
    "calendar": 2,
    "group": SITE_BUDGET["group"],  # its events are a fragment
    "project": SITE_BUDGET["project"],  # its events are a fragment
    "country": 7,  # a member country's page
}
URLS = {
    "en": {
        "timeline": "/en/events/",
        "filtered timeline": "/en/events/?kind=sports_meeting&country=CO",
        "event": "/en/events/viii-summit-cartagena/",
        "calendar": "/en/feeds/events.ics",
        "group": "/en/technical-groups/cooperation/",
        "project": "/en/cooperation-projects/sports-diplomacy/",
        "country": "/en/member-countries/colombia/",
    },
    "es": {
        "timeline": "/es/eventos/",
        "filtered timeline": "/es/eventos/?kind=sports_meeting&country=CO",
        "event": "/es/eventos/viii-cumbre-cartagena/",
        "calendar": "/es/feeds/events.ics",
        "group": "/es/grupos-tecnicos/cooperacion/",
        "project": "/es/proyectos-de-cooperacion/diplomacia-deportiva/",
        "country": "/es/paises-miembros/colombia/",
    },
}


def multiply_events(factor=10):
    """(factor - 1) more copies of every event, each linked to the same groups and projects."""
    index = EventIndexPage.objects.get()
    sources = list(EventPage.objects.prefetch_related("groups", "projects"))
    group = TechnicalGroupPage.objects.get(slug_en="cooperation")
    project = CooperationProjectPage.objects.get(slug_en="sports-diplomacy")
    for copy in range(1, factor):
        for source in sources:
            event = EventPage(
                title=f"{source.title_en} {copy}",
                slug=f"{source.slug_en}-{copy}",
                start_date=source.start_date + datetime.timedelta(days=copy),
                kind="sports_meeting" if copy % 2 else source.kind,
                country=source.country or "CO",
                city="Cali",
                summary=source.summary_en,
                groups=[*source.groups.all(), group],
                projects=[*source.projects.all(), project],
            )
            index.add_child(instance=event)
    assert EventPage.objects.count() == factor * len(sources)


@pytest.fixture(scope="module")
def counts_with_ten_times_the_events(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return counts_before_and_after(multiply_events, URLS)


@pytest.mark.parametrize("language", ["en", "es"])
def test_query_count_does_not_grow_with_events(counts_with_ten_times_the_events, language):
    before, after = counts_with_ten_times_the_events[language]
    assert before == BUDGET
    assert after == before
