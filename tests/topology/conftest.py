"""The whole production topology (deploy/cluster.py), started once for the topology tests.

Varnish in front of two gunicorn app servers with the production settings, their own
PostgreSQL, Redis and S3 server (moto), all on 127.0.0.1. Tests stop and start its parts; each
part is the cluster's own, never the machine's. Marked `topology`; CI runs them once. The cluster
lives as long as this package's tests, which run together (tests/conftest.py), and stops after them.
"""

import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

from deploy.cluster import Cluster

from .site import AdminSession

NEEDED = ("varnishd", "redis-server", "pg_isready", "psql", "runuser")
ADMIN = ("topology-admin", "a-long-topology-password")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/topology/" in str(item.fspath):
            item.add_marker(pytest.mark.topology)


@pytest.fixture(scope="package")
def cluster():
    missing = [tool for tool in NEEDED if not shutil.which(tool)]
    if not Path(sys.executable).with_name("moto_server").exists():
        missing.append("moto_server (pip install 'moto[server]')")
    if missing:
        message = f"the topology tests need {', '.join(missing)} (make cluster-deps installs them)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    folder = tempfile.mkdtemp(prefix="alliance-cluster-")
    running = Cluster(folder)
    try:
        running.start()
        env = {"DJANGO_SUPERUSER_PASSWORD": ADMIN[1]}
        running.env.update(env)
        running.manage(
            "createsuperuser", "--noinput", "--username", ADMIN[0], "--email", "admin@alliance.example"
        )
        yield running
    finally:
        running.stop_all()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="package")
def admin_on_a(cluster):
    """A superuser signed in through app server A."""
    return AdminSession(cluster.app_url("a"), *ADMIN)
