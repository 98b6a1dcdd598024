"""axe-core finds no WCAG 2.1 A/AA violation on any public page type, in both languages, in the
standard and in the low-vision mode."""

import pytest

from tests.browser.axe import axe_violations, describe
from tests.browser.site_pages import LANGUAGES, public_pages

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


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_type_has_no_wcag_violations(language, demo, page, live_server, axe_script):
    failures = audit(page, live_server, axe_script, public_pages(language))
    assert not failures, "axe-core found WCAG 2.1 A/AA violations:\n" + "\n".join(failures)


@pytest.mark.parametrize("language", LANGUAGES)
def test_low_vision_mode_has_no_wcag_violations(language, demo, page, live_server, axe_script):
    home = f"/{language}/"
    page.goto(f"/low-vision/on/?next={home}")
    assert page.evaluate("document.documentElement.classList.contains('low-vision')"), (
        "the low-vision switch did not turn the mode on"
    )
    assert any(c["name"] == "low_vision" and c["value"] == "1" for c in page.context.cookies())

    failures = audit(page, live_server, axe_script, public_pages(language))
    assert not failures, "axe-core found WCAG 2.1 A/AA violations in the low-vision mode:\n" + "\n".join(
        failures
    )
