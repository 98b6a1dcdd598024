"""Hostile requests against the real server, counted in gunicorn's access log.

The test client shows what a view answers; only the server's access log shows every response,
including an error page that itself failed (the error log missed most of them). This starts
gunicorn with the production configuration and DEBUG off on 127.0.0.1, sends each family of
hostile input from the hardening issue, and fails on any 5xx in the access log.

The database is a throw-away one of the engine the suite runs on: SQLite, or a scratch database
on the PostgreSQL of DATABASE_URL.
"""

import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest

from devtools.httpclient import free_port

BASE_DIR = Path(__file__).resolve().parents[2]
STAFF = ("probe-editor", "probe-password-long-9")


def postgres_admin(url, worker_id):
    import dj_database_url
    import psycopg2

    settings = dj_database_url.parse(url)
    connection = psycopg2.connect(
        dbname="postgres",
        user=settings["USER"],
        host=settings["HOST"],
        port=settings["PORT"] or 5432,
        password=settings["PASSWORD"],
    )
    connection.autocommit = True
    # One per pytest-xdist worker (gw0, gw1...), so that parallel runs never share or drop another's.
    suffix = "" if worker_id == "master" else f"_{worker_id}"
    return connection, f"{settings['NAME']}_probe{suffix}"


def recreate_scratch_database(worker_id, create=True):
    """On PostgreSQL, (re)create or drop `<name>_probe[_gwN]` and return its URL; else None."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return None
    connection, name = postgres_admin(url, worker_id)
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        if create:
            cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()
    return url.rsplit("/", 1)[0] + f"/{name}"


@pytest.fixture(scope="module")
def server(tmp_path_factory, worker_id, migrated_sqlite_file):
    tmp_path = tmp_path_factory.mktemp("probe")
    access_log = tmp_path / "access.log"
    scratch_url = recreate_scratch_database(worker_id)
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "GUNICORN_"))},
        "DATABASE_URL": scratch_url or f"sqlite:///{tmp_path / 'probe.sqlite3'}",
        "DJANGO_SECRET_KEY": "probe-only-" + "x" * 50,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_MEDIA_ROOT": str(tmp_path / "media"),
        "DJANGO_STATIC_ROOT": str(tmp_path / "static"),
        "DJANGO_RATELIMIT_CACHE_DIR": str(tmp_path / "ratelimit"),
        "DJANGO_LOG_LEVEL": "ERROR",
        "GUNICORN_WORKERS": "2",
        "GUNICORN_TIMEOUT": "20",
        "GUNICORN_ACCESS_LOG": str(access_log),
        "GUNICORN_LOG_LEVEL": "warning",
    }
    env.pop("REDIS_URL", None)
    manage = [sys.executable, "manage.py"]
    create_staff = (
        "from django.contrib.auth import get_user_model;"
        f"get_user_model().objects.create_superuser({STAFF[0]!r}, 'probe@example.kg', {STAFF[1]!r})"
    )
    # collectstatic needs no database: it runs beside the rest instead of after it.
    static = subprocess.Popen(
        [*manage, "collectstatic", "--noinput", "-v0"], cwd=BASE_DIR, env=env, stdout=subprocess.DEVNULL
    )
    try:
        if scratch_url is None and migrated_sqlite_file is not None:
            # The suite's own migrations already ran in this run (tests/conftest.py): start from
            # their result, the same database `migrate` would make here, instead of 30 s of CPU.
            shutil.copyfile(migrated_sqlite_file, tmp_path / "probe.sqlite3")
        else:
            subprocess.run(
                [*manage, "migrate", "--noinput", "-v0"],
                cwd=BASE_DIR,
                env=env,
                check=True,
                stdout=subprocess.DEVNULL,
            )
        for command in (["load_demo"], ["shell", "--no-imports", "-c", create_staff]):
            subprocess.run([*manage, *command], cwd=BASE_DIR, env=env, check=True, stdout=subprocess.DEVNULL)
    finally:
        static_failed = static.wait(timeout=300) != 0
    if static_failed:
        pytest.fail("collectstatic failed")
    port = free_port()
    env["GUNICORN_BIND"] = f"127.0.0.1:{port}"
    gunicorn = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "unionsite/gunicorn.conf.py", "unionsite.wsgi"],
        cwd=BASE_DIR,
        env=env,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if request(port, "GET", "/healthz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.3)
        else:
            pytest.fail("gunicorn did not come up within 60 s")
        yield {"port": port, "access_log": access_log}
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=30)
        recreate_scratch_database(worker_id, create=False)


def request(port, method, path, body=None, headers=None):
    """One raw request (http.client sends the path and headers as given); (status, headers, body)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        all_headers = {"Host": "127.0.0.1", **(headers or {})}
        connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        for name, value in all_headers.items():
            connection.putheader(name, value)
        if body is not None:
            connection.putheader("Content-Length", str(len(body)))
        connection.endheaders(body)
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def staff_session(port):
    """Log in through the admin's form, as an editor would; returns the Cookie header."""
    status, headers, _body = request(port, "GET", "/ru/admin/login/")
    cookies = SimpleCookie()
    for value in headers.get_all("Set-Cookie") or []:
        cookies.load(value)
    token = cookies["csrftoken"].value
    form = urlencode({"username": STAFF[0], "password": STAFF[1], "csrfmiddlewaretoken": token}).encode()
    status, headers, _body = request(
        port,
        "POST",
        "/ru/admin/login/",
        form,
        {"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={token}"},
    )
    assert status == 302, "the probe's editor could not log in"
    for value in headers.get_all("Set-Cookie") or []:
        cookies.load(value)
    return token, f"csrftoken={token}; sessionid={cookies['sessionid'].value}"


def multipart(fields, files):
    boundary = "probe-boundary-7d1"
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        )
    for name, (filename, content) in files.items():
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
        parts.append(head.encode() + b"Content-Type: application/octet-stream\r\n\r\n" + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


FOREIGN = {"Host": "evil.example"}
ODD_QUERIES = [
    "page=-1",
    "page=0",
    "page=99999999999999999999999",
    "page=" + "9" * 5000,
    "page=abc",
    "q=" + quote("я" * 600),
    "q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "q=%00%00",
    "q=%ff%fe",
    "q=%",
    "q=a&q=b&q=c",
    "section=nope&q=x",
    "year=99999",
    "year=-5",
    "region=../../etc/passwd",
    "type=%00",
    "language=xx",
    "category=%27%20OR%201%3D1%20--",
    "print=1&print=2",
]


def anonymous_probes():
    """(method, path, body, headers) for each family of hostile input an anonymous visitor can send."""
    probes = []
    for path in (
        "/",
        "/ky/",
        "/ru/faq/",
        "/ky/no-such-page/",
        "/ru/admin/",
        "/healthz",
        "/static/css/site.css",
    ):
        probes += [
            ("GET", path, None, FOREIGN),
            ("POST", path, b"a=1", {**FOREIGN, "Content-Type": "application/x-www-form-urlencoded"}),
            ("GET", path, None, {**FOREIGN, "Cookie": "sessionid=abc; csrftoken=x"}),
        ]
    for path in ("/ky/news/", "/ru/documents/", "/ky/faq/search/", "/ru/search/", "/ky/structure/"):
        probes += [("GET", f"{path}?{query}", None, {}) for query in ODD_QUERIES]
    probes += [
        ("GET", "/ky/news/%00/", None, {}),
        ("GET", "/xx/", None, {}),
        ("GET", "/en/news/", None, {}),
        ("GET", "/i18n/switch/xx/", None, {}),
        ("GET", "/i18n/switch/ru/?next=https://evil.example/", None, {}),
        ("GET", "/low-vision/maybe/", None, {}),
        ("GET", "/", None, {"Accept-Language": "xx-YY;q=abc, *;q=-1, " + "a" * 500}),
        ("GET", "/ky/", None, {"Cookie": "django_language=xx; low_vision=<script>; sessionid=%7F%00"}),
        ("GET", "/ky/news/9999/99/99/nope/", None, {}),
        ("GET", "/ky/news/feed/nowhere/", None, {}),
        ("GET", "/ru/documents/nope/download/zz/", None, {}),
        ("GET", "/ky/faq/nope/nope/", None, {}),
        ("PUT", "/ky/", b"x", {}),
        ("DELETE", "/ru/news/", None, {}),
        ("OPTIONS", "/healthz", None, {}),
        ("POST", "/ky/faq/ask/", b"text=x", {"Content-Type": "application/x-www-form-urlencoded"}),
        ("POST", "/ky/faq/ask/", b"\xff\xfe" * 50, {"Content-Type": "application/x-www-form-urlencoded"}),
        ("POST", "/ckeditor/upload/?CKEditorFuncNum=0);alert(document.domain);(0", b"", {}),
        ("GET", "/ru/admin/structure/organisation/children/abc/", None, {}),
    ]
    return probes


def staff_probes(token, cookie):
    headers = {"Cookie": cookie, "X-CSRFToken": token, "Referer": "http://127.0.0.1/ru/admin/"}
    form_headers = {**headers, "Content-Type": "application/x-www-form-urlencoded"}
    probes = [
        ("GET", "/ru/admin/structure/organisation/children/abc/", None, headers),
        ("GET", "/ru/admin/structure/organisation/children/999999/", None, headers),
        ("POST", "/ru/admin/structure/organisation/", b"action=nope&_selected_action=1", form_headers),
        ("POST", "/ru/admin/structure/organisation/", b"csrfmiddlewaretoken=" + token.encode(), form_headers),
        ("GET", "/ru/admin/news/report/?o=abc&p=-1&q=%00", None, headers),
        ("GET", "/ky/admin/documents/document/?status__exact=nope", None, headers),
        ("GET", "/ru/admin/news/report/999999/change/", None, headers),
        ("GET", "/ru/news/?preview=1&page=abc", None, headers),
    ]
    truncated_jpeg = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 40
    for query, files in (
        ("CKEditorFuncNum=1", {"upload": ("x.jpg", truncated_jpeg)}),
        ("CKEditorFuncNum=1", {"upload": ("x.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 30)}),
        ("CKEditorFuncNum=1", {"upload": ("x.html", b"<script>alert(1)</script>")}),
        ("CKEditorFuncNum=1", {"other": ("x.jpg", b"abc")}),
        ("CKEditorFuncNum=0);alert(1);(0", {"upload": ("x.jpg", truncated_jpeg)}),
        ("responseType=json", {"upload": ("x.jpg", b"")}),
    ):
        body, content_type = multipart({"csrfmiddlewaretoken": token}, files)
        probes.append(("POST", f"/ckeditor/upload/?{query}", body, {**headers, "Content-Type": content_type}))
    return probes


def server_errors(access_log):
    """Access-log lines whose status is 5xx."""
    lines = access_log.read_text(encoding="utf-8", errors="replace").splitlines()
    return [line for line in lines if re.search(r'" 5\d\d ', line)], len(lines)


def test_no_hostile_request_gets_a_5xx_in_the_access_log(server):
    port = server["port"]
    token, cookie = staff_session(port)
    probes = anonymous_probes() + staff_probes(token, cookie)
    answered = {}
    for method, path, body, headers in probes:
        status, response_headers, _body = request(port, method, path, body, headers)
        answered[f"{method} {path[:80]!r} {json.dumps(headers)[:60]}"] = status
        # gunicorn itself refuses a request line over its limit (414), before Django sees it.
        if status != 414:
            assert response_headers.get("X-Frame-Options") == "DENY", (method, path, status)
    time.sleep(1)  # gunicorn writes the access log as each response is sent
    errors, logged = server_errors(server["access_log"])
    reached_django = sum(1 for status in answered.values() if status != 414)
    assert logged >= reached_django, "the access log should hold a line per request"
    assert not errors, "\n".join(errors)
    assert not [probe for probe, status in answered.items() if status >= 500]


# What staff can type (the staff-input issue): each form is read from the admin as served, filled
# with values it accepts (proved by posting them), then posted again with a few hostile values, as
# a browser would. The hostile post must come back as form errors, never a 5xx, and then so must
# every public output that could show what was typed.
EVENT = {
    "title_ky": "Семинар",
    "category": "seminar",
    "start_0": "01.02.2027",
    "start_1": "10:00",
    "end_0": "01.02.2027",
    "end_1": "12:00",
}
STAFF_INPUT = [
    (
        "/ru/admin/events/event/add/",
        EVENT,
        {
            "title_ky": "Семинар\x07\x1b\x0b\x0c\x7f",
            "start_0": "01.01.0001",
            "end_0": "31.12.9999",
            "map_url": "https://user:pw@evil.example/",
        },
    ),
    (
        "/ru/admin/events/event/add/",
        EVENT,
        {"title_ru": "Спартакиада\nX-Evil: 1", "all_day": "on", "end_0": "31.12.9999"},
    ),
    ("/ru/admin/events/event/add/", EVENT, {"title_ru": "Конец\r", "published_at_0": "01.01.0001"}),
    (
        "/ru/admin/pages/page/add/",
        {"title_ky": "Жаңы бет"},
        {"title_ky": "Бет\x0b", "published_at_0": "01.01.0001"},
    ),
    (
        "/ru/admin/siteconfig/sitesettings/",
        {},
        {
            "short_name_ky": "Профсоюз\r\nBcc: victim@evil.example",
            "facebook_url": "https://evil.example\\@facebook.com/",
        },
    ),
    (
        "/ru/admin/pages/menuitem/add/",
        {"location": "header", "url": "/ky/join/", "label_ky": "Кошулуу"},
        {"url": "/\t/evil.example/"},
    ),
    (
        "/ru/admin/siteconfig/homepage/",
        {},
        {
            "announcements-0-text_ky": "Кулак угуу\x07",
            "announcements-0-link": "/\\evil.example/",
            "announcements-0-starts_at_0": "01.01.0001",
            "announcements-0-starts_at_1": "00:00",
        },
    ),
]
STAFF_OUTPUTS = [
    "/ky/",
    "/ru/",
    "/ky/events/",
    "/ru/events/past/",
    "/ky/events/calendar/2027/01/",
    "/ky/events/calendar/2100/12/",
    "/ky/events/rss/",
    "/ru/events/events.ics",
    "/ky/news/feed/",
    "/sitemap.xml",
    "/ky/search/?q=%D0%A1%D0%B5%D0%BC%D0%B8%D0%BD%D0%B0%D1%80",
    "/ru/admin/",
    "/ru/admin/pages/page/",
    "/ru/admin/events/event/",
    "/ru/admin/siteconfig/homepage/",
]


def test_staff_input_gets_no_5xx_in_the_access_log(server):
    from tests.security.html_forms import form_values, with_values

    port = server["port"]
    token, cookie = staff_session(port)
    headers = {"Cookie": cookie, "Referer": "http://127.0.0.1/ru/admin/"}
    before = len(server["access_log"].read_text(encoding="utf-8").splitlines())
    answered = {}
    form_headers = {**headers, "Content-Type": "application/x-www-form-urlencoded"}
    # The organisation is chosen through the admin's autocomplete, as in a browser.
    autocomplete = "/ru/admin/autocomplete/?app_label=events&model_name=event&field_name=organisation"
    status, _headers, body = request(port, "GET", autocomplete, None, headers)
    organisation = json.loads(body)["results"][0]["id"]
    for path, valid, hostile in STAFF_INPUT:
        status, _headers, body = request(port, "GET", path, None, headers)
        assert status == 200, path
        values = form_values(body.decode())
        if "organisation" in dict(values):
            valid = {"organisation": organisation, **valid}
        accepted = with_values(values, csrfmiddlewaretoken=token, **valid)
        assert request(port, "POST", path, accepted, form_headers)[0] == 302, f"{path} refused {valid}"
        refused = with_values(values, csrfmiddlewaretoken=token, **{**valid, **hostile})
        status = request(port, "POST", path, refused, form_headers)[0]
        answered[f"POST {path} {sorted(hostile)}"] = status
        assert status == 200, f"{path} accepted {hostile}"  # refused: the form comes back with errors
    for path in STAFF_OUTPUTS:
        status, _headers, _body = request(port, "GET", path, None, headers)
        answered[f"GET {path}"] = status
    time.sleep(1)
    lines = server["access_log"].read_text(encoding="utf-8", errors="replace").splitlines()[before:]
    errors = [line for line in lines if re.search(r'" 5\d\d ', line)]
    assert errors == [], (errors, answered)
