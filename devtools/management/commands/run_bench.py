"""Measure every public page type at benchmark volume and print one table (`make bench`).

1. Query counts and sizes: each page is asked once through Django's test client with
   CaptureQueriesContext, page cache off, against the bench database.
2. Load: gunicorn with unionsite/gunicorn.conf.py (2 sync workers, 127.0.0.1 only, DEBUG off)
   serves the bench database; each page is loaded for a fixed time by `wrk` (or, without it, a
   small threaded http.client generator) in three modes. Server CPU per request comes from
   /proc/<worker>/stat before and after each run.
   * cold: nothing cached, neither pages nor cards (devtools/bench_cold.py);
   * after an edit: the page cache off, the card fragments warm in the shared cache. An edit
     elsewhere on the site only moves the page generation, so every page's first render after it
     is exactly this: the page rendered afresh around cards from the cache. (Bumping the
     generation before each request would measure the same render plus the bump.)
   * cached: the page cache on, the page served from it.
3. The trivial view (devtools/bench_trivial.py) is loaded the same way under the same gunicorn
   settings, and each page's rate is given as a ratio of its rate.

Loopback only; every run is bounded by --duration (seconds) and the generator's timeout.
"""

import gzip
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from http.client import HTTPConnection
from pathlib import Path

import django
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from devtools.benchdb import BENCH_DIR, bench_database_url, use_bench_database

HOST = "127.0.0.1"
QUERY_BUDGET = 8
# Issue 19: at 10,000 reports, page cache off.
SEARCH_P50_TARGET_MS = {"postgresql": 20, "sqlite": 40}
PAGE_WEIGHT_LIMIT = 60 * 1024
SEARCH_QUERY = "семинар мугалимдер"
# Each mode's slowest page against the trivial view: (mode, at least 1/share of its rate, label).
TARGET_SHARES = (
    ("cold", 10, "Cold renders (nothing cached)"),
    ("after an edit", 15, "Every page's first render after an unrelated edit"),
    ("cached", 2, "Cached pages"),
)


@dataclass
class Load:
    requests: int = 0
    errors: int = 0
    rate: float = 0.0
    p50_ms: float = 0.0
    p99_ms: float = 0.0
    cpu_ms: float = 0.0


@dataclass
class Page:
    name: str
    path: str
    queries: int = 0
    status: int = 0
    html_bytes: int = 0
    gzip_bytes: int = 0
    loads: dict = field(default_factory=dict)


def gzip_size(data):
    return len(gzip.compress(data, compresslevel=6))


def worker_cpu_ticks(master_pid):
    """utime + stime of the master's child processes (the workers), in clock ticks."""
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # After the command name: state, ppid, ..., utime (14th field overall) and stime (15th).
        if int(fields[1]) == master_pid:
            total += int(fields[11]) + int(fields[12])
    return total


def percentile(sorted_values, fraction):
    if not sorted_values:
        return 0.0
    index = min(len(sorted_values) - 1, max(0, round(fraction * len(sorted_values)) - 1))
    return sorted_values[index]


def python_load(url, duration, connections):
    """A small load generator: one thread per connection, a new HTTP/1.1 connection per request
    (gunicorn's sync workers close them anyway). Python's GIL makes it slower than wrk, so it can
    be the bottleneck for the fastest pages; use wrk for the real figures."""
    match = re.match(r"http://([^/:]+):(\d+)(/.*)", url)
    host, port, path = match.group(1), int(match.group(2)), match.group(3)
    deadline = time.monotonic() + duration
    latencies, errors, lock = [], [0], threading.Lock()

    def run():
        mine, failed = [], 0
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                conn = HTTPConnection(host, port, timeout=5)
                conn.request("GET", path, headers={"Accept-Encoding": "identity"})
                response = conn.getresponse()
                response.read()
                conn.close()
                if response.status != 200:
                    failed += 1
            except OSError:
                failed += 1
                continue
            mine.append((time.perf_counter() - started) * 1000)
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    threads = [threading.Thread(target=run) for _ in range(connections)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    latencies.sort()
    return Load(
        requests=len(latencies),
        errors=errors[0],
        rate=len(latencies) / elapsed,
        p50_ms=percentile(latencies, 0.50),
        p99_ms=percentile(latencies, 0.99),
    )


def to_ms(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def wrk_load(url, duration, connections):
    output = subprocess.run(  # noqa: S603 - our own arguments, loopback URL
        [
            shutil.which("wrk"),
            "-t1",
            f"-c{connections}",
            f"-d{duration}s",
            "--timeout",
            "5s",
            "--latency",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=duration + 30,
        check=True,
    ).stdout
    load = Load()
    load.requests = int(re.search(r"(\d+) requests in", output).group(1))
    load.rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    for label, attribute in (("50%", "p50_ms"), ("99%", "p99_ms")):
        value, unit = re.search(rf"{label}\s+([\d.]+)(us|ms|s)", output).groups()
        setattr(load, attribute, to_ms(value, unit))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: connect (\d+), read \d+, write (\d+), timeout (\d+)", output)
    load.errors = int(non_2xx.group(1)) if non_2xx else 0
    if socket_errors:
        # Read errors are gunicorn's sync workers closing each connection; the others are real.
        load.errors += sum(int(value) for value in socket_errors.groups())
    return load


class Server:
    """gunicorn with the production configuration, 2 workers, on loopback."""

    def __init__(self, port, env, app="unionsite.wsgi:application", workers=2, probe="/healthz"):
        self.port, self.env, self.app, self.workers, self.probe = port, env, app, workers, probe
        self.process = None

    def __enter__(self):
        command = [
            str(Path(sys.executable).with_name("gunicorn")),
            "--config",
            str(settings.BASE_DIR / "unionsite" / "gunicorn.conf.py"),
            "--workers",
            str(self.workers),
            "--bind",
            f"{HOST}:{self.port}",
            "--max-requests",
            "0",
            "--log-level",
            "warning",
            self.app,
        ]
        self.process = subprocess.Popen(command, env=self.env, cwd=settings.BASE_DIR)  # noqa: S603
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise CommandError(f"gunicorn exited with {self.process.returncode}")
            try:
                urllib.request.urlopen(f"http://{HOST}:{self.port}{self.probe}", timeout=2)
            except urllib.error.HTTPError:
                break
            except OSError:
                time.sleep(0.2)
                continue
            break
        else:
            raise CommandError("gunicorn did not answer within 60 s")
        return self

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def url(self, path):
        return f"http://{HOST}:{self.port}{path}"

    def measure(self, path, duration, connections, tool):
        url = self.url(path)
        for _ in range(20):  # warm the workers, the database's cache and the page cache
            urllib.request.urlopen(url, timeout=10).read()  # noqa: S310 - loopback
        ticks_before = worker_cpu_ticks(self.process.pid)
        load = (wrk_load if tool == "wrk" else python_load)(url, duration, connections)
        ticks = worker_cpu_ticks(self.process.pid) - ticks_before
        if load.requests:
            load.cpu_ms = ticks / os.sysconf("SC_CLK_TCK") * 1000 / load.requests
        return load


class Command(BaseCommand):
    help = "Benchmark the public pages against the bench database (populate it first: make bench does)."

    def add_arguments(self, parser):
        parser.add_argument("--database-url", help="Default: BENCH_DATABASE_URL or var/bench/bench.sqlite3.")
        parser.add_argument("--duration", type=int, default=8, help="Seconds of load per page and mode.")
        parser.add_argument("--connections", type=int, default=4)
        parser.add_argument("--port", type=int, default=0, help="Default: a free port.")
        parser.add_argument("--load-tool", choices=["auto", "wrk", "python"], default="auto")
        parser.add_argument("--output", help="Also write the report (Markdown) to this file.")
        parser.add_argument("--skip-load", action="store_true", help="Only query counts and sizes.")

    def handle(self, *args, **options):
        if not options["port"]:
            with socket.socket() as sock:
                sock.bind((HOST, 0))
                options["port"] = sock.getsockname()[1]
        url = bench_database_url(options["database_url"])
        use_bench_database(url)
        from news.models import Report

        if not Report.objects.exists():
            raise CommandError("The bench database is empty: run manage.py populate_bench first.")
        tool = options["load_tool"]
        if tool == "auto":
            tool = "wrk" if shutil.which("wrk") else "python"
        if tool == "wrk" and not shutil.which("wrk"):
            raise CommandError("wrk is not installed (apt-get install wrk), or use --load-tool python.")
        pages = self.pages()
        self.count_queries(pages)
        lines = self.machine(tool, options)
        if not options["skip_load"]:
            self.load(pages, url, tool, options)
        lines += self.table(pages, options["skip_load"])
        lines += self.targets(pages, options["skip_load"])
        if not options["skip_load"]:
            lines += self.static_and_weight(url, options)
        report = "\n".join(lines) + "\n"
        self.stdout.write(report)
        if options["output"]:
            Path(options["output"]).write_text(report, encoding="utf-8")

    # --- what to measure ---------------------------------------------------------------------

    def pages(self):
        from documents.models import Document
        from news.models import Report
        from structure.models import Organisation

        # A report in the middle of the archive, with a cover and a gallery; a document with both
        # files; a district committee (a subtree of a few dozen organisations).
        report = Report.objects.published().exclude(cover="").filter(photos__isnull=False).order_by("pk")[500]
        document = Document.objects.published().filter(files__language="ru").order_by("pk")[100]
        organisation = Organisation.objects.filter(depth=3).order_by("path")[3]
        with override_settings(ALLOWED_HOSTS=["*"]):
            report_path = report.get_absolute_url()
        return [
            Page("home", "/ky/"),
            Page("news list", "/ky/news/"),
            Page("report", report_path),
            Page("FAQ", "/ky/faq/"),
            Page("documents list", "/ky/documents/"),
            Page("document", f"/ru/documents/{document.slug}/"),
            Page("structure", "/ky/structure/"),
            Page("organisation", f"/ru/structure/{organisation.slug}/"),
            Page("search", f"/ru/search/?q={urllib.parse.quote(SEARCH_QUERY)}"),
        ]

    def count_queries(self, pages):
        client = Client()
        with override_settings(PAGE_CACHE_SECONDS=0, ALLOWED_HOSTS=["testserver"]):
            client.get(pages[0].path)  # the connection's own set-up queries are not a page's
            for page in pages:
                with CaptureQueriesContext(connection) as queries:
                    response = client.get(page.path)
                page.status = response.status_code
                page.queries = len(queries)
                page.html_bytes = len(response.content)
                page.gzip_bytes = gzip_size(response.content)
                if response.status_code != 200:
                    raise CommandError(f"{page.path} answered {response.status_code}")

    def server_env(self, url, **extra):
        env = dict(os.environ)
        # The measured server runs as production does: no debug, no development tools installed.
        env.pop("DJANGO_DEBUG", None)
        env.pop("DJANGO_DEV_TOOLS", None)
        env.update(
            DATABASE_URL=url,
            DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
            DJANGO_ALLOWED_HOSTS=HOST,
            DJANGO_STATIC_ROOT=str(BENCH_DIR / "static"),
            DJANGO_MEDIA_ROOT=os.environ.get("DJANGO_MEDIA_ROOT", str(BENCH_DIR / "media")),
            DJANGO_LOG_LEVEL="WARNING",
            DJANGO_CONN_MAX_AGE="600",
            # The shared file cache (settings.CACHES without REDIS_URL), the bench's own.
            DJANGO_CACHE_DIR=str(BENCH_DIR / "cache"),
            DJANGO_RATELIMIT_CACHE_DIR=str(BENCH_DIR / "ratelimit"),
        )
        env.update(extra)
        return env

    def collectstatic(self, env):
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
            env=env,
            cwd=settings.BASE_DIR,
            check=True,
        )

    def load(self, pages, url, tool, options):
        duration, connections, port = options["duration"], options["connections"], options["port"]
        self.connections = connections
        env = self.server_env(url)
        self.collectstatic(env)
        self.stderr.write(f"Trivial view, {duration} s ...")
        with Server(port, {**env, "DJANGO_SETTINGS_MODULE": "devtools.bench_trivial"}, probe="/ok") as server:
            self.trivial = server.measure("/ok", duration, connections, tool)
        modes = (
            ("cold", {"DJANGO_PAGE_CACHE_SECONDS": "0", "DJANGO_SETTINGS_MODULE": "devtools.bench_cold"}),
            ("after an edit", {"DJANGO_PAGE_CACHE_SECONDS": "0"}),
            ("cached", {"DJANGO_PAGE_CACHE_SECONDS": "600"}),
        )
        for mode, extra in modes:
            # Every mode starts from an empty cache; the warm-up requests of measure() fill it.
            shutil.rmtree(env["DJANGO_CACHE_DIR"], ignore_errors=True)
            with Server(port, {**env, **extra}) as server:
                for page in pages:
                    self.stderr.write(f"{page.name}, {mode}, {duration} s ...")
                    page.loads[mode] = server.measure(page.path, duration, connections, tool)
                if mode == "cold":
                    # The search target is a response time: one visitor at a time, no queueing.
                    search = next(page for page in pages if page.name == "search")
                    self.stderr.write(f"search, one connection, {duration} s ...")
                    self.search_alone = server.measure(search.path, duration, 1, tool)
        self.server_env_used = env

    # --- report ------------------------------------------------------------------------------

    def machine(self, tool, options):
        memory = next(
            (
                line.split()[1]
                for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")
            ),
            "0",
        )
        cpu = next(
            (
                line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")
            ),
            platform.machine(),
        )
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("SHOW server_version")
                database = (
                    f"PostgreSQL {cursor.fetchone()[0]} on {connection.settings_dict['HOST'] or 'a socket'}"
                )
            else:
                cursor.execute("select sqlite_version()")
                database = f"SQLite {cursor.fetchone()[0]} (file)"
        from documents.models import Document
        from faq.models import Question
        from news.models import Report, ReportPhoto
        from structure.models import Organisation

        counts = (
            f"{Report.objects.count():,} reports ({ReportPhoto.objects.count():,} gallery photos), "
            f"{Document.objects.count():,} documents, {Question.objects.count():,} FAQ entries, "
            f"{Organisation.objects.count():,} organisations"
        )
        if tool == "wrk":
            version = subprocess.run([shutil.which("wrk"), "-v"], capture_output=True, text=True)  # noqa: S603
            tool_text = "wrk " + version.stdout.split()[1]
        else:
            tool_text = "Python threads + http.client (no wrk found)"
        import gunicorn

        return [
            "## Machine",
            "",
            f"- CPU: {os.cpu_count()} × {cpu} (nproc {len(os.sched_getaffinity(0))})",
            f"- Memory: {int(memory) / 1024 / 1024:.1f} GiB",
            f"- Python {platform.python_version()}, Django {django.get_version()}, "
            f"gunicorn {gunicorn.__version__}",
            f"- Database: {database}",
            f"- Cache: {settings.CACHES['default']['BACKEND'].rsplit('.', 1)[-1]}",
            f"- Content: {counts}",
            "- Load average when the run started (other work on the machine skews rates, less so CPU "
            f"per request): {' '.join(f'{value:.1f}' for value in os.getloadavg())}",
            f"- Load: {tool_text}, {options['connections']} connections, {options['duration']} s per run, "
            "loopback; gunicorn 2 sync workers, DEBUG off",
            "",
        ]

    def table(self, pages, skip_load):
        lines = ["## Pages", ""]
        if skip_load:
            lines += ["| page | SQL queries | HTML bytes | gzip bytes |", "|---|---:|---:|---:|"]
            lines += [f"| {p.name} | {p.queries} | {p.html_bytes:,} | {p.gzip_bytes:,} |" for p in pages]
            return [*lines, ""]
        trivial = self.trivial
        lines += [
            f"Trivial view: {trivial.rate:,.0f} req/s, p50 {trivial.p50_ms:.2f} ms, "
            f"p99 {trivial.p99_ms:.2f} ms, {trivial.cpu_ms:.2f} ms CPU/request.",
            "",
            "| page | mode | req/s | p50 ms | p99 ms | CPU ms/req | SQL queries | HTML bytes | gzip bytes | "
            "rate / trivial | errors |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for page in pages:
            for mode, load in page.loads.items():
                queries = 0 if mode == "cached" else page.queries
                lines.append(
                    f"| {page.name} | {mode} | {load.rate:,.0f} | {load.p50_ms:.1f} | {load.p99_ms:.1f} | "
                    f"{load.cpu_ms:.2f} | {queries} | {page.html_bytes:,} | {page.gzip_bytes:,} | "
                    f"1/{trivial.rate / load.rate:.1f} | {load.errors} |"
                )
        return [*lines, "", f"Paths: {', '.join(f'{p.name} `{p.path}`' for p in pages)}.", ""]

    def targets(self, pages, skip_load):
        def verdict(ok):
            return "met" if ok else "**NOT met**"

        lines = ["## Targets", ""]
        worst = max(pages, key=lambda page: page.queries)
        lines.append(
            f"- At most {QUERY_BUDGET} SQL queries on every page: {verdict(worst.queries <= QUERY_BUDGET)} "
            f"(most: {worst.queries}, {worst.name})."
        )
        if skip_load:
            return [*lines, ""]
        trivial = self.trivial.rate
        for mode, share, what in TARGET_SHARES:
            slowest = min(pages, key=lambda page: page.loads[mode].rate)
            ratio = trivial / slowest.loads[mode].rate
            lines.append(
                f"- {what} at least 1/{share} of the trivial view: "
                f"{verdict(ratio <= share)} (slowest: {slowest.name}, 1/{ratio:.1f})."
            )
        search, loaded = self.search_alone, next(p for p in pages if p.name == "search").loads["cold"]
        measured = (
            f"{search.p50_ms:.1f} ms with one connection, p99 {search.p99_ms:.1f} ms; "
            f"{loaded.p50_ms:.1f} ms with {self.connections} connections queueing for 2 workers"
        )
        target = SEARCH_P50_TARGET_MS[connection.vendor]
        lines.append(
            f"- Search p50 under {target} ms on {connection.display_name}, page cache off: "
            f"{verdict(search.p50_ms < target)} ({measured})."
        )
        errors = sum(load.errors for page in pages for load in page.loads.values())
        lines.append(f"- Failed requests during the runs: {errors}.")
        return [*lines, ""]

    def static_and_weight(self, url, options):
        """Page weight (HTML + CSS + JS, compressed as served) and the static files' headers."""
        env = self.server_env(url, DJANGO_PAGE_CACHE_SECONDS="0")
        lines = ["## Page weight and static files", ""]
        with Server(options["port"], env) as server:
            for name in ("home", "report"):
                page = next(page for page in self.pages() if page.name == name)
                html = urllib.request.urlopen(server.url(page.path), timeout=10).read()  # noqa: S310
                assets = re.findall(rb'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html)
                assets += re.findall(rb'<script[^>]+src="([^"]+)"', html)
                total, parts = gzip_size(html), [f"HTML {gzip_size(html):,}"]
                for asset in assets:
                    request = urllib.request.Request(  # noqa: S310 - loopback
                        server.url(asset.decode()), headers={"Accept-Encoding": "gzip"}
                    )
                    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
                        size = len(response.read())
                    total += size
                    parts.append(f"{asset.decode().rsplit('/', 1)[-1]} {size:,}")
                lines.append(
                    f"- {name}: {total:,} bytes compressed ({', '.join(parts)}): "
                    f"{'within' if total <= PAGE_WEIGHT_LIMIT else '**over**'} 60 KB."
                )
            css = re.search(rb'href="(/static/[^"]+\.css)"', html).group(1).decode()
            request = urllib.request.Request(server.url(css), headers={"Accept-Encoding": "br, gzip"})  # noqa: S310
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
                headers = response.headers
            lines.append(
                f"- `{css}`: Content-Encoding {headers.get('Content-Encoding')}, "
                f"Cache-Control {headers.get('Cache-Control')}."
            )
        return [*lines, ""]
