"""The one shareability decision (caching.shared): what every visitor may share, with the keys of what it
shows; fresh after every change; never an editor's or a legacy browser's page."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail import hooks

from caching import content_version, dependencies
from documents.models import LegalDocument
from observers.models import ObserverState
from tests.events.helpers import TIMELINE, add_event, listed, url_in
from tests.pages import text_of
from workgroups.models import TechnicalGroupPage

pytestmark = pytest.mark.django_db

GROUP_EN = "/en/technical-groups/tourism/"
GROUP_ES = "/es/grupos-tecnicos/turismo/"
IE9 = "Mozilla/5.0 (compatible; MSIE 9.0; Windows NT 6.1; WOW64; Trident/5.0)"
NOTICE = '<div class="legacy-notice" role="region"'


def fetch(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200
    return response


def s_maxage(response):
    return int(re.search(r"s-maxage=(\d+)", response["Cache-Control"]).group(1))


def test_a_shareable_page_carries_the_hashed_keys_of_what_it_shows(client):
    page = TechnicalGroupPage.objects.get(slug_en="tourism")
    for url in (GROUP_EN, GROUP_ES):
        response = fetch(client, url)
        assert response["X-Shared"] == "yes"
        tokens = response["xkey"].split()
        assert dependencies.hashed(f"page:{page.pk}") in tokens
        assert dependencies.hashed(dependencies.related_key(TechnicalGroupPage, page.pk)) in tokens
        assert all(len(token) == 12 for token in tokens) and len(tokens) <= dependencies.MAX_KEYS


@pytest.mark.parametrize("url", [GROUP_EN, GROUP_ES])
def test_a_page_built_while_the_content_changed_is_kept_by_no_cache_and_says_so(client, url):
    def publish_meanwhile(page, request, args, kwargs):
        content_version.bump()

    with hooks.register_temporarily("before_serve_page", publish_meanwhile):
        changed = fetch(client, url)
    assert changed["X-Shared"] == "changed"  # Varnish asks again (deploy/varnish/default.vcl)
    assert "private" in changed["Cache-Control"] and "s-maxage" not in changed["Cache-Control"]
    assert fetch(client, url)["X-Shared"] == "yes"  # nothing was stored
    assert fetch(client, url)["X-Shared"] == "yes"


def test_cached_pages_can_be_revalidated(client):
    response = fetch(client, GROUP_EN)
    assert "public" in response["Cache-Control"] and "must-revalidate" in response["Cache-Control"]
    etag = response["ETag"]
    again = client.get(GROUP_EN, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304


def test_anonymous_pages_set_no_cookie_and_vary_on_nothing_personal(client):
    for url in ("/en/", GROUP_ES, "/es/proyectos-de-cooperacion/?status=concluded"):
        response = fetch(client, url)
        assert not response.cookies, url
        vary = response.get("Vary", "")
        assert "Cookie" not in vary and "User-Agent" not in vary, (url, vary)


def test_publishing_makes_the_page_fresh_at_once_in_both_languages(client, committed):
    fetch(client, GROUP_EN), fetch(client, GROUP_ES), fetch(client, "/en/technical-groups/")
    page = TechnicalGroupPage.objects.get(slug_en="tourism")
    page.summary_en, page.summary_es = "Fresh English summary.", "Resumen recién publicado."
    with committed():
        page.save_revision().publish()
    assert "Fresh English summary." in text_of(fetch(client, GROUP_EN).content.decode())
    assert "Resumen recién publicado." in text_of(fetch(client, GROUP_ES).content.decode())
    assert "Fresh English summary." in text_of(fetch(client, "/en/technical-groups/").content.decode())


def test_unpublishing_and_deleting_take_effect_at_once(client, committed):
    fetch(client, GROUP_EN)
    page = TechnicalGroupPage.objects.get(slug_en="tourism")
    with committed():
        page.unpublish()
    assert client.get(GROUP_EN).status_code == 404
    with committed():
        page.save_revision().publish()
    fetch(client, GROUP_EN)
    with committed():
        page.delete()
    assert client.get(GROUP_EN).status_code == 404
    assert "/en/technical-groups/tourism/" not in fetch(client, "/en/technical-groups/").content.decode()


def test_moving_a_page_takes_effect_at_once(client, committed):
    fetch(client, GROUP_EN)
    page = TechnicalGroupPage.objects.get(slug_en="tourism")
    page.slug_en = "tourism-group"
    page.slug = "tourism-group"
    with committed():
        page.save_revision().publish()
    # The old address sends visitors on: Wagtail's redirect, made on the slug change.
    moved = client.get(GROUP_EN)
    assert moved.status_code == 301 and moved["Location"].endswith("/en/technical-groups/tourism-group/")
    fetch(client, "/en/technical-groups/tourism-group/")


def test_snippet_and_document_changes_refresh_the_pages_that_show_them(client, committed):
    fetch(client, "/en/observer-states/"), fetch(client, "/en/technical-groups/cooperation/")
    observer = ObserverState.objects.get(iso_code="LV")
    observer.name_en = "Republic of Latvia"
    with committed():
        observer.save()
    assert "Republic of Latvia" in fetch(client, "/en/observer-states/").content.decode()
    document = LegalDocument.objects.get(title_en__startswith="Framework Agreement", language="en")
    document.title_en = "Framework Agreement (consolidated)"
    with committed():
        document.save()
    assert (
        "Framework Agreement (consolidated)"
        in fetch(client, "/en/technical-groups/cooperation/").content.decode()
    )


def test_legacy_and_modern_browsers_never_get_each_others_page(client):
    modern = fetch(client, GROUP_EN)
    assert modern.content.decode().count(NOTICE) == 1  # only inside the IE conditional comment
    legacy = fetch(client, GROUP_EN, HTTP_USER_AGENT=IE9)
    assert "X-Shared" not in legacy
    assert "<!--[if lte IE 9]>" not in legacy.content.decode().split(NOTICE)[0][-40:]
    assert "private" in legacy["Cache-Control"]
    again = fetch(client, GROUP_EN)
    assert again["X-Shared"] == "yes"
    assert again.content == modern.content


def test_editors_pages_are_never_cached_or_shared(client):
    editor = Client()
    editor.force_login(
        get_user_model().objects.create_superuser("ed", "ed@example.org", "a long test password")
    )
    edited = fetch(editor, GROUP_EN)
    assert "private" in edited["Cache-Control"]
    assert "X-Shared" not in edited
    assert "wagtail-userbar" in edited.content.decode() or "w-userbar" in edited.content.decode()
    public = fetch(client, GROUP_EN)
    assert "userbar" not in public.content.decode()
    assert "X-Shared" not in fetch(editor, GROUP_EN)


def test_languages_are_cached_apart(client):
    english = fetch(client, "/en/").content.decode()
    spanish = fetch(client, "/es/").content.decode()
    assert '<html lang="en"' in english and '<html lang="es"' in spanish
    assert '<html lang="es"' in fetch(client, "/es/").content.decode()


def test_shared_links_with_tracking_parameters_are_one_shared_copy(client):
    for url in (GROUP_EN, GROUP_ES):
        clean = fetch(client, url)
        for query in (
            "utm_source=newsletter&utm_medium=email",
            "fbclid=IwAR3x9",
            "gclid=1&UTM_Campaign=cumbre",
        ):
            shared = fetch(client, f"{url}?{query}")
            assert shared["X-Shared"] == "yes", query
            assert shared.content == clean.content


def test_pages_are_built_without_the_tracking_parameters(client):
    # The library offers "Show all documents" only when the visitor has filtered it.
    for url, show_all in (
        ("/en/document-library/", "Show all documents"),
        ("/es/biblioteca-de-documentos/", "Ver todos los documentos"),
    ):
        assert show_all not in text_of(fetch(client, f"{url}?utm_source=bulletin&fbclid=x1").content.decode())
        assert show_all in text_of(fetch(client, f"{url}?kind=guide&utm_source=bulletin").content.decode())
    # Other parameters still count: a filter is not taken for the unfiltered page.
    unfiltered = fetch(client, "/es/proyectos-de-cooperacion/").content
    filtered = fetch(client, "/es/proyectos-de-cooperacion/?status=concluded&utm_medium=email")
    assert filtered["X-Shared"] == "yes" and filtered.content != unfiltered
    again = fetch(client, "/es/proyectos-de-cooperacion/?status=concluded&fbclid=y2")
    assert again["X-Shared"] == "yes" and again.content == filtered.content


def test_shareable_pages_tell_shared_caches_how_long_to_keep_them(client, settings):
    """Defect: `public, max-age=0, must-revalidate` alone let no shared cache store anything."""
    for url in (GROUP_EN, GROUP_ES, "/en/api/v1/groups.json", "/es/api/v1/projects.atom", "/sitemap.xml"):
        response = fetch(client, url)
        cache_control = response["Cache-Control"]
        assert "public" in cache_control, url
        # As long as the setting says, but never past midnight (pages say what is upcoming).
        expected = min(settings.PAGE_CACHE_SECONDS, content_version.seconds_left_today())
        assert expected - 2 <= s_maxage(response) <= expected, url
        assert "max-age=0" in cache_control and "must-revalidate" in cache_control, url


def test_query_parameters_no_page_reads_make_no_shared_copies(client):
    """A flood of made-up query strings is answered, but fills neither Django's cache nor Varnish."""
    for number in range(30):
        for url in (GROUP_EN, f"/es/buscar/?q=agua&x{number}=1", f"/en/api/v1/groups.json?junk={number}"):
            response = client.get(f"{url}{'&' if '?' in url else '?'}n={number}")
            assert response.status_code == 200
            assert "X-Shared" not in response and "private" in response["Cache-Control"], url
    # What the pages read still makes their own, shared copies.
    for url in (
        "/es/buscar/?q=agua",
        "/es/proyectos-de-cooperacion/?country=CL",
        "/en/api/v1/groups.json?page=1",
    ):
        assert fetch(client, url)["X-Shared"] == "yes"
        assert fetch(client, url)["X-Shared"] == "yes"


def test_paths_no_page_has_are_not_remembered(client, settings):
    from pathlib import Path

    def entries():
        return len(list(Path(settings.CACHES["default"]["LOCATION"]).glob("*.djcache")))

    client.get("/en/no-such-page/")
    before = entries()
    for number in range(30):
        assert client.get(f"/en/no-such-page-{number}/").status_code == 404
    assert entries() == before  # not one route entry per random path


@pytest.mark.parametrize("language", ["en", "es"])
def test_an_event_of_today_is_upcoming_until_midnight_and_past_after_it(
    client, committed, monkeypatch, language
):
    with committed():
        event = add_event("closing-meeting", timezone.localdate())
    first = fetch(client, TIMELINE[language])
    upcoming, past = first.content.decode().split('id="past-heading"')
    assert url_in(event, language) in listed(upcoming, language)
    assert 0 < s_maxage(first) <= content_version.seconds_left_today()  # Varnish keeps it until midnight
    assert fetch(client, TIMELINE[language])["X-Shared"] == "yes"

    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    next_day = fetch(client, TIMELINE[language])
    assert next_day["X-Shared"] == "yes"
    upcoming, past = next_day.content.decode().split('id="past-heading"')
    assert url_in(event, language) not in listed(upcoming, language)
    assert url_in(event, language) in listed(past, language)


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_home_page_moves_an_event_of_today_to_the_recent_ones_at_midnight(
    client, committed, monkeypatch, language
):
    with committed():
        event = add_event("closing-meeting", timezone.localdate())
    with translation.override(language):
        coming_up, most_recent = gettext("Coming up"), gettext("Most recent")
    assert url_in(event, language) in home_events(client, language)[coming_up]
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    events = home_events(client, language)
    assert url_in(event, language) not in events.get(coming_up, "")
    assert url_in(event, language) in events[most_recent]


def home_events(client, language):
    """{heading: the markup under it} of the home page's events section."""
    section = (
        fetch(client, f"/{language}/").content.decode().split('class="home-events"')[1].split("</section>")[0]
    )
    return dict(part.split("</h3>", 1) for part in section.split("<h3>")[1:])
