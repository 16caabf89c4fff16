"""A country page and the contact page cost a fixed number of queries, however much data names them."""

import pytest
from django.utils import translation

from base.models import MemberCountry
from cooperation.models import CooperationProjectPage, ResponsibleEntity
from tests.query_counting import count_queries
from workgroups.models import Coordinator, GroupCoordinator, TechnicalGroupPage

pytestmark = [pytest.mark.django_db, pytest.mark.engine]

# The site, the page, its projects with their entities (two), its coordinators, its coordinations,
# the other members' names, its news, the events held there.
BUDGET = {"country": 7, "contact": 1}  # its linked news and events are fragments


def country_url(language):
    with translation.override(language):
        return MemberCountry.objects.get(code="CL").page.get_url()


def add_data_about_chile(copies=10):
    chile = MemberCountry.objects.get(code="CL")
    group = TechnicalGroupPage.objects.live().first()
    for copy in range(copies):
        entity = ResponsibleEntity.objects.create(name=f"Agency {copy}", country=chile)
        for project in CooperationProjectPage.objects.live():
            project.entities.add(entity)
        person = Coordinator.objects.create(name=f"Person {copy}", role="Coordinator", country=chile)
        GroupCoordinator.objects.create(page=group, coordinator=person)


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_country_page_costs_the_same_however_much_names_the_country(client, language):
    urls = {
        "country": country_url(language),
        "contact": {"en": "/en/contact/", "es": "/es/contacto/"}[language],
    }
    before = {name: count_queries(client, url) for name, url in urls.items()}
    add_data_about_chile()
    after = {name: count_queries(client, url) for name, url in urls.items()}
    assert before == BUDGET
    assert after == before
