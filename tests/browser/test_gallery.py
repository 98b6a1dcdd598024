"""The report's photo viewer in Chromium: a page per photo without JavaScript, an overlay with it."""

import re

import pytest

from tests.browser.axe import axe_violations, describe
from tests.browser.html_checker import html_checker_messages

expect = pytest.importorskip("playwright.sync_api", reason="requirements-dev.txt is not installed").expect
expect.set_options(timeout=20_000)

pytestmark = pytest.mark.browser


@pytest.fixture
def report(transactional_db):
    from django.utils import timezone, translation

    from tests.news.factories import ReportFactory, ReportPhotoFactory
    from tests.uploads import image_upload

    # Whole seconds: `|date:"c"` prints microseconds, which HTML's datetime does not take (the
    # Nu HTML Checker flags it), a matter of the date format, not of the gallery.
    published = timezone.now().replace(microsecond=0) - timezone.timedelta(hours=1)
    report = ReportFactory(title_ky="Өзгөндөгү семинар", title_ru="Семинар в Узгене", published_at=published)
    colours = [(200, 40, 40), (40, 160, 60), (40, 60, 200)]
    photos = [
        ReportPhotoFactory(
            report=report,
            order=number,
            image=image_upload(f"photo-{number}.jpg", size=(1200, 800), color=colours[number - 1]),
            caption_ky=f"Катышуучулар залда {number}",
            caption_ru=f"Участники в зале {number}",
        )
        for number in (1, 2, 3)
    ]
    with translation.override("ky"):
        url = report.get_absolute_url()
    return url, photos


def counter(number, total):
    """The Kyrgyz "Photo n of m" (the total comes first)."""
    return f"{total} сүрөттүн {number}-сүрөтү"


def test_without_javascript_each_photo_has_a_page_with_its_neighbours_and_the_way_back(report, new_page):
    url, photos = report
    page = new_page(java_script_enabled=False)
    page.goto(url)
    page.locator(f"#photo-{photos[0].pk} a").click()
    expect(page).to_have_url(re.compile(r"/photos/1/$"))
    expect(page.locator(".photo-page-figure figcaption")).to_have_text("Катышуучулар залда 1")
    assert page.locator(".photo-counter").inner_text() == counter(1, 3)
    image = page.locator(".photo-page-figure img")
    expect(image).to_have_attribute("alt", "Катышуучулар залда")
    assert image.evaluate("img => img.complete && img.naturalWidth") == 1200

    page.locator('a[rel="next"]').click()
    expect(page).to_have_url(re.compile(r"/photos/2/$"))
    expect(page.locator(".photo-page-figure figcaption")).to_have_text("Катышуучулар залда 2")
    page.locator('a[rel="next"]').click()
    expect(page).to_have_url(re.compile(r"/photos/3/$"))
    assert page.locator('a[rel="next"]').count() == 0
    page.locator('a[rel="prev"]').click()
    expect(page).to_have_url(re.compile(r"/photos/2/$"))

    page.locator(".photo-back").click()
    expect(page).to_have_url(re.compile(rf"{re.escape(url)}#photo-{photos[1].pk}$"))
    assert page.problems == []


def test_the_overlay_opens_changes_photo_with_the_keys_and_gives_focus_back(report, page, axe_script):
    url, photos = report
    page.goto(url)
    thumbnail = page.locator(f"#photo-{photos[1].pk} a")
    thumbnail.click()
    viewer = page.locator("dialog.photo-viewer")
    expect(viewer).to_be_visible()
    expect(page).to_have_url(re.compile(r"/photos/2/$"))
    caption = viewer.locator("figcaption")
    expect(caption).to_have_text("Катышуучулар залда 2")
    assert viewer.locator(".photo-viewer-counter").inner_text() == counter(2, 3)
    image = viewer.locator("img")
    expect(image).to_have_attribute("alt", "Катышуучулар залда")
    # Chromium takes the AVIF <source>; the picture has loaded at its full size.
    page.wait_for_function("() => document.querySelector('dialog.photo-viewer img').complete")
    assert image.evaluate("img => img.currentSrc").endswith(".avif")
    assert image.evaluate("img => img.naturalWidth") == 1200
    # The overlay fits the window: nothing scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280

    violations = axe_violations(page, axe_script)
    assert violations == [], describe(violations)

    page.keyboard.press("ArrowRight")
    expect(caption).to_have_text("Катышуучулар залда 3")
    expect(page).to_have_url(re.compile(r"/photos/3/$"))
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    expect(caption).to_have_text("Катышуучулар залда 1")
    assert viewer.locator(".photo-viewer-counter").inner_text() == counter(1, 3)

    # Focus stays in the overlay: Tab goes round its controls (and the browser's own, where
    # focus leaves the document), never to the report behind it.
    inside = []
    for _ in range(8):
        page.keyboard.press("Tab")
        where = page.evaluate(
            """() => document.activeElement.closest('dialog.photo-viewer') ? 'dialog'
                : document.activeElement === document.body ? 'browser' : document.activeElement.outerHTML"""
        )
        assert where in ("dialog", "browser")
        inside.append(where == "dialog")
    assert sum(inside) >= 5

    page.keyboard.press("Escape")
    expect(viewer).to_be_hidden()
    # Back on the report, at the thumbnail of the photo last shown.
    expect(page).to_have_url(re.compile(rf"{re.escape(url)}$"))
    expect(page.locator(f"#photo-{photos[0].pk} a")).to_be_focused()
    assert page.problems == []


def test_the_close_button_and_the_browsers_back_close_the_overlay(report, page):
    url, photos = report
    page.goto(url)
    page.locator(f"#photo-{photos[2].pk} a").click()
    viewer = page.locator("dialog.photo-viewer")
    expect(viewer).to_be_visible()
    viewer.locator(".photo-viewer-close").click()
    expect(viewer).to_be_hidden()
    expect(page.locator(f"#photo-{photos[2].pk} a")).to_be_focused()

    page.locator(f"#photo-{photos[0].pk} a").click()
    expect(viewer).to_be_visible()
    page.go_back()
    expect(viewer).to_be_hidden()
    expect(page).to_have_url(re.compile(rf"{re.escape(url)}$"))
    assert page.problems == []


def test_a_swipe_on_a_phone_shows_the_next_photo(report, phone_page):
    url, photos = report
    page = phone_page
    page.goto(url)
    page.locator(f"#photo-{photos[0].pk} a").click()
    viewer = page.locator("dialog.photo-viewer")
    expect(viewer).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    box = viewer.locator("figure").bounding_box()
    middle = box["y"] + box["height"] / 2
    # A finger moving right to left across the photo, as the DevTools protocol sends it.
    cdp = page.context.new_cdp_session(page)
    steps = [0.8, 0.65, 0.5, 0.35, 0.2]
    for index, fraction in enumerate(steps):
        kind = "touchStart" if index == 0 else "touchMove"
        point = {"x": box["x"] + box["width"] * fraction, "y": middle}
        cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": [point]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    expect(viewer.locator("figcaption")).to_have_text("Катышуучулар залда 2")
    # And with a mouse dragged the other way, the previous one.
    page.mouse.move(box["x"] + box["width"] * 0.2, middle)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.8, middle, steps=5)
    page.mouse.up()
    expect(viewer.locator("figcaption")).to_have_text("Катышуучулар залда 1")
    # The previous and next buttons are big enough for a finger.
    for name in ("previous", "next", "close"):
        button = viewer.locator(f".photo-viewer-{name}").bounding_box()
        assert button["width"] >= 44 and button["height"] >= 44
    assert page.problems == []


def test_the_report_and_photo_pages_are_valid_html(report, page, vnu_command, tmp_path):
    """The pages as the server sends them, and the report with the overlay open as the script made it."""

    url, photos = report
    files = {}
    for language in ("ky", "ru"):
        for name, path in (("report", url), ("photo", f"{url}photos/2/")):
            page.goto(path.replace("/ky/", f"/{language}/", 1))
            files[f"{language}-{name}.html"] = page.evaluate(
                "() => fetch(location.href).then(response => response.text())"
            )
    page.goto(url)
    page.locator(f"#photo-{photos[0].pk} a").click()
    expect(page.locator("dialog.photo-viewer")).to_be_visible()
    files["overlay.html"] = "<!DOCTYPE html>\n" + page.evaluate("document.documentElement.outerHTML")
    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    messages = html_checker_messages(vnu_command, tmp_path, files)
    errors = [
        f"{m.get('url', '').rsplit('/', 1)[-1]} line {m.get('lastLine')}: {m['message']}" for m in messages
    ]
    assert not errors, "\n".join(errors)
