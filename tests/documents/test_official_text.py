"""Documents whose official text is public link to it, name its host, and can be filtered on."""

import pytest

from documents.models import LegalDocument
from tests.discovery.test_document_library import LIBRARY, listed
from tests.pages import get_ok

pytestmark = pytest.mark.django_db
INVIMA = "https://normograma.invima.gov.co/normograma/docs/doc_alianzap_0001_2013.htm"


@pytest.mark.parametrize(("language", "label"), [("en", "Official text at"), ("es", "Texto oficial en")])
def test_the_library_links_the_official_text_first_and_names_its_host(client, language, label):
    html = get_ok(client, LIBRARY[language])
    assert f'<a href="{INVIMA}" rel="external"' in html
    assert f"{label} normograma.invima.gov.co" in html


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_library_filters_to_documents_with_an_official_text(client, language):
    shown = listed(client, language, official="yes")
    with_official = LegalDocument.objects.filter(language="en").exclude(official_url="")
    assert len(shown) == with_official.count() == 1
    assert {url for _title, url in shown} == set(with_official.values_list("official_url", flat=True))
    assert len(listed(client, language, official="bogus")) == 14  # an invalid value filters nothing


@pytest.mark.parametrize(
    ("url", "label"),
    [("/en/legal-documents/", "official text at"), ("/es/documentos-juridicos/", "texto oficial en")],
)
def test_pages_listing_documents_link_the_official_text_beside_the_summary_sheet(client, url, label):
    html = get_ok(client, url)
    assert f'<a href="{INVIMA}" rel="external"' in html
    assert f"{label} normograma.invima.gov.co" in html
    # The summary sheet is still there, once.
    assert html.count("pharmaceutical-cooperation-agreement-") == 1
