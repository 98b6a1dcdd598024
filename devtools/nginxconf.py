"""deploy/nginx/unionsite.conf made runnable on a test machine: `make cluster-test` and tests/deploy.

The production file is served as it is, with only what a test machine lacks swapped: its folders
for temporary ones, the upstream ports for free ones, TLS (no certificate here) for plain HTTP on
127.0.0.1, and the port-80 redirect left out. A main configuration around it keeps nginx's pid,
logs, temporary files and cache in the test's folder, so the system's nginx is never touched.
"""

import os
import pwd
import re
from pathlib import Path

SITE_CONF = Path(__file__).resolve().parent.parent / "deploy" / "nginx" / "unionsite.conf"
REDIRECT_BLOCK = re.compile(r"# BEGIN http-to-https.*?# END http-to-https\n", re.DOTALL)
UPSTREAM_SERVER = re.compile(r"^(\s*server )127\.0\.0\.1:\d+( .*)$", re.MULTILINE)
TLS_LINE = re.compile(r"^\s*(ssl_\w+|listen \[::\]:443)\b.*\n", re.MULTILINE)
BODY_TIMEOUT = re.compile(r"^(\s*client_body_timeout )\S+;$", re.MULTILINE)

# Every request in the test's access log: the answer, which app server gave it, the cache's word.
LOG_FORMAT = (
    '$msec $status $request_method "$request_uri" cache=$upstream_cache_status upstream=$upstream_addr'
)


def render_site(root, listen_port, app_ports, text=None, client_body_timeout=None):
    """The production site with root's folders, 127.0.0.1:listen_port and the app_ports upstream.

    client_body_timeout (e.g. "2s") replaces the production value, so that the cluster test's
    check of a stalled request body need not wait for it.
    """
    text = SITE_CONF.read_text() if text is None else text
    root = Path(root)
    if client_body_timeout is not None:
        text, count = BODY_TIMEOUT.subn(lambda match: f"{match[1]}{client_body_timeout};", text)
        if count != 1:
            raise ValueError(f"the site has {count} client_body_timeout lines, 1 was expected")
    text = REDIRECT_BLOCK.sub("", text)
    text = TLS_LINE.sub("", text)
    text = text.replace("listen 443 ssl http2;", f"listen 127.0.0.1:{listen_port};")
    text = text.replace("/srv/unionsite/static/", f"{root / 'static'}/")
    text = text.replace("/srv/unionsite/media/", f"{root / 'media'}/")
    text = text.replace("/var/cache/nginx/unionsite", str(root / "nginx" / "cache"))
    servers = UPSTREAM_SERVER.findall(text)
    if len(servers) != len(app_ports):
        raise ValueError(f"the upstream has {len(servers)} servers, {len(app_ports)} ports were given")
    ports = iter(app_ports)
    return UPSTREAM_SERVER.sub(lambda match: f"{match[1]}127.0.0.1:{next(ports)}{match[2]}", text)


def render_main(root, site_path):
    """nginx.conf for `nginx -p root -c <this>`: everything nginx writes stays under root."""
    root = Path(root)
    state = root / "nginx"
    # Started by root (CI), nginx's workers drop to an unprivileged user, as in production.
    user = ""
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("www-data")
            user = "user www-data;\n"
        except KeyError:
            user = "user root;\n"
    temp = "\n".join(
        f"    {kind}_temp_path {state / 'temp' / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""{user}worker_processes 2;
pid {state / "nginx.pid"};
error_log {state / "error.log"} notice;
daemon off;
events {{
    worker_connections 1024;
}}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    server_tokens off;
{temp}
    log_format cluster '{LOG_FORMAT}';
    access_log {state / "access.log"} cluster buffer=64k flush=1s;
    include {site_path};
}}
"""


def write_config(root, listen_port, app_ports, client_body_timeout=None):
    """Write both files under root/nginx/ and return the main configuration's path."""
    state = Path(root) / "nginx"
    for folder in (state / "temp", state / "cache"):
        folder.mkdir(parents=True, exist_ok=True)
    site = state / "unionsite.conf"
    site.write_text(render_site(root, listen_port, app_ports, client_body_timeout=client_body_timeout))
    main = state / "nginx.conf"
    main.write_text(render_main(root, site))
    return main
