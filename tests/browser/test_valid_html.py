"""The Nu HTML Checker reports no error on any public page type, in both languages and modes.

The display modes differ in their markup only by the classes on <html> and the settings panel,
which every non-standard mode shows whole, so the standard version and one mode cover them.

The checker refuses localhost URLs, so the pages are saved (as the server sent them, from
Django's test client) into artifacts/html/ and checked in one Java run: the JVM starts slowly.
"""

from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.browser.conftest import ARTIFACTS
from tests.browser.html_checker import html_checker_messages
from tests.browser.site_pages import LANGUAGES, public_pages

pytestmark = pytest.mark.browser


def test_every_public_page_type_is_valid_html(demo, client, vnu_command):
    folder = ARTIFACTS / "html"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.html"):
        old.unlink()
    saved = {}
    for mode in ("standard", "size3.contrast-wb.noimg.spaced"):
        if mode != "standard":
            client.cookies["display"] = mode
        for language in LANGUAGES:
            for name, url in public_pages(language):
                response = client.get(url)
                assert response.status_code == (404 if name == "not-found" else 200), url
                path = folder / f"{language}-{mode}-{name}.html"
                path.write_bytes(response.content)
                saved[path.name] = url

    assert saved
    messages = html_checker_messages(vnu_command, folder, saved)
    errors = [
        f"{saved.get(Path(urlparse(m.get('url', '')).path).name, m.get('url'))} line {m.get('lastLine')}: "
        f"{m['message']} -- {m.get('extract', '').strip()[:120]}"
        for m in messages
    ]
    assert not errors, f"The Nu HTML Checker found {len(errors)} errors:\n" + "\n".join(errors)
