"""Sharing: the share block's links, and the branded share images (og:image) of each page type."""

import html
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from PIL import Image

from devtools.management.commands import make_share_images
from tests.documents.factories import DocumentFactory
from tests.faq.factories import QuestionFactory, TopicFactory
from tests.news.factories import ReportFactory
from tests.uploads import image_upload
from unionsite.share import share_image_path

SITE = "https://union.example.kg"
HOSTILE_TITLE = "Эмгек & \"акы\" <script>alert(1)</script> 'x' #1 ?a=b+c 100%"
SECTIONS = ("site", "news", "faq", "documents", "structure", "events", "pages")
HREF = re.compile(r'<a class="share-network share-(\w+)" href="([^"]+)" rel="noopener" aria-label="[^"]+">')
OG_IMAGE = re.compile(r'<meta property="og:image" content="([^"]+)">')


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


def share_links(page):
    return {network: html.unescape(href) for network, href in HREF.findall(page)}


def test_share_links_carry_the_title_and_address_url_encoded():
    url = f"{SITE}/ky/faq/wages/overtime/?a=1&b=2"
    page = render_to_string("includes/share.html", {"share_url": url, "share_title": HOSTILE_TITLE})
    links = share_links(page)
    assert set(links) == {"telegram", "whatsapp", "facebook"}

    telegram = urlsplit(links["telegram"])
    assert (telegram.scheme, telegram.netloc, telegram.path) == ("https", "t.me", "/share/url")
    assert parse_qs(telegram.query) == {"url": [url], "text": [HOSTILE_TITLE]}
    whatsapp = urlsplit(links["whatsapp"])
    assert (whatsapp.netloc, whatsapp.path) == ("wa.me", "/")
    assert parse_qs(whatsapp.query) == {"text": [f"{HOSTILE_TITLE} {url}"]}
    facebook = urlsplit(links["facebook"])
    assert (facebook.netloc, facebook.path) == ("www.facebook.com", "/sharer/sharer.php")
    assert parse_qs(facebook.query) == {"u": [url]}


def test_a_hostile_title_injects_nothing():
    page = render_to_string(
        "includes/share.html", {"share_url": f"{SITE}/ru/x/", "share_title": HOSTILE_TITLE}
    )
    assert "<script>" not in page
    assert "alert(1)" not in page.replace("alert%281%29", "")
    # The only script is our own file; nothing from another site, no frame.
    assert re.findall(r"<script[^>]*>", page) == ['<script src="/static/js/share.js" defer>']
    assert "<iframe" not in page


def test_copy_link_is_a_plain_link_to_the_page_without_javascript():
    page = render_to_string("includes/share.html", {"share_url": f"{SITE}/ky/news/", "share_title": "Т"})
    assert f'<a class="share-copy" href="{SITE}/ky/news/" data-share-copy' in page
    assert 'role="status" aria-live="polite"' in page
    assert "no-print" in page


@pytest.fixture
def pages(db):
    report = ReportFactory(slug="seminar")
    question = QuestionFactory(topic=TopicFactory(slug="wages"), slug="overtime")
    document = DocumentFactory(slug="agreement")
    return {
        "news": report.get_absolute_url,
        "documents": document.get_absolute_url,
        "faq": question.get_absolute_url,
    }


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_report_document_and_answer_pages_offer_sharing_of_their_own_address(client, pages, language):
    from django.utils import translation

    for section, url_of in pages.items():
        with translation.override(language):
            path = url_of()
        page = client.get(path).content.decode()
        assert f'href="{SITE}{path}" data-share-copy' in page, section
        links = share_links(page)
        assert parse_qs(urlsplit(links["facebook"]).query) == {"u": [f"{SITE}{path}"]}, section


def static_file_of(og_image):
    """The static file an og:image URL names, and its name under static/."""
    assert og_image.startswith(f"{SITE}/static/"), og_image
    name = og_image.removeprefix(f"{SITE}/static/")
    return name, finders.find(name)


@pytest.mark.parametrize("language", ["ky", "ru"])
@pytest.mark.parametrize(
    ("path", "section"),
    [
        ("/news/{news}", "news"),
        ("/documents/{documents}", "documents"),
        ("/faq/{faq}", "faq"),
        ("/faq/wages/", "faq"),
        ("/faq/wages/sheet/", "faq"),
        ("/faq/", "faq"),
    ],
)
def test_pages_without_a_picture_show_their_sections_share_image_in_their_language(
    client, pages, language, path, section
):
    from django.utils import translation

    with translation.override(language):
        urls = {key: url_of().removeprefix(f"/{language}/{key}/") for key, url_of in pages.items()}
    page = client.get(f"/{language}" + path.format(**urls)).content.decode()
    images = OG_IMAGE.findall(page)
    assert len(images) == 1
    name, found = static_file_of(images[0])
    assert name == f"img/share/{section}-{language}.png"
    assert found and Path(found).is_file()


def test_a_report_with_a_cover_shares_its_cover(client, db):
    report = ReportFactory(cover=image_upload("cover.jpg", size=(1200, 800)))
    page = client.get(report.get_absolute_url()).content.decode()
    (image,) = OG_IMAGE.findall(page)
    assert "/media/" in image and "img/share" not in image


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_other_pages_show_the_branded_default_image(client, db, language):
    page = client.get(f"/{language}/news/").content.decode()
    (image,) = OG_IMAGE.findall(page)
    _name, found = static_file_of(image)
    assert found and Image.open(found).size == (1200, 630)


@pytest.mark.parametrize("section", SECTIONS)
@pytest.mark.parametrize("language", ["ky", "ru"])
def test_every_section_has_its_committed_1200_by_630_share_image(section, language):
    found = finders.find(f"img/share/{section}-{language}.png")
    assert found
    with Image.open(found) as image:
        assert image.size == (1200, 630) and image.format == "PNG"


def test_the_default_image_is_branded_not_the_old_triangle():
    with Image.open(finders.find("img/og-default.png")) as image:
        assert image.size == (1200, 630)
        # The union's blue fills the background; the old image was a grey triangle on white.
        assert image.convert("RGB").getpixel((10, 10)) == (11, 79, 138)


def test_the_generator_draws_every_section_and_language(tmp_path):
    make_share_images.Command().handle(output=str(tmp_path))
    drawn = sorted(path.name for path in (tmp_path / "share").iterdir())
    assert drawn == sorted(f"{section}-{language}.png" for section in SECTIONS for language in ("ky", "ru"))
    assert (tmp_path / "og-default.png").is_file()
    # Different languages give different pictures (the names are drawn in each language).
    drawn = tmp_path / "share"
    assert (drawn / "faq-ky.png").read_bytes() != (drawn / "faq-ru.png").read_bytes()


@pytest.mark.parametrize(
    ("section", "language", "expected"),
    [
        ("events", "ru", "img/share/events-ru.png"),
        ("pages", "ky", "img/share/pages-ky.png"),
        ("no-such-section", "ru", "img/share/site-ru.png"),
        (None, "ky", "img/share/site-ky.png"),
        ("news", "en", "img/share/news-ky.png"),
    ],
)
def test_share_image_path_falls_back_to_the_generic_image_and_the_default_language(
    section, language, expected
):
    assert share_image_path(section, language) == expected
