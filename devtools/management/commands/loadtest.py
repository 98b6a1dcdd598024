"""Load and failure test against gunicorn on loopback: `make loadtest`.

1. Builds a throw-away SQLite database with the demo content and collects static files.
2. Starts gunicorn (2 sync workers, DEBUG off) on 127.0.0.1 only.
3. Drives N concurrent clients over a mix of public pages for a fixed time, bounded in requests
   too, and reports errors and latency percentiles.
4. Takes the database away (the file is moved aside), checks that pages answer 503 with the
   friendly page and /healthz says so, puts it back and checks that the site recovers by itself.

Exits non-zero when any request failed or the failure phase did not behave.
"""

import http.client
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from devtools.httpclient import free_port

LINK_RE = re.compile(r'href="(/(?:ky|ru)/[^"#?]*)"')
SKIP_PREFIXES = ("/ky/admin", "/ru/admin")
MAX_REQUESTS = 200_000


class Client:
    def __init__(self, port):
        self.port = port
        self.connection = None

    def get(self, path):
        for _attempt in range(2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            try:
                self.connection.request("GET", path, headers={"Host": "127.0.0.1"})
                response = self.connection.getresponse()
                body = response.read()
                if response.getheader("Connection", "").lower() == "close":
                    self.connection.close()
                    self.connection = None
                return response.status, body
            except (ConnectionError, http.client.HTTPException, OSError):
                self.connection.close()
                self.connection = None
        raise ConnectionError(f"no answer for {path}")


class Command(BaseCommand):
    help = "Load and failure test of the site under gunicorn on 127.0.0.1 (bounded in time and requests)."

    def add_arguments(self, parser):
        parser.add_argument("--seconds", type=int, default=60)
        parser.add_argument("--clients", type=int, default=8)
        parser.add_argument("--workers", type=int, default=2)

    def handle(self, *args, seconds, clients, workers, **options):
        base = Path(settings.BASE_DIR)
        workdir = Path(tempfile.mkdtemp(prefix="unionsite-load-"))
        database = workdir / "load.sqlite3"
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k != "DATABASE_URL"},
            "DJANGO_SECRET_KEY": "load-test-only-" + "x" * 40,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": f"sqlite:///{database}",
            "DJANGO_MEDIA_ROOT": str(workdir / "media"),
            "DJANGO_STATIC_ROOT": str(workdir / "static"),
            "DJANGO_CONN_MAX_AGE": "0",
        }
        manage = [sys.executable, str(base / "manage.py")]
        self.stdout.write("Preparing a database with the demo content…")
        for command in (
            ["migrate", "--noinput", "-v0"],
            ["load_demo"],
            ["collectstatic", "--noinput", "-v0"],
        ):
            subprocess.run([*manage, *command], cwd=base, env=env, check=True, stdout=subprocess.DEVNULL)  # noqa: S603

        port = free_port()
        command = [sys.executable, "-m", "gunicorn", "unionsite.wsgi", "--bind", f"127.0.0.1:{port}"]
        command += ["--workers", str(workers), "--worker-class", "sync", "--log-level", "warning"]
        gunicorn = subprocess.Popen(  # noqa: S603
            command,
            cwd=base,
            env=env,
        )
        try:
            client = self._wait_until_up(port)
            paths = self._crawl(client)
            self.stdout.write(
                f"{len(paths)} public pages; {clients} clients for {seconds} s on 127.0.0.1:{port}"
            )
            errors = self._load(port, paths, seconds, clients)
            failure_ok = self._database_failure(port, database, paths)
        finally:
            gunicorn.terminate()
            gunicorn.wait(timeout=30)
            shutil.rmtree(workdir, ignore_errors=True)
        if errors or not failure_ok:
            raise CommandError(f"Load test failed: {errors} errors, failure phase ok: {failure_ok}")
        self.stdout.write(self.style.SUCCESS("Load test passed: 0 errors; 503 while the database was away."))

    def _wait_until_up(self, port):
        client = Client(port)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                status, _body = client.get("/healthz")
                if status == 200:
                    return client
            except ConnectionError:
                pass
            time.sleep(0.5)
        raise CommandError("gunicorn did not come up within 60 s")

    def _crawl(self, client, limit=40):
        seen, queue = [], ["/ky/", "/ru/"]
        while queue and len(seen) < limit:
            path = queue.pop(0)
            if path in seen or path.startswith(SKIP_PREFIXES):
                continue
            status, body = client.get(path)
            if status != 200:
                continue
            seen.append(path)
            queue.extend(
                link for link in LINK_RE.findall(body.decode("utf-8", "replace")) if link not in seen
            )
        searches = [f"/ky/search/?q={quote('семинар')}", f"/ru/search/?q={quote('отпуск')}"]
        return [*seen, *searches, "/ky/news/feed/"]

    def _load(self, port, paths, seconds, clients):
        latencies, failures, lock = [], [], threading.Lock()
        deadline = time.monotonic() + seconds

        def run(offset):
            client = Client(port)
            index = offset
            while time.monotonic() < deadline:
                path = paths[index % len(paths)]
                index += 1
                started = time.perf_counter()
                try:
                    status, _body = client.get(path)
                except ConnectionError as error:
                    status = str(error)
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed)
                    if status != 200:
                        failures.append((path, status))
                    if len(latencies) >= MAX_REQUESTS:
                        return

        threads = [threading.Thread(target=run, args=(n * 7,)) for n in range(clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        ordered = sorted(latencies)

        def percentile(share):
            return ordered[min(len(ordered) - 1, int(len(ordered) * share))] * 1000

        self.stdout.write(
            f"requests: {len(ordered)}  errors: {len(failures)}  rate: {len(ordered) / seconds:.1f}/s\n"
            f"latency ms: p50 {percentile(0.50):.1f}  p90 {percentile(0.90):.1f}  "
            f"p99 {percentile(0.99):.1f}  max {ordered[-1] * 1000:.1f}  "
            f"mean {statistics.mean(ordered) * 1000:.1f}"
        )
        for path, status in failures[:10]:
            self.stdout.write(f"  failed: {path} -> {status}")
        return len(failures)

    def _database_failure(self, port, database, paths):
        client = Client(port)
        aside = database.with_suffix(".away")
        database.rename(aside)
        # What a worker finds where the database was: a file that is not a database.
        database.write_bytes(b"the database is away" * 100)
        # A query string of their own keeps these requests out of any page cache.
        probes = [f"{path}?database-check=1" for path in paths[:5]]
        try:
            answers = [client.get(path) for path in probes]
            statuses = [status for status, _body in answers]
            health_status, health_body = client.get("/healthz")
            friendly = b"unavailable" in health_body and all(
                "Сайт".encode() in body and b'class="site-header"' not in body for _status, body in answers
            )
        finally:
            aside.replace(database)
        down_ok = all(status == 503 for status in statuses) and health_status == 503 and friendly
        self.stdout.write(f"database away: pages {statuses}, /healthz {health_status}")
        recovered = False
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not recovered:
            recovered = all(client.get(path)[0] == 200 for path in [*probes, "/healthz"])
            if not recovered:
                time.sleep(1)
        self.stdout.write(f"database back: {'recovered' if recovered else 'NOT recovered'}")
        return down_ok and recovered
