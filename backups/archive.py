"""Backups of the whole site (database and uploaded files) and their restoration.

A backup is a folder named alliance-<UTC time> holding:

- database.dump (PostgreSQL, pg_dump's custom format) or database.sqlite3 (SQLite's online
  backup), each a consistent snapshot of the database taken in one transaction;
- media.tar.gz, every file of the default storage (documents, images; the local disk or the
  bucket, read through Django's storage API), archived after the database, so that every file
  the database refers to is in it;
- manifest.json: the engine, the versions, a SHA-256 of each file and the number of rows of every
  model, which a restore checks against what it restored.

The folder is written as <name>.partial and renamed once complete: a folder without that suffix
is a whole backup. It holds the database and restricted documents, so it is private to its owner
(folders 0700, files 0600, whatever the umask). A restore needs an empty database (one that was
never migrated), writes the files back through the storage API and refuses to overwrite a
different file.
"""

import datetime
import hashlib
import json
import os
import posixpath
import shutil
import sqlite3
import stat
import subprocess
import tarfile
from pathlib import Path, PurePosixPath

import django
import wagtail
from django.apps import apps
from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.files.utils import validate_file_name
from django.db import connections, transaction

FORMAT = 1
DUMP_NAMES = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}
MEDIA_ARCHIVE = "media.tar.gz"
MANIFEST = "manifest.json"
PRIVATE_FOLDER, PRIVATE_FILE = stat.S_IRWXU, stat.S_IRUSR | stat.S_IWUSR  # 0700, 0600


class BackupError(Exception):
    pass


def default_backup_root():
    return Path(os.environ.get("BACKUP_ROOT", settings.BASE_DIR / "var" / "backups"))


def sha256_of(file):
    digest = hashlib.sha256()
    for chunk in iter(lambda: file.read(1 << 20), b""):
        digest.update(chunk)
    return digest.hexdigest()


def sha256(path):
    with open(path, "rb") as file:
        return sha256_of(file)


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


def stored_files(storage, folder=""):
    """Every file name in `storage`, sorted, found by walking listdir."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # a local MEDIA_ROOT that nothing was ever uploaded to
        return []
    names = [posixpath.join(folder, name) for name in files]
    for child in folders:
        names += stored_files(storage, posixpath.join(folder, child))
    return sorted(names)


def _archive_media(target, storage):
    with tarfile.open(target, "w:gz") as archive:
        for name in stored_files(storage):
            with storage.open(name, "rb") as file:
                member = tarfile.TarInfo(name)
                member.size, member.mode = file.size, PRIVATE_FILE
                archive.addfile(member, file)


def _make_private(folder):
    """0700 for `folder`, 0600 for every file in it (what pg_dump or tarfile created may be wider)."""
    folder.chmod(PRIVATE_FOLDER)
    for path in folder.iterdir():
        path.chmod(PRIVATE_FILE)


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
    if not root.exists():
        root.mkdir(parents=True, mode=PRIVATE_FOLDER)
        root.chmod(PRIVATE_FOLDER)  # mkdir's mode is filtered by the umask
    # Born private (the umask may only narrow 0700), so nothing in it is ever readable by others.
    partial.mkdir(mode=PRIVATE_FOLDER)
    partial.chmod(PRIVATE_FOLDER)
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
        _archive_media(partial / MEDIA_ARCHIVE, default_storage)
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
        _make_private(partial)
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


def _stored_name(member):
    """The storage name of an archived file; refuses absolute names and "..", as extraction would."""
    try:
        return validate_file_name(PurePosixPath(member.name).as_posix(), allow_relative_path=True)
    except SuspiciousFileOperation as error:
        raise BackupError(f"The media archive holds an unsafe name: {member.name!r}") from error


def _files_to_restore(archive_path, storage):
    """Names of the archived files that `storage` lacks; refuses one it holds with other content."""
    missing = []
    with tarfile.open(archive_path, "r:gz") as archive:
        for member in archive:
            if not member.isfile():
                continue
            name = _stored_name(member)
            if not storage.exists(name):
                missing.append(name)
                continue
            with storage.open(name, "rb") as existing:
                if sha256_of(existing) != sha256_of(archive.extractfile(member)):
                    raise BackupError(f"{name} exists and differs from the backup; move it away first.")
    return set(missing)


def _restore_media(archive_path, storage, names):
    with tarfile.open(archive_path, "r:gz") as archive:
        for member in archive:
            if member.isfile() and _stored_name(member) in names:
                name = _stored_name(member)
                saved = storage.save(name, File(archive.extractfile(member), name=name))
                if saved != name:
                    raise BackupError(f"{name} was stored as {saved}; the storage renamed it.")


def restore_backup(folder, using="default"):
    """Restore `folder` into the (empty) database and the default storage; return the manifest."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    connection = connections[using]
    if manifest["engine"] != connection.vendor:
        raise BackupError(f"This is a {manifest['engine']} backup; the database is {connection.vendor}.")
    if connection.introspection.table_names():
        raise BackupError("The database is not empty: restore into a new, empty database.")
    # Files are checked before anything is written: a refused restore leaves the database empty.
    missing_files = _files_to_restore(folder / MEDIA_ARCHIVE, default_storage)
    _restore_database(connection, folder / DUMP_NAMES[manifest["engine"]])
    _restore_media(folder / MEDIA_ARCHIVE, default_storage, missing_files)
    restored = row_counts(using)
    missing = {label: rows for label, rows in manifest["rows"].items() if restored.get(label) != rows}
    if missing:
        raise BackupError(f"Restored row counts differ from the backup's: {missing}")
    return manifest
