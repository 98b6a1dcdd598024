"""Pages in the sitemap (each language at its own address), in search, and fresh on cached pages."""

import io
import re

import pytest

from pages import demo
from pages.models import MenuItem, Page
from search import engine
from tests.pages.factories import PageFactory

pytestmark = pytest.mark.django_db


def test_sitemap_lists_each_page_at_its_address_in_each_language_with_alternates(client, history):
    PageFactory(status=Page.Status.DRAFT, slug_ky="dolboor", slug_ru="chernovik")
    xml = client.get("/sitemap.xml").content.decode()
    ky = "http://testserver/ky/pages/kesiptik-birlik-zhonundo/tarykh/"
    ru = "http://testserver/ru/pages/o-profsoyuze/istoriya/"
    assert f"<loc>{ky}</loc>" in xml
    assert f"<loc>{ru}</loc>" in xml
    entry = re.search(rf"<url><loc>{re.escape(ru)}</loc>.*?</url>", xml, re.S).group(0)
    assert f'<xhtml:link rel="alternate" hreflang="ky" href="{ky}"/>' in entry
    assert f'<xhtml:link rel="alternate" hreflang="ru" href="{ru}"/>' in entry
    assert "dolboor" not in xml and "chernovik" not in xml


def test_sitemap_leaves_out_pages_under_an_unpublished_page(client, about, history):
    Page.objects.filter(pk=about.pk).update(status=Page.Status.DRAFT)
    xml = client.get("/sitemap.xml").content.decode()
    assert "/pages/" not in xml


def test_pages_are_a_search_section():
    assert "pages" in {section.key for section in engine.sections()}


@pytest.mark.parametrize(("language", "query"), [("ky", "тарыхы"), ("ru", "История")])
def test_search_finds_a_published_page(client, history, language, query):
    PageFactory(title_ky="Тарых долбоору", title_ru="История черновик", status="draft", slug_ky="dolboor")
    html = client.get(f"/{language}/search/", {"q": query}).content.decode()
    assert history.url_in(language) in html
    assert "/pages/dolboor/" not in html


def test_editing_a_page_shows_at_once_on_cached_pages(client, about, history):
    first = client.get(history.url_in("ky"))
    assert client.get(history.url_in("ky")).templates == []  # served from the cache
    about.title_ky = "Биз жөнүндө"
    about.save()
    html = client.get(history.url_in("ky")).content.decode()
    assert "Биз жөнүндө" in html and first.status_code == 200


def header_menu(client, path):
    """The header's navigation (the home page also has an "About the union" heading of its own)."""
    html = client.get(path).content.decode()
    start = html.index('<nav class="site-nav"')
    return html[start : html.index("</nav>", start)]


def test_unpublishing_a_page_drops_it_from_cached_menus(client, about):
    MenuItem.objects.create(location="header", page=about)
    assert "Кесиптик бирлик жөнүндө" in header_menu(client, "/ky/")
    about.status = Page.Status.DRAFT
    about.save()
    assert "Кесиптик бирлик жөнүндө" not in header_menu(client, "/ky/")


def test_demo_loads_the_pages_and_menus_and_is_idempotent(client):
    demo.load(io.StringIO())
    counts = (Page.objects.count(), MenuItem.objects.count())
    demo.load(io.StringIO())
    assert (Page.objects.count(), MenuItem.objects.count()) == counts
    assert Page.objects.published().count() == len(demo.PAGES)
    about = Page.objects.get(slug_ky="kesiptik-birlik-zhonundo")
    assert {page.slug_ru for page in Page.objects.children_of(about)} >= {
        "chem-zanimaetsya-profsoyuz",
        "istoriya",
        "sotsialnoe-partnyorstvo",
        "profkom-akademii-nauk",
    }
    assert Page.objects.get(slug_ky="baylanysh").page_type == "contact"
    join = Page.objects.get(slug_ky="kantip-mucho-boluu")
    assert 'href="/ky/join/"' in join.body_ky and 'href="/ru/join/"' in join.body_ru
    html = client.get("/ru/").content.decode()
    header = re.search(r'<nav class="site-nav".*?</nav>', html, re.S).group(0)
    for label in ("Новости", "Вопросы и ответы", "Документы", "Структура", "О профсоюзе", "Контакты"):
        assert f">{label}</a>" in header
    footer = re.search(r'<nav class="footer-nav".*?</nav>', html, re.S).group(0)
    assert re.findall(r">([^<]+)</a>", footer) == [
        "Как вступить в профсоюз",
        "Контакты",
        "Чем занимается профсоюз?",
    ]
    for page in Page.objects.all():
        for language in ("ky", "ru"):
            assert client.get(page.url_in(language)).status_code == 200
