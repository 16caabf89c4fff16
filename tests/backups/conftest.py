"""Scratch sites for the backup tests: empty databases of the engine under test, and the site as
tests/conftest.py loaded it, copied once, so that a test starts from the loaded site without
migrating and loading it again in subprocesses (the commands under test still run as processes)."""

import os
import shutil
import sqlite3
import subprocess
import uuid
from pathlib import Path
from urllib.parse import quote, urlsplit

import psycopg
import pytest
from django.conf import settings
from django.db import connection


@pytest.fixture
def scratch_databases(tmp_path):
    """Two empty databases of the engine under test: (source URL, target URL)."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'source.sqlite3'}", f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    params = connection.settings_dict
    names = [f"backup_{kind}_{uuid.uuid4().hex[:8]}" for kind in ("source", "restored")]
    admin = psycopg.connect(
        dbname="postgres",
        host=params["HOST"] or None,
        port=params["PORT"] or None,
        user=params["USER"] or None,
        password=params["PASSWORD"] or None,
        autocommit=True,
    )
    user = quote(params["USER"] or "", safe="")
    password = f":{quote(params['PASSWORD'], safe='')}" if params["PASSWORD"] else ""
    location = f"{params['HOST'] or 'localhost'}:{params['PORT'] or 5432}"
    try:
        for name in names:
            admin.execute(f'CREATE DATABASE "{name}"')
        yield tuple(f"postgres://{user}{password}@{location}/{name}" for name in names)
    finally:
        for name in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def postgres_options(params):
    """pg_dump's and pg_restore's connection options for Django's database settings."""
    options = ["--host", params["HOST"] or "localhost", "--port", str(params["PORT"] or 5432)]
    return options + (["--username", params["USER"]] if params["USER"] else [])


class LoadedSite:
    """The test database and its files as loaded (every test rolls back, so none of theirs is in it)."""

    def __init__(self, folder):
        self.folder = folder
        self.media = folder / "media"
        self.database = folder / ("database.sqlite3" if connection.vendor == "sqlite" else "database.dump")

    def save(self):
        shutil.copytree(settings.MEDIA_ROOT, self.media)
        connection.ensure_connection()
        if connection.vendor == "sqlite":
            copy = sqlite3.connect(self.database)
            connection.connection.backup(copy)
            copy.close()
            return
        params = connection.settings_dict
        command = ["pg_dump", "--format=custom", "--no-owner", "--file", str(self.database)]
        self.run([*command, *postgres_options(params), params["NAME"]], params)

    def copy_to(self, url, media):
        """Fill the empty database at `url` and the folder `media` with the loaded site."""
        shutil.copytree(self.media, media)
        if connection.vendor == "sqlite":
            shutil.copyfile(self.database, urlsplit(url).path)
            return
        params = connection.settings_dict
        name = urlsplit(url).path.lstrip("/")
        command = ["pg_restore", "--no-owner", "--exit-on-error", *postgres_options(params)]
        self.run([*command, "--dbname", name, str(self.database)], params)

    @staticmethod
    def run(command, params):
        env = {"PGPASSWORD": params["PASSWORD"]} if params["PASSWORD"] else {}
        result = subprocess.run(command, env={**os.environ, **env}, capture_output=True, text=True)
        assert result.returncode == 0, f"{command[0]}: {result.stderr}"


@pytest.fixture(scope="session")
def loaded_site(django_db_setup, django_db_blocker, tmp_path_factory):
    site = LoadedSite(Path(tmp_path_factory.mktemp("loaded-site")))
    with django_db_blocker.unblock():
        site.save()
    return site
