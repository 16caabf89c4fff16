"""A page's content kept as HTML (page_sections.kept_section) is rebuilt once anything it shows is
published, also what an inner fragment read (a group's projects and coordinators, a project's
events), and is kept otherwise."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from cooperation.models import CooperationProjectPage
from events.models import EventPage
from tests.test_query_counts import url_for
from workgroups.models import Coordinator, GroupCoordinator, TechnicalGroupPage

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "es")


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def page_html(client, name, language):
    response = client.get(url_for(name, language))
    assert response.status_code == 200
    return response.content.decode()


def publish(capture, page, **fields):
    with capture(execute=True):
        for field, value in fields.items():
            setattr(page, field, value)
        page.save_revision().publish()


@pytest.mark.parametrize(
    ("name", "model", "slug"),
    [
        ("group", CooperationProjectPage, "sports-diplomacy"),  # a project the group's page lists
        ("project", EventPage, None),  # an event the project's page lists
    ],
)
def test_an_item_shown_in_a_kept_section_shows_its_change_once_published(
    client, django_capture_on_commit_callbacks, name, model, slug
):
    item = (
        model.objects.get(slug_en=slug)
        if slug
        else model.objects.filter(projects__slug_en="sports-diplomacy")[0]
    )
    for language in LANGUAGES:
        assert getattr(item, f"title_{language}") in page_html(client, name, language)
    publish(
        django_capture_on_commit_callbacks,
        item,
        title_en="Renamed in English",
        title_es="Renombrado en español",
    )
    assert "Renamed in English" in page_html(client, name, "en")
    assert "Renombrado en español" in page_html(client, name, "es")


def test_a_snippet_inside_the_group_details_shows_its_change_in_both_languages(
    client, django_capture_on_commit_callbacks
):
    group = TechnicalGroupPage.objects.get(slug_en="cooperation")
    coordinator = Coordinator.objects.create(name="Ana Pérez", role_en="Coordinator", role_es="Coordinadora")
    GroupCoordinator.objects.create(page=group, coordinator=coordinator)
    for language in LANGUAGES:
        assert coordinator.name in page_html(client, "group", language)
    with django_capture_on_commit_callbacks(execute=True):
        coordinator.role_en, coordinator.role_es = "Chair of the group", "Presidencia del grupo"
        coordinator.save()  # a coordinator has no drafts: saving publishes it
    assert "Chair of the group" in page_html(client, "group", "en")
    assert "Presidencia del grupo" in page_html(client, "group", "es")


def test_a_kept_section_costs_no_query_of_its_own_and_another_groups_change_keeps_it(
    client, django_capture_on_commit_callbacks
):
    for language in LANGUAGES:
        page_html(client, "group", language)
    publish(
        django_capture_on_commit_callbacks,
        TechnicalGroupPage.objects.get(slug_en="tourism"),
        title_en="Tourism",
    )
    for language in LANGUAGES:
        page_html(client, "group", language)  # the route and the menus were rebuilt after the change
        with CaptureQueriesContext(connection) as queries, translation.override(language):
            page_html(client, "group", language)
        assert len(queries) <= 2, [query["sql"] for query in queries]
