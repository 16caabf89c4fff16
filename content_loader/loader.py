"""Finds every app's content specs, reads and checks them all, then writes them in one transaction."""

from importlib import import_module
from pathlib import Path

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import translation
from django.utils.module_loading import module_has_submodule

from .ownership import Load, begin

SPEC_MODULE = "content_spec"


def discover():
    """Every app's ContentSpec classes (`CONTENT` in `<app>/content_spec.py`), in their order."""
    found = []
    for app_config in apps.get_app_configs():
        if module_has_submodule(app_config.module, SPEC_MODULE):
            found.extend(import_module(f"{app_config.name}.{SPEC_MODULE}").CONTENT)
    return sorted(found, key=lambda spec: spec.order)


def read_all(root: Path):
    """{name: spec} of every spec, each read and checked; ContentError for a malformed file."""
    specs = {}
    for spec_class in discover():
        missing = [name for name in spec_class.requires if name not in specs]
        if missing:
            raise ImproperlyConfigured(f"{spec_class.__name__} needs {missing}, which come later or nowhere.")
        specs[spec_class.provides or spec_class.__name__] = spec_class(root, specs)
    return specs


def load_content(content_dir: Path, report=print, overwrite=(), overwrite_all=False):
    """Load `content_dir` into the database, keeping what people changed (ownership.py), and return
    the run; raise ContentError, with nothing written, if a file or an --overwrite key is wrong."""
    specs = read_all(Path(content_dir))
    load = Load(Path(content_dir), frozenset(overwrite), overwrite_all)
    with translation.override("en"), transaction.atomic(), begin(load):
        written = {}
        for name, spec in specs.items():
            written[name] = spec.write(written, report)
        load.check_overwrite_keys()
    return load
