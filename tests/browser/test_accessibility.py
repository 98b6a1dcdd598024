"""axe-core finds no WCAG 2.1 A/AA violation on any public page type, in both languages, in the
standard version and in the display modes of the version for the visually impaired (a covering
set of the 48: tests/browser/site_pages.py DISPLAY_MODES says why it covers them)."""

from urllib.parse import urlparse

import pytest

from tests.browser.axe import axe_violations, describe
from tests.browser.site_pages import DISPLAY_MODES, LANGUAGES, public_pages

pytestmark = pytest.mark.browser


def audit(page, live_server, axe_script, pages):
    failures = []
    for name, url in pages:
        response = page.goto(url)
        expected = 404 if name == "not-found" else 200
        if response.status != expected:
            failures.append(f"{name} {url}: HTTP {response.status}, expected {expected}")
            continue
        violations = axe_violations(page, axe_script)
        if violations:
            failures.append(f"{name} {url}:\n{describe(violations)}")
    return failures


def use_display_mode(page, live_server, mode):
    host = urlparse(live_server.url).hostname
    page.context.add_cookies([{"name": "display", "value": mode, "domain": host, "path": "/"}])


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_type_has_no_wcag_violations(language, demo, page, live_server, axe_script):
    failures = audit(page, live_server, axe_script, public_pages(language))
    assert not failures, "axe-core found WCAG 2.1 A/AA violations:\n" + "\n".join(failures)


@pytest.mark.parametrize("mode", [mode for mode in DISPLAY_MODES if mode])
@pytest.mark.parametrize("language", LANGUAGES)
def test_display_modes_have_no_wcag_violations(language, mode, demo, page, live_server, axe_script):
    use_display_mode(page, live_server, mode)
    page.goto(f"/{language}/")
    classes = page.evaluate("document.documentElement.className").split()
    assert {f"display-{token}" for token in mode.split(".")} <= set(classes), classes

    failures = audit(page, live_server, axe_script, public_pages(language))
    assert not failures, f"axe-core found WCAG 2.1 A/AA violations in display mode {mode}:\n" + "\n".join(
        failures
    )


@pytest.mark.parametrize(("language", "mode"), [("ky", ""), ("ru", "size3.contrast-wb.noimg")])
def test_phone_layout_has_no_wcag_violations(language, mode, demo, phone_page, live_server, axe_script):
    if mode:
        use_display_mode(phone_page, live_server, mode)
    failures = audit(phone_page, live_server, axe_script, public_pages(language))
    assert not failures, "axe-core found WCAG 2.1 A/AA violations on a phone:\n" + "\n".join(failures)


def test_old_low_vision_switch_turns_on_a_display_mode_that_passes(demo, page, live_server, axe_script):
    page.goto("/low-vision/on/?next=/ky/")
    classes = page.evaluate("document.documentElement.className").split()
    assert {"display-size2", "display-contrast-bw"} <= set(classes)
    assert [c["value"] for c in page.context.cookies() if c["name"] == "display"] == ["size2.contrast-bw"]
    failures = audit(page, live_server, axe_script, public_pages("ky")[:6])
    assert not failures, "\n".join(failures)
