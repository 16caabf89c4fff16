"""The published Spanish of the interface strings, in every app server's gettext within seconds.

Django reads its catalogs (.mo files) once per process and offers no public call to overlay or
reload them. So the published strings are compiled (Babel) into a .mo of their own, in the
directory listed first in LOCALE_PATHS (INTERFACE_STRINGS_DIR, default var/strings/): it wins over
`locale/`, and makemessages, which writes to the locale directory above the source files, never
touches it). Publishing a string bumps a
version in the shared cache once the change commits (before the caches in front are purged); each
process compares it with the version its catalog was built from at the start of each request and,
when it differs, rewrites the .mo from the database and calls Django's own hook for a changed .mo
(`translation_file_changed`, what runserver calls), while no other request of the process is
running, since that hook resets every thread's active language.
"""

import fcntl
import hashlib
import logging
import os
import threading
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.utils import translation
from django.utils.translation.reloader import translation_file_changed

from caching import changes, dependencies

from .models import InterfaceString

logger = logging.getLogger(__name__)
VERSION_KEY = "interface-strings-version"
LANGUAGE = "es"
STRINGS_KEY = f"{dependencies.STRINGS}:{LANGUAGE}"
WAIT_SECONDS = 10  # for the requests in flight before a reload; a stuck one is not waited for longer


def mo_path():
    return Path(settings.LOCALE_PATHS[0]) / LANGUAGE / "LC_MESSAGES" / "django.mo"


def rebuild():
    """Compile the published Spanish into the overlay .mo and load it into this process: both
    under a lock, so that processes sharing the folder (of one machine, or of parallel tests on
    their own databases) each load what they wrote."""
    catalog = Catalog(locale=LANGUAGE, fuzzy=False)
    rows = InterfaceString.objects.filter(live=True).exclude(spanish="")
    for context, source, plural, spanish, spanish_plural in rows.values_list(
        "context", "source", "source_plural", "spanish", "spanish_plural"
    ):
        if plural:
            count = catalog.num_plurals
            forms = [spanish] + [spanish_plural or spanish] * (count - 1)
            catalog.add((source, plural), tuple(forms), context=context or None)
        else:
            catalog.add(source, spanish, context=context or None)
    path = mo_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.parent / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        with open(temporary, "wb") as stream:
            write_mo(stream, catalog)
        os.replace(temporary, path)
        translation_file_changed(sender=None, file_path=path)
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                translation.gettext("")  # loads the catalogs now, while the file is ours


class _State:
    def __init__(self):
        self.condition = threading.Condition()
        self.in_flight = 0
        self.reloading = False
        self.loaded = None  # the version this process's catalog was built from


_state = _State()


def published_version():
    """A digest of the published Spanish: the same strings give the same version, so a shared cache
    that lost it (emptied, restarted) makes no process reload."""
    live = InterfaceString.objects.filter(live=True).order_by("pk")
    live = live.values_list("pk", "live_revision_id", "spanish", "spanish_plural")
    return hashlib.sha256(repr(list(live)).encode()).hexdigest()[:16]


def shared_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        try:
            version = published_version()
        except DatabaseError:
            return _state.loaded  # the database outage is answered elsewhere; keep the catalog
        cache.set(VERSION_KEY, version, timeout=None)
    return version


def reload(version):
    try:
        rebuild()
    except DatabaseError:
        logger.warning("Could not read the interface strings; the catalog stays as it is")
        return
    _state.loaded = version


def enter():
    """Start a request: first bring this process's catalog up to date if the shared one moved."""
    version = shared_version()
    with _state.condition:
        if version != _state.loaded and not _state.reloading:
            _state.reloading = True
            try:
                if not _state.condition.wait_for(lambda: _state.in_flight == 0, timeout=WAIT_SECONDS):
                    logger.warning("Reloading the interface strings while requests are still running")
                reload(version)
            finally:
                _state.reloading = False
                _state.condition.notify_all()
        else:
            _state.condition.wait_for(lambda: not _state.reloading, timeout=WAIT_SECONDS)
        _state.in_flight += 1


def leave():
    with _state.condition:
        _state.in_flight -= 1
        _state.condition.notify_all()


class InterfaceStringsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        enter()
        try:
            return self.get_response(request)
        finally:
            leave()


def note_published(sender, instance, **kwargs):
    """A published (or unpublished) string changes what every Spanish page shows."""
    if isinstance(instance, InterfaceString):
        changes.note(instance, keys=changes.keys_of(instance) | {STRINGS_KEY})


def bump_on_change(sender, change, **kwargs):
    # Before the caches in front are purged (changes.py): a page rebuilt after the purge reads it.
    if STRINGS_KEY in change.keys:
        bump()


def bump():
    cache.set(VERSION_KEY, published_version(), timeout=None)
