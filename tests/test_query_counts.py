"""Each page type renders with a fixed number of queries, however much content it shows."""

import string

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from alliance_site.models import ContentPage, ContentPageDocument
from cooperation.models import CooperationProjectIndexPage, CooperationProjectPage, ResponsibleEntity
from observers.models import ObserverState
from workgroups.models import (
    Coordinator,
    GroupCoordinator,
    GroupDocument,
    LegalDocument,
    TechnicalGroupIndexPage,
    TechnicalGroupPage,
)

pytestmark = pytest.mark.django_db

# The queries each page type needs, warm; lower them when an optimisation lands.
BUDGET = {
    "home": 14,
    "group index": 10,
    "group": 17,
    "project index": 11,
    "project": 15,
    "observers": 12,
    "content page": 10,
    "search": 15 if connection.vendor == "postgresql" else 14,  # PostgreSQL: one more, for the excerpts
    "library": 14,
    "open data": 17,
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


def count_queries(client, url):
    client.get(url)  # warm: per-process caches (site root paths, content types) are filled
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


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
        coordinator = Coordinator.objects.create(name=f"Person {copy}", role="Coordinator")
        GroupCoordinator.objects.create(page=group, coordinator=coordinator)
    assert TechnicalGroupPage.objects.count() == factor * len(groups)
    assert ObserverState.objects.count() == factor * len(observers)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_query_count_does_not_grow_with_content(client, lang):
    before = {name: count_queries(client, url_for(name, lang)) for name in URLS}
    with translation.override("en"):
        multiply_content()
    after = {name: count_queries(client, url_for(name, lang)) for name in URLS}
    assert before == BUDGET
    assert after == before
