"""One date style per language, from CLDR, on every page: "10 October 2014", "10 de octubre de 2014"."""

import datetime
import re

import pytest
from django.utils import translation
from wagtail.models import Page

from base.dates import DatePrecision, format_partial_date
from tests.pages import get_ok, text_of, url_in

pytestmark = pytest.mark.django_db

DAY = datetime.date(2014, 10, 10)
EXPECTED = {
    "en": {"day": "10 October 2014", "month": "October 2014", "year": "2014"},
    "es": {"day": "10 de octubre de 2014", "month": "octubre de 2014", "year": "2014"},
}
# Other styles of the same dates: US English as Django writes it by default, numbers, abbreviations.
OTHER_STYLES = {
    "en": re.compile(
        r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.? \d{1,2}, \d{4}"
        r"|\b(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}"
        r"|\b\d{1,2}/\d{1,2}/\d{4}\b"
    ),
    "es": re.compile(
        r"\b\d{1,2} (?:de )?(?:ene|feb|mar|abr|may|jun|jul|ago|sept?|oct|nov|dic)\.? |\b\d{1,2}/\d{1,2}/\d{4}\b"
    ),
}


@pytest.mark.parametrize("language", EXPECTED)
def test_each_precision_in_the_languages_one_style(language):
    for precision, expected in EXPECTED[language].items():
        assert format_partial_date(DAY, DatePrecision(precision), language) == expected
        with translation.override(language):
            assert format_partial_date(DAY, DatePrecision(precision)) == expected
    assert format_partial_date(None, DatePrecision.DAY, language) == ""


@pytest.mark.parametrize("language", EXPECTED)
def test_project_milestones_are_written_as_the_texts_write_dates(client, language):
    page = Page.objects.get(slug_en="youth-volunteer-program")
    with translation.override(language):
        text = text_of(get_ok(client, page.get_url()))
    assert f">{EXPECTED[language]['day']}<" in get_ok(client, url_in(language, page)).replace("</time>", "<")
    # The body says the same date in the same style.
    assert text.count(EXPECTED[language]["day"]) >= 2, text


@pytest.mark.parametrize("language", EXPECTED)
def test_no_page_mixes_in_another_date_style(rendered_site, language):
    pages = Page.objects.live().filter(depth__gt=1)
    assert pages.count() > 30
    for page in pages:
        found = OTHER_STYLES[language].findall(text_of(rendered_site[url_in(language, page)]))
        assert not found, f"{url_in(language, page)}: {found}"
