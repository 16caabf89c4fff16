"""Every meeting that the old site's text places somewhere is an event page in both languages.

The table is the list of those meetings (summits, ministers' and groups' meetings, workshops, sports
meetings, forums): the content file's key and the place each language's page must show.
"""

import pytest
import yaml
from django.conf import settings

from events.models import EventPage
from tests.events.helpers import url_in

pytestmark = pytest.mark.django_db

PLACED_MEETINGS = {
    "vii-summit-cali": ("Cali, Colombia", "Cali, Colombia"),
    "viii-summit-cartagena": ("Cartagena, Colombia", "Cartagena, Colombia"),
    "ix-summit-puerto-vallarta": ("Puerto Vallarta, Mexico", "Puerto Vallarta, México"),
    "viii-council-of-ministers-villa-de-leyva": ("Villa de Leyva, Colombia", "Villa de Leyva, Colombia"),
    "xv-high-level-group-santiago": ("Santiago, Chile", "Santiago, Chile"),
    "high-level-group-mexico-city-2014": ("Mexico City, Mexico", "Ciudad de México, México"),
    "high-level-group-vina-del-mar-2014": ("Viña del Mar, Chile", "Viña del Mar, Chile"),
    "xxxiii-high-level-group-bogota": ("Bogotá, Colombia", "Bogotá, Colombia"),
    "xiv-technical-groups-meeting-santiago": ("Santiago, Chile", "Santiago, Chile"),
    "tax-information-working-group-first-meeting": ("Santiago, Chile", "Santiago, Chile"),
    "innovation-group-sixth-meeting-punta-arenas": ("Punta Arenas, Chile", "Punta Arenas, Chile"),
    "green-growth-workshop": ("Peru", "Perú"),
    "biodiversity-monitoring-workshop-mexico-city": ("Mexico City, Mexico", "Ciudad de México, México"),
    "climate-research-study-lima": ("Lima, Peru", "Lima, Perú"),
    "observer-states-meeting-lima-2014": ("Lima, Peru", "Lima, Perú"),
    "observer-states-meeting-lima-2015": ("Lima, Peru", "Lima, Perú"),
    "observer-states-meeting-vina-del-mar-2015": ("Viña del Mar, Chile", "Viña del Mar, Chile"),
    "integration-partnership-forum-lima": ("Lima, Peru", "Lima, Perú"),
    "bertelsmann-panel-mexico-city": ("Mexico City, Mexico", "Ciudad de México, México"),
    "sports-diplomacy-beach-volleyball": ("Puerto Vallarta, Mexico", "Puerto Vallarta, México"),
    "sports-diplomacy-basketball-cali": ("Cali, Colombia", "Cali, Colombia"),
    "sports-diplomacy-athletics-caldera": ("Caldera, Chile", "Caldera, Chile"),
    "sports-diplomacy-futsal-iquitos": ("Iquitos, Peru", "Iquitos, Perú"),
}


def event_of(key):
    path = settings.BASE_DIR / "content" / "events" / f"{key}.yaml"
    slug = yaml.safe_load(path.read_text(encoding="utf-8"))["slug"]["en"]
    return EventPage.objects.live().get(slug_en=slug)


@pytest.mark.parametrize("key", sorted(PLACED_MEETINGS))
@pytest.mark.parametrize("language", ["en", "es"])
def test_a_placed_meeting_is_an_event_page_showing_its_place(client, key, language):
    event = event_of(key)
    response = client.get(url_in(event, language))
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<dd>{PLACED_MEETINGS[key][language == 'es']}</dd>" in html
    assert getattr(event, f"title_{language}") in html


def test_a_meeting_without_a_recorded_day_says_so_in_both_languages(client):
    event = event_of("xxxiii-high-level-group-bogota")
    assert (event.start_date.year, event.start_precision) == (2016, "year")
    for language, words in (("en", "not recorded"), ("es", "No consta")):
        html = client.get(url_in(event, language)).content.decode()
        assert words in html
