"""Every page's canonical URL, meta description in its language, Open Graph and Twitter card tags."""

from html.parser import HTMLParser

import pytest
from django.contrib.staticfiles import finders
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page

from discovery.templatetags.discovery_tags import DESCRIPTION_FIELDS, shortened
from tests.pages import get_ok
from workgroups.models import TechnicalGroupPage

pytestmark = pytest.mark.django_db


class HeadCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta, self.links = {}, {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("name" in attrs or "property" in attrs):
            key = attrs.get("name") or attrs.get("property")
            self.meta.setdefault(key, []).append(attrs["content"])
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.links.setdefault("canonical", []).append(attrs["href"])


def head_of(client, url):
    return head_in(get_ok(client, url))


def head_in(html):
    collector = HeadCollector()
    collector.feed(html[: html.index("</head>")])
    return collector


def expected_description(page, language):
    for lang in (language, "en"):
        for name in DESCRIPTION_FIELDS:
            text = " ".join((getattr(page, build_localized_fieldname(name, lang), "") or "").split())
            if text:
                return shortened(text)
    return None


SHARE_ALT = {
    "en": "The emblem of the Pacific Alliance, four blades in the colours of Chile, Colombia, Mexico and "
    "Peru, beside the name of the Alliance.",
    "es": "El emblema de la Alianza del Pacífico, cuatro aspas con los colores de Chile, Colombia, México "
    "y Perú, junto al nombre de la Alianza.",
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_page_has_canonical_description_open_graph_and_twitter_tags(rendered_site, language):
    pages = Page.objects.live().filter(depth__gt=1).specific()
    assert len(pages) == 89  # 37; news (15); contact, privacy, legal notices (3); countries (5); events (29)
    for page in pages:
        with translation.override(language):
            path = page.get_url()
        url = "http://testserver" + path
        head = head_in(rendered_site[path])
        assert head.links["canonical"] == [url], path
        description = expected_description(page, language)
        assert description, f"{path} has no text to describe it"
        assert head.meta["description"] == [description], path
        title = getattr(page, f"seo_title_{language}") or getattr(page, f"title_{language}")
        assert head.meta["og:title"] == [title]
        assert head.meta["og:url"] == [url]
        assert head.meta["og:description"] == [description]
        assert head.meta["og:type"] == ["website"]
        assert head.meta["og:site_name"] == [
            {"en": "Pacific Alliance", "es": "Alianza del Pacífico"}[language]
        ]
        assert head.meta["og:locale"] == [{"en": "en_US", "es": "es_LA"}[language]]
        assert head.meta["og:locale:alternate"] == [{"en": "es_LA", "es": "en_US"}[language]]
        assert head.meta["twitter:card"] == ["summary_large_image"]
        assert head.meta["twitter:title"] == [title]
        assert head.meta["twitter:description"] == [description]
        share = f"http://testserver/static/img/share-{language}.png"
        assert head.meta["og:image"] == head.meta["twitter:image"] == [share], path
        assert head.meta["og:image:alt"] == head.meta["twitter:image:alt"] == [SHARE_ALT[language]]
        assert (head.meta["og:image:width"], head.meta["og:image:height"]) == (["1200"], ["630"])


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_share_image_is_what_the_tags_say(language):
    from PIL import Image

    with Image.open(finders.find(f"img/share-{language}.png")) as picture:
        assert (picture.format, picture.size) == ("PNG", (1200, 630))


def test_descriptions_are_in_the_pages_language(client):
    group = TechnicalGroupPage.objects.get(slug_en="tourism")
    assert head_of(client, "/es/grupos-tecnicos/turismo/").meta["description"] == [group.summary_es]
    assert head_of(client, "/en/technical-groups/tourism/").meta["description"] == [group.summary_en]


def test_the_search_description_comes_first_and_long_texts_are_shortened(client):
    group = TechnicalGroupPage.objects.get(slug_en="tourism")
    group.search_description_es = "Descripción para buscadores."
    group.seo_title_es = "Turismo en la Alianza"
    group.save_revision().publish()
    head = head_of(client, "/es/grupos-tecnicos/turismo/")
    assert head.meta["description"] == ["Descripción para buscadores."]
    assert head.meta["og:title"] == ["Turismo en la Alianza"]
    assert head.meta["description"] == head.meta["og:description"]
    # English has no search description: the English summary, not the Spanish text.
    assert head_of(client, "/en/technical-groups/tourism/").meta["description"] == [group.summary_en]
    home = head_of(client, "/es/").meta["description"][0]
    assert len(home) <= 200 and home.endswith("…") and not home.endswith(" …")


def test_an_empty_spanish_field_falls_back_to_english_rather_than_to_nothing(client):
    group = TechnicalGroupPage.objects.get(slug_en="tourism")
    group.summary_es = ""
    group.save_revision().publish()
    assert head_of(client, "/es/grupos-tecnicos/turismo/").meta["description"] == [group.summary_en]


def test_the_not_found_page_still_has_a_description(client):
    response = client.get("/es/no-existe/")
    assert response.status_code == 404
    assert '<meta name="description" content="La Alianza del Pacífico' in response.content.decode()
