"""deploy/: the nginx site agrees with the settings it fronts, and nginx accepts it.

`make cluster-test` runs this configuration with real traffic; these tests hold the agreements
that traffic would only show by accident: cookie names, body sizes, paths, headers.
"""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.staticfiles import finders
from django.test import RequestFactory

from devtools import nginxconf
from unionsite.client import client_ip

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
SITE = (DEPLOY / "nginx" / "unionsite.conf").read_text()
ENV_EXAMPLE = dict(
    line.split("=", 1)
    for line in (DEPLOY / "unionsite.env.example").read_text().splitlines()
    if line and not line.startswith("#")
)
# The site's server (the first server block only redirects port 80 to it).
SERVER = SITE[SITE.index("listen 443") :]
UNIT = (DEPLOY / "systemd" / "unionsite@.service").read_text()


def block(text, header):
    """The body of the first `header { ... }` block (braces nested)."""
    start = text.index(header + " {") + len(header) + 2
    depth, position = 1, start
    while depth:
        depth += {"{": 1, "}": -1}.get(text[position], 0)
        position += 1
    return text[start : position - 1]


def directive(text, name):
    return re.search(rf"^\s*{name}\s+([^;]+);", text, re.MULTILINE).group(1)


def seconds(value):
    assert value.endswith("s")
    return int(value[:-1])


def megabytes(value):
    assert value.endswith("m")
    return int(value[:-1]) * 1024 * 1024


def personal_cookie_pattern():
    return re.compile(re.search(r'"(~[^"]+)" 1;', block(SITE, "map $http_cookie $unionsite_personal"))[1][1:])


@pytest.mark.parametrize(
    "cookie_header",
    [
        "sessionid=abc",
        "django_language=ky; sessionid=abc",
        "csrftoken=x",
        "low_vision=1;csrftoken=x",
        f"{CookieStorage.cookie_name}=x",
    ],
)
def test_the_micro_cache_is_bypassed_with_django_s_own_cookie_names(settings, cookie_header):
    assert {settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME, CookieStorage.cookie_name} == {
        "sessionid",
        "csrftoken",
        "messages",
    }
    assert personal_cookie_pattern().search(cookie_header)


@pytest.mark.parametrize(
    "cookie_header", ["", "django_language=ky", "low_vision=1", "display=size2.contrast-wb", "xsessionid=1"]
)
def test_anonymous_cookies_keep_the_micro_cache(cookie_header):
    assert not personal_cookie_pattern().search(cookie_header)


def test_the_micro_cache_stores_only_anonymous_successful_pages_for_seconds(settings):
    pages = block(SERVER, "location /")
    assert directive(pages, "proxy_cache_valid") == "200 5s"
    assert directive(pages, "proxy_cache_lock") == "on"
    assert "updating" in directive(pages, "proxy_cache_use_stale").split()
    assert directive(pages, "proxy_cache_bypass") == "$unionsite_personal $unionsite_preview"
    assert "$unionsite_private_answer" in directive(pages, "proxy_no_cache")
    # The low-vision page is another page at the same address.
    assert "$cookie_low_vision" in directive(pages, "proxy_cache_key")
    # Admin, downloads (counted) and forms have locations without any cache.
    for header in (
        "location ~ ^/(ky|ru)/admin/",
        "location ~ ^/(ky|ru)/documents/[^/]+/download/",
        "location ~ ^/(ky|ru)/(join|write-to-us|faq/ask)/",
    ):
        assert "proxy_cache" not in block(SERVER, header)


def test_body_sizes_follow_the_upload_limits(settings):
    assert megabytes(directive(SERVER, "client_max_body_size")) >= settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    admin = block(SITE, "location ~ ^/(ky|ru)/admin/")
    # A document has a file in each language.
    assert megabytes(directive(admin, "client_max_body_size")) > 2 * settings.DOCUMENT_MAX_UPLOAD_SIZE
    editor = block(SITE, "location /ckeditor/")
    assert megabytes(directive(editor, "client_max_body_size")) > settings.IMAGE_MAX_UPLOAD_SIZE


def test_request_bodies_are_read_whole_by_nginx_before_an_app_server_sees_them():
    # A body shorter than its Content-Length would otherwise hold a sync worker until gunicorn's
    # timeout kills it: nginx must read every body itself, in every location, and give up on a
    # client that stops sending well before that timeout.
    assert directive(SERVER, "proxy_request_buffering") == "on"
    assert not re.search(r"proxy_request_buffering\s+off", SITE)
    assert not re.search(r"proxy_buffering\s+off", SITE)
    timeout = seconds(directive(SERVER, "client_body_timeout"))
    assert 5 <= timeout < 30  # unionsite/gunicorn.conf.py: timeout 30
    assert len(re.findall(r"^\s*client_body_timeout ", SITE, re.MULTILINE)) == 1
    # Every location that passes requests on inherits the server's body limit or sets its own.
    for header in re.findall(r"location [^{]+", SERVER):
        body = block(SERVER, header.strip())
        if "proxy_pass" in body and "client_max_body_size" not in body:
            assert megabytes(directive(SERVER, "client_max_body_size")) >= 10 * 1024 * 1024


def test_the_cluster_test_renders_a_short_body_timeout_and_keeps_the_buffering(tmp_path):
    rendered = nginxconf.render_site(tmp_path, 18080, [18001, 18002], client_body_timeout="2s")
    assert directive(rendered, "client_body_timeout") == "2s"
    assert directive(rendered, "proxy_request_buffering") == "on"
    with pytest.raises(ValueError):
        nginxconf.render_site(
            tmp_path, 18080, [18001, 18002], text=SITE + "client_body_timeout 1s;\n", client_body_timeout="2s"
        )


PAGE_SENTENCES = [
    "Сайт убактылуу иштебей турат",
    "Бир нече мүнөттөн кийин кайра аракет кылыңыз.",
    "Сайт временно недоступен",
    "Попробуйте через несколько минут.",
]


def test_nginx_s_own_gateway_errors_get_the_site_s_bilingual_page_with_their_status():
    # No "=" in error_page: the answer keeps its 502, 503 or 504.
    assert directive(SERVER, "error_page") == "502 503 504 /unionsite-unavailable.html"
    page = block(SERVER, "location = /unionsite-unavailable.html")
    assert "internal;" in page
    static_root = ENV_EXAMPLE["DJANGO_STATIC_ROOT"].rstrip("/") + "/"
    assert directive(page, "alias") == static_root + "errors/unavailable.html"
    assert finders.find("errors/unavailable.html")  # collectstatic puts it there
    # Neither a browser nor a proxy keeps it; crawlers and clients are told when to come back.
    assert directive(page, "add_header Cache-Control") == '"no-store" always'
    assert re.fullmatch(r"\d+ always", directive(page, "add_header Retry-After"))
    # Only nginx's own errors: Django's answers (its 503 page while the database is down, in the
    # address's language with its own Retry-After; its 404 and 500 pages) pass unchanged.
    assert "proxy_intercept_errors on" not in SITE
    assert directive(SERVER, "proxy_intercept_errors") == "off"
    # The micro-cache stores 200s only.
    assert directive(block(SERVER, "location /"), "proxy_cache_valid").split()[:-1] == ["200"]


def test_the_unavailable_page_is_bilingual_and_self_contained():
    html = Path(finders.find("errors/unavailable.html")).read_text()
    main = html[html.index("<main") :]
    positions = [main.index(sentence) for sentence in PAGE_SENTENCES]
    assert positions == sorted(positions)  # Kyrgyz, the default language, first
    assert '<html lang="ky">' in html and '<section lang="ru">' in html
    assert '<meta charset="utf-8">' in html
    # Django (and so {% static %}) may be down: nothing is fetched from anywhere.
    assert "<style>" in html
    assert not re.search(r"<(script|img|iframe|link rel=\"stylesheet\")\b|\bsrc=|url\(|@import", html)
    assert set(re.findall(r'href="([^"]*)"', html)) == {"data:,", "/ky/", "/ru/"}
    assert re.findall(r"https?://[^\s\"]+", html) == ["http://www.w3.org/2000/svg"]


def test_downloads_and_files_use_the_folders_and_prefix_of_the_environment_example():
    media = ENV_EXAMPLE["DJANGO_MEDIA_ROOT"].rstrip("/") + "/"
    protected = block(SITE, "location " + ENV_EXAMPLE["DJANGO_DOCUMENTS_X_ACCEL_PREFIX"])
    assert "internal;" in protected
    assert directive(protected, "alias") == media
    assert directive(block(SITE, "location /media/"), "alias") == media
    assert directive(block(SITE, "location /media/documents/"), "return") == "404"
    static = block(SITE, "location /static/")
    assert directive(static, "alias") == ENV_EXAMPLE["DJANGO_STATIC_ROOT"].rstrip("/") + "/"
    assert directive(static, "gzip_static") == "on"


def test_static_names_with_whitenoise_s_hash_are_immutable_and_others_are_not():
    hashed = re.search(r'"~([^"]+)" "public, max-age=31536000, immutable"', SITE)[1]
    assert re.search(hashed, "/static/css/site.61d21eea3636.css")
    assert not re.search(hashed, "/static/css/site.css")
    assert not re.search(hashed, "/static/vendor/jquery-ui/jquery-ui.min.js")


def test_the_address_header_nginx_sets_is_the_one_django_reads(settings):
    assert directive(SITE, "proxy_set_header X-Real-IP") == "$remote_addr"
    settings.RATELIMIT_IP_META_KEY = ENV_EXAMPLE["DJANGO_RATELIMIT_IP_META_KEY"]
    request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="203.0.113.7")
    assert client_ip(request) == "203.0.113.7"


def test_two_app_servers_with_failover_and_units_listening_where_the_upstream_points():
    upstream = block(SITE, "upstream unionsite_app")
    servers = re.findall(r"server (\S+) (.*);", upstream)
    assert len(servers) >= 2
    for _address, options in servers:
        assert "max_fails=" in options and "fail_timeout=" in options
    assert set(directive(SITE, "proxy_next_upstream").split()) >= {"error", "timeout", "http_502", "http_503"}
    # unionsite@8001 and unionsite@8002 bind where the upstream sends requests.
    assert "Environment=GUNICORN_BIND=127.0.0.1:%i" in UNIT
    assert {address for address, _ in servers} == {"127.0.0.1:8001", "127.0.0.1:8002"}
    assert "gunicorn -c unionsite/gunicorn.conf.py unionsite.wsgi" in UNIT


def test_the_rendered_test_configuration_keeps_every_location_and_drops_only_tls(tmp_path):
    rendered = nginxconf.render_site(tmp_path, 18080, [18001, 18002])
    assert "ssl_" not in rendered and "443" not in rendered and "return 301" not in rendered
    assert "listen 127.0.0.1:18080;" in rendered
    assert re.findall(r"server (127\.0\.0\.1:\d+)", rendered) == ["127.0.0.1:18001", "127.0.0.1:18002"]
    assert not [
        line for line in rendered.splitlines() if "/srv/" in line and not line.lstrip().startswith("#")
    ]
    assert re.findall(r"location [^{]+", rendered) == re.findall(r"location [^{]+", SERVER)
    with pytest.raises(ValueError):
        nginxconf.render_site(tmp_path, 18080, [18001])


def test_nginx_accepts_the_configuration(tmp_path):
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
    if nginx is None:
        # CI installs nginx only for `make cluster-test`, which runs `nginx -t` on this too.
        pytest.skip("nginx is not installed (make cluster-tools installs it)")
    tmp_path.chmod(0o755)
    conf = nginxconf.write_config(tmp_path, 18080, [18001, 18002])
    result = subprocess.run(
        [
            nginx,
            "-t",
            "-p",
            str(tmp_path / "nginx"),
            "-c",
            str(conf),
            "-e",
            str(tmp_path / "nginx" / "error.log"),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
