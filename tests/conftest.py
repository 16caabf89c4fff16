import io

import pytest
from django.core.management import call_command


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
