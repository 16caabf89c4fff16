"""Events are found by the site search, grouped under their own kind, in each language."""

import pytest

from events.models import EventPage
from tests.events.helpers import url_in
from tests.pages import get_ok

pytestmark = [pytest.mark.django_db, pytest.mark.engine]

SEARCH = {"en": "/en/search/", "es": "/es/buscar/"}


@pytest.mark.parametrize(("language", "query"), [("en", "volleyball"), ("es", "voleibol")])
def test_events_are_found_under_the_events_kind(client, language, query):
    event = EventPage.objects.get(slug_en="sports-diplomacy-beach-volleyball-puerto-vallarta")
    everything = get_ok(client, f"{SEARCH[language]}?q={query}")
    assert url_in(event, language) in everything
    only_events = get_ok(client, f"{SEARCH[language]}?q={query}&kind=event")
    assert url_in(event, language) in only_events
    project = "/en/cooperation-projects/sports-diplomacy/" if language == "en" else "diplomacia-deportiva/"
    assert project in everything
    assert project not in only_events
