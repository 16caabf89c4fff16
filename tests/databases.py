"""The test databases: one is migrated and loaded with the content (the template), and each xdist
worker works on a copy of it, instead of every worker migrating and loading its own.

PostgreSQL copies a database with CREATE DATABASE ... TEMPLATE, SQLite as a file (Django's
`clone_test_db`, as its own parallel runner does). The first worker to need a database builds the
template while the others wait for it on a file lock; the copies take a second or two. On SQLite a
worker's copy is then read into memory (as `make test` always ran), unless `make test-fast` keeps
its databases as files (SQLITE_TEST_DATABASE): it keeps the template between runs too, and copies it
afresh on each; and it keeps the migrated database before the load (SQLITE_MIGRATED_DATABASE), so
that a change to the code, not to the migrations, costs a new load, not a new migration as well.
The uploaded files the content brings are copied with the database.
"""

import fcntl
import json
import os
import shutil
import sqlite3
import tempfile
from contextlib import contextmanager
from pathlib import Path

FOLDER_VARIABLE = "ALLIANCE_TEST_TEMPLATE"  # where the workers find the template's record and files
MIGRATED_VARIABLE = "SQLITE_MIGRATED_DATABASE"  # `make test-fast`: the migrated database, kept
WORKER = os.environ.get("PYTEST_XDIST_WORKER")  # gw0, gw1... in an xdist worker


def prepare(config):
    """In the controller, before the workers start: the folder they share for this run."""
    if hasattr(config, "workerinput") or FOLDER_VARIABLE in os.environ:
        return
    kept = os.environ.get("SQLITE_TEST_DATABASE")
    folder = Path(f"{kept}-template") if kept else Path(tempfile.mkdtemp(prefix="alliance-test-template-"))
    folder.mkdir(parents=True, exist_ok=True)
    if config.getvalue("create_db"):  # pytest-django's --create-db: a kept template is built anew
        (folder / "template.json").unlink(missing_ok=True)
        Path(os.environ.get(MIGRATED_VARIABLE, folder / "none")).unlink(missing_ok=True)
    os.environ[FOLDER_VARIABLE] = str(folder)


def finish(config, unblocked):
    """In the controller, after the run: drop the template and its folder, unless they are kept."""
    folder = os.environ.get(FOLDER_VARIABLE)
    if hasattr(config, "workerinput") or not folder or os.environ.get("SQLITE_TEST_DATABASE"):
        return
    record = Path(folder) / "template.json"
    if record.exists():
        from django.db import connection

        with unblocked():
            original = connection.settings_dict["NAME"]
            connection.settings_dict["NAME"] = json.loads(record.read_text())["name"]
            connection.creation.destroy_test_db(original, verbosity=0)
    shutil.rmtree(folder, ignore_errors=True)


def name_the_template(folder):
    """An SQLite template must be a file the workers can copy (Django's default is in memory)."""
    from django.db import connection

    test = connection.settings_dict.setdefault("TEST", {})
    if WORKER and connection.vendor == "sqlite" and not test.get("NAME"):
        test["NAME"] = str(Path(folder) / "template.sqlite3")


def built(record):
    """Whether the template is ready: built in this run, or kept by `make test-fast` (its file)."""
    if not record.exists():
        return False
    name = json.loads(record.read_text())["name"]
    return not name.endswith(".sqlite3") or Path(name).exists()


@contextmanager
def exclusive(folder):
    with (Path(folder) / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def set_up(build, keepdb, verbosity):
    """The test database, migrated and loaded by `build()`: without workers, as pytest-django makes
    it; with them, this worker's own copy of the template, built first if no worker has."""
    from django.test.utils import setup_databases

    if not WORKER:
        made = setup_databases(
            verbosity=verbosity, interactive=False, keepdb=keepdb, serialized_aliases=set()
        )
        build()
        return made
    from django.conf import settings
    from django.db import connection

    folder = Path(os.environ[FOLDER_VARIABLE])
    record = folder / "template.json"
    with exclusive(folder):
        if not built(record):
            keepdb = start_from_migrated(connection) or keepdb
            # No test restores a serialized copy (serialized_rollback), as pytest-django finds too.
            setup_databases(verbosity=verbosity, interactive=False, keepdb=keepdb, serialized_aliases=set())
            keep_migrated(connection)
            build()
            shutil.copytree(settings.MEDIA_ROOT, folder / "media", dirs_exist_ok=True)
            record.write_text(json.dumps({"name": connection.settings_dict["NAME"]}))
        else:
            connection.settings_dict["NAME"] = json.loads(record.read_text())["name"]
            if (folder / "media").exists():
                shutil.copytree(folder / "media", settings.MEDIA_ROOT, dirs_exist_ok=True)
        connection.creation.clone_test_db(suffix=WORKER, verbosity=verbosity, keepdb=False)
        connection.creation.setup_worker_connection(WORKER)
    if connection.vendor == "sqlite" and not os.environ.get("SQLITE_TEST_DATABASE"):
        into_memory(connection, WORKER)
    return None


def start_from_migrated(connection):
    """Whether the template starts as a copy of the kept migrated database (`make test-fast`, whose
    Makefile names it by the migrations it ran). Migrating it again applies what is new and runs
    what follows every migration (seeding the interface strings), as a deployment does."""
    migrated = os.environ.get(MIGRATED_VARIABLE)
    if connection.vendor != "sqlite" or not migrated:
        return False
    template = Path(connection.settings_dict["TEST"]["NAME"])
    template.unlink(missing_ok=True)  # what a build that was stopped left
    if not Path(migrated).exists():
        return False
    shutil.copyfile(migrated, template)
    return True


def keep_migrated(connection):
    """Keep the migrated database, before the content is loaded, for the next template."""
    migrated = os.environ.get(MIGRATED_VARIABLE)
    if connection.vendor == "sqlite" and migrated and not Path(migrated).exists():
        connection.ensure_connection()
        copy = sqlite3.connect(f"{migrated}.partial")
        connection.connection.backup(copy)  # consistent, whatever the connection holds open
        copy.close()
        os.replace(f"{migrated}.partial", migrated)


def into_memory(connection, worker):
    """Read this worker's SQLite copy into a shared in-memory database (as Django's own parallel
    runner does when it spawns its workers), and remove the file."""
    copy = connection.settings_dict["NAME"]
    memory = f"file:memorydb_{connection.alias}_{worker}?mode=memory&cache=shared"
    source = sqlite3.connect(copy)
    target = sqlite3.connect(memory, uri=True)
    source.backup(target)
    source.close()
    connection.close()
    connection.settings_dict["NAME"] = memory
    connection.connect()  # keeps the in-memory database alive once `target` closes
    target.close()
    os.remove(copy)


def tear_down(made, keepdb, verbosity):
    """Drop this worker's copy, made afresh on each run (the template is the controller's), or
    without workers, the test database unless it is kept."""
    from django.db import connection
    from django.test.utils import teardown_databases

    if WORKER:
        connection.creation.destroy_test_db(verbosity=verbosity)
    elif not keepdb:
        teardown_databases(made, verbosity=verbosity)
