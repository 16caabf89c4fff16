"""Event pages in both languages, and the events listed on group and project pages."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from base.models import MemberCountry
from cooperation.models import CooperationProjectPage
from events.models import NEWEST_FIRST, EventPage
from tests.events.helpers import add_event, url_in
from tests.pages import get_ok, text_of
from workgroups.models import TechnicalGroupPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_event_page_answers_in_both_languages(client, language):
    for event in EventPage.objects.live():
        html = get_ok(client, url_in(event, language))
        assert f'<html lang="{language}">' in html
        assert getattr(event, f"title_{language}") in text_of(html)
        assert f'<time datetime="{event.start_date.year}' in html


def test_event_page_shows_dates_place_kind_and_links(client):
    event = EventPage.objects.get(slug_en="viii-council-of-ministers-villa-de-leyva")
    english = get_ok(client, url_in(event, "en"))
    spanish = get_ok(client, url_in(event, "es"))
    assert '<time datetime="2013-06-29">29</time>–<time datetime="2013-06-30">30 June 2013</time>' in english
    assert "30 de junio de 2013</time>" in spanish
    assert "<dd>Villa de Leyva, Colombia</dd>" in english
    assert "Council of Ministers meeting" in english and "Reunión del Consejo de Ministros" in spanish
    group = TechnicalGroupPage.objects.get(slug_en="external-relations")
    assert f'href="{url_in(group, "en")}"' in english
    assert f'href="{url_in(group, "es")}"' in spanish
    assert "External Relations Group" in english and "Grupo de Relaciones Externas" in spanish


def test_event_page_links_its_projects_in_the_page_language(client):
    event = EventPage.objects.get(slug_en="sports-diplomacy-futsal-iquitos")
    project = CooperationProjectPage.objects.get(slug_en="sports-diplomacy")
    for language in ("en", "es"):
        html = get_ok(client, url_in(event, language))
        assert f'href="{url_in(project, language)}"' in html
    assert "Iquitos, Perú" in get_ok(client, url_in(event, "es"))
    assert '<time datetime="2016-07">julio de 2016</time>' in get_ok(client, url_in(event, "es"))


@pytest.mark.parametrize("language", ["en", "es"])
def test_date_note_is_shown(client, language):
    noted = EventPage.objects.exclude(date_note_en="")
    assert noted.exists()
    for event in noted:
        html = get_ok(client, url_in(event, language))
        assert getattr(event, f"date_note_{language}") in text_of(html)
        assert {"en": "About the date", "es": "Sobre la fecha"}[language] in html
    quiet = EventPage.objects.filter(date_note_en="").first()
    assert "About the date" not in get_ok(client, url_in(quiet, "en"))


@pytest.mark.parametrize("language", ["en", "es"])
def test_group_page_lists_its_events(client, language):
    group = TechnicalGroupPage.objects.get(slug_en="external-relations")
    html = get_ok(client, url_in(group, language))
    section = html.split('id="events-heading"')[1].split("</section>")[0]
    for event in group.events.live():
        assert f'href="{url_in(event, language)}"' in section
    assert group.events.live().count() == 6
    # Groups without events show no empty section.
    assert 'id="events-heading"' not in get_ok(
        client, url_in(TechnicalGroupPage.objects.get(slug_en="tourism"), language)
    )


@pytest.mark.parametrize("language", ["en", "es"])
def test_project_page_lists_its_events_newest_first(client, language):
    project = CooperationProjectPage.objects.get(slug_en="sports-diplomacy")
    html = get_ok(client, url_in(project, language))
    section = html.split('id="events-heading"')[1].split("</section>")[0]
    events = list(project.events.live().order_by(*NEWEST_FIRST))  # ties: the later end first, then pk
    assert len(events) >= 5
    positions = [section.index(f'href="{url_in(event, language)}"') for event in events]
    assert positions == sorted(positions)


def test_unpublished_event_is_not_listed_on_its_group(client):
    group = TechnicalGroupPage.objects.get(slug_en="external-relations")
    event = group.events.live().first()
    event.unpublish()
    assert url_in(event, "en") not in get_ok(client, url_in(group, "en"))


def test_end_before_start_is_rejected():
    event = EventPage.objects.get(slug_en="vii-summit-cali")
    event.end_date = event.start_date - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "end_date" in error.value.message_dict
    event.end_date = event.start_date
    event.full_clean()


def test_end_needs_a_start_known_to_the_day_and_country_must_be_a_code():
    event = EventPage.objects.get(slug_en="sports-diplomacy-athletics-caldera")
    event.end_date = datetime.date(2015, 10, 20)
    with pytest.raises(ValidationError, match="known to the day"):
        event.full_clean()
    event.end_date, event.country = None, "QQ"
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "country" in error.value.message_dict


def test_host_country_follows_the_country():
    chile = MemberCountry.objects.get(code="CL")
    assert set(chile.events.all()) == set(EventPage.objects.filter(country="CL"))
    assert EventPage.objects.filter(country="").first().host_country is None
    event = add_event("seminar-in-auckland", datetime.date(2015, 5, 5), country="nz")
    assert event.country == "NZ" and event.host_country is None
    event.country = "pe"
    event.save()
    assert event.host_country.code == "PE"


def test_related_events_lists_a_member_countrys_events_for_its_page():
    from events.templatetags.event_tags import related_events

    peru = MemberCountry.objects.get(code="PE")
    assert set(related_events(peru).shown) == set(EventPage.objects.live().filter(country="PE"))
    assert related_events(object()).shown == []


@pytest.mark.parametrize(
    ("language", "path"), [("en", "/en/member-countries/peru/"), ("es", "/es/paises-miembros/peru/")]
)
def test_member_country_page_lists_the_events_held_there(client, language, path):
    html = get_ok(client, path)
    section = html.split('id="events-heading"')[1].split("</section>")[0]
    held = EventPage.objects.live().filter(host_country__code="PE")
    assert held.count() >= 5
    for event in held:
        assert f'href="{url_in(event, language)}"' in section
    cali = EventPage.objects.get(slug_en="vii-summit-cali")
    assert url_in(cali, language) not in section
