"""Fresh pages across processes with the default cache (files under DJANGO_CACHE_DIR, no Redis).

Two gunicorn instances (one sync worker each, on free loopback ports) serve one SQLite file and
share the default cache, as the workers of one server do. A page cached by one is served by the
other; an edit made through one (an editor unpublishing a report in the admin) shows at once on
the other; a management command run beside them (import_organisations renaming the committee)
shows at once on both, in the pages and in the cached cards.
"""

import http.cookiejar
import os
import re
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import pytest

from devtools.httpclient import free_port

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "a-long-password-for-the-editor-1"
HOST = "localhost"

SETUP = f"""
from django.contrib.auth import get_user_model
from news.models import Report
from structure.models import OrganisationKind
from tests.news.factories import ReportFactory
from tests.structure.factories import OrganisationFactory

central = OrganisationFactory(
    slug="central", kind=OrganisationKind.CENTRAL, region="",
    name_ky="Борбордук комитет", name_ru="Центральный комитет",
)
ReportFactory(slug="first", title_ky="Биринчи кабар", title_ru="Первый отчёт", organisation=central)
ReportFactory(slug="second", title_ky="Экинчи кабар", title_ru="Второй отчёт", organisation=central)
get_user_model().objects.create_superuser("editor", "editor@example.kg", "{PASSWORD}")
"""


def manage(env, *args, stdin=None):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )


def get(base, path, opener=None):
    # One host name for both, as behind nginx: the page cache keys pages by their full address.
    request = urllib.request.Request(base + path, headers={"Host": HOST})  # noqa: S310 - http only
    with (opener or urllib.request.build_opener()).open(request, timeout=30) as response:
        return response.read().decode()


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    folder = tmp_path_factory.mktemp("two-servers")
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("REDIS", "DJANGO_", "GUNICORN"))
    }
    env.update(
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        DJANGO_CACHE_DIR=str(folder / "cache"),
        DJANGO_RATELIMIT_CACHE_DIR=str(folder / "ratelimit"),
        DJANGO_MEDIA_ROOT=str(folder / "media"),
        # DEBUG serves static names unhashed, so no collectstatic is needed; the page cache is on.
        DJANGO_DEBUG="1",
        DJANGO_PAGE_CACHE_SECONDS="600",
        DJANGO_SECRET_KEY="a-secret-for-the-two-servers-test-0123456789",
        DJANGO_AXES_ENABLED="0",
    )
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "shell", "-c", SETUP)
    processes, bases = [], []
    try:
        for _ in range(2):
            port = free_port()
            processes.append(
                subprocess.Popen(
                    [
                        str(Path(sys.executable).with_name("gunicorn")),
                        "-c",
                        "unionsite/gunicorn.conf.py",
                        "--workers",
                        "1",
                        "--bind",
                        f"127.0.0.1:{port}",
                        "unionsite.wsgi",
                    ],
                    cwd=ROOT,
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
            bases.append(f"http://127.0.0.1:{port}")
        deadline = time.monotonic() + 90
        for base in bases:
            while True:
                try:
                    get(base, "/healthz")
                    break
                except (urllib.error.URLError, ConnectionError):
                    if time.monotonic() > deadline:
                        pytest.fail(f"gunicorn at {base} did not start")
                    time.sleep(0.5)
        yield {"a": bases[0], "b": bases[1], "env": env, "db": folder / "db.sqlite3", "folder": folder}
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                process.kill()


def change_title_behind_the_sites_back(database, slug, title):
    """An UPDATE no process sees: pages still showing the old title come from the cache.

    It moves updated_at as a save would, so that a page rendered afresh renders the card afresh.
    """
    now = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")
    with sqlite3.connect(database) as connection:
        connection.execute(
            "UPDATE news_report SET title_ky = ?, updated_at = ? WHERE slug = ?", (title, now, slug)
        )


def post(opener, url, fields):
    data = urllib.parse.urlencode(fields).encode()
    headers = {"Referer": url, "Host": HOST}
    request = urllib.request.Request(url, data=data, headers=headers)  # noqa: S310 - http only
    return opener.open(request, timeout=30).read().decode()


def signed_in(base):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    form = get(base, "/ky/admin/login/", opener)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    fields = {"csrfmiddlewaretoken": token, "username": "editor", "password": PASSWORD, "next": "/ky/admin/"}
    assert "/admin/logout/" in post(opener, base + "/ky/admin/login/", fields)
    return opener, jar


def test_a_page_cached_by_one_server_is_served_by_the_other_and_an_edit_through_one_shows_on_both(servers):
    a, b = servers["a"], servers["b"]
    assert "Биринчи кабар" in get(a, "/ky/news/")
    change_title_behind_the_sites_back(servers["db"], "first", "Өзгөртүлгөн аталыш")
    # B has never rendered the list: it answers with the page A cached.
    assert "Биринчи кабар" in get(b, "/ky/news/")
    assert "Биринчи кабар" in get(a, "/ky/news/")

    # An editor unpublishes the second report through A.
    opener, jar = signed_in(a)
    changelist = get(a, "/ky/admin/news/report/", opener)
    pk = re.search(r'<a href="/ky/admin/news/report/(\d+)/change/[^"]*">Экинчи кабар', changelist).group(1)
    token = next(cookie.value for cookie in jar if cookie.name == "csrftoken")
    fields = {"csrfmiddlewaretoken": token, "action": "unpublish", "_selected_action": pk, "index": "0"}
    post(opener, a + "/ky/admin/news/report/", fields)

    # B shows the change at once, and renders afresh (the first report's title changed meanwhile).
    on_b = get(b, "/ky/news/")
    assert "Экинчи кабар" not in on_b
    assert "Өзгөртүлгөн аталыш" in on_b
    assert "Экинчи кабар" not in get(a, "/ky/news/")


def test_a_management_command_run_beside_the_servers_shows_on_both_pages_and_cards(servers):
    a, b = servers["a"], servers["b"]
    for base in (a, b):
        assert "Борбордук комитет" in get(base, "/ky/news/")
        assert "Борбордук комитет" in get(base, "/ky/structure/central/")
    csv = servers["folder"] / "organisations.csv"
    csv.write_text(
        "slug,parent_slug,kind,name_ky,name_ru\n"
        "central,,central,Федерациянын борбордук комитети,Центральный комитет федерации\n",
        encoding="utf-8",
    )
    manage(servers["env"], "import_organisations", str(csv))
    for base in (b, a):
        news = get(base, "/ky/news/")
        # The report's card was cached with the old name: the command made cards stale too.
        assert "Федерациянын борбордук комитети" in news
        assert "Борбордук комитет<" not in news
        assert "Федерациянын борбордук комитети" in get(base, "/ky/structure/central/")
