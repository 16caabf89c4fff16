"""What the open data should say of each group, project and observer state, read from the database."""

import csv
import io
import json

from django.utils import translation

from cooperation.models import CooperationProjectPage

LANGUAGES = ["en", "es"]
# The two ways to ask for a language: the prefix, or ?lang= on the address without one.
ADDRESSES = {
    "prefix": lambda name, language, fmt: (f"/{language}/api/v1/{name}.{fmt}", {}),
    "lang": lambda name, language, fmt: (f"/api/v1/{name}.{fmt}", {"lang": language}),
}
STATUS = {
    "en": {
        "in_progress": "In progress",
        "concluded": "Concluded",
        "in_preparation": "In preparation",
        "being_formulated": "Being formulated",
    },
    "es": {
        "in_progress": "En curso",
        "concluded": "Concluido",
        "in_preparation": "En preparación",
        "being_formulated": "En formulación",
    },
}
CONTINENT = {
    "en": {
        "Africa": "Africa",
        "Americas": "Americas",
        "Asia": "Asia",
        "Europe": "Europe",
        "Oceania": "Oceania",
    },
    "es": {
        "Africa": "África",
        "Americas": "América",
        "Asia": "Asia",
        "Europe": "Europa",
        "Oceania": "Oceanía",
    },
}


def get_json(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    return response, json.loads(response.content)


def get_csv(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8"))))
    return response, rows[0], [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def absolute(page, language):
    with translation.override(language):
        return "http://testserver" + page.get_url()


def expected_group(group, language):
    projects = CooperationProjectPage.objects.live().filter(group=group).order_by("pk")
    return {
        "id": group.pk,
        "slug": getattr(group, f"slug_{language}"),
        "title": getattr(group, f"title_{language}"),
        "acronym": getattr(group, f"acronym_{language}") or "",
        "summary": getattr(group, f"summary_{language}"),
        "url": absolute(group, language),
        "contact_email": group.contact_email,
        "projects": [project.pk for project in projects],
        "last_published_at": group.last_published_at.isoformat(timespec="seconds"),
    }


def expected_project(project, language):
    entities = project.entities.select_related("country").order_by("country__code", f"name_{language}")
    return {
        "id": project.pk,
        "slug": getattr(project, f"slug_{language}"),
        "title": getattr(project, f"title_{language}"),
        "summary": getattr(project, f"summary_{language}"),
        "objective": getattr(project, f"objective_{language}"),
        "url": absolute(project, language),
        "status": project.status,
        "status_label": STATUS[language][project.status],
        "group": {
            "id": project.group.pk,
            "title": getattr(project.group, f"title_{language}"),
            "url": absolute(project.group, language),
        },
        "countries": sorted({entity.country.code for entity in entities if entity.country}),
        "entities": [
            {
                "name": getattr(entity, f"name_{language}"),
                "acronym": entity.acronym,
                "country": entity.country.code if entity.country else None,
            }
            for entity in entities
        ],
        "last_published_at": project.last_published_at.isoformat(timespec="seconds"),
    }


def expected_observer(observer, language):
    return {
        "iso_code": observer.iso_code,
        "name": getattr(observer, f"name_{language}"),
        "continent": observer.continent,
        "year_admitted": observer.year_admitted,
        "sources": observer.sources.split("\n") if observer.sources else [],
    }
