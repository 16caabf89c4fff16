"""The WSGI module: production refuses to start on wrong settings; `make run` (runserver) starts."""

import importlib
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured


def load_wsgi():
    sys.modules.pop("alliance_site.wsgi", None)
    return importlib.import_module("alliance_site.wsgi")


def test_production_refuses_a_page_cache_that_the_app_servers_do_not_share(settings):
    settings.DEBUG = False
    settings.PAGE_CACHE_SECONDS = 3600
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    with pytest.raises(ImproperlyConfigured, match="caching.E001"):
        load_wsgi()


@pytest.mark.engine
def test_the_development_server_starts_on_the_embedded_defaults(settings, tmp_path):
    settings.DEBUG = True
    settings.PAGE_CACHE_SECONDS = 3600
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path),
        }
    }
    assert callable(load_wsgi().application)
