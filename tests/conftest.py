import io
import os
from pathlib import Path

import pytest
from django.core.management import call_command
from pytest_django.plugin import blocking_manager_key
from xdist.scheduler import LoadScopeScheduling

from tests import databases

pytest_plugins = ["tests.browser.figures"]

TESTS = Path(__file__).parent
# The longest tests start first, so that parallel workers finish together: the cluster's tests (one
# cluster), Lighthouse, and the tests that share the crawl of the served site.
LONGEST_FIRST = ("topology", "tests/browser/test_lighthouse.py", "crawl")


class ModuleScheduling(LoadScopeScheduling):
    """pytest-xdist hands each worker whole modules (their module fixtures are made once), and the
    topology package as one unit: its tests share one cluster, started once."""

    def _split_scope(self, nodeid):
        return "tests/topology" if nodeid.startswith("tests/topology/") else nodeid.split("::", 1)[0]


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") == "loadscope":
        # Keep the order of pytest_collection_modifyitems below, not xdist's largest-modules-first:
        # the longest tests must start first, and those that commit must come last.
        config.option.loadscopereorder = False
        return ModuleScheduling(config, log)
    return None


def rank(item):
    """Where the item's module stands in the run: longest first, then those that need no test
    database (while the first worker to need one builds it, tests/databases.py), tests that
    commit last."""
    if item.get_closest_marker("commits"):
        return len(LONGEST_FIRST) + 2
    path = Path(str(item.path))
    if path.is_relative_to(TESTS / "topology"):
        return LONGEST_FIRST.index("topology")
    if path.relative_to(TESTS.parent).as_posix() in LONGEST_FIRST:
        return LONGEST_FIRST.index(path.relative_to(TESTS.parent).as_posix())
    fixtures = getattr(item, "fixturenames", ())
    if "site_crawl" in fixtures:
        return LONGEST_FIRST.index("crawl")
    if not item.get_closest_marker("django_db") and "django_db_setup" not in fixtures:
        return len(LONGEST_FIRST)
    return len(LONGEST_FIRST) + 1


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Workers take modules in this order (the scheduler turns off xdist's own reordering), so
    nothing runs after the last one on its worker: what tests marked `commits` write (on
    PostgreSQL, through the served site) reaches no other test."""
    items.sort(key=rank)  # stable: within a rank, pytest-django's order


@pytest.fixture(scope="session", autouse=True)
def compiled_translations():
    call_command("compile_translations", stdout=io.StringIO())


def pytest_configure(config):
    databases.prepare(config)


def pytest_unconfigure(config):
    databases.finish(config, config.stash[blocking_manager_key].unblock)


@pytest.fixture(scope="session")
def django_db_modify_db_settings_xdist_suffix():
    """Not a database per worker from scratch, but a copy of one template (tests/databases.py)."""
    databases.name_the_template(os.environ[databases.FOLDER_VARIABLE])


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_keepdb,
    django_db_createdb,
    django_db_modify_db_settings,
):
    """Every test runs against the real content, loaded once from content/ (into the template that
    each worker copies)."""
    verbosity = request.config.option.verbose
    keep = django_db_keepdb and not django_db_createdb  # as pytest-django reads --reuse-db, --create-db
    with django_db_blocker.unblock():
        made = databases.set_up(load_content, keep, verbosity)
    yield
    with django_db_blocker.unblock():
        databases.tear_down(made, keep, verbosity)


def load_content():
    call_command("load_alliance_content", stdout=io.StringIO())


@pytest.fixture(scope="session")
def rendered_site(django_db_setup, django_db_blocker):
    """{URL path: HTML} of every live page in both languages, as an anonymous visitor gets it.

    Rendered once per worker for the tests that read every page, which each rendered all of them;
    every test rolls back what it changes, so the loaded site is what all of them would see."""
    from django.test import Client
    from wagtail.models import Page

    from tests.pages import get_ok, url_in

    client = Client()
    with django_db_blocker.unblock():
        pages = Page.objects.live().filter(depth__gt=1).order_by("path")
        return {
            url: get_ok(client, url) for page in pages for url in (url_in("en", page), url_in("es", page))
        }


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
    """Each test starts with an empty cache: a rolled-back test must not leave cached pages behind,
    nor the changes it noted (they would go with this test's first commit)."""
    from django.core.cache import cache

    from caching import changes

    changes.discard_uncommitted()
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed(): ...` runs what waits for the transaction to commit (the test's never does),
    as a real commit would at the end of the block: the caches learn of the change then."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
