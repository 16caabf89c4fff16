import io
from pathlib import Path

import pytest
from django.core.management import call_command

TESTS = Path(__file__).parent
# The longest groups of tests, which start first so that parallel workers finish together: the
# cluster's tests (one cluster), Lighthouse, and the tests that share the crawl of the served site.
LONGEST_FIRST = ("topology", "tests/browser/test_lighthouse.py", "crawl")


def work_group(item):
    """The group of tests that one worker runs together, in one go (pytest-xdist's loadgroup)."""
    path = Path(str(item.path))
    if path.is_relative_to(TESTS / "topology"):
        return "topology"
    if item.get_closest_marker("commits"):
        return "commits"
    if "site_crawl" in getattr(item, "fixturenames", ()):
        return "crawl"
    return path.relative_to(TESTS.parent).as_posix()  # a module's tests share its fixtures


def pytest_itemcollected(item):
    # Before pytest-xdist reads the groups (in its pytest_collection_modifyitems).
    item.add_marker(pytest.mark.xdist_group(work_group(item)))


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """The longest groups first; tests that commit last, after every other test of their worker.

    Workers take groups in this order, so nothing runs after the last group on its worker: what
    those tests commit (on PostgreSQL, through the served site) cannot reach another test.
    """

    def rank(item):
        group = work_group(item)
        if group in LONGEST_FIRST:
            return LONGEST_FIRST.index(group)
        return len(LONGEST_FIRST) + (1 if group == "commits" else 0)

    items.sort(key=rank)  # stable: the order within each rank is pytest-django's


@pytest.fixture(scope="session", autouse=True)
def compiled_translations():
    call_command("compile_translations", stdout=io.StringIO())


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test runs against the real content, loaded once from content/."""
    with django_db_blocker.unblock():
        call_command("load_alliance_content", stdout=io.StringIO())


@pytest.fixture
def english_client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language, whichever test its worker ran before it (a request
    through the test client leaves its page's language active on the thread)."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache: a rolled-back test must not leave cached pages behind."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed(): ...` runs what waits for the transaction to commit (the test's never does),
    as a real commit would at the end of the block: the caches learn of the change then."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
