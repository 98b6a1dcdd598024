"""Sharing in Chromium: "Copy link" copies the page's address, and the share block loads nothing
from another site."""

import pytest
from django.utils import translation

from tests.browser.site_pages import LANGUAGES

expect = pytest.importorskip("playwright.sync_api", reason="requirements-dev.txt is not installed").expect
expect.set_options(timeout=20_000)

pytestmark = pytest.mark.browser


def shared_pages(language):
    from documents.models import Document
    from faq.models import Question
    from news.models import Report

    with translation.override(language):
        return {
            "report": Report.objects.published().first().get_absolute_url(),
            "document": Document.objects.published().first().get_absolute_url(),
            "answer": Question.objects.published().first().get_absolute_url(),
        }


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_member_on_a_phone_copies_an_answers_link(language, demo, new_page, live_server):
    path = shared_pages(language)["answer"]
    page = new_page({"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page.goto(path)

    with translation.override(language):
        button_name, copied = translation.gettext("Copy link"), translation.gettext("Link copied")
    button = page.get_by_role("button", name=button_name)
    button.scroll_into_view_if_needed()
    box = button.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44  # a finger's size
    button.tap()

    expect(page.locator(".share-status")).to_have_text(copied)
    assert page.evaluate("navigator.clipboard.readText()") == live_server.url + path
    assert page.outside_requests == []
    assert page.problems == []


@pytest.mark.parametrize("kind", ["report", "document", "answer"])
def test_copy_link_is_a_plain_link_without_javascript(kind, demo, new_page, live_server):
    path = shared_pages("ru")[kind]
    page = new_page(java_script_enabled=False)
    page.goto(path)
    with translation.override("ru"):
        link = page.get_by_role("link", name=translation.gettext("Copy link"))
    assert link.get_attribute("href") == live_server.url + path
    for network in ("Telegram", "WhatsApp", "Facebook"):
        with translation.override("ru"):
            name = translation.gettext("Share on %(network)s") % {"network": network}
        assert page.get_by_role("link", name=name).get_attribute("rel") == "noopener"


@pytest.mark.parametrize("kind", ["report", "document", "answer"])
def test_share_links_load_nothing_from_other_sites_and_hide_in_print(kind, demo, page):
    path = shared_pages("ky")[kind]
    page.goto(path)
    page.wait_for_load_state("networkidle")
    assert page.outside_requests == []
    assert page.locator("iframe").count() == 0
    scripts = page.eval_on_selector_all("script[src]", "scripts => scripts.map(s => s.src)")
    assert all(src.startswith(page.url.split("/ky/")[0]) for src in scripts), scripts
    assert page.locator(".share").is_visible()
    page.emulate_media(media="print")
    assert not page.locator(".share").is_visible()
