"""Fragments are kept until something they were built from changes, and only that: a change to
one group rebuilds what shows that group, not the menus or the other groups' pages."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from caching import content_version, fragments
from editorial.roles import MODERATORS
from tests.editorial.admin_forms import form_data
from tests.editorial.conftest import member_of, signed_in
from tests.query_counting import count_queries
from workgroups.models import TechnicalGroupPage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def group(slug):
    return TechnicalGroupPage.objects.get(slug_en=slug)


class Builds:
    """A fragment's compute function that counts how often it runs."""

    def __init__(self, slug):
        self.slug, self.count = slug, 0

    def __call__(self):
        self.count += 1
        return group(self.slug).title_en  # loading the page records its key


def publish(django_capture_on_commit_callbacks, slug, **fields):
    with django_capture_on_commit_callbacks(execute=True):
        page = group(slug)
        for name, value in fields.items():
            setattr(page, name, value)
        page.save_revision().publish()


def test_a_fragment_is_rebuilt_when_what_it_shows_changes_and_kept_otherwise(
    django_capture_on_commit_callbacks,
):
    build = Builds("tourism")
    assert fragments.remember("test-tourism", build) == "Tourism Group"
    assert fragments.remember("test-tourism", build) == "Tourism Group"
    assert build.count == 1
    publish(django_capture_on_commit_callbacks, "cooperation")
    fragments.remember("test-tourism", build)
    assert build.count == 1  # another group changed: kept
    publish(django_capture_on_commit_callbacks, "tourism", title_en="Tourism and travel")
    assert fragments.remember("test-tourism", build) == "Tourism and travel"
    assert build.count == 2


def test_a_fragment_that_recorded_no_key_is_rebuilt_after_any_change(django_capture_on_commit_callbacks):
    calls = []
    fragments.remember("test-keyless", lambda: calls.append(1) or len(calls))
    assert fragments.remember("test-keyless", lambda: calls.append(1) or len(calls)) == 1
    publish(django_capture_on_commit_callbacks, "cooperation")
    assert fragments.remember("test-keyless", lambda: calls.append(1) or len(calls)) == 2


def test_a_fragment_built_while_a_change_commits_is_not_kept():
    """Its versions may be the change's while its data is from before: it is used once, not kept."""

    def built_during_a_change():
        value = group("tourism").title_en
        content_version.bump()  # what purge.apply does once a change commits, clock first
        fragments.touch({f"page:{group('tourism').pk}"})
        return value

    build = Builds("tourism")
    assert fragments.remember("test-race", built_during_a_change) == "Tourism Group"
    assert fragments.remember("test-race", build) == "Tourism Group"
    assert build.count == 1


def test_a_cache_that_lost_its_versions_rebuilds_what_was_built_with_them():
    """A restarted or evicting Redis: with the clock gone too, a new clock and new versions."""
    build = Builds("tourism")
    fragments.remember("test-lost", build)
    cache.delete(f"{fragments.VERSION_PREFIX}page:{group('tourism').pk}")  # evicted
    cache.delete(content_version.KEY)
    fragments.remember("test-lost", build)
    assert build.count == 2


def test_a_fragment_found_current_is_not_asked_for_again_until_a_change_commits(
    django_capture_on_commit_callbacks,
):
    build = Builds("tourism")
    fragments.remember("test-memo", build)
    # Nothing committed since: this process's copy is current without asking the shared cache.
    cache.delete(f"fragment:test-memo:{timezone.localdate():%Y%m%d}")
    assert fragments.remember("test-memo", build) == "Tourism Group"
    assert build.count == 1
    publish(django_capture_on_commit_callbacks, "tourism", title_en="Tourism and travel")
    assert fragments.remember("test-memo", build) == "Tourism and travel"
    assert build.count == 2


@pytest.mark.parametrize(
    "lang, changed, kept", [("en", "tourism", "cooperation"), ("es", "turismo", "cooperacion")]
)
def test_publishing_one_group_keeps_the_menus_and_the_other_groups_details(
    client, django_capture_on_commit_callbacks, lang, changed, kept
):
    section = "technical-groups" if lang == "en" else "grupos-tecnicos"
    kept_url, changed_url = f"/{lang}/{section}/{kept}/", f"/{lang}/{section}/{changed}/"
    warm = count_queries(client, kept_url)
    client.get(changed_url)
    publish(
        django_capture_on_commit_callbacks, "tourism", summary_en="New words.", summary_es="Palabras nuevas."
    )
    with CaptureQueriesContext(connection) as queries:
        assert client.get(kept_url).status_code == 200
    assert len(queries) == warm  # nothing it shows changed: only its page, its news and its events
    page = client.get(changed_url).content.decode()
    assert ("New words." if lang == "en" else "Palabras nuevas.") in page


def test_a_preview_shows_the_draft_not_the_kept_details():
    """A group's details are a fragment of the live page; a preview builds them from the draft."""
    moderator_client = signed_in(member_of(MODERATORS, "moderator"))
    page = group("culture")
    live_label = page.facts.first().label_en
    assert live_label in moderator_client.get("/en/technical-groups/culture/").content.decode()  # kept now
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    data = form_data(moderator_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])))
    data["facts-0-label_en"] = "A fact in the draft only"
    assert moderator_client.post(url, data).json()["is_valid"]
    assert "A fact in the draft only" in moderator_client.get(url, {"mode": "en"}).content.decode()
    live = moderator_client.get("/en/technical-groups/culture/").content.decode()
    assert live_label in live
    assert "A fact in the draft only" not in live


def test_while_the_version_cannot_be_read_a_fragment_is_checked_every_time(
    monkeypatch, django_capture_on_commit_callbacks
):
    """Redis unreachable for the clock's read: every such read looks the same, so it proves nothing."""
    unreachable = f"{content_version.UNREACHABLE}-{timezone.localdate():%Y%m%d}"
    monkeypatch.setattr(content_version, "read", lambda: unreachable)
    build = Builds("tourism")
    assert fragments.remember("test-unread", build) == "Tourism Group"
    publish(django_capture_on_commit_callbacks, "tourism", title_en="Tourism and travel")
    assert fragments.remember("test-unread", build) == "Tourism and travel"
