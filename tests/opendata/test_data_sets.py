"""JSON and CSV of the groups, projects and observer states, checked field by field against the database."""

import csv
import io
import json

import pytest

from cooperation.models import CooperationProjectPage
from observers.models import ObserverState
from opendata.resources import RESOURCES
from tests.opendata.expected import (
    ADDRESSES,
    CONTINENT,
    LANGUAGES,
    expected_group,
    expected_observer,
    expected_project,
    get_csv,
    get_json,
)
from workgroups.models import TechnicalGroupPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("address", ADDRESSES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_groups_json_matches_the_database_field_by_field(client, language, address):
    url, params = ADDRESSES[address]("groups", language, "json")
    response, body = get_json(client, url, **params)
    groups = TechnicalGroupPage.objects.live().order_by("pk")
    assert response["Content-Language"] == language
    assert {
        key: body[key] for key in ("version", "data_set", "language", "count", "page", "pages", "page_size")
    } == {
        "version": 1,
        "data_set": "groups",
        "language": language,
        "count": groups.count(),
        "page": 1,
        "pages": 1,
        "page_size": 100,
    }
    assert body["next"] is None and body["previous"] is None
    assert body["results"] == [expected_group(group, language) for group in groups]
    assert list(body["results"][0]) == list(RESOURCES["groups"].columns)
    cooperation = next(
        record for record in body["results"] if record["slug"] in ("cooperation", "cooperacion")
    )
    assert len(cooperation["projects"]) == 7


@pytest.mark.parametrize("address", ADDRESSES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_projects_json_matches_the_database_field_by_field(client, language, address):
    url, params = ADDRESSES[address]("projects", language, "json")
    _response, body = get_json(client, url, **params)
    projects = CooperationProjectPage.objects.live().order_by("pk")
    assert body["count"] == len(body["results"]) == 7
    for record, project in zip(body["results"], projects, strict=True):
        expected = expected_project(project, language)
        for field, value in expected.items():
            assert record[field] == value, (project.slug_en, field)
        assert set(record) == set(expected) | {"start", "planned_end"}


def test_project_dates_keep_the_precision_of_the_records(client):
    _response, body = get_json(client, "/en/api/v1/projects.json")
    by_slug = {record["slug"]: record for record in body["results"]}
    climate = CooperationProjectPage.objects.get(slug_en="climate-change-research-network")
    assert (climate.start_date.isoformat(), climate.start_precision) == ("2015-05-01", "month")
    assert by_slug["climate-change-research-network"]["start"] == "2015-05"
    assert by_slug["climate-change-research-network"]["planned_end"] == "2017"
    for project in CooperationProjectPage.objects.live():
        record = by_slug[project.slug_en]
        if project.start_date is None:
            assert record["start"] is None
        else:
            assert project.start_date.isoformat().startswith(record["start"])
            assert len(record["start"]) == {"year": 4, "month": 7, "day": 10}[project.start_precision]


def test_a_project_without_named_entities_has_empty_lists(client):
    _response, body = get_json(client, "/es/api/v1/projects.json")
    sme = next(
        record
        for record in body["results"]
        if record["id"] == CooperationProjectPage.objects.get(slug_en="sme-experience-exchange").pk
    )
    assert sme["entities"] == [] and sme["countries"] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_observers_json_matches_the_database_field_by_field(client, language):
    _response, body = get_json(client, f"/{language}/api/v1/observers.json")
    observers = ObserverState.objects.order_by("iso_code")
    assert body["count"] == observers.count() == 64
    for record, observer in zip(body["results"], observers, strict=True):
        for field, value in expected_observer(observer, language).items():
            assert record[field] == value, (observer.iso_code, field)
        assert record["continent_label"] == CONTINENT[language][observer.continent]
        assert list(record) == list(RESOURCES["observers"].columns)
    japan = next(record for record in body["results"] if record["iso_code"] == "JP")
    assert japan["name"] == {"en": "Japan", "es": "Japón"}[language]
    assert japan["year_admitted"] == 2013
    assert japan["sources"][0].startswith("https://")


@pytest.mark.parametrize("address", ADDRESSES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_groups_csv_matches_the_database_field_by_field(client, language, address):
    url, params = ADDRESSES[address]("groups", language, "csv")
    response, header, rows = get_csv(client, url, **params)
    assert header == list(RESOURCES["groups"].columns)
    assert response["Content-Disposition"] == f'attachment; filename="groups-{language}.csv"'
    groups = list(TechnicalGroupPage.objects.live().order_by("pk"))
    assert len(rows) == len(groups)
    for row, group in zip(rows, groups, strict=True):
        expected = expected_group(group, language)
        expected["id"] = str(expected["id"])
        expected["projects"] = "; ".join(str(pk) for pk in expected["projects"])
        assert row == expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_projects_csv_matches_the_database_field_by_field(client, language):
    _response, header, rows = get_csv(client, f"/{language}/api/v1/projects.csv")
    assert header == list(RESOURCES["projects"].columns)
    projects = list(CooperationProjectPage.objects.live().order_by("pk"))
    for row, project in zip(rows, projects, strict=True):
        expected = expected_project(project, language)
        group = expected.pop("group")
        entities = expected.pop("entities")
        assert row["id"] == str(expected.pop("id"))
        assert row["countries"] == "; ".join(expected.pop("countries"))
        assert row["group_id"] == str(group["id"]) and row["group_title"] == group["title"]
        assert row["entities"] == "; ".join(
            f"{entity['name']} ({entity['acronym']})" if entity["acronym"] else entity["name"]
            for entity in entities
        )
        for field, value in expected.items():
            assert row[field] == value, (project.slug_en, field)


@pytest.mark.parametrize("language", LANGUAGES)
def test_observers_csv_matches_the_database_field_by_field(client, language):
    _response, header, rows = get_csv(client, "/api/v1/observers.csv", lang=language)
    assert header == list(RESOURCES["observers"].columns)
    for row, observer in zip(rows, ObserverState.objects.order_by("iso_code"), strict=True):
        expected = expected_observer(observer, language)
        assert row["iso_code"] == expected["iso_code"]
        assert row["name"] == expected["name"]
        assert row["continent"] == expected["continent"]
        assert row["continent_label"] == CONTINENT[language][observer.continent]
        assert row["year_admitted"] == ("" if observer.year_admitted is None else str(observer.year_admitted))
        assert row["sources"] == " ".join(expected["sources"])


def test_without_prefix_or_lang_the_data_are_in_english(client):
    _response, body = get_json(client, "/api/v1/observers.json", HTTP_ACCEPT_LANGUAGE="es")
    assert body["language"] == "en"
    assert next(r for r in body["results"] if r["iso_code"] == "JP")["name"] == "Japan"


def test_lang_wins_over_the_prefix(client):
    _response, body = get_json(client, "/en/api/v1/observers.json", lang="es")
    assert body["language"] == "es"


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_large_responses_are_paginated_with_links(client, fmt):
    names = []
    url = f"/es/api/v1/observers.{fmt}?page_size=25"
    pages = 0
    while url:
        response = client.get(url)
        assert response.status_code == 200
        pages += 1
        if fmt == "json":
            body = json.loads(response.content)
            assert body["pages"] == 3 and body["page"] == pages and body["count"] == 64
            names += [record["name"] for record in body["results"]]
            url = body["next"]
        else:
            rows = list(csv.DictReader(io.StringIO(response.content.decode())))
            names += [row["name"] for row in rows]
            assert response["X-Total-Count"] == "64"
            assert response["Content-Disposition"] == f'attachment; filename="observers-es-{pages}.csv"'
            url = None
        link = response.get("Link", "")
        if pages > 1:
            assert 'rel="previous"' in link
        if 'rel="next"' in link:
            next_url = link.split(">", 1)[0].lstrip("<")
            assert next_url.startswith("http://testserver/es/api/v1/observers.")
            assert f"page={pages + 1}" in next_url and "page_size=25" in next_url
            url = url or next_url
    assert pages == 3
    assert names == [observer.name_es for observer in ObserverState.objects.order_by("iso_code")]


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/en/api/v1/observers.json?page=4", 404),
        ("/en/api/v1/observers.json?page=0", 404),
        ("/en/api/v1/observers.json?page=-1", 404),
        ("/en/api/v1/observers.json?page=abc", 404),
        ("/en/api/v1/observers.csv?page=99999999999999999999", 404),
        ("/en/api/v1/observers.json?page_size=0", 400),
        ("/en/api/v1/observers.json?page_size=501", 400),
        ("/en/api/v1/observers.json?page_size=abc", 400),
        ("/en/api/v1/observers.json?page_size=-5", 400),
        ("/en/api/v1/observers.json?page_size=%C2%B2", 400),
        ("/en/api/v1/observers.json?page_size=" + "9" * 5000, 400),
        ("/en/api/v1/observers.json?page=" + "9" * 5000, 404),
        ("/api/v1/observers.json?lang=fr", 400),
        ("/api/v1/observers.csv?lang=", 400),
        ("/en/api/v1/coordinators.json", 404),
        ("/en/api/v1/observers.xml", 404),
    ],
)
def test_bad_parameters_get_a_json_error_not_a_crash(client, url, status):
    response = client.get(url)
    assert response.status_code == status
    if url.endswith((".json", ".csv")) or "?" in url:
        assert "error" in json.loads(response.content)


def test_the_data_are_read_only(client):
    assert client.post("/en/api/v1/groups.json").status_code == 405
    assert client.head("/en/api/v1/groups.json").status_code == 200


def test_unpublished_pages_are_not_in_the_data(client):
    tourism = TechnicalGroupPage.objects.get(slug_en="tourism")
    tourism.unpublish()
    _response, body = get_json(client, "/en/api/v1/groups.json")
    assert tourism.pk not in [record["id"] for record in body["results"]]
    assert body["count"] == TechnicalGroupPage.objects.live().count()
