"""Technical group pages and their index, through HTTP, in both languages."""

import pytest
from django.utils import translation

from base.models import HomePage
from tests.pages import get_ok, parse, text_of
from workgroups.models import TechnicalGroupPage

pytestmark = pytest.mark.django_db

# Every group, committee and working group named by the site this project replaces.
SEED_GROUPS = {
    "smes": "SME",
    "public-procurement": "Procurement",
    "committee-of-experts": "Committee of Experts",
    "communication-strategy": "Communication Strategy",
    "cooperation": "Cooperation",
    "culture": "Culture",
    "education": "Education",
    "external-relations": "External Relations",
    "gender": "Gender",
    "innovation": "Innovation",
    "intellectual-property": "Intellectual Property",
    "institutional-affairs": "Institutional Affairs",
    "international-fiscal-transparency": "Fiscal Transparency",
    "promotion-entities": "Promotion",
    "regulatory-improvement": "Regulatory Improvement",
    "mining-development": "Mining",
    "mobility-of-people": "Mobility of People",
    "services-and-capital": "Services and Capital",
    "tourism": "Tourism",
    "trade-and-integration": "Trade and Integration",
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_seed_group_is_reachable_from_the_home_page(client, language):
    home = parse(get_ok(client, f"/{language}/"))
    with translation.override(language):
        index_url = TechnicalGroupPage.objects.first().get_parent().url
    assert index_url in home.links
    index = parse(get_ok(client, index_url))
    reached = set()
    for group in TechnicalGroupPage.objects.live():
        with translation.override(language):
            url = group.url
        assert url in index.links, url
        assert url.startswith(f"/{language}/")
        get_ok(client, url)
        reached.add(group.slug_en)
    assert reached == set(SEED_GROUPS)


def test_group_titles_match_the_seed():
    titles = dict(TechnicalGroupPage.objects.values_list("slug_en", "title_en"))
    for slug, words in SEED_GROUPS.items():
        assert words.lower() in titles[slug].lower(), (slug, titles[slug])


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "/en/technical-groups/cooperation/",
            ["Cooperation Technical Group", "CTG", "4 December 2011", "Objectives", "Framework Agreement"],
        ),
        (
            "/es/grupos-tecnicos/cooperacion/",
            ["Grupo Técnico de Cooperación", "GTC", "4 de diciembre de 2011", "Objetivos", "Acuerdo Marco"],
        ),
        ("/en/technical-groups/culture/", ["Natalia Ávila", "Ministry of Culture", "Colombia"]),
        ("/es/grupos-tecnicos/cultura/", ["Natalia Ávila", "Ministerio de Cultura", "Colombia"]),
        ("/en/technical-groups/promotion-entities/", ["Nasly López", "ProColombia"]),
    ],
)
def test_group_page_shows_its_facts(client, url, expected):
    text = text_of(get_ok(client, url))
    for words in expected:
        assert words in text, words


def test_group_page_lists_its_projects_and_related_groups(client):
    html = get_ok(client, "/en/technical-groups/cooperation/")
    links = parse(html).links
    assert "/en/cooperation-projects/sports-diplomacy/" in links
    assert "/en/technical-groups/external-relations/" in links


def test_work_plan_status_is_shown_in_each_language(client):
    english = text_of(get_ok(client, "/en/technical-groups/cooperation/"))
    spanish = text_of(get_ok(client, "/es/grupos-tecnicos/cooperacion/"))
    assert "In progress" in english
    assert "En curso" in spanish


def test_group_documents_download_as_pdf_in_the_readers_language(client):
    html = get_ok(client, "/es/grupos-tecnicos/cooperacion/")
    document_links = [link for link in parse(html).links if link.startswith("/documents/")]
    assert len(document_links) == 4
    for link in document_links:
        assert link.endswith("-es.pdf"), link
        response = client.get(link)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_unpublished_group_disappears_from_the_index(client):
    group = TechnicalGroupPage.objects.get(slug_en="gender")
    group.unpublish()
    assert "/en/technical-groups/gender/" not in parse(get_ok(client, "/en/technical-groups/")).links
    assert client.get("/en/technical-groups/gender/").status_code == 404


def test_home_page_is_the_site_root():
    assert HomePage.objects.count() == 1
    assert TechnicalGroupPage.objects.live().count() == len(SEED_GROUPS)


def test_listings_leave_out_pages_the_visitor_may_not_open(client, committed):
    from wagtail.models import PageViewRestriction

    from cooperation.models import CooperationProjectPage

    group = TechnicalGroupPage.objects.get(slug_en="tourism")
    project = CooperationProjectPage.objects.live().first()
    assert f'href="{group.get_url()}"' in client.get("/en/technical-groups/").content.decode()
    with committed():
        PageViewRestriction.objects.create(page=group, restriction_type="login")
        PageViewRestriction.objects.create(page=project, restriction_type="password", password="secret-word")
    for language, groups_url, projects_url in (
        ("en", "/en/technical-groups/", "/en/cooperation-projects/"),
        ("es", "/es/grupos-tecnicos/", "/es/proyectos-de-cooperacion/"),
    ):
        with translation.override(language):
            group_url, project_url = group.get_url(), project.get_url()
        assert f'href="{group_url}"' not in client.get(groups_url).content.decode()
        assert f'href="{project_url}"' not in client.get(projects_url).content.decode()
