"""countries.yaml may give a member country its own introduction; a code that is not a member's is
refused with the file and the field named, and nothing is written."""

import pytest
import yaml
from django.core.management import CommandError

from countries.models import MemberCountryPage
from tests.content_loader.test_content_loader import load, state
from tests.events.helpers import url_in
from tests.pages import get_ok, text_of

pytestmark = pytest.mark.django_db

OWN = {"en": "Peru's own introduction, from the file.", "es": "La introducción propia del Perú, del archivo."}


def with_intros(content_copy, intros):
    path = content_copy / "countries.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["country_intros"] = intros
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return content_copy


def test_a_countrys_own_introduction_reaches_its_page_in_both_languages(content_copy, client):
    load(with_intros(content_copy, {"PE": OWN}))
    peru, chile = (MemberCountryPage.objects.get(country__code=code) for code in ("PE", "CL"))
    for language in ("en", "es"):
        assert OWN[language] in text_of(get_ok(client, url_in(peru, language)))
    assert chile.intro_en.startswith("What Chile does")


def test_an_introduction_for_a_country_that_is_not_a_member_is_refused(content_copy):
    before = state()
    with pytest.raises(CommandError, match=r"countries.yaml: field 'country_intros.AR'"):
        load(with_intros(content_copy, {"AR": OWN}))
    assert state() == before
