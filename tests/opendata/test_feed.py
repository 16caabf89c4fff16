"""The Atom feed of the latest changes to cooperation projects, in each language."""

import xml.etree.ElementTree as ET

import pytest
from django.utils import translation

from cooperation.models import CooperationProjectPage

pytestmark = pytest.mark.django_db

ATOM = {"a": "http://www.w3.org/2005/Atom"}
FEEDS = {"en": "/en/api/v1/projects.atom", "es": "/es/api/v1/projects.atom"}


def entries(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = ET.fromstring(response.content)  # noqa: S314 - the site's own XML
    return (
        response,
        feed,
        [
            {
                "title": entry.find("a:title", ATOM).text,
                "link": entry.find("a:link", ATOM).get("href"),
                "id": entry.find("a:id", ATOM).text,
                "updated": entry.find("a:updated", ATOM).text,
                "summary": entry.find("a:summary", ATOM).text,
            }
            for entry in feed.findall("a:entry", ATOM)
        ],
    )


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_feed_lists_every_project_newest_change_first_in_the_language(client, language):
    response, feed, items = entries(client, FEEDS[language])
    projects = list(CooperationProjectPage.objects.live().order_by("-last_published_at", "pk"))
    assert response["Content-Language"] == language
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == language
    assert [item["title"] for item in items] == [getattr(p, f"title_{language}") for p in projects]
    for item, project in zip(items, projects, strict=True):
        with translation.override(language):
            url = "http://testserver" + project.get_url()
        assert item["link"] == item["id"] == url
        assert item["summary"].endswith(getattr(project, f"summary_{language}"))
        assert item["updated"].startswith(project.last_published_at.isoformat()[:19])
    title = {
        "en": "Pacific Alliance: cooperation projects",
        "es": "Alianza del Pacífico: proyectos de cooperación",
    }
    assert feed.find("a:title", ATOM).text == title[language]
    assert feed.find("a:author/a:name", ATOM).text


def test_a_changed_project_moves_to_the_top(client, committed):
    _response, _feed, before = entries(client, FEEDS["es"])
    oldest = CooperationProjectPage.objects.live().order_by("last_published_at").first()
    assert before[0]["title"] != oldest.title_es
    oldest.summary_es = "Resumen actualizado del proyecto."
    with committed():
        oldest.save_revision().publish()
    _response, _feed, after = entries(client, FEEDS["es"])
    assert after[0]["title"] == oldest.title_es
    assert after[0]["summary"].endswith("Resumen actualizado del proyecto.")
    assert len(after) == len(before)


def test_unpublished_projects_leave_the_feed(client):
    project = CooperationProjectPage.objects.get(slug_en="sports-diplomacy")
    project.unpublish()
    _response, _feed, items = entries(client, FEEDS["en"])
    assert project.title_en not in [item["title"] for item in items]


def test_every_page_announces_the_feed_in_its_language(client):
    html = client.get("/es/").content.decode()
    assert '<link rel="alternate" type="application/atom+xml" href="/es/api/v1/projects.atom"' in html
    assert client.get("/api/v1/projects.atom?lang=xx").status_code == 400
