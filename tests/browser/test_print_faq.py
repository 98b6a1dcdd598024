"""The FAQ on paper, in Chromium: the noticeboard sheet's QR codes read back with a real decoder,
and the sheet, a topic and an answer printed to PDF."""

import io
import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.browser.site_pages import LANGUAGES

pytest.importorskip("playwright.sync_api", reason="requirements-dev.txt is not installed")
zxingcpp = pytest.importorskip("zxingcpp")
pypdf = pytest.importorskip("pypdf")
Image = pytest.importorskip("PIL.Image")

pytestmark = pytest.mark.browser

NAVIGATION = ("Search the site", "Main navigation", "Skip to main content")


def topic_with_questions():
    from faq.models import Topic
    from faq.views import published_questions_prefetch

    topics = list(Topic.objects.prefetch_related(published_questions_prefetch()))
    topic = max(topics, key=lambda topic: len(topic.published_questions))
    assert len(topic.published_questions) >= 2, "the FAQ demo content has no topic with two answers"
    return topic


def question_with_reference():
    from faq.models import Question

    question = Question.objects.published().filter(legal_references__isnull=False).first()
    assert question is not None, "the FAQ demo content has no answer with a legal reference"
    return question


def in_language(language, function, *args, **kwargs):
    with translation.override(language):
        return function(*args, **kwargs)


def squeeze(text):
    """Text without any whitespace: a PDF breaks lines and spaces words its own way."""
    return re.sub(r"\s+", "", text)


def pdf_text(pdf_bytes):
    reader = pypdf.PdfReader(io.BytesIO(pdf_bytes))
    return squeeze("".join(page.extract_text() for page in reader.pages)), len(reader.pages)


def plain(html):
    from faq.structured_data import plain_text

    return plain_text(html)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_qr_code_on_the_sheet_opens_its_answer(language, demo, new_page, live_server):
    topic = topic_with_questions()
    page = new_page(device_scale_factor=2)
    page.goto(in_language(language, reverse, "faq:sheet", args=[topic.slug]))
    codes = page.locator("svg.qr-code")
    assert codes.count() == len(topic.published_questions) + 1
    for index in range(codes.count()):
        assert codes.nth(index).get_attribute("role") == "img"
        assert codes.nth(index).get_attribute("aria-label")

    screenshot = Image.open(io.BytesIO(page.screenshot(full_page=True)))
    decoded = [result.text for result in zxingcpp.read_barcodes(screenshot)]

    with translation.override(language):
        expected = [live_server.url + topic.get_absolute_url()] + [
            live_server.url + question.get_absolute_url() for question in topic.published_questions
        ]
    assert sorted(decoded) == sorted(expected)
    assert page.outside_requests == []
    assert page.problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_printed_sheet_holds_the_answers_on_a4_without_navigation(language, demo, page, live_server):
    topic = topic_with_questions()
    path = in_language(language, reverse, "faq:sheet", args=[topic.slug])
    page.goto(path)
    pdf = page.pdf(prefer_css_page_size=True)
    text, pages = pdf_text(pdf)

    reader = pypdf.PdfReader(io.BytesIO(pdf))
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    with translation.override(language):
        assert squeeze(topic.name) in text
        for question in topic.published_questions:
            assert squeeze(question.question) in text
            first_words = " ".join(plain(question.answer).split()[:5])
            assert squeeze(first_words) in text
            for reference in question.legal_references.all():
                assert squeeze(reference.act) in text
        assert squeeze(live_server.url + topic.get_absolute_url()) in text
        for label in NAVIGATION:
            assert squeeze(translation.gettext(label)) not in text
        assert squeeze(translation.gettext("Print for the noticeboard")) not in text
    assert pages <= len(topic.published_questions)
    # No answer is split across pages: each question and its short answer share a page.
    page_texts = [squeeze(pdf_page.extract_text()) for pdf_page in reader.pages]
    with translation.override(language):
        for question in topic.published_questions:
            first_words = squeeze(" ".join(plain(question.answer).split()[:5]))
            assert any(squeeze(question.question) in t and first_words in t for t in page_texts)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_printed_answer_carries_its_legal_basis_date_union_and_address(language, demo, page, live_server):
    question = question_with_reference()
    path = in_language(language, question.get_absolute_url)
    page.goto(path)
    text, _pages = pdf_text(page.pdf(format="A4"))

    with translation.override(language):
        assert squeeze(question.question) in text
        assert squeeze(plain(question.answer)[:200]) in text
        for reference in question.legal_references.all():
            assert squeeze(reference.act) in text
        assert squeeze(translation.gettext("Answer checked on")) in text
        assert squeeze(live_server.url + path) in text
        assert "+996" in text
        for label in NAVIGATION:
            assert squeeze(translation.gettext(label)) not in text
        assert squeeze(translation.gettext("Copy link")) not in text


@pytest.mark.parametrize("version", ["page", "print view"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_printed_topic_shows_every_answer_folded_on_screen(language, version, demo, page, live_server):
    topic = topic_with_questions()
    path = in_language(language, topic.get_absolute_url)
    page.goto(path + ("?print=1" if version == "print view" else ""))
    if version == "page":
        # Folded on screen; printing opens them (faq/static/faq/print.js) ...
        assert page.locator("main details[open]").count() == 0
        page.wait_for_function("() => document.readyState === 'complete'")
    text, _pages = pdf_text(page.pdf(format="A4"))

    with translation.override(language):
        for question in topic.published_questions:
            assert squeeze(" ".join(plain(question.answer).split()[:12])) in text
        assert squeeze(live_server.url + path) in text
        for label in NAVIGATION:
            assert squeeze(translation.gettext(label)) not in text
    if version == "page":
        # ... and closes them again afterwards.
        assert page.locator("main details[open]").count() == 0
