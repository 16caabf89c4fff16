"""`make backup` / `make restore`: a backup restored into an empty database gives back everything.

The site is a scratch database of the same engine as the test run's (a file for SQLite, a new
database for PostgreSQL), copied from the loaded test database (conftest.py), and driven by the
real commands in processes of its own (one per database, kept between steps: tests/processes.py):
edit it in the admin, back it up, then delete a page in the admin; the backup is restored into
another, empty database, which must hold every row (pages, revisions, documents, snippets, both
languages) and every file exactly as they were at the backup, the deleted page included.
"""

import contextlib
import hashlib
import json
import os
import stat
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path

import boto3
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.models import Page, Revision

from tests.base.test_media_storage import CREDENTIALS, REGION, moto_endpoint  # noqa: F401
from tests.processes import django_process

pytestmark = [pytest.mark.django_db, pytest.mark.engine]


class Site:
    """One scratch database plus MEDIA_ROOT (or the bucket that `env` names), driven through manage.py."""

    def __init__(self, url, media, env=None):
        self.url, self.media, self.env = url, media, env or {}

    def environment(self):
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "alliance_site.settings.dev",
            "DATABASE_URL": self.url,
            "MEDIA_ROOT": str(self.media),
            **self.env,
        }

    def manage(self, *args, umask=-1, fails=False):
        """What the command printed (what it said was wrong, when it must fail)."""
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=settings.BASE_DIR,
            env=self.environment(),
            capture_output=True,
            text=True,
            timeout=600,
            umask=umask,
        )
        assert (result.returncode != 0) == fails, (
            f"manage.py {' '.join(args)}:\n{result.stdout}\n{result.stderr}"
        )
        return result.stderr if fails else result.stdout

    @contextlib.contextmanager
    def process(self, umask=-1):
        """The site's code running in a process of its own, kept between steps (tests/processes.py)."""
        with django_process(self.environment(), umask=umask) as site:
            site.run("from django.core.management import call_command")
            yield site

    def files(self):
        return {
            path.relative_to(self.media).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(self.media.rglob("*"))
            if path.is_file()
        }


def rows(process):
    """Every row of every model, in primary-key order."""
    return json.loads(process.run("call_command('dumpdata', indent=0)"))


def command(process, *args):
    """What the management command printed, run in `process`."""
    return process.run(f"call_command(*{list(args)!r})")


EDIT_IN_THE_ADMIN = """
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse
    from wagtail.test.utils.form_data import querydict_from_html
    from workgroups.models import TechnicalGroupPage

    user = get_user_model().objects.create_superuser("chief", "chief@example.org", "a long test password")
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    group = TechnicalGroupPage.objects.get(slug_en="gender")
    url = reverse("wagtailadmin_pages:edit", args=[group.pk])
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data["summary_es"] = "Resumen revisado en español: ñandú, acción."
    data["action-publish"] = "action-publish"
    assert client.post(url, data).status_code == 302
    data["summary_en"] = "A draft, not yet published."
    data.pop("action-publish")
    assert client.post(url, data).status_code == 302
    print(group.pk)
"""

DELETE_IN_THE_ADMIN = """
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse
    from wagtail.models import Page

    client = Client(HTTP_HOST="localhost")
    client.force_login(get_user_model().objects.get(username="chief"))
    assert client.post(reverse("wagtailadmin_pages:delete", args=[{pk}])).status_code == 302
    assert not Page.objects.filter(pk={pk}).exists()
"""


LISTING = """
from django.test import Client
client = Client(HTTP_HOST="localhost")
client.get("/en/technical-groups/")
listing = client.get("/en/technical-groups/")
print("listing:", listing["X-Shared"], "/technical-groups/{slug}/" in listing.content.decode())
"""

SUMMARY = """
from workgroups.models import TechnicalGroupPage
page = TechnicalGroupPage.objects.get(pk={pk})
print(page.summary_es, "|", page.has_unpublished_changes, "|", page.get_latest_revision().content["summary_en"])
"""


def listing_line(printed):
    """What LISTING printed: [X-Shared, whether the listing links the page]."""
    [line] = [line for line in printed.splitlines() if line.startswith("listing:")]
    return line.split()[1:]


def test_a_restored_backup_is_identical_and_keeps_a_page_deleted_later(
    tmp_path, scratch_databases, loaded_site
):
    source_url, restored_url = scratch_databases
    shared_cache = {"CACHE_DIR": str(tmp_path / "cache")}  # both sites on one cache, as after a restore
    source = Site(source_url, tmp_path / "media-source", env=shared_cache)
    loaded_site.copy_to(source_url, source.media)
    # Even with a umask that lets everyone read, the backup (database, documents) is private.
    with source.process(umask=0) as site:
        group_pk = int(site.run(EDIT_IN_THE_ADMIN))
        before, files_before = rows(site), source.files()
        assert any(path.startswith("documents/") for path in files_before)
        output = command(site, "backup_site", "--output", str(tmp_path / "backups"))
        folder = Path(output.split("Backup written to ")[-1].strip())
        assert_private(folder)
        manifest = json.loads((folder / "manifest.json").read_text())
        assert manifest["engine"] == connection.vendor
        assert manifest["rows"]["wagtailcore.revision"] > manifest["rows"]["wagtailcore.page"]

        # After the backup, an editor deletes the page (and with it, its revisions): the listing,
        # stored in the shared cache, no longer shows it.
        [page] = [row for row in before if row["model"] == "wagtailcore.page" and row["pk"] == group_pk]
        listing = LISTING.format(slug=page["fields"]["slug_en"])
        site.run(DELETE_IN_THE_ADMIN.format(pk=group_pk))
        assert listing_line(site.run(listing)) == ["yes", "False"]
        assert len(rows(site)) < len(before)

    restored = Site(restored_url, tmp_path / "media-restored", env=shared_cache)
    with restored.process() as site:
        assert "Restored the backup" in command(site, "restore_site", str(folder))
        # The restore made the shared cache forget what it held: the page is listed again.
        summary = site.run(SUMMARY.format(pk=group_pk))
        assert summary == "Resumen revisado en español: ñandú, acción. | True | A draft, not yet published.\n"
        assert listing_line(site.run(listing)) == ["yes", "True"]
        assert_identical(restored, rows(site), before, files_before, group_pk)


def assert_identical(restored, after, before, files_before, group_pk):
    """Every row of every model (both languages, revisions included) and every file came back,
    the page deleted after the backup with them, in both languages and with its draft."""
    assert len(after) == len(before)
    assert after == before
    assert restored.files() == files_before
    kept = [row for row in after if row["model"] == "workgroups.technicalgrouppage" and row["pk"] == group_pk]
    assert kept, "the page deleted after the backup is in the restored site"
    assert any(
        row["model"] == "wagtailcore.revision" and row["fields"]["object_id"] == str(group_pk)
        for row in after
    )


def assert_private(folder):
    """The backups folder, the backup and everything in it are the owner's only (0700 / 0600)."""
    for path in (folder.parent, folder):
        assert stat.S_IMODE(path.stat().st_mode) == 0o700, path
    files = list(folder.iterdir())
    assert {path.name for path in files} >= {"manifest.json", "media.tar.gz"}
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_restore_refuses_a_database_that_is_not_empty_and_a_damaged_backup(tmp_path, scratch_databases):
    source_url, _restored_url = scratch_databases
    output = Site(source_url, tmp_path / "media").manage("backup_site", "--output", str(tmp_path / "backups"))
    folder = Path(output.split("Backup written to ")[-1].strip())
    # Refused here, in this test's database, which holds the loaded site: nothing in it changes.
    pages, revisions = Page.objects.count(), Revision.objects.count()
    with pytest.raises(CommandError, match="The database is not empty"):
        call_command("restore_site", str(folder))

    (folder / "media.tar.gz").write_bytes(b"damaged")
    with pytest.raises(CommandError, match="missing or damaged"):
        call_command("restore_site", str(folder))
    with pytest.raises(CommandError, match="unfinished"):
        call_command("restore_site", f"{folder}.partial")
    assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)


def test_backup_and_restore_go_through_the_bucket(tmp_path, scratch_databases, moto_endpoint):  # noqa: F811
    """With the S3 storage configured from the AWS_* variables, files go to and come from the bucket."""
    bucket = f"alliance-backup-{uuid.uuid4().hex[:12]}"
    s3 = boto3.client("s3", endpoint_url=moto_endpoint, region_name=REGION, **CREDENTIALS)
    s3.create_bucket(Bucket=bucket)
    env = {
        "AWS_STORAGE_BUCKET_NAME": bucket,
        "AWS_S3_ENDPOINT_URL": moto_endpoint,
        "AWS_S3_REGION_NAME": REGION,
        "AWS_ACCESS_KEY_ID": CREDENTIALS["aws_access_key_id"],
        "AWS_SECRET_ACCESS_KEY": CREDENTIALS["aws_secret_access_key"],
    }
    files = {
        "documents/0a1b2c3d/informe anual.pdf": "%PDF-1.4 restringido: ñandú".encode(),
        "original_images/flag.png": bytes(range(256)) * 40,
        "images/flag.original.png": b"rendition",
    }
    for key, content in files.items():
        s3.put_object(Bucket=bucket, Key=key, Body=content)
    source_url, restored_url = scratch_databases
    unused_disk = tmp_path / "no-media-here"
    source = Site(source_url, unused_disk, env)
    output = source.manage("backup_site", "--output", str(tmp_path / "backups"), umask=0)
    folder = Path(output.split("Backup written to ")[-1].strip())
    assert_private(folder)
    with tarfile.open(folder / "media.tar.gz") as archive:
        assert {m.name: archive.extractfile(m).read() for m in archive.getmembers()} == files
    assert not unused_disk.exists()

    # The bucket loses everything; one name comes back with other content.
    for key in files:
        s3.delete_object(Bucket=bucket, Key=key)
    s3.put_object(Bucket=bucket, Key="images/flag.original.png", Body=b"another image")
    restored = Site(restored_url, unused_disk, env)
    assert "differs from the backup" in restored.manage("restore_site", str(folder), fails=True)
    assert [item["Key"] for item in s3.list_objects_v2(Bucket=bucket)["Contents"]] == [
        "images/flag.original.png"
    ]

    s3.delete_object(Bucket=bucket, Key="images/flag.original.png")  # the database is still empty
    assert "Restored the backup" in restored.manage("restore_site", str(folder))
    assert {key: s3.get_object(Bucket=bucket, Key=key)["Body"].read() for key in files} == files
    assert not unused_disk.exists()
