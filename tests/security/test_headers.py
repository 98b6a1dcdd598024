import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path", ["/ky/", "/ru/news/", "/ky/faq/", "/ru/documents/", "/ky/structure/", "/ky/search/?q=x"]
)
def test_public_pages_forbid_inline_scripts_and_framing(client, path):
    response = client.get(path)
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'"
    assert directives["default-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_public_pages_have_no_inline_script_code(client):
    import re

    for path in ["/ky/", "/ru/news/", "/ky/faq/", "/ru/documents/", "/ky/structure/"]:
        page = client.get(path).content.decode()
        for attributes, body in re.findall(r"<script([^>]*)>(.*?)</script>", page, flags=re.S):
            assert "src=" in attributes or "application/ld+json" in attributes, (path, attributes, body[:80])


def policy_of(response):
    policy = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())


def test_admin_editor_allows_no_inline_script_elements(admin_client):
    directives = policy_of(admin_client.get("/ky/admin/news/report/add/"))
    assert directives["script-src"] == "'self'"
    # CKEditor 4's toolbar runs onclick handlers; only on pages that show the editor.
    assert directives["script-src-attr"] == "'unsafe-inline'"
    assert directives["frame-ancestors"] == "'none'"


def test_admin_pages_without_the_editor_allow_no_inline_handlers(admin_client):
    directives = policy_of(admin_client.get("/ky/admin/"))
    assert directives["script-src"] == "'self'"
    assert "script-src-attr" not in directives


def test_production_turns_on_hsts_and_secure_cookies():
    import os
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "from django.conf import settings as s;"
        "print(s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT)"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(DJANGO_SECRET_KEY="x" * 60, DJANGO_HTTPS="1", DJANGO_ALLOWED_HOSTS="union.kg")
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split() == ["31536000", "True", "True", "True"]
