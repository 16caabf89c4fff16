"""Each page type renders with a fixed number of queries, however much content it shows."""

import string

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from base.models import ContentPage, ContentPageDocument
from cooperation.models import CooperationProjectIndexPage, CooperationProjectPage, ResponsibleEntity
from documents.models import LegalDocument
from observers.models import ObserverState
from tests.query_counting import counts_before_and_after
from workgroups.models import (
    Coordinator,
    GroupCoordinator,
    GroupDocument,
    TechnicalGroupIndexPage,
    TechnicalGroupPage,
)

pytestmark = [pytest.mark.django_db, pytest.mark.engine]

# The queries each page type needs once the process is warm (at most 10 each), one of them for
# the request's site (Wagtail's Site.find_for_request, once per request).
BUDGET = {
    "home": 2,
    "group index": 2,
    # At most 6 (issue 31): Wagtail's site lookup; the page is kept with its route (base/routing.py)
    # and its content as HTML (page_sections.kept_section).
    "group": 1,
    "project index": 3,
    "project": 1,  # the site: the page is kept with its route, its content as HTML
    "observers": 5,  # one for the member countries, which the map marks
    "content page": 2,
    "search": 4,  # counts per kind, one page of rows with their excerpts, then pages and documents
    "library": 6,
    "open data": 1,  # the example records are kept until the content changes
}
URLS = {
    "home": "/{lang}/",
    "group index": "/{lang}/technical-groups/",
    "group": "/{lang}/technical-groups/cooperation/",
    "project index": "/{lang}/cooperation-projects/?status=in_progress&country=CL",
    "project": "/{lang}/cooperation-projects/sports-diplomacy/",
    "observers": "/{lang}/observer-states/",
    "content page": "/{lang}/legal-documents/",
    "search": "/{lang}/search/?q=scholarships",
    "library": "/{lang}/document-library/?kind=guide&language=en",
    "open data": "/{lang}/open-data/",
}
SPANISH = {
    "/es/technical-groups/": "/es/grupos-tecnicos/",
    "/es/cooperation-projects/": "/es/proyectos-de-cooperacion/",
    "/es/observer-states/": "/es/estados-observadores/",
    "/es/legal-documents/": "/es/documentos-juridicos/",
    "cooperation/": "cooperacion/",
    "sports-diplomacy/": "diplomacia-deportiva/",
    "/es/search/?q=scholarships": "/es/buscar/?q=becas",
    "/es/document-library/": "/es/biblioteca-de-documentos/",
    "/es/open-data/": "/es/datos-abiertos/",
}


def url_for(name, lang):
    url = URLS[name].format(lang=lang)
    for english, spanish in SPANISH.items():
        if lang == "es":
            url = url.replace(english, spanish)
    return url


def spare_codes(taken):
    """Two-letter codes not used by a real observer state."""
    letters = string.ascii_uppercase
    return (a + b for a in letters for b in letters if a + b not in taken)


def multiply_content(factor=10):
    """Add (factor - 1) copies of each kind of real content, so that listings show ten times as much."""
    group_index = TechnicalGroupIndexPage.objects.get()
    group = TechnicalGroupPage.objects.get(slug_en="cooperation")
    project_index = CooperationProjectIndexPage.objects.get()
    legal = ContentPage.objects.get(slug_en="legal-documents")
    groups = list(TechnicalGroupPage.objects.all())
    entities = list(ResponsibleEntity.objects.all())
    observers = list(ObserverState.objects.all())
    documents = list(LegalDocument.objects.filter(language="en"))
    codes = spare_codes({observer.iso_code for observer in observers})
    for copy in range(1, factor):
        for source in groups:
            group_index.add_child(
                instance=TechnicalGroupPage(
                    title=f"{source.title_en} {copy}",
                    slug=f"{source.slug_en}-{copy}",
                    summary=source.summary_en,
                    introduction=source.introduction_en,
                )
            )
        for number in range(7):
            project = CooperationProjectPage(
                title=f"Project {copy}-{number}",
                slug=f"project-{copy}-{number}",
                summary="Summary",
                objective="Objective",
                status="in_progress",
                group=group,
                entities=entities,
            )
            project_index.add_child(instance=project)
        ObserverState.objects.bulk_create(
            ObserverState(
                iso_code=next(codes),
                name_en=f"{observer.name_en} {copy}",
                name_es=f"{observer.name_es} {copy}",
                continent=observer.continent,
            )
            for observer in observers
        )
        copy_documents(documents, copy, group, legal)
        coordinator = Coordinator.objects.create(name=f"Person {copy}", role="Coordinator")
        GroupCoordinator.objects.create(page=group, coordinator=coordinator)
    assert TechnicalGroupPage.objects.count() == factor * len(groups)
    assert ObserverState.objects.count() == factor * len(observers)


def copy_documents(documents, copy, group, legal):
    """Link each document once more to the group and the legal page, and add a copy of it."""
    for document in documents:
        GroupDocument.objects.create(page=group, document=document)
        ContentPageDocument.objects.create(page=legal, document=document)
        LegalDocument.objects.create(
            title=f"{document.title_en} {copy}",
            file=document.file.name,
            file_size=document.file_size,
            kind=document.kind,
            year=document.year,
        )


@pytest.fixture(scope="module")
def counts_with_ten_times_the_content(django_db_setup, django_db_blocker):
    urls = {lang: {name: url_for(name, lang) for name in URLS} for lang in ("en", "es")}
    with django_db_blocker.unblock():
        return counts_before_and_after(multiply_content, urls)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_query_count_does_not_grow_with_content(counts_with_ten_times_the_content, lang):
    before, after = counts_with_ten_times_the_content[lang]
    assert before == BUDGET
    assert after == before


def child_path(parent, number):
    """The materialised path of the `number`-th child of `parent` (treebeard: base 36, steplen digits)."""
    digits = ""
    while number:
        number, digit = divmod(number, len(Page.alphabet))
        digits = Page.alphabet[digit] + digits
    return parent.path + digits.rjust(Page.steplen, Page.alphabet[0])


def add_siblings(parent, count):
    """`count` plain pages under `parent`, inserted in bulk (add_child one by one would take minutes)."""
    content_type = ContentType.objects.get_for_model(Page)
    start = parent.numchild
    pages = []
    for number in range(start + 1, start + count + 1):
        slug = f"sibling-{number}"
        pages.append(
            Page(
                path=child_path(parent, number),
                depth=parent.depth + 1,
                numchild=0,
                title=slug,
                title_en=slug,
                slug=slug,
                slug_en=slug,
                slug_es=slug,
                url_path=f"{parent.url_path}{slug}/",
                url_path_en=f"{parent.url_path_en}{slug}/",
                url_path_es=f"{parent.url_path_es}{slug}/",
                content_type=content_type,
                live=True,
                locale_id=parent.locale_id,
            )
        )
    Page.objects.bulk_create(pages)
    Page.objects.filter(pk=parent.pk).update(numchild=start + count)


def cold_route_queries(client, url):
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_routing_cost_does_not_grow_with_siblings(client, lang):
    group_url = url_for("group", lang)
    before = cold_route_queries(client, group_url)
    index = TechnicalGroupIndexPage.objects.get()
    add_siblings(index, 1000)
    assert index.get_children().count() >= 1000
    assert cold_route_queries(client, group_url) == before
    assert (
        client.get(
            f"/{lang}/{'technical-groups' if lang == 'en' else 'grupos-tecnicos'}/sibling-999/"
        ).status_code
        == 200
    )
