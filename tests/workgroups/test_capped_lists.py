"""A group's and a project's page show a fixed number of what is linked to them, and link to the
filtered listing of all of it: their queries and their length do not grow with the site."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import translation

from cooperation.models import CooperationProjectIndexPage, CooperationProjectPage
from documents.models import LegalDocument
from events.templatetags.event_tags import RELATED_SHOWN
from tests.events.helpers import add_event, listed
from tests.pages import text_of
from tests.query_counting import count_queries
from tests.test_query_counts import BUDGET, url_for
from workgroups.models import GroupDocument, TechnicalGroupPage

pytestmark = pytest.mark.django_db

SEE_ALL = re.compile(r'<p class="see-all"><a href="([^"]+)">([^<]+)</a></p>')


def grow_linked_content(group, project):
    """More projects, documents and events linked to `group` (and the events to `project`) than
    their pages show."""
    index = CooperationProjectIndexPage.objects.get()
    with translation.override("en"):
        for number in range(TechnicalGroupPage.projects_shown):
            index.add_child(
                instance=CooperationProjectPage(
                    title=f"Added project {number}",
                    slug=f"added-project-{number}",
                    summary="Summary",
                    objective="Objective",
                    status="in_progress",
                    group=group,
                    start_date=datetime.date(2000, 1, 1),
                )
            )
        source = LegalDocument.objects.filter(language="en").first()
        for number in range(TechnicalGroupPage.documents_shown):
            document = LegalDocument.objects.create(
                title=f"Added document {number}", file=source.file.name, kind=source.kind, year=2001
            )
            GroupDocument.objects.create(page=group, document=document)
        for number in range(RELATED_SHOWN):
            add_event(
                f"added-event-{number}",
                datetime.date(2001, 1, 1 + number),
                groups=[group],
                projects=[project],
            )


def see_all(html):
    """{the link's words: its URL} of the page's "See all" links."""
    return {
        re.sub(r"\s+", " ", words.strip()): url.replace("&amp;", "&") for url, words in SEE_ALL.findall(html)
    }


def section(html, heading_id):
    return html.split(f'id="{heading_id}"', 1)[1].split("</section>", 1)[0]


def test_long_lists_are_capped_with_a_link_to_the_filtered_listing_in_both_languages():
    group = TechnicalGroupPage.objects.get(slug_en="cooperation")
    project = CooperationProjectPage.objects.get(slug_en="sports-diplomacy")
    client = Client()
    cache.clear()
    before = {
        lang: {name: count_queries(client, url_for(name, lang)) for name in ("group", "project")}
        for lang in ("en", "es")
    }
    grow_linked_content(group, project)
    cache.clear()
    projects = group.projects.live().count()
    documents = group.documents.values("document").distinct().count()
    events = {"group": group.events.live().count(), "project": project.events.live().count()}
    for lang in ("en", "es"):
        after = {name: count_queries(client, url_for(name, lang)) for name in ("group", "project")}
        assert after == before[lang]
        assert after["group"] <= BUDGET["group"] and after["project"] <= BUDGET["project"]

        html = client.get(url_for("group", lang)).content.decode()
        links = see_all(html)
        words = {
            "en": (
                f"See all {projects} projects of this group",
                f"See all {documents} documents of this group",
            ),
            "es": (
                f"Ver los {projects} proyectos de este grupo",
                f"Ver los {documents} documentos de este grupo",
            ),
        }[lang]
        assert section(html, "projects-heading").count("<li>") == TechnicalGroupPage.projects_shown
        assert len(listed(section(html, "events-heading"), lang)) == RELATED_SHOWN
        listing = client.get(links[words[0]]).content.decode()
        with translation.override(lang):
            assert all(page.url in listing for page in group.projects.live())
            assert listing.count('<li class="card">') == projects
        library = text_of(client.get(links[words[1]]).content.decode())
        assert f"{documents} {'documents' if lang == 'en' else 'documentos'}" in library
        event_links = [url for words, url in links.items() if str(events["group"]) in words]
        assert len(listed(client.get(event_links[0]).content.decode(), lang)) == events["group"]

        html = client.get(url_for("project", lang)).content.decode()
        assert len(listed(section(html, "events-heading"), lang)) == RELATED_SHOWN
        (timeline,) = see_all(html).values()
        assert f"project={project.slug_es if lang == 'es' else project.slug_en}" in timeline
        assert len(listed(client.get(timeline).content.decode(), lang)) == events["project"]
