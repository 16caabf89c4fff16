"""The production topology on 127.0.0.1, from the repository's files: `make cluster`.

    Varnish -> app servers A and B (gunicorn, production settings) -> PostgreSQL, Redis, S3 (moto)

Each server is a process of its own, on a free port, with its data in one folder (.cluster/ for
`make cluster`, a temporary one for the topology tests): PostgreSQL and Redis are instances of
their own, never the machine's. `python deploy/cluster.py` builds the site (migrations, content,
static files), prints the URL and runs until Ctrl-C, then stops everything.
"""

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
BUCKET = "alliance-media"


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def wait_for(check, what, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    raise RuntimeError(f"{what} did not come up within {seconds} s")


def answers(url):
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - our own servers
            return response.status == 200
    except OSError:
        return False


def postgres_binary(name):
    found = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    return str(found[-1]) if found else name


class Cluster:
    def __init__(self, folder, varnish_port=None, workers=1, threads=4):
        self.folder = Path(folder).resolve()
        self.folder.mkdir(parents=True, exist_ok=True)
        self.folder.chmod(0o755)  # Varnish and PostgreSQL run as their own users
        self.ports = {name: free_port() for name in ("postgres", "redis", "s3", "a", "b")}
        self.ports["varnish"] = varnish_port or free_port()
        self.processes = {}
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        secret_file = self.folder / "secret-key"
        if not secret_file.exists():
            secret_file.write_text(secrets.token_urlsafe(50))
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "alliance_site.settings.production",
            "SECRET_KEY": secret_file.read_text(),
            "ALLOWED_HOSTS": f"{HOST},localhost",
            "SECURE_SSL_REDIRECT": "false",  # plain HTTP on 127.0.0.1: no TLS proxy in front
            "SECURE_COOKIES": "false",
            "DATABASE_URL": f"postgres://postgres@{HOST}:{self.ports['postgres']}/alliance",
            "REDIS_URL": f"redis://{HOST}:{self.ports['redis']}/0",
            "FRONTEND_CACHES": self.url,
            "TRUSTED_PROXY_COUNT": "1",
            "WAGTAILADMIN_BASE_URL": self.url,
            "STATIC_ROOT": str(self.folder / "static"),
            "MEDIA_ROOT": str(self.folder / "media"),
            "AWS_STORAGE_BUCKET_NAME": BUCKET,
            "AWS_S3_ENDPOINT_URL": f"http://{HOST}:{self.ports['s3']}",
            "AWS_S3_REGION_NAME": "us-east-1",
            "AWS_ACCESS_KEY_ID": "cluster",
            "AWS_SECRET_ACCESS_KEY": "cluster-secret",
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": HOST,
            "EMAIL_PORT": str(free_port()),
            "DEFAULT_FROM_EMAIL": "web@alliance.example",
            "SERVER_EMAIL": "web@alliance.example",
            "WEB_CONCURRENCY": str(workers),
            "DJANGO_THREADS": str(threads),
            "PAGE_CACHE_SECONDS": os.environ.get("PAGE_CACHE_SECONDS", "86400"),
        }
        self.env.pop("DATABASE_URL_TEST", None)

    @property
    def url(self):
        return f"http://{HOST}:{self.ports['varnish']}"

    def app_url(self, name):
        return f"http://{HOST}:{self.ports[name]}"

    def spawn(self, name, command, **kwargs):
        log = (self.folder / f"{name}.log").open("ab")
        self.processes[name] = subprocess.Popen(
            command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True, **kwargs
        )

    def manage(self, *args, check=True):
        """A management command in a process of its own (as cron or an operator would run it)."""
        command = [sys.executable, "manage.py", *args]
        return subprocess.run(command, cwd=ROOT, env=self.env, capture_output=True, text=True, check=check)

    def shell(self, code):
        """What `code` prints, run by `manage.py shell` in a process of its own."""
        return self.manage("shell", "--no-imports", "-c", code).stdout.strip().splitlines()[-1]

    # --- PostgreSQL, Redis and S3 -------------------------------------------------------------
    def start_postgres(self):
        data = self.folder / "postgres"
        if not (data / "PG_VERSION").exists():
            data.mkdir(exist_ok=True)
            if self.as_postgres:
                shutil.chown(data, "postgres", "postgres")
            initdb = [
                postgres_binary("initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "-A",
                "trust",
                "--no-sync",
            ]
            subprocess.run([*self.as_postgres, *initdb], check=True, capture_output=True)
        options = f"-c listen_addresses={HOST} -p {self.ports['postgres']} -k {data} -c fsync=off"
        self.spawn(
            "postgres", [*self.as_postgres, postgres_binary("postgres"), "-D", str(data), *options.split()]
        )
        wait_for(self.postgres_ready, "PostgreSQL")

    def postgres_ready(self):
        probe = ["pg_isready", "-q", "-h", HOST, "-p", str(self.ports["postgres"])]
        return subprocess.run(probe, check=False).returncode == 0

    def stop_postgres(self):
        self.stop("postgres", signal.SIGINT)  # PostgreSQL's fast shutdown

    def start_redis(self):
        config = ROOT / "deploy" / "redis.conf"
        command = ["redis-server", str(config), "--port", str(self.ports["redis"]), "--dir", str(self.folder)]
        self.spawn("redis", command)
        wait_for(lambda: self.connectable("redis"), "Redis")

    def start_s3(self):
        self.spawn(
            "s3",
            [str(Path(sys.executable).with_name("moto_server")), "-H", HOST, "-p", str(self.ports["s3"])],
        )
        wait_for(lambda: self.connectable("s3"), "the S3 server")
        import boto3

        client = boto3.client(
            "s3",
            endpoint_url=self.env["AWS_S3_ENDPOINT_URL"],
            region_name="us-east-1",
            aws_access_key_id="cluster",
            aws_secret_access_key="cluster-secret",  # noqa: S106 - moto's local server
        )
        client.create_bucket(Bucket=BUCKET)

    def connectable(self, name):
        try:
            with socket.create_connection((HOST, self.ports[name]), timeout=1):
                return True
        except OSError:
            return False

    # --- the site ---------------------------------------------------------------------------
    def build(self):
        if subprocess.run(
            ["psql", "-h", HOST, "-p", str(self.ports["postgres"]), "-U", "postgres", "-tAc", "SELECT 1"],
            capture_output=True,
            check=False,
        ).returncode:
            raise RuntimeError("PostgreSQL does not answer")
        self.psql("CREATE DATABASE alliance", check=False)  # already there on a second run
        for command in (
            ["migrate", "--noinput", "-v", "0"],
            ["compile_translations"],
            ["load_alliance_content"],
            ["collectstatic", "--noinput", "-v", "0"],
        ):
            self.manage(*command)

    def psql(self, sql, check=True):
        command = ["psql", "-q", "-h", HOST, "-p", str(self.ports["postgres"]), "-U", "postgres", "-c", sql]
        return subprocess.run(command, capture_output=True, check=check)

    def start_app(self, name, **settings):
        """App server `name` (a, b, or another with its own port); `settings` override the environment."""
        self.ports.setdefault(name, free_port())
        gunicorn = str(Path(sys.executable).with_name("gunicorn"))
        command = [
            gunicorn,
            "alliance_site.wsgi",
            "--config",
            "gunicorn.conf.py",
            "--bind",
            f"{HOST}:{self.ports[name]}",
        ]
        self.spawn(f"app-{name}", command, cwd=ROOT, env={**self.env, **settings})
        wait_for(lambda: answers(f"{self.app_url(name)}/health/"), f"app server {name.upper()}", 90)

    def start_worker(self):
        """Wagtail's queued follow-up work (reference and search indexes), at a lower priority than
        the app servers: what visitors wait for comes first."""
        command = ["nice", "-n", "10", sys.executable, "manage.py", "db_worker", "--no-startup-delay"]
        self.spawn("worker", command, cwd=ROOT, env=self.env)

    def stop_app(self, name, sig=signal.SIGKILL):
        self.stop(f"app-{name}", sig)

    def start_varnish(self):
        (self.folder / "503.html").write_bytes((ROOT / "templates" / "503.html").read_bytes())
        site_vcl = (ROOT / "deploy" / "varnish" / "cluster-site.vcl.in").read_text()
        (self.folder / "site.vcl").write_text(site_vcl.format(folder=self.folder, **self.ports))
        command = [
            "varnishd",
            "-F",
            "-a",
            f"{HOST}:{self.ports['varnish']}",
            "-n",
            str(self.folder / "varnish"),
        ]
        command += ["-f", str(ROOT / "deploy" / "varnish" / "default.vcl"), "-s", "malloc,256m"]
        command += ["-p", f"vcl_path={self.folder}:{ROOT / 'deploy' / 'varnish'}", "-T", "none"]
        self.spawn("varnish", command)
        wait_for(lambda: answers(f"{self.url}/health/"), "Varnish")

    def start(self):
        self.start_postgres()
        self.start_redis()
        self.start_s3()
        self.build()
        for name in ("a", "b"):
            self.start_app(name)
        self.start_worker()
        self.start_varnish()
        return self

    def stop(self, name, sig=signal.SIGTERM):
        process = self.processes.pop(name, None)
        if process is None or process.poll() is not None:
            return
        os.killpg(process.pid, sig)
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(5)

    def stop_all(self):
        apps = [name for name in self.processes if name.startswith("app-")]
        for name in ("varnish", *apps, "worker", "s3", "redis", "postgres"):
            self.stop(name, signal.SIGINT if name == "postgres" else signal.SIGTERM)


def main():
    cluster = Cluster(ROOT / ".cluster", varnish_port=int(os.environ.get("PORT", "8080")))
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    try:
        cluster.start()
        print(
            f"The site is at {cluster.url}/ (Varnish; app servers at {cluster.app_url('a')} and "
            f"{cluster.app_url('b')}); logs in {cluster.folder}. Ctrl-C stops everything.",
            flush=True,
        )
        while not stopping:
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        cluster.stop_all()


if __name__ == "__main__":
    main()
