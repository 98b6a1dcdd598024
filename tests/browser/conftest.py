"""Fixtures for the browser tests: one headless Chromium per session, a fresh page per test.

Playwright drives Debian's Chromium (`apt-get install chromium`, which `make test` does as root);
Playwright's own browser download is never used. Where the browser is missing, the tests skip
with the reason on a developer machine and fail in CI (CI=true).
"""

import contextlib
import fcntl
import io
import os
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

# Playwright's sync API keeps an asyncio event loop in this thread, and Django then refuses ORM
# calls from it (SynchronousOnlyOperation). The tests call the ORM between page actions on
# purpose (to create staff users, to check what a form stored), so switch that guard off. It only
# guards against blocking an event loop: nothing here serves requests from one.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}


def in_ci():
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def missing_tool(reason):
    """A missing tool fails the run in CI and skips the test on a developer machine."""
    if in_ci():
        pytest.fail(f"{reason} (CI must run the browser tests; run `make test` as root to install it)")
    pytest.skip(f"{reason}; `make test` as root installs it")


def pytest_collection_modifyitems(config, items):
    """Run the slow browser tests after the fast ones, so a broken view is reported in seconds."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.fixture(scope="session")
def browser():
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        missing_tool(f"Chromium is not installed at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing_tool("The playwright Python package is not installed (requirements-dev.txt)")
    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    yield browser
    browser.close()
    playwright.stop()


def _new_page(browser, live_server, viewport, **options):
    # The site's Content-Security-Policy stays in force, so a script or style it blocks is caught.
    context = browser.new_context(base_url=live_server.url, viewport=viewport, **options)
    context.set_default_timeout(20_000)  # generous: the machine has two cores
    # Nothing leaves the machine: a request to any other host (a CDN, a font service) is refused
    # and recorded, so a test can assert that pages need nothing from outside.
    outside = []

    def refuse(route):
        outside.append(route.request.url)
        route.abort()

    context.route(lambda url: not url.startswith(live_server.url), refuse)
    page = context.new_page()
    page.outside_requests = outside
    page.problems = problems = []
    # What a visitor would not notice but a broken page shows: script errors, what the CSP
    # blocked, and images, styles or scripts that did not load.
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on(
        "console",
        lambda message: (
            problems.append(f"console: {message.text}")
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )
    page.on(
        "response",
        lambda response: (
            problems.append(f"HTTP {response.status} for {response.url}")
            if response.status >= 400 and not response.request.is_navigation_request()
            else None
        ),
    )
    return context, page


@pytest.fixture
def page(browser, live_server):
    """A desktop-sized page in a fresh context (no cookies), its URLs relative to the live server."""
    context, page = _new_page(browser, live_server, DESKTOP)
    yield page
    context.close()


@pytest.fixture
def phone_page(browser, live_server):
    """A 360 px wide page, the size of a small phone."""
    context, page = _new_page(browser, live_server, PHONE, is_mobile=True, has_touch=True)
    yield page
    context.close()


@pytest.fixture
def new_page(browser, live_server):
    """Open more pages, each in its own context (a second visitor, a staff user)."""
    contexts = []

    def open_page(viewport=DESKTOP, **options):
        context, page = _new_page(browser, live_server, viewport, **options)
        contexts.append(context)
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def demo_media(tmp_path_factory):
    return tmp_path_factory.mktemp("demo-media")


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, demo_media):
    """Overrides tests/conftest.py: browser tests share the media of the demo content."""
    settings.MEDIA_ROOT = demo_media
    return demo_media


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker, demo_media, tmp_path_factory, worker_id):
    """The demo content, loaded once per run and kept as a copy of the SQLite database.

    `load_demo` generates photos and documents and takes ten seconds or more; restoring the copy
    takes milliseconds. In a parallel run the first worker to get here loads it and leaves the
    copy and its media in the run's base temporary folder; the others restore those (every worker's
    database was migrated alike, tests/conftest.py). On another database engine each test loads
    the demo content itself.
    """
    from django.core.management import call_command
    from django.db import connection
    from django.test import override_settings

    if connection.vendor != "sqlite":
        yield None
        return
    shared = None if worker_id == "master" else tmp_path_factory.getbasetemp().parent / "demo-snapshot"
    snapshot = sqlite3.connect(":memory:")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=demo_media), _held(shared):
        if shared is not None and (shared / "done").exists():
            saved = sqlite3.connect(shared / "demo.sqlite3")
            saved.backup(snapshot)
            saved.close()
            shutil.copytree(shared / "media", demo_media, dirs_exist_ok=True)
        else:
            call_command("load_demo", stdout=io.StringIO())
            connection.ensure_connection()
            connection.connection.backup(snapshot)
            call_command("flush", interactive=False, verbosity=0)
            if shared is not None:
                saved = sqlite3.connect(shared / "demo.sqlite3")
                snapshot.backup(saved)
                saved.close()
                shutil.copytree(demo_media, shared / "media", dirs_exist_ok=True)
                (shared / "done").touch()
    yield snapshot
    snapshot.close()


@contextlib.contextmanager
def _held(folder):
    """The lock of a folder shared by the workers (none for None), released on leaving."""
    if folder is None:
        yield
        return
    folder.mkdir(exist_ok=True)
    with open(folder / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


@pytest.fixture
def demo(transactional_db, demo_snapshot):
    """The demo content of every app, as `make run` shows it."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connection

    if demo_snapshot is None:
        call_command("load_demo", stdout=io.StringIO())
        return
    connection.ensure_connection()
    # The live server's thread reads the same in-memory database: a request the previous test left
    # running holds it for a moment ("destination database is in use"), so wait for it, up to 20 s.
    deadline = time.monotonic() + 20
    while True:
        try:
            demo_snapshot.backup(connection.connection)
            break
        except sqlite3.OperationalError as error:
            if "in use" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.1)
    ContentType.objects.clear_cache()


@pytest.fixture(scope="session")
def screenshots_dir():
    path = ARTIFACTS / "screenshots"
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="session")
def vnu_command():
    """The Nu HTML Checker from tests/browser/node_modules (`make test` installs it with npm)."""
    jar = Path(__file__).parent / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    if not jar.is_file():
        missing_tool(f"The Nu HTML Checker is not installed at {jar.relative_to(ROOT)}")
    java = shutil.which("java")
    if not java:
        missing_tool("Java is not installed (the Nu HTML Checker needs it)")
    return [java, "-jar", str(jar)]


@pytest.fixture(scope="session")
def axe_script():
    """axe-core's source, from tests/browser/node_modules (`make test` installs it with npm)."""
    script = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
    if not script.is_file():
        missing_tool(f"axe-core is not installed at {script.relative_to(ROOT)}")
    return script.read_text(encoding="utf-8")
