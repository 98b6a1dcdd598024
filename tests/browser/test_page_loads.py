"""Every public page type loads whole under the site's Content-Security-Policy, from this server
alone: no script error, nothing blocked, no image, style or script missing, no request elsewhere."""

import pytest

from tests.browser.site_pages import LANGUAGES, public_pages

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_type_loads_without_errors_from_this_server_alone(language, demo, page):
    problems = []
    for name, url in public_pages(language):
        del page.problems[:], page.outside_requests[:]
        page.goto(url)
        page.wait_for_load_state("networkidle")
        problems.extend(f"{name} {url}: {problem}" for problem in page.problems)
        problems.extend(f"{name} {url}: request outside the site: {out}" for out in page.outside_requests)
    assert not problems, "Pages did not load cleanly:\n" + "\n".join(problems)
