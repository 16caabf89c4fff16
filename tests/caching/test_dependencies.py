"""Keys are bounded without losing any dependency; fragments kept in the cache replay theirs."""

import pytest

from caching import dependencies, fragments


def test_an_object_listed_with_its_whole_collection_needs_no_key_of_its_own():
    recorded = dependencies.Dependencies()
    recorded.add("page:1", "list:news.newsitempage")
    recorded.add("page:2", "list:workgroups.technicalgrouppage")
    recorded.add("list:news.newsitempage")
    assert recorded.bounded() == ["list:news.newsitempage", "page:2"]


def test_a_long_listing_sends_its_collection_key_within_the_bound():
    recorded = dependencies.Dependencies()
    for pk in range(300):
        recorded.add(f"cooperation.responsibleentity:{pk}", "list:cooperation.responsibleentity")
    recorded.add("page:7", "list:wagtailcore.page")
    keys = recorded.bounded(limit=64)
    assert keys == ["list:cooperation.responsibleentity", "page:7"]


def test_hashed_keys_are_short_and_stable():
    assert dependencies.hashed("page:1") == dependencies.hashed("page:1")
    assert dependencies.hashed("page:1") != dependencies.hashed("page:2")
    assert len(dependencies.hashed("list:" + "x" * 500)) == 12


@pytest.mark.django_db
def test_a_remembered_fragment_records_its_keys_on_every_use():
    def build():
        dependencies.record("children:0001")
        return "menu"

    for _ in range(2):  # built, then kept
        with dependencies.recording() as recorded:
            assert fragments.remember("test-fragment", build) == "menu"
        assert "children:0001" in recorded.keys
