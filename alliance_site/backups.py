"""Backups of the whole site (database and uploaded files) and their restoration.

A backup is a folder named alliance-<UTC time> holding:

- database.dump (PostgreSQL, pg_dump's custom format) or database.sqlite3 (SQLite's online
  backup), each a consistent snapshot of the database taken in one transaction;
- media.tar.gz, every file under MEDIA_ROOT (documents, images), archived after the database, so
  that every file the database refers to is in it;
- manifest.json: the engine, the versions, a SHA-256 of each file and the number of rows of every
  model, which a restore checks against what it restored.

The folder is written as <name>.partial and renamed once complete: a folder without that suffix
is a whole backup. A restore needs an empty database (one that was never migrated) and refuses
to overwrite a different file in MEDIA_ROOT.
"""

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

import django
import wagtail
from django.apps import apps
from django.conf import settings
from django.db import connections, transaction

FORMAT = 1
DUMP_NAMES = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}
MEDIA_ARCHIVE = "media.tar.gz"
MANIFEST = "manifest.json"


class BackupError(Exception):
    pass


def default_backup_root():
    return Path(os.environ.get("BACKUP_ROOT", settings.BASE_DIR / "backups"))


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def row_counts(using="default"):
    """{app_label.model_name: rows} of every concrete model with a table."""
    counts = {}
    tables = set(connections[using].introspection.table_names())
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed or model._meta.db_table not in tables:
            continue
        counts[model._meta.label_lower] = model._base_manager.using(using).count()
    return dict(sorted(counts.items()))


def _postgres_env(connection):
    params = connection.settings_dict
    env = dict(os.environ)
    for key, name in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if params.get(key):
            env[name] = str(params[key])
    return env


def _run(command, env):
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[-2000:]}")


def _dump_database(connection, target, snapshot=None):
    if connection.vendor == "postgresql":
        command = [
            os.environ.get("PG_DUMP", "pg_dump"),
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            f"--file={target}",
            connection.settings_dict["NAME"],
        ]
        if snapshot:
            command.insert(1, f"--snapshot={snapshot}")
        _run(command, _postgres_env(connection))
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        destination = sqlite3.connect(target)
        try:
            connection.connection.backup(destination)  # a consistent online copy
        finally:
            destination.close()
    else:
        raise BackupError(f"Backups of {connection.vendor} databases are not supported.")


def _archive_media(target):
    media = Path(settings.MEDIA_ROOT)
    with tarfile.open(target, "w:gz") as archive:
        if media.is_dir():
            for path in sorted(media.rglob("*")):
                if path.is_file():
                    archive.add(path, arcname=path.relative_to(media).as_posix(), recursive=False)


def create_backup(root=None, using="default", now=None):
    """Write a backup under `root`; return its folder."""
    connection = connections[using]
    if connection.vendor not in DUMP_NAMES:
        raise BackupError(f"Backups of {connection.vendor} databases are not supported.")
    now = now or datetime.datetime.now(datetime.UTC)
    root = Path(root or default_backup_root())
    name = f"alliance-{now:%Y%m%d-%H%M%S}"
    folder, partial = root / name, root / f"{name}.partial"
    if folder.exists():
        raise BackupError(f"{folder} already exists.")
    partial.mkdir(parents=True, exist_ok=False)
    try:
        dump = partial / DUMP_NAMES[connection.vendor]
        # The row counts and the dump come from one snapshot of the database: on PostgreSQL
        # pg_dump joins this transaction's exported snapshot; SQLite copies through the same
        # connection, inside the same read transaction.
        with transaction.atomic(using=using):
            snapshot = None
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                    cursor.execute("SELECT pg_export_snapshot()")
                    snapshot = cursor.fetchone()[0]
            counts = row_counts(using)
            _dump_database(connection, dump, snapshot)
        _archive_media(partial / MEDIA_ARCHIVE)
        manifest = {
            "format": FORMAT,
            "created": now.isoformat(),
            "engine": connection.vendor,
            "django": django.__version__,
            "wagtail": wagtail.__version__,
            "files": {path.name: sha256(path) for path in (dump, partial / MEDIA_ARCHIVE)},
            "rows": counts,
        }
        (partial / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
        partial.rename(folder)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return folder


def read_manifest(folder):
    folder = Path(folder)
    if folder.name.endswith(".partial"):
        raise BackupError(f"{folder} is an unfinished backup.")
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{folder} has no readable {MANIFEST}: {error}") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{folder} is a backup of an unknown format.")
    for name, digest in manifest["files"].items():
        if not (folder / name).is_file() or sha256(folder / name) != digest:
            raise BackupError(f"{folder / name} is missing or damaged (checksum mismatch).")
    return manifest


def _restore_database(connection, dump):
    if connection.vendor == "postgresql":
        command = [
            os.environ.get("PG_RESTORE", "pg_restore"),
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={connection.settings_dict['NAME']}",
            str(dump),
        ]
        connection.close()
        _run(command, _postgres_env(connection))
    else:
        connection.ensure_connection()
        source = sqlite3.connect(dump)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
        connection.close()


def _restore_media(archive_path):
    media = Path(settings.MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive_path, "r:gz") as archive:
        members = archive.getmembers()
        for member in members:
            target = media / member.name
            if member.isfile() and target.exists():
                if sha256(target) != hashlib.sha256(archive.extractfile(member).read()).hexdigest():
                    raise BackupError(f"{target} exists and differs from the backup; move it away first.")
        archive.extractall(
            media, members=[m for m in members if not (media / m.name).exists()], filter="data"
        )


def restore_backup(folder, using="default"):
    """Restore `folder` into the (empty) database and MEDIA_ROOT; return the manifest."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    connection = connections[using]
    if manifest["engine"] != connection.vendor:
        raise BackupError(f"This is a {manifest['engine']} backup; the database is {connection.vendor}.")
    if connection.introspection.table_names():
        raise BackupError("The database is not empty: restore into a new, empty database.")
    _restore_database(connection, folder / DUMP_NAMES[manifest["engine"]])
    _restore_media(folder / MEDIA_ARCHIVE)
    restored = row_counts(using)
    missing = {label: rows for label, rows in manifest["rows"].items() if restored.get(label) != rows}
    if missing:
        raise BackupError(f"Restored row counts differ from the backup's: {missing}")
    return manifest
