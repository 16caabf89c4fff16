"""The document library: every document once, each filter, its URL state, files, sizes and downloads."""

import html as html_module
import re

import pytest
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from wagtail.models import Collection, CollectionViewRestriction

from base.language import sort_key
from documents.listing import public_documents
from documents.models import LegalDocument
from tests.pages import get_ok
from workgroups.models import GroupDocument, TechnicalGroupPage

pytestmark = [pytest.mark.django_db, pytest.mark.engine]

LIBRARY = {"en": "/en/document-library/", "es": "/es/biblioteca-de-documentos/"}
ENTRY = re.compile(
    r'<li class="library__item">\s*<h2><a href="(?P<url>[^"]+)"(?: hreflang="(?P<lang>\w+)")?[^>]*>(?P<title>.*?)</a></h2>(?P<body>.*?)</li>\s*(?=<li class="library__item">|</ul>)',
    re.S,
)


def listed(client, site_language, **filters):
    """[(title, file URL)] of the documents the library shows for these filters, in order."""
    html = get_ok(client, LIBRARY[site_language], data=filters)
    return [(html_module.unescape(m["title"]), m["url"]) for m in ENTRY.finditer(html)]


def originals():
    """The documents of the seed, one per document (the English file, which links its Spanish version)."""
    return list(LegalDocument.objects.filter(language="en"))


def titles_of(documents, language):
    return sorted((getattr(document, f"title_{language}") for document in documents), key=sort_key)


def add_document(title, language="en", **fields):
    document = LegalDocument(
        title=title, title_en=title, title_es=fields.pop("title_es", title), language=language, **fields
    )
    document.file = ContentFile(b"%PDF-1.4 test", name=f"{sort_key(title).replace(' ', '-')}.pdf")
    document.save()
    document.get_file_size(), document.get_file_hash()  # kept as Wagtail's upload form keeps them
    return document


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_document_is_listed_once_alphabetically_in_the_language(client, language):
    documents = originals()
    assert len(documents) == 14
    shown = listed(client, language)
    assert [title for title, _url in shown] == titles_of(documents, language)
    for document in documents:
        with translation.override(language):
            expected_url = document.official_url or document.in_language().url
        assert (getattr(document, f"title_{language}"), expected_url) in shown
    sheets = [url for _title, url in shown if not url.startswith("http")]
    assert len(sheets) == 13
    assert all(url.endswith(f"-{language}.pdf") for url in sheets)


def test_each_entry_shows_type_year_groups_and_both_files_with_format_and_size(client):
    framework = LegalDocument.objects.get(
        title_en="Framework Agreement of the Pacific Alliance", language="en"
    )
    html = get_ok(client, LIBRARY["es"])
    entry = next(m for m in ENTRY.finditer(html) if html_module.unescape(m["title"]) == framework.title_es)
    body = entry["body"]
    assert "<dt>Tipo</dt><dd>Acuerdo</dd>" in body
    assert "<dt>Año</dt><dd>2012</dd>" in body
    for document in (framework, framework.spanish_version):
        assert f'<a href="{document.url}" hreflang="{document.language}" type="application/pdf">' in body
        with translation.override("es"):
            size = filesizeformat(document.file_size)
        assert f"(PDF, {size})" in html_module.unescape(body)
    for link in GroupDocument.objects.filter(document=framework).select_related("page"):
        assert link.page.title_es in html_module.unescape(body)


@pytest.mark.parametrize("language", ["en", "es"])
def test_filter_by_group(client, language):
    group = TechnicalGroupPage.objects.get(slug_en="intellectual-property")
    linked = LegalDocument.objects.filter(pk__in=GroupDocument.objects.filter(page=group).values("document"))
    assert linked.count() >= 2
    slug = getattr(group, f"slug_{language}")
    shown = listed(client, language, group=slug)
    assert [title for title, _url in shown] == titles_of(linked, language)
    html = get_ok(client, LIBRARY[language], data={"group": slug})
    assert f'<option value="{slug}" selected>' in html


def test_group_choices_are_the_groups_that_list_documents(client):
    html = get_ok(client, LIBRARY["en"])
    select = html[html.index('<select name="group"') : html.index("</select>")]
    with_documents = TechnicalGroupPage.objects.live().filter(documents__isnull=False).distinct()
    options = re.findall(r'<option value="([^"]+)"', select)
    assert sorted(options) == sorted(group.slug_en for group in with_documents)


@pytest.mark.parametrize("kind", ["agreement", "guide", "memorandum"])
def test_filter_by_type(client, kind):
    shown = listed(client, "en", kind=kind)
    documents = [document for document in originals() if document.kind == kind]
    assert documents
    assert [title for title, _url in shown] == titles_of(documents, "en")


def test_filter_by_year(client):
    for year in (2011, 2012):
        documents = [document for document in originals() if document.year == year]
        assert [title for title, _url in listed(client, "es", year=year)] == titles_of(documents, "es")
    html = get_ok(client, LIBRARY["es"])
    select = html[
        html.index('<select name="year"') : html.index("</select>", html.index('<select name="year"'))
    ]
    years = sorted({document.year for document in originals() if document.year}, reverse=True)
    assert re.findall(r'<option value="(\d+)"', select) == [str(year) for year in years]


def test_filter_by_language(client):
    english_only = add_document("Zeta study in English only", kind="study", year=2020)
    spanish_only = add_document("Estudio solo en español", language="es", kind="study", year=2020)
    all_titles = {title for title, _url in listed(client, "en")}
    assert {english_only.title_en, spanish_only.title_en} <= all_titles
    in_spanish = {title for title, _url in listed(client, "en", language="es")}
    in_english = {title for title, _url in listed(client, "en", language="en")}
    assert spanish_only.title_en in in_spanish and english_only.title_en not in in_spanish
    assert english_only.title_en in in_english and spanish_only.title_en not in in_english
    # The seed's documents have both files, so they are available in both languages.
    assert len(in_spanish) == len(in_english) == len(originals())


def test_filters_combine_and_each_state_has_its_own_url(client):
    group = TechnicalGroupPage.objects.get(slug_en="cooperation")
    linked = set(GroupDocument.objects.filter(page=group).values_list("document", flat=True))
    expected = [d for d in originals() if d.pk in linked and d.kind == "memorandum" and d.year == 2011]
    assert expected
    query = {"group": group.slug_es, "kind": "memorandum", "year": "2011", "language": "es"}
    assert [title for title, _url in listed(client, "es", **query)] == titles_of(expected, "es")
    html = get_ok(client, LIBRARY["es"], data=query)
    for name, value in query.items():
        assert re.search(rf'<select name="{name}"[^>]*>.*?<option value="{value}" selected>', html, re.S), (
            name
        )
    assert '<form class="filters" method="get" action="/es/biblioteca-de-documentos/">' in html
    assert "<script" not in html[html.index("<main") :]


def test_no_match_says_so_and_offers_the_whole_list(client):
    html = get_ok(client, LIBRARY["en"], data={"kind": "study", "year": "2011"})
    assert "No document matches these filters." in html
    assert '<a href="/en/document-library/">Show all documents</a>' in html


@pytest.mark.parametrize(
    "query",
    [
        {"group": "nope"},
        {"kind": "treaty"},
        {"year": "abc"},
        {"year": "99999999999999999999999"},
        {"language": "fr"},
        {"group": "%00"},
        {"kind": "x" * 3000},
        {"page": "-1"},
        {"page": "abc"},
        {"page": "99999999999999999999"},
        {"page": "9" * 5000},
        {"year": "9" * 5000},
    ],
)
def test_bad_filter_values_give_a_form_error_not_a_crash(client, query):
    response = client.get(LIBRARY["en"], query)
    assert response.status_code == 200
    html = response.content.decode()
    if "page" not in query:
        assert "Some filters were not valid and have been ignored." in html
    assert len(listed(client, "en", **query)) == len(originals())


def test_a_valid_filter_still_applies_beside_a_bad_one(client):
    shown = listed(client, "en", kind="guide", year="abc")
    assert [title for title, _url in shown] == titles_of([d for d in originals() if d.kind == "guide"], "en")


def test_documents_are_paginated_and_pages_keep_the_filters(client):
    for number in range(20):
        add_document(f"Extra guide {number:02d}", kind="guide", year=2020)
    guides = [d for d in LegalDocument.objects.filter(language="en") if d.kind == "guide"]
    assert len(guides) > 20
    first = listed(client, "en", kind="guide")
    second = listed(client, "en", kind="guide", page=2)
    assert len(first) == 20 and len(second) == len(guides) - 20
    assert [title for title, _url in first + second] == titles_of(guides, "en")
    html = get_ok(client, LIBRARY["en"], data={"kind": "guide"})
    assert '<a href="?kind=guide&amp;page=2" rel="next">' in html
    assert listed(client, "en", kind="guide", page=99) == second


def test_documents_in_a_restricted_collection_are_not_listed(client, committed):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Internal")
    with committed():
        document = add_document("Internal working paper", kind="study", collection=private)
    assert document.title_en in {title for title, _url in listed(client, "en")}
    with committed():
        CollectionViewRestriction.objects.create(
            collection=private, restriction_type="password", password="x"
        )
    assert document.title_en not in {title for title, _url in listed(client, "en")}
    assert not public_documents().filter(pk=document.pk).exists()


def test_the_library_is_in_the_main_menu_of_both_languages(client):
    for language in ("en", "es"):
        html = get_ok(client, f"/{language}/")
        nav = html[
            html.index('<nav class="main-nav"') : html.index("</nav>", html.index('<nav class="main-nav"'))
        ]
        assert f'href="{LIBRARY[language]}"' in nav
