"""`make screenshots`: every public page type at 360 and 1,280 px, in both languages.

The first screen of each page (360×740 as a phone, 1,280×800 as a desktop) from the demo content,
named `<page>-<language>-<width>.png` after the names in tests/browser/site_pages.py. The PNGs are
reduced to a 256-colour palette, which keeps the folder small and the text sharp.

`UPDATE_SCREENSHOTS=1` (`make screenshots`) replaces docs/screenshots/ with the full set;
otherwise the test takes the README's few (home and a report in Kyrgyz) into its tmp dir, so the
machinery keeps working, and docs/ is never written.
"""

import os
import re

import pytest
from PIL import Image

from tests.browser.conftest import DESKTOP, PHONE, ROOT
from tests.browser.site_pages import LANGUAGES, public_pages

SCREENSHOTS_DIR = ROOT / "docs" / "screenshots"
UPDATE = os.environ.get("UPDATE_SCREENSHOTS") == "1"
WIDTHS = {360: PHONE, 1280: DESKTOP}
# What the README shows: (page, language) at both widths.
IN_README = [("home", "ky"), ("news-detail", "ky")]


FIRST_SCREEN_READY = """async () => {
    await document.fonts.ready;
    const onScreen = [...document.images].filter(image => {
        const box = image.getBoundingClientRect();
        return box.bottom > 0 && box.top < window.innerHeight && !image.complete;
    });
    await Promise.all(onScreen.map(image => image.decode().catch(() => null)));
}"""


def file_name(page_name, language, width):
    return f"{page_name}-{language}-{width}.png"


def optimise(path):
    """A 256-colour palette PNG: a fifth of the size, and no visible change on the site's flat colours."""
    with Image.open(path) as image:
        palette = image.convert("RGB").quantize(
            colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
        )
    palette.save(path, optimize=True)


def shoot(page, url, expected_status, path):
    response = page.goto(url)
    assert response.status == expected_status, f"{url}: HTTP {response.status}, expected {expected_status}"
    # Fonts and the images on the first screen (lazy ones below it never load) must be in.
    page.evaluate(FIRST_SCREEN_READY)
    page.screenshot(path=path, animations="disabled", caret="hide")
    optimise(path)


@pytest.mark.browser
def test_screenshots_of_every_public_page_type(demo, new_page, tmp_path):
    if UPDATE:
        SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)
        for old in SCREENSHOTS_DIR.glob("*.png"):
            old.unlink()
    folder = SCREENSHOTS_DIR if UPDATE else tmp_path
    taken = []
    for width, viewport in WIDTHS.items():
        phone = width < 800
        page = new_page(viewport, is_mobile=phone, has_touch=phone)
        for language in LANGUAGES:
            for name, url in public_pages(language):
                if not UPDATE and (name, language) not in IN_README:
                    continue
                path = folder / file_name(name, language, width)
                shoot(page, url, 404 if name == "not-found" else 200, path)
                with Image.open(path) as image:
                    assert image.size == (viewport["width"], viewport["height"]), path.name
                taken.append(path)
        assert not page.outside_requests, page.outside_requests
    expected = len(WIDTHS) * (
        sum(len(public_pages(language)) for language in LANGUAGES) if UPDATE else len(IN_README)
    )
    assert len(taken) == expected
    # Each is a page, not a blank screen: the screen shows many colours.
    for path in taken:
        with Image.open(path) as image:
            colours = image.getcolors(maxcolors=256)
        assert colours is not None and len(colours) > 16, path.name


def test_the_readme_shows_existing_screenshots():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = re.findall(r'src="(docs/screenshots/[^"]+\.png)"', readme)
    expected = [
        f"docs/screenshots/{file_name(name, language, width)}"
        for name, language in IN_README
        for width in WIDTHS
    ]
    assert sorted(shown) == sorted(expected)
    for path in shown:
        assert (ROOT / path).is_file(), f"the README shows {path}, which `make screenshots` has not written"
