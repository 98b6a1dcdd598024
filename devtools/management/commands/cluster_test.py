"""nginx in front of two gunicorn instances, with PostgreSQL and Redis: `make cluster-test`.

1. A fresh PostgreSQL database (unionsite_cluster), Redis db 13 emptied, the demo content, the
   static files collected, a superuser; a shared media folder in a temporary directory.
2. Two gunicorn instances (unionsite/gunicorn.conf.py, 2 workers each) on free ports, and nginx
   with deploy/nginx/unionsite.conf (rendered by devtools/nginxconf.py) in front of them.
3. Checks: static files and the micro-cache through nginx; a report published through instance A's
   admin is on the list at once through instance B and through nginx within the micro-cache's
   seconds; a document uploaded through A's admin downloads through nginx from its internal
   location (X-Accel-Redirect), byte for byte; four POSTs whose bodies stop short of their
   Content-Length (as many as the instances have workers) hold no worker: both instances answer
   at once meanwhile, nginx drops them itself after client_body_timeout (shortened to 3 s here).
4. Side by side: nginx serving a cached page and a static file, against the trivial Django view.
5. The mix through nginx: N clients for S seconds (80 % popular pages, 15 % pages not cached
   anywhere, 5 % searches) and an editor publishing a report every 10 s; then instance B is
   stopped and the run goes on: no request may fail in either part. Then no gunicorn worker was
   killed for a timeout in the whole run; A is stopped too, and nginx answers with the site's
   bilingual "temporarily unavailable" page (502/503, Retry-After, no-store); both instances are
   started again and nginx serves the same address from Django at once they answer.

Everything it starts is stopped at the end, also on failure or Ctrl-C.
"""

import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import suppress
from pathlib import Path
from urllib.parse import quote, urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from devtools import nginxconf
from devtools.httpclient import AdminForm, Browser, form_errors, free_port

MICRO_CACHE_SECONDS = 5
EDITOR_INTERVAL = 10
# client_body_timeout in the rendered configuration (production: 15 s), and the stalled POSTs.
BODY_TIMEOUT_SECONDS = 3
STALLED_BODIES = 4
# static/errors/unavailable.html: nginx's page when no app server answers.
UNAVAILABLE_SENTENCES = [
    "Сайт убактылуу иштебей турат",
    "Бир нече мүнөттөн кийин кайра аракет кылыңыз.",
    "Сайт временно недоступен",
    "Попробуйте через несколько минут.",
]
ADMIN_USER, ADMIN_PASSWORD = "cluster-admin", "cluster-test-password-5c1b"
LINK_RE = re.compile(r'href="(/(?:ky|ru)/[^"#?]*)"')
SKIP = re.compile(r"^/(ky|ru)/(admin|join|write-to-us|faq/ask)/|/download/")
SEARCH_WORDS = ["семинар", "мугалим", "айлык", "отпуск", "профсоюз", "келишим", "эмгек", "зарплата"]
POPULAR = [
    "/ky/",
    "/ru/",
    "/ky/news/",
    "/ru/news/",
    "/ky/faq/",
    "/ru/faq/",
    "/ky/documents/",
    "/ky/structure/",
]


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = {}
        self.failures = []

    def add(self, phase, kind, seconds, failure=None):
        with self.lock:
            self.latencies.setdefault(phase, {}).setdefault(kind, []).append(seconds)
            if failure:
                self.failures.append((phase, kind, failure))

    def summary(self, phase, seconds):
        kinds = self.latencies.get(phase, {})
        every = sorted(value for values in kinds.values() for value in values)
        if not every:
            return f"{phase}: no requests"

        def pct(values, share):
            return values[min(len(values) - 1, int(len(values) * share))] * 1000

        lines = [
            f"{phase}: {len(every)} requests in {seconds:.0f} s ({len(every) / seconds:.0f}/s), "
            f"errors {sum(1 for failure in self.failures if failure[0] == phase)}; latency ms p50 "
            f"{pct(every, 0.5):.1f}, p90 {pct(every, 0.9):.1f}, p99 {pct(every, 0.99):.1f}, "
            f"max {every[-1] * 1000:.0f}"
        ]
        for kind, values in sorted(kinds.items()):
            values = sorted(values)
            lines.append(
                f"  {kind:<9} {len(values):>7} requests  p50 {pct(values, 0.5):7.1f}"
                f"  p99 {pct(values, 0.99):7.1f}  mean {statistics.mean(values) * 1000:6.1f}"
            )
        return "\n".join(lines)


class Command(BaseCommand):
    help = "nginx + two gunicorn instances + PostgreSQL + Redis: freshness, downloads, load and failover."

    def add_arguments(self, parser):
        parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/unionsite_cluster")
        parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/13")
        parser.add_argument("--seconds", type=int, default=60)
        parser.add_argument("--failover-seconds", type=int, default=20)
        parser.add_argument("--clients", type=int, default=32)
        parser.add_argument("--measure-seconds", type=int, default=5)
        parser.add_argument("--nginx", default=shutil.which("nginx") or "/usr/sbin/nginx")
        parser.add_argument(
            "--output", default=str(Path(settings.BASE_DIR) / "var" / "cluster" / "last-run.md")
        )
        parser.add_argument(
            "--keep",
            action="store_true",
            help="keep the temporary folder (logs), the database and the Redis keys at the end",
        )

    def handle(self, *args, **options):
        self.options = options
        name = urlsplit(options["database_url"]).path.lstrip("/")
        if not name.startswith("unionsite_cluster"):
            raise CommandError(
                "The cluster test empties its database: its name must start with unionsite_cluster."
            )
        if not Path(options["nginx"]).exists():
            raise CommandError("nginx is not installed (make cluster-test installs it as root).")
        self.processes = {}
        self.report = []
        self.root = Path(tempfile.mkdtemp(prefix="unionsite-cluster-"))
        # nginx's workers run as www-data when root starts it: they must reach media and static.
        self.root.chmod(0o755)
        previous = signal.signal(signal.SIGTERM, self._interrupted)
        started = time.monotonic()
        try:
            self._prepare(name)
            self._start_cluster()
            self._check_static_and_micro_cache()
            self._check_edit_is_seen_everywhere()
            self._check_download_through_nginx()
            self._check_short_bodies_hold_no_worker()
            self._side_by_side()
            self._mix_and_failover()
            self._check_no_worker_timed_out()
            self._check_unavailable_page()
            self._say(f"Cluster test passed in {time.monotonic() - started:.0f} s.")
        finally:
            self._stop_all()
            signal.signal(signal.SIGTERM, previous)
            if options["keep"]:
                self.stdout.write(f"Kept {self.root}, the database {name} and the Redis keys")
            else:
                shutil.rmtree(self.root, ignore_errors=True)
                self._drop_database_and_keys(name)
            output = Path(options["output"])
            output.parent.mkdir(parents=True, exist_ok=True)
            output.write_text("\n".join(self.report) + "\n")

    # --- helpers ------------------------------------------------------------------------------

    def _interrupted(self, signum, frame):
        raise KeyboardInterrupt

    def _say(self, text):
        self.report.append(text)
        self.stdout.write(text)
        self.stdout.flush()  # CI shows each step as it happens

    def _check(self, condition, message):
        if not condition:
            raise CommandError(f"FAIL: {message}")
        self._say(f"ok: {message}")

    def _env(self, **extra):
        keep = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "GUNICORN_", "AWS_"))}
        return {
            **keep,
            "DJANGO_SECRET_KEY": "cluster-test-only-" + "k" * 40,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": self.options["database_url"],
            "REDIS_URL": self.options["redis_url"],
            "DJANGO_MEDIA_ROOT": str(self.root / "media"),
            "DJANGO_STATIC_ROOT": str(self.root / "static"),
            "DJANGO_DOCUMENTS_X_ACCEL_PREFIX": "/protected-media/",
            "DJANGO_RATELIMIT_IP_META_KEY": "HTTP_X_REAL_IP",
            "DJANGO_LOG_LEVEL": "WARNING",
            **extra,
        }

    def _manage(self, *command, env=None):
        subprocess.run(  # noqa: S603 - our own manage.py
            [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), *command],
            cwd=settings.BASE_DIR,
            env=env or self._env(),
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def _spawn(self, key, command, env=None):
        log = open(self.root / f"{key}.log", "wb")  # noqa: SIM115 - closed with the process
        process = subprocess.Popen(  # noqa: S603 - our own commands
            command,
            cwd=settings.BASE_DIR,
            env=env or self._env(),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.processes[key] = (process, log)
        return process

    def _stop(self, key, sig=signal.SIGTERM):
        process, log = self.processes.pop(key)
        with suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        try:
            process.wait(timeout=35)
        except subprocess.TimeoutExpired:
            with suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()

    def _stop_all(self):
        for key in list(self.processes):
            self._stop(key)

    def _gunicorn(self, key, port, **extra):
        command = [sys.executable, "-m", "gunicorn", "-c", "unionsite/gunicorn.conf.py", "unionsite.wsgi"]
        env = self._env(GUNICORN_BIND=f"127.0.0.1:{port}", GUNICORN_WORKERS="2", **extra)
        return self._spawn(key, command, env)

    def _wait_for(self, port, path="/healthz", key=None):
        deadline = time.monotonic() + 60
        browser = Browser(port)
        while time.monotonic() < deadline:
            if key and self.processes[key][0].poll() is not None:
                raise CommandError(f"{key} exited; its log: {self.root / (key + '.log')}")
            with suppress(ConnectionError):
                if browser.get(path).status == 200:
                    return
            time.sleep(0.3)
        raise CommandError(f"nothing answered {path} on port {port} within 60 s")

    # --- 1. preparation -----------------------------------------------------------------------

    def _drop_database_and_keys(self, name):
        """Leave nothing behind: the run's database and its Redis db (13 by default) go."""
        admin_url = self.options["database_url"].rsplit("/", 1)[0] + "/postgres"
        sql = f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'
        subprocess.run(["psql", admin_url, "-q", "-c", sql], check=False)  # noqa: S603, S607
        import redis

        with suppress(redis.RedisError):
            redis.Redis.from_url(self.options["redis_url"]).flushdb()

    def _prepare(self, name):
        began = time.monotonic()
        admin_url = self.options["database_url"].rsplit("/", 1)[0] + "/postgres"
        for sql in (f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"'):
            subprocess.run(["psql", admin_url, "-q", "-c", sql], check=True)  # noqa: S603, S607
        import redis

        redis.Redis.from_url(self.options["redis_url"]).flushdb()
        # Static files meanwhile: they need no database.
        manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
        static = self._spawn("collectstatic", [*manage, "collectstatic", "--noinput", "-v0"])
        steps = []
        for command in (["migrate", "--noinput", "-v0"], ["load_demo"]):
            step = time.monotonic()
            self._manage(*command)
            steps.append(f"{command[0]} {time.monotonic() - step:.0f} s")
        env = self._env(DJANGO_SUPERUSER_PASSWORD=ADMIN_PASSWORD)
        user = ["--noinput", "--username", ADMIN_USER, "--email", "admin@example.org"]
        self._manage("createsuperuser", *user, env=env)
        if static.wait() != 0:
            raise CommandError(f"collectstatic failed: {self.root / 'collectstatic.log'}")
        self.processes.pop("collectstatic")[1].close()
        self._say(
            f"Prepared {name}, the demo content and the static files in {time.monotonic() - began:.0f} s "
            f"({', '.join(steps)})."
        )

    def _start_cluster(self):
        self.port_a, self.port_b, self.port_nginx = free_port(), free_port(), free_port()
        self._gunicorn("app-a", self.port_a)
        self._gunicorn("app-b", self.port_b)
        conf = nginxconf.write_config(
            self.root,
            self.port_nginx,
            [self.port_a, self.port_b],
            client_body_timeout=f"{BODY_TIMEOUT_SECONDS}s",
        )
        nginx = [self.options["nginx"], "-p", str(self.root / "nginx"), "-c", str(conf)]
        nginx += ["-e", str(self.root / "nginx" / "error.log")]
        test = subprocess.run([*nginx, "-t"], capture_output=True, text=True)  # noqa: S603
        if test.returncode:
            raise CommandError(f"nginx -t refused the rendered configuration:\n{test.stderr}")
        self._spawn("nginx", nginx)
        self._wait_for(self.port_a, key="app-a")
        self._wait_for(self.port_b, key="app-b")
        self._wait_for(self.port_nginx, key="nginx")
        self._say(
            f"nginx on 127.0.0.1:{self.port_nginx} in front of gunicorn A on {self.port_a} and B on "
            f"{self.port_b} (2 workers each), PostgreSQL, Redis {self.options['redis_url']}."
        )

    # --- 3. checks ----------------------------------------------------------------------------

    def _check_static_and_micro_cache(self):
        import json

        manifest = json.loads((self.root / "static" / "staticfiles.json").read_text())["paths"]
        hashed = manifest["css/site.css"]
        self.static_path = f"/static/{hashed}"
        visitor = Browser(self.port_nginx)
        answer = visitor.get(self.static_path, headers={"Accept-Encoding": "gzip"})
        self._check(
            answer.status == 200
            and "immutable" in answer.header("cache-control")
            and answer.header("content-encoding") == "gzip",
            f"nginx serves {self.static_path} gzipped (WhiteNoise's .gz) with an immutable Cache-Control",
        )
        statuses = [visitor.get("/ky/news/").header("x-cache-status") for _ in range(2)]
        self._check(statuses[-1] == "HIT", f"an anonymous page comes from nginx's micro-cache ({statuses})")
        editor = Browser(self.port_nginx)
        editor.cookies["sessionid"] = "whoever"
        status = editor.get("/ky/news/").header("x-cache-status")
        self._check(status == "BYPASS", f"a request with a session cookie bypasses it ({status})")
        for path in ("/ky/admin/login/", "/ky/faq/ask/"):
            visitor.get(path)
            status = visitor.get(path).header("x-cache-status")
            self._check(status == "", f"{path} never goes through nginx's cache")

    def _publish_report(self, browser, title):
        path = "/ky/admin/news/report/add/"
        form = AdminForm(browser.get(path).text)
        fields = dict(form.fields)
        fields.update(
            {
                "title_ky": title,
                "slug": re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or f"r-{time.time_ns()}",
                "lead_ky": "Кластердин сынагы: кабар бир серверде жарыяланып, баарында көрүнөт.",
                "body_ky": "<p>Кабардын тексти.</p>",
                "status": "published",
                "organisation": form.first_option("organisation"),
                "category": form.first_option("category"),
                "_save": "1",
            }
        )
        answer = browser.post(path, fields)
        if answer.status != 302:
            raise CommandError(
                f"publishing through the admin gave {answer.status}: {form_errors(answer.text)}"
            )

    def _check_edit_is_seen_everywhere(self):
        # Every copy warm first: A's and B's page cache (in Redis) and nginx's micro-cache.
        for port in (self.port_a, self.port_b, self.port_nginx, self.port_nginx):
            Browser(port).get("/ky/news/")
        editor = Browser(self.port_a)
        editor.admin_login(ADMIN_USER, ADMIN_PASSWORD)
        title = f"Cluster check {int(time.time())}"
        self._publish_report(editor, title)
        published = time.monotonic()
        seen_on_b = title in Browser(self.port_b).get("/ky/news/").text
        self._check(
            seen_on_b, "a report published through instance A is on /ky/news/ through instance B at once"
        )
        nginx = Browser(self.port_nginx)
        while title not in nginx.get("/ky/news/").text:
            if time.monotonic() - published > MICRO_CACHE_SECONDS + 3:
                raise CommandError(
                    f"FAIL: nginx still serves /ky/news/ without the report after {MICRO_CACHE_SECONDS + 3} s"
                )
            time.sleep(0.2)
        self._check(
            True,
            f"...and through nginx after {time.monotonic() - published:.1f} s "
            f"(micro-cache {MICRO_CACHE_SECONDS} s)",
        )

    def _check_download_through_nginx(self):
        from documents.files import make_pdf

        pdf = make_pdf("Cluster test", [f"Uploaded at {time.time()}"])
        slug = f"cluster-upload-{int(time.time())}"
        editor = Browser(self.port_a)
        editor.admin_login(ADMIN_USER, ADMIN_PASSWORD)
        path = "/ky/admin/documents/document/add/"
        form = AdminForm(editor.get(path).text)
        fields = dict(form.fields)
        fields.update(
            {
                "title_ky": "Кластердин сынагынын документи",
                "slug": slug,
                "document_type": form.first_option("document_type"),
                "status": "published",
                "files-0-language": "ky",
                "_save": "1",
            }
        )
        answer = editor.post(path, fields, files={"files-0-file": ("cluster.pdf", pdf, "application/pdf")})
        if answer.status != 302:
            raise CommandError(f"the document upload gave {answer.status}: {form_errors(answer.text)}")
        download = f"/ky/documents/{slug}/download/ky/"
        direct = Browser(self.port_b).get(download)
        accel = direct.header("x-accel-redirect")
        self._check(
            direct.status == 200 and accel.startswith("/protected-media/documents/") and direct.body == b"",
            f"instance B answers the download with an empty body and X-Accel-Redirect: {accel}",
        )
        through = Browser(self.port_nginx).get(download)
        self._check(
            through.status == 200
            and through.body == pdf
            and through.header("content-type") == "application/pdf"
            and "attachment" in through.header("content-disposition")
            and through.header("etag")
            and through.header("last-modified")
            and "x-accel-redirect" not in through.headers,
            f"nginx sends the uploaded file's {len(pdf)} bytes from its internal location "
            "(its own ETag and Last-Modified, Django's Content-Disposition)",
        )
        stored = accel.removeprefix("/protected-media/")
        hidden = [Browser(self.port_nginx).get(p).status for p in (accel, f"/media/{stored}")]
        self._check(hidden == [404, 404], f"the file itself is not reachable from outside ({hidden})")

    def _check_short_bodies_hold_no_worker(self):
        """POSTs that announce 1000 bytes and send 10: nginx reads request bodies whole before
        passing a request on, so these never reach an instance, whose sync workers would otherwise
        wait for the rest until gunicorn's 30 s timeout killed them."""
        head = (
            b"POST /ky/write-to-us/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n"
        )
        stalled = []
        for _ in range(STALLED_BODIES):
            connection = socket.create_connection(
                ("127.0.0.1", self.port_nginx), timeout=BODY_TIMEOUT_SECONDS + 10
            )
            connection.sendall(head + b"name=abcde")
            stalled.append(connection)
        began = self.stalled_at = time.monotonic()
        waits = []
        for port in (self.port_a, self.port_b, self.port_nginx):
            tick = time.monotonic()
            # A held worker would leave this waiting: no answer within the timeout is a failure.
            try:
                status = (
                    Browser(port, timeout=BODY_TIMEOUT_SECONDS)
                    .get(f"/healthz?stalled={time.time_ns()}")
                    .status
                )
            except ConnectionError as error:
                status = str(error)
            waits.append((status, time.monotonic() - tick))
        self._check(
            all(status == 200 and wait < 1 for status, wait in waits)
            and time.monotonic() - began < BODY_TIMEOUT_SECONDS,
            f"while {STALLED_BODIES} POSTs stall in their bodies, instance A, instance B and nginx answer "
            f"/healthz at once ({', '.join(f'{status}, {wait * 1000:.0f} ms' for status, wait in waits)})",
        )
        answers = []
        for connection in stalled:
            with connection:
                received = b""
                with suppress(OSError):
                    while chunk := connection.recv(4096):
                        received += chunk
            answers.append(
                (received.split(b"\r\n", 1)[0].decode("latin-1") or "closed", time.monotonic() - began)
            )
        self._check(
            all(
                (answer == "closed" or answer.split()[1] in ("400", "408"))
                and BODY_TIMEOUT_SECONDS - 0.5 <= seconds < BODY_TIMEOUT_SECONDS + 5
                for answer, seconds in answers
            ),
            f"nginx gives up on them itself after client_body_timeout {BODY_TIMEOUT_SECONDS} s "
            f"({', '.join(f'{answer} after {seconds:.1f} s' for answer, seconds in answers)})",
        )
        time.sleep(1.2)  # the access log is flushed every second
        logged = [
            line
            for line in (self.root / "nginx" / "access.log").read_text().splitlines()
            if ' POST "/ky/write-to-us/" ' in line
        ]
        self._check(
            len(logged) == STALLED_BODIES
            and all(line.split()[1] in ("400", "408") and line.endswith("upstream=-") for line in logged),
            f"nginx logged them as {sorted({line.split()[1] for line in logged})}, "
            "none passed on to an instance",
        )

    # --- 4. side by side ----------------------------------------------------------------------

    def _wrk(self, port, path, seconds, connections=32):
        output = subprocess.run(  # noqa: S603
            [
                shutil.which("wrk"),
                "-t2",
                f"-c{connections}",
                f"-d{seconds}s",
                "--latency",
                f"http://127.0.0.1:{port}{path}",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
        non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
        return rate, int(non_2xx.group(1)) if non_2xx else 0

    def _side_by_side(self):
        if not shutil.which("wrk"):
            self._say("wrk is not installed: no side-by-side figures (make bench-tools installs it).")
            self.figures = None
            return
        seconds = self.options["measure_seconds"]
        port = free_port()
        self._gunicorn("trivial", port, DJANGO_SETTINGS_MODULE="devtools.bench_trivial")
        self._wait_for(port, "/ok", key="trivial")
        trivial, _ = self._wrk(port, "/ok", seconds)
        self._stop("trivial")
        cached_page, errors_page = self._wrk(self.port_nginx, "/ky/", seconds)
        static, errors_static = self._wrk(self.port_nginx, self.static_path, seconds)
        django_cached, _ = self._wrk(self.port_a, "/ky/", seconds)
        self.figures = (trivial, cached_page, static, django_cached)
        self._say(
            "\nSide by side (wrk, 2 threads, 32 connections, "
            f"{seconds} s each, on this machine):\n"
            f"| what | requests/s | × trivial view |\n|---|---:|---:|\n"
            f"| trivial Django view (gunicorn, 2 workers) | {trivial:,.0f} | 1 |\n"
            f"| /ky/ from Django's page cache (gunicorn A alone) | {django_cached:,.0f} | "
            f"{django_cached / trivial:.2f} |\n"
            f"| /ky/ through nginx's micro-cache | {cached_page:,.0f} | {cached_page / trivial:.1f} |\n"
            f"| a static file served by nginx | {static:,.0f} | {static / trivial:.1f} |\n"
        )
        self._check(errors_page == 0 and errors_static == 0, "no errors while measuring")
        ratio = cached_page / trivial
        verdict = "met" if ratio >= 5 else "NOT met"
        self._say(
            f"target: a cached page through nginx at least 5× the trivial view: {ratio:.1f}× ({verdict})"
        )

    # --- 5. the mix and the failover ------------------------------------------------------------

    def _crawl(self):
        browser = Browser(self.port_nginx)
        seen, queue = [], ["/ky/", "/ru/"]
        while queue and len(seen) < 60:
            path = queue.pop(0)
            if path in seen or SKIP.search(path):
                continue
            answer = browser.get(path)
            if answer.status != 200 or browser.get(f"{path}?v=0").status != 200:
                continue
            seen.append(path)
            queue.extend(link for link in LINK_RE.findall(answer.text) if link not in seen)
        return seen

    def _mix_and_failover(self):
        clients, seconds, failover = (
            self.options["clients"],
            self.options["seconds"],
            self.options["failover_seconds"],
        )
        pages = self._crawl()
        popular = [path for path in POPULAR if path in pages] + pages[:4]
        self._say(
            f"\nThe mix through nginx: {clients} clients, {seconds} s with both app servers, then B stopped "
            f"and {failover} s more; 80 % popular pages ({len(popular)}), 15 % of {len(pages)} pages with a "
            f"query string no cache has seen, 5 % searches; an editor publishes a report every "
            f"{EDITOR_INTERVAL} s."
        )
        stats = Stats()
        phase = {"name": "both servers"}
        stop_at = time.monotonic() + seconds + failover
        counter = iter(range(10**9))
        counter_lock = threading.Lock()

        def reader(number):
            rng = random.Random(number)
            browser = Browser(self.port_nginx)
            while time.monotonic() < stop_at:
                draw = rng.random()
                if draw < 0.80:
                    kind, path = "popular", rng.choice(popular)
                elif draw < 0.95:
                    with counter_lock:
                        unique = next(counter)
                    kind, path = "uncached", f"{rng.choice(pages)}?v={unique}"
                else:
                    kind, path = (
                        "search",
                        f"/{rng.choice(['ky', 'ru'])}/search/?q={quote(rng.choice(SEARCH_WORDS))}",
                    )
                current = phase["name"]
                began = time.perf_counter()
                try:
                    status = browser.get(path).status
                except ConnectionError as error:
                    status = str(error)
                stats.add(
                    current,
                    kind,
                    time.perf_counter() - began,
                    None if status == 200 else f"{path} -> {status}",
                )

        delays = []

        def editor():
            browser = Browser(self.port_nginx)
            browser.admin_login(ADMIN_USER, ADMIN_PASSWORD)
            visitor = Browser(self.port_nginx)
            number = 0
            while time.monotonic() + EDITOR_INTERVAL < stop_at:
                tick = time.monotonic()
                number += 1
                title = f"Load report {number} {int(time.time())}"
                current = phase["name"]
                try:
                    self._publish_report(browser, title)
                except (CommandError, ConnectionError) as error:
                    stats.add(current, "editor", time.monotonic() - tick, str(error))
                else:
                    saved = time.monotonic()
                    stats.add(current, "editor", saved - tick)
                    while title not in visitor.get("/ky/news/").text:
                        time.sleep(0.2)
                    delays.append(time.monotonic() - saved)
                time.sleep(max(0, EDITOR_INTERVAL - (time.monotonic() - tick)))

        threads = [threading.Thread(target=reader, args=(n,)) for n in range(clients)]
        threads.append(threading.Thread(target=editor))
        for thread in threads:
            thread.start()
        time.sleep(seconds)
        phase["name"] = "B stopped"
        self._stop("app-b")
        exited_at = time.time()
        for thread in threads:
            thread.join()
        self._say(stats.summary("both servers", seconds))
        self._say(stats.summary("B stopped", failover))
        if delays:
            self._say(
                f"editor: {len(delays)} reports published; each on /ky/news/ through nginx at most "
                f"{max(delays):.1f} s after its save"
            )
        for failure in stats.failures[:10]:
            self._say(f"  failed ({failure[0]}, {failure[1]}): {failure[2]}")
        self._check(not stats.failures, "0 errors in the mix, before and after instance B was stopped")
        # When the copy expires nginx keeps serving it until one render of the new page is done:
        # the bound is the micro-cache's seconds plus the slowest render of this run.
        renders = sorted(value for part in stats.latencies.values() for value in part.get("uncached", []))
        render = renders[int(len(renders) * 0.99)] if renders else 1.0
        bound = MICRO_CACHE_SECONDS + render + 1
        self._check(
            bool(delays) and max(delays) <= bound,
            f"every published report was on the list through nginx within {bound:.1f} s "
            f"(the micro-cache's {MICRO_CACHE_SECONDS} s, plus one render: p99 {render:.1f} s, plus 1 s)",
        )
        time.sleep(1.2)  # the access log is flushed every second
        self._check_upstreams_after(exited_at)

    def _check_no_worker_timed_out(self):
        """gunicorn logs "WORKER TIMEOUT" when it kills a worker held beyond its 30 s timeout: none in
        the whole run, which started with the stalled bodies more than 30 s before this."""
        time.sleep(max(0, self.stalled_at + 32 - time.monotonic()))
        timeouts = {
            key: (self.root / f"{key}.log").read_text(errors="replace").count("WORKER TIMEOUT")
            for key in ("app-a", "app-b")
        }
        self._check(
            not any(timeouts.values()),
            f"no gunicorn worker was killed for a timeout in the whole run ({timeouts})",
        )

    def _check_unavailable_page(self):
        """Both app servers down: nginx's own page in both languages, its status kept; back up,
        the same address comes from Django again (the error page was never cached)."""
        self._stop("app-a")  # B was stopped in the failover part
        visitor = Browser(self.port_nginx)
        unique = time.time_ns()
        paths = [f"/ky/news/?down={unique}", f"/ru/faq/?down={unique}"]
        answers = [visitor.get(path) for path in paths]
        form = visitor.request(
            "POST",
            "/ky/write-to-us/",
            body=b"name=abc",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        for answer in [*answers, form]:
            missing = [sentence for sentence in UNAVAILABLE_SENTENCES if sentence not in answer.text]
            if (
                answer.status not in (502, 503)
                or missing
                or answer.header("content-type") != "text/html; charset=utf-8"
                or answer.header("cache-control") != "no-store"
                or not answer.header("retry-after").isdigit()
            ):
                raise CommandError(
                    f"FAIL: with both app servers stopped nginx answered {answer.status}, "
                    f"{answer.header('content-type')!r}, Cache-Control {answer.header('cache-control')!r}, "
                    f"Retry-After {answer.header('retry-after')!r}; missing {missing}: {answer.text[:300]!r}"
                )
        self._check(
            True,
            f"both app servers stopped: nginx answers {[a.status for a in answers]} to pages and "
            f"{form.status} to a form's POST with the site's page in Kyrgyz and Russian "
            f"(Retry-After: {form.header('retry-after')}, Cache-Control: no-store)",
        )
        home = visitor.get("/ky/")
        self._check(
            home.status == 200 and home.header("x-cache-status") in ("HIT", "STALE"),
            f"...while a page still in the micro-cache is served from it ({home.status} "
            f"{home.header('x-cache-status')}), so the page's home link helps",
        )
        self._gunicorn("app-a", self.port_a)
        self._gunicorn("app-b", self.port_b)
        self._wait_for(self.port_a, key="app-a")
        self._wait_for(self.port_b, key="app-b")
        back = time.monotonic()
        while True:
            statuses = [visitor.get(path).status for path in paths]
            if statuses == [200, 200]:
                break
            if time.monotonic() - back > 30:
                raise CommandError(
                    f"FAIL: nginx still answers {statuses} 30 s after both instances came back"
                )
            time.sleep(0.5)
        self._check(
            True,
            f"both instances started again: nginx serves the same addresses from Django after "
            f"{time.monotonic() - back:.1f} s (fail_timeout 10 s), the error page was not cached",
        )

    def _check_upstreams_after(self, exited_at):
        """After B's exit every request nginx passed on was answered by A; B was tried first only
        when fail_timeout had run out (then nginx retries it once and leaves it out again)."""
        a, b = f"127.0.0.1:{self.port_a}", f"127.0.0.1:{self.port_b}"
        by_a = tried_b = by_b = 0
        for line in (self.root / "nginx" / "access.log").read_text().splitlines():
            stamp, _, rest = line.partition(" ")
            upstreams = [u.strip() for u in rest.partition("upstream=")[2].split(",")]
            if float(stamp) < exited_at + 0.5 or upstreams == ["-"]:
                continue
            by_a += upstreams[-1] == a
            by_b += upstreams[-1] == b
            tried_b += b in upstreams
        error_log = (self.root / "nginx" / "error.log").read_text()
        marked = "upstream server temporarily disabled" in error_log
        self._check(
            marked and by_a and not by_b,
            f"nginx marked B down; after B's exit A answered all {by_a} requests passed on "
            f"({tried_b} tried B first, when its fail_timeout had run out)",
        )
