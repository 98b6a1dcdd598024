"""Phone-first layout: no page scrolls sideways at any width, in any language or display mode;
on a phone the header is compact and the first news item and document show on the first screen."""

from urllib.parse import urlparse

import pytest

from tests.browser.site_pages import LANGUAGES, LAYOUT_MODES, public_pages

pytestmark = pytest.mark.browser

WIDTHS = (320, 360, 768, 1280)
HEIGHT = 740

MEASURE = """() => {
  const root = document.documentElement;
  const wide = [...document.querySelectorAll('body *')]
    .filter(el => el.getBoundingClientRect().right > root.clientWidth + 1)
    .filter(el => !el.closest('.visually-hidden, .skip-link'))
    .slice(0, 3)
    .map(el => {
      const classes = typeof el.className === 'string' ? el.className.trim().replace(/\\s+/g, '.') : '';
      const right = Math.round(el.getBoundingClientRect().right);
      return `${el.tagName.toLowerCase()}${classes ? '.' + classes : ''} ${right}px`;
    });
  return {scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide};
}"""


def set_display_mode(page, live_server, mode):
    page.context.clear_cookies()
    if mode:
        host = urlparse(live_server.url).hostname
        page.context.add_cookies([{"name": "display", "value": mode, "domain": host, "path": "/"}])


def test_no_page_scrolls_sideways_at_any_width_language_or_display_mode(demo, new_page, live_server):
    page = new_page(viewport={"width": WIDTHS[0], "height": HEIGHT})
    pages = {language: public_pages(language) for language in LANGUAGES}
    failures = []
    for mode in LAYOUT_MODES:
        set_display_mode(page, live_server, mode)
        for language in LANGUAGES:
            for name, url in pages[language]:
                # One load per page; the widths are applied by resizing, which re-runs the
                # media queries (and the menu script's matchMedia listener) as a reload would.
                page.set_viewport_size({"width": WIDTHS[0], "height": HEIGHT})
                response = page.goto(url)
                expected = 404 if name == "not-found" else 200
                if response.status != expected:
                    failures.append(f"{mode or 'standard'} {language} {name} {url}: HTTP {response.status}")
                    continue
                if mode and "display-custom" not in page.evaluate("document.documentElement.className"):
                    failures.append(f"{mode} {language} {name} {url}: the display cookie was not applied")
                for width in WIDTHS:
                    page.set_viewport_size({"width": width, "height": HEIGHT})
                    result = page.evaluate(MEASURE)
                    if result["scrollWidth"] > result["clientWidth"]:
                        failures.append(
                            f"{mode or 'standard'} {language} {name} {url} at {width}px: "
                            f"{result['scrollWidth']}px wide; e.g. {', '.join(result['wide'])}"
                        )
    assert not failures, f"{len(failures)} pages scroll sideways:\n" + "\n".join(failures)


@pytest.mark.parametrize("language", LANGUAGES)
def test_phone_header_is_compact_and_lists_start_on_the_first_screen(language, demo, phone_page):
    failures = []
    for name, url, first_item in (
        ("news", f"/{language}/news/", ".report-cards > li"),
        ("documents", f"/{language}/documents/", ".document-list > li"),
    ):
        phone_page.goto(url)
        header = phone_page.locator(".site-header").bounding_box()
        if header["height"] > 120:
            failures.append(f"{name}: the header is {header['height']:.0f}px high (at most 120)")
        top = phone_page.locator(first_item).first.evaluate("el => el.getBoundingClientRect().top")
        if top >= 740:
            failures.append(f"{name}: the first item starts at {top:.0f}px, below the first screen (740)")
        # The navigation and the filters are folded, yet one tap away.
        assert not phone_page.locator(".site-nav").is_visible()
        assert not phone_page.locator(".filter-disclosure form").is_visible()
    assert not failures, "\n".join(failures)


def test_phone_menu_and_filters_open_without_javascript_and_show_on_wide_screens(demo, new_page):
    page = new_page(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    page.goto("/ru/news/")
    nav_link = page.locator(".site-nav a").first
    assert not nav_link.is_visible()
    page.locator(".site-menu > summary").click()
    assert nav_link.is_visible()
    assert page.locator(".header-tools .language-switcher").is_visible()
    # The open menu drops down over the page; closing it uncovers the page again.
    page.locator(".site-menu > summary").click()
    assert not nav_link.is_visible()
    page.locator(".filter-disclosure > summary").click()
    assert page.locator(".filter-disclosure form button[type=submit]").is_visible()

    # An active filter keeps the filters open on a phone.
    region = page.locator(".filter-disclosure select").first.evaluate(
        "select => [...select.options].map(o => o.value).find(v => v)"
    )
    name = page.locator(".filter-disclosure select").first.get_attribute("name")
    page.goto(f"/ru/news/?{name}={region}")
    assert page.locator(".filter-disclosure form button[type=submit]").is_visible()

    wide = new_page(viewport={"width": 1280, "height": 800}, java_script_enabled=False)
    wide.goto("/ru/news/")
    assert wide.locator(".site-nav a").first.is_visible()
    assert not wide.locator(".site-menu > summary").is_visible()
    assert wide.locator(".filter-disclosure form button[type=submit]").is_visible()


def test_display_panel_changes_one_setting_at_a_time_and_resets(demo, phone_page):
    phone_page.goto("/ky/news/")
    phone_page.locator(".site-menu > summary").click()
    phone_page.locator(".display-switch").click()
    html = phone_page.locator("html")
    assert "display-size2" in html.get_attribute("class")
    assert "display-contrast-bw" in html.get_attribute("class")
    # Back on the same page, with the display panel open at its settings.
    assert phone_page.url.endswith("/ky/news/#display-settings")
    phone_page.locator(".display-option-contrast-wb").wait_for(state="visible", timeout=5000)

    phone_page.locator(".display-option-contrast-wb").click()
    phone_page.locator(".display-option-images-off").click()
    phone_page.locator(".display-option-size-3").click()
    phone_page.wait_for_load_state()  # the stylesheet too, before reading the colours
    classes = html.get_attribute("class").split()
    assert {"display-size3", "display-contrast-wb", "display-noimg"} <= set(classes)
    background = phone_page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(0, 0, 0)"
    first_image = phone_page.locator(".report-cards img").first
    assert first_image.bounding_box()["width"] <= 1
    assert phone_page.locator(".brand-logo").bounding_box()["width"] > 20
    assert [c["value"] for c in phone_page.context.cookies() if c["name"] == "display"] == [
        "size3.contrast-wb.noimg"
    ]

    phone_page.locator(".display-reset").click()
    assert not html.get_attribute("class")
    assert phone_page.locator(".display-panel").count() == 0
