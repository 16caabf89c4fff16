"""What every public page says: facts with dates, never an editor's note about where they came from."""

import re

import pytest
from django.utils import translation
from wagtail.models import Page

from tests.pages import text_of

pytestmark = pytest.mark.django_db
# How an editor's note about a source reads, in either language.
SOURCE_NOTES = re.compile(
    r"former (web)?site|old (web)?site|previous (web)?site|the seed|the source says|"
    r"antiguo sitio|sitio anterior|según el sitio|la fuente dice",
    re.IGNORECASE,
)
UPDATED = {"en": "Last updated", "es": "Última actualización"}


def live_urls(language):
    with translation.override(language):
        return [page.get_url() for page in Page.objects.live().filter(depth__gt=1).specific()]


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_page_carries_a_source_note_and_every_page_says_when_it_was_updated(rendered_site, language):
    urls = live_urls(language)
    assert len(urls) >= 40
    for url in urls:
        html = rendered_site[url]
        text = text_of(html)
        assert not SOURCE_NOTES.search(text), (url, SOURCE_NOTES.search(text).group())
        assert UPDATED[language] in text, url
        assert re.search(r'<time datetime="\d{4}-\d{2}-\d{2}">', html), url


def test_the_source_note_pattern_finds_notes_in_both_languages():
    assert SOURCE_NOTES.search("The former site of the Alliance gives the length of the stays")
    assert SOURCE_NOTES.search("Según el antiguo sitio de la Alianza")
    assert not SOURCE_NOTES.search("By 2016 the Alliance had granted 1,268 scholarships")
