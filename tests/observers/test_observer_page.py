"""The observer states page: every state from the data file, grouped by continent, in both languages."""

import csv

import pytest
from django.conf import settings

from observers.models import ObserverState
from tests.pages import get_ok, parse, text_of

pytestmark = pytest.mark.django_db

URLS = {"en": "/en/observer-states/", "es": "/es/estados-observadores/"}


def data_rows():
    with (settings.BASE_DIR / "content" / "observer_states.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_observer_of_the_data_file_is_listed_with_the_computed_count(client, language):
    rows = data_rows()
    text = text_of(get_ok(client, URLS[language]))
    for row in rows:
        assert row[f"name_{language}"] in text
    latest = max(int(row["year_admitted"]) for row in rows if row["year_admitted"])
    count_sentence = {
        "en": f"The Pacific Alliance has {len(rows)} observer states; the latest admission recorded here "
        f"dates from {latest}.",
        "es": f"La Alianza del Pacífico tiene {len(rows)} Estados observadores; la admisión más reciente "
        f"registrada aquí es de {latest}.",
    }
    assert count_sentence[language] in text


def test_count_follows_the_data_not_the_text(client):
    ObserverState.objects.filter(iso_code__in=["LV", "MT"]).delete()
    text = text_of(get_ok(client, URLS["en"]))
    assert f"The Pacific Alliance has {len(data_rows()) - 2} observer states;" in text


def test_historical_count_is_stated_as_history(client):
    text = text_of(get_ok(client, URLS["en"]))
    assert "49" in text
    assert "How the number of observers grew" in text


@pytest.mark.parametrize(
    ("language", "continent", "present", "absent"),
    [
        ("en", "Europe", "Portugal", "Japan"),
        ("es", "Asia", "Japón", "Alemania"),
        ("en", "Oceania", "New Zealand", "Canada"),
    ],
)
def test_filter_by_continent(client, language, continent, present, absent):
    html = get_ok(client, f"{URLS[language]}?continent={continent}")
    text = text_of(listing(html))
    assert present in text
    assert absent not in text
    assert f'href="?continent={continent}" aria-current="true"' in html


def listing(html):
    return html.split('<div class="observer-listing">')[1].split("</div>")[0]


def test_unknown_continent_shows_everything(client):
    text = text_of(listing(get_ok(client, URLS["en"] + "?continent=Atlantis")))
    assert "Portugal" in text and "Japan" in text


def test_observers_are_grouped_under_continent_headings_in_spanish_order(client):
    html = get_ok(client, URLS["es"])
    for heading in ("África", "América", "Asia", "Europa", "Oceanía"):
        assert heading in html
    europe = html.split('id="continent-europe"')[1].split("</section>")[0]
    names = [line for line in text_of(europe).split(" ") if line]
    # Accented names sort with their letter: Países Bajos comes before Polonia, Eslovaquia before España.
    assert text_of(europe).index("Eslovaquia") < text_of(europe).index("España")
    assert text_of(europe).index("Países Bajos") < text_of(europe).index("Polonia")
    assert names


def test_pillars_and_thematic_areas_are_shown(client):
    page = parse(get_ok(client, URLS["es"]))
    text = text_of(get_ok(client, URLS["es"]))
    assert "Pilares de la cooperación" in text
    assert "Áreas temáticas" in text
    assert page.html_lang == "es"
