"""Stored scripts never run: every translatable text field of every page type and snippet is
filled with script and event-handler payloads, and no public page renders them as markup."""

import io
import re
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.core.files.images import ImageFile
from django.db import models
from django.utils import translation
from modeltranslation.translator import translator
from PIL import Image as PillowImage
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import Page, get_page_models

from tests.security.test_security_headers import inline_code

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "es")
NOT_TEXT = (models.SlugField, models.EmailField, models.URLField)
NOT_CONTENT = {"url_path"}  # computed by Wagtail from the slugs


def payload(marker, field):
    """A payload with a marker that shows where the field was rendered, fitted to the field's size."""
    if isinstance(field, RichTextField):
        return (
            f"<p>{marker}<script>alert('{marker}')</script><img src=x onerror=alert(1)>"
            f'<a href="javascript:alert(1)" onclick="alert(1)">link</a><b onmouseover=alert(1)>b</b>'
            f"<style>body{{display:none}}</style><iframe src=//evil.example></iframe></p>"
        )
    long = f"{marker}<script>alert('{marker}')</script>\"><img src=x onerror=alert(1)>'><svg onload=alert(1)>"
    short = f'{marker}"><svg onload=1>'
    limit = field.max_length or len(long)
    return long if len(long) <= limit else short


def translatable_text_fields():
    """(model, field name, localized field) for every registered model and language."""
    for model in translator.get_registered_models(abstract=False):
        if model._meta.proxy:
            continue
        for name in sorted(translator.get_options_for_model(model).fields):
            if name in NOT_CONTENT:
                continue
            for language in LANGUAGES:
                field = model._meta.get_field(f"{name}_{language}")
                if isinstance(field, (models.CharField, models.TextField)) and not isinstance(
                    field, NOT_TEXT
                ):
                    yield model, name, field


# The site's own inline SVG: the emblem in the header, the observer map and its legend's keys.
SITE_SVG = {"emblem", "world-map__picture", "world-map__key"}
OTHER_SVG = re.compile(r'<svg(?! class="(?:emblem|world-map__picture|world-map__key)")')


class DangerousMarkup(HTMLParser):
    """Elements and attributes that a payload would add if it were rendered as markup."""

    def __init__(self):
        super().__init__()
        self.found = []
        self.in_json_ld = False

    def handle_data(self, data):
        # JSON-LD carries titles and texts: escaped, it holds no "<" that could close or open markup.
        if self.in_json_ld and "<" in data:
            self.found.append("unescaped < in JSON-LD")

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_json_ld = False

    def handle_starttag(self, tag, attrs):
        attrs_dict = dict(attrs)
        self.in_json_ld = tag == "script" and attrs_dict.get("type") == "application/ld+json"
        if tag == "svg" and attrs_dict.get("class") in SITE_SVG:
            pass  # the site's own pictures (on* attributes would still be caught by inline_code)
        elif tag == "img" and (attrs_dict.get("src") or "").startswith(f"{settings.MEDIA_URL}images/"):
            pass  # a rendition of an uploaded image (its alt text is one of the payloads)
        elif tag in ("img", "svg", "iframe", "object", "embed", "style"):
            self.found.append(f"<{tag}>")
        if (
            tag == "script"
            and attrs_dict.get("src") is None
            and attrs_dict.get("type") != "application/ld+json"
        ):
            self.found.append("<script>")
        if tag == "script" and "alert" in (dict(attrs).get("src") or ""):
            self.found.append("<script src>")


def dangerous_markup(html):
    parser = DangerousMarkup()
    parser.feed(html)
    return parser.found + inline_code(html)


def fill_every_field():
    markers = {}
    for number, (model, _name, field) in enumerate(translatable_text_fields()):
        marker = f"Q{number:03d}"
        markers[marker] = f"{model.__name__}.{field.name}"
        # One payload per field and language, stored on every row of the model (pages included).
        model._base_manager.update(**{field.attname: payload(marker, field)})
    return markers


def give_every_page_an_image():
    """Every image field of every page type gets an image, so that image descriptions are shown too."""
    buffer = io.BytesIO()
    PillowImage.new("RGB", (64, 32), "#0b4f8a").save(buffer, "PNG")
    image = get_image_model().objects.create(title="Picture", file=ImageFile(buffer, name="picture.png"))
    for model in get_page_models():
        fields = [
            field
            for field in model._meta.concrete_fields
            if field.many_to_one and field.related_model is get_image_model() and field.model is model
        ]
        if fields:
            model._base_manager.update(**{field.attname: image.pk for field in fields})


def public_urls():
    urls = []
    for page in Page.objects.live().specific().exclude(depth=1):
        for language in LANGUAGES:
            with translation.override(language):
                url = page.get_url()
            urls.append(url)
            if page.specific_class.__name__ == "CooperationProjectIndexPage":
                urls += [f"{url}?status=in_progress", f"{url}?country=CL"]
            if page.specific_class.__name__ == "ObserverStatesPage":
                urls.append(f"{url}?continent=Europe")
            if page.specific_class.__name__ == "ContactPage":
                urls.append(f"{url}?sent=1")  # the thank-you text
    return urls + ["/en/no-such-page/", "/es/no-existe/"]


def test_the_payload_reaches_every_translatable_field():
    fields = list(translatable_text_fields())
    covered = {(model.__name__, name) for model, name, _ in fields}
    for expected in [
        ("Page", "title"),
        ("Page", "seo_title"),
        ("Page", "search_description"),
        ("HomePage", "body"),
        ("TechnicalGroupPage", "acronym"),
        ("Coordinator", "role"),
        ("LegalDocument", "title"),
        ("ObserverState", "name"),
        ("ThematicArea", "description"),
    ]:
        assert expected in covered, expected
    assert all(model.__name__ != "Page" or name != "slug" for model, name, _ in fields)


def test_no_page_renders_stored_payloads_as_markup(client):
    give_every_page_an_image()
    markers = fill_every_field()
    rendered = set()
    for url in public_urls():
        response = client.get(url)
        assert response.status_code in (200, 404), url
        html = response.content.decode()
        assert dangerous_markup(html) == [], url
        assert "<script>alert" not in html and "<img src=x" not in html and not OTHER_SVG.search(html), url
        rendered |= {marker for marker in markers if marker in html}
    # Every field was shown somewhere (as text), so each payload was really put to the test.
    missing = sorted(markers[marker] for marker in set(markers) - rendered)
    assert missing == [], f"never rendered on a public page: {missing}"
