"""The public page: both languages with fallback, the tree, addresses per language, visibility."""

import json
import re

import pytest
from django.utils import timezone

from pages.models import Page
from tests.documents.factories import DocumentFactory, DocumentFileFactory
from tests.pages.factories import PageFactory

pytestmark = pytest.mark.django_db


def json_ld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


def breadcrumbs(html):
    nav = re.search(r'<nav class="breadcrumbs.*?</nav>', html, re.S).group(0)
    return [re.sub(r"<[^>]+>", "", item).strip() for item in re.findall(r"<li.*?</li>", nav, re.S)]


def test_page_shows_in_kyrgyz_at_its_kyrgyz_address(client, history):
    response = client.get("/ky/pages/kesiptik-birlik-zhonundo/tarykh/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Тарых</h1>" in html
    assert "Кесиптик бирликтин тарыхы." in html
    assert "<p>Биздин күч – бирдикте!</p>" in html
    assert 'lang="ru"' not in html.split("<main", 1)[1]


def test_page_shows_in_russian_at_its_russian_address(client, history):
    response = client.get("/ru/pages/o-profsoyuze/istoriya/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>История</h1>" in html
    assert "<p>Наша сила – в единстве!</p>" in html
    assert breadcrumbs(html) == ["Главная", "О профсоюзе", "История"]


def test_breadcrumbs_follow_the_ancestors(client, history):
    deeper = PageFactory(
        parent=history, title_ky="Съезддер", title_ru="Съезды", slug_ky="sezdder", slug_ru="sezdy"
    )
    html = client.get(deeper.get_absolute_url()).content.decode()
    assert deeper.get_absolute_url() == "/ky/pages/kesiptik-birlik-zhonundo/tarykh/sezdder/"
    assert breadcrumbs(html) == ["Башкы бет", "Кесиптик бирлик жөнүндө", "Тарых", "Съезддер"]
    assert '<a href="/ky/pages/kesiptik-birlik-zhonundo/tarykh/">Тарых</a>' in html


def test_parent_lists_its_published_children_in_tree_order(client, about, history):
    PageFactory(parent=about, title_ky="Социалдык өнөктөштүк", title_ru="Социальное партнёрство")
    PageFactory(parent=about, title_ky="Долбоор бет", status=Page.Status.DRAFT)
    html = client.get("/ru/pages/o-profsoyuze/").content.decode()
    children = re.search(r'<nav class="site-page-children".*?</nav>', html, re.S).group(0)
    assert re.findall(r"<a [^>]*>([^<]+)</a>", children) == ["История", "Социальное партнёрство"]
    assert "История профсоюза." in children


def test_page_in_one_language_falls_back_and_is_marked(client):
    page = PageFactory(title_ru="", lead_ru="", body_ru="", slug_ru="", title_ky="Устав", slug_ky="ustav")
    assert page.slug_ru == "ustav"  # made from the title it has
    html = client.get("/ru/pages/ustav/").content.decode()
    assert '<h1 lang="ky">Устав</h1>' in html
    assert '<div class="rich-text" lang="ky"><p>Биздин күч – бирдикте!</p></div>' in html
    assert '<li aria-current="page" lang="ky">Устав</li>' in html


def test_a_page_has_its_own_address_in_each_language(client, history):
    html = client.get("/ky/pages/kesiptik-birlik-zhonundo/tarykh/").content.decode()
    assert '<link rel="canonical" href="http://testserver/ky/pages/kesiptik-birlik-zhonundo/tarykh/">' in html
    assert (
        '<link rel="alternate" hreflang="ru" href="http://testserver/ru/pages/o-profsoyuze/istoriya/">'
        in html
    )
    assert (
        '<link rel="alternate" hreflang="ky" href="http://testserver/ky/pages/kesiptik-birlik-zhonundo/tarykh/">'
        in html
    )
    assert (
        '<link rel="alternate" hreflang="x-default" href="http://testserver/ky/pages/kesiptik-birlik-zhonundo/tarykh/">'
        in client.get("/ru/pages/o-profsoyuze/istoriya/").content.decode()
    )


@pytest.mark.parametrize(
    ("asked", "landed"),
    [
        ("/ru/pages/kesiptik-birlik-zhonundo/tarykh/", "/ru/pages/o-profsoyuze/istoriya/"),
        ("/ky/pages/o-profsoyuze/istoriya/", "/ky/pages/kesiptik-birlik-zhonundo/tarykh/"),
    ],
)
def test_the_other_languages_address_leads_to_the_same_page(client, history, asked, landed):
    response = client.get(asked)
    assert response.status_code == 301
    assert response["Location"] == landed


def test_the_language_switcher_lands_on_the_same_page_in_the_other_language(client, history):
    html = client.get("/ky/pages/kesiptik-birlik-zhonundo/tarykh/").content.decode()
    switch = re.search(r'href="(/i18n/switch/ru/[^"]+)"', html).group(1).replace("&amp;", "&")
    response = client.get(switch, follow=True)
    assert response.redirect_chain[-1][0] == "/ru/pages/o-profsoyuze/istoriya/"
    assert "<h1>История</h1>" in response.content.decode()


@pytest.mark.parametrize(
    "status_and_time",
    [
        {"status": Page.Status.DRAFT},
        {"status": Page.Status.SUBMITTED},
        {"status": Page.Status.PUBLISHED, "published_at": timezone.now() + timezone.timedelta(days=1)},
    ],
    ids=["draft", "submitted", "scheduled"],
)
def test_pages_not_public_yet_are_hidden(client, status_and_time):
    page = PageFactory(slug_ky="zhashyryn", slug_ru="skryto", **status_and_time)
    assert client.get("/ky/pages/zhashyryn/").status_code == 404
    assert client.get("/ru/pages/skryto/").status_code == 404
    assert client.get("/ru/pages/zhashyryn/").status_code == 404  # no redirect that would reveal it
    assert not Page.objects.published().filter(pk=page.pk).exists()


def test_an_unpublished_page_hides_its_subtree(client, about, history):
    Page.objects.filter(pk=about.pk).update(status=Page.Status.DRAFT)
    assert client.get("/ky/pages/kesiptik-birlik-zhonundo/tarykh/").status_code == 404
    assert not Page.objects.published().filter(pk=history.pk).exists()


def test_a_scheduled_parent_hides_its_subtree_until_its_time(client, about, history):
    Page.objects.filter(pk=about.pk).update(published_at=timezone.now() + timezone.timedelta(hours=2))
    assert list(Page.objects.published()) == []
    Page.objects.filter(pk=about.pk).update(published_at=timezone.now() - timezone.timedelta(minutes=1))
    assert list(Page.objects.published()) == [about, history]


def test_staff_preview_a_draft_and_the_public_does_not(client, admin_client):
    page = PageFactory(slug_ky="dolboor", status=Page.Status.DRAFT)
    assert client.get("/ky/pages/dolboor/?preview=1").status_code == 404
    response = admin_client.get("/ky/pages/dolboor/?preview=1")
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert f"/ky/admin/pages/page/{page.pk}/change/" in response.content.decode()


def test_json_ld_names_the_kind_of_page_and_its_breadcrumb(client, history):
    data = json_ld(client.get("/ru/pages/o-profsoyuze/istoriya/").content.decode())
    assert data["@type"] == "AboutPage"
    assert data["name"] == "История"
    assert data["inLanguage"] == "ru"
    assert [item["name"] for item in data["breadcrumb"]["itemListElement"]] == ["О профсоюзе", "История"]
    contact = PageFactory(page_type="contact", slug_ky="baylanysh")
    assert json_ld(client.get("/ky/pages/baylanysh/").content.decode())["@type"] == "ContactPage"
    plain = PageFactory(slug_ky="zhonokoy")
    assert json_ld(client.get("/ky/pages/zhonokoy/").content.decode())["@type"] == "WebPage"
    assert contact.schema_type == "ContactPage" and plain.schema_type == "WebPage"


def test_opengraph_describes_the_page(client, history):
    html = client.get("/ky/pages/kesiptik-birlik-zhonundo/tarykh/").content.decode()
    assert '<meta property="og:title" content="Тарых">' in html
    assert '<meta property="og:description" content="Кесиптик бирликтин тарыхы.">' in html
    assert (
        '<meta property="og:url" content="http://testserver/ky/pages/kesiptik-birlik-zhonundo/tarykh/">'
        in html
    )


def test_print_version_is_not_indexed_and_has_the_print_styles(client, history):
    html = client.get("/ky/pages/kesiptik-birlik-zhonundo/tarykh/?print=1").content.decode()
    assert '<meta name="robots" content="noindex">' in html
    assert 'print.css" media="screen"' in html
    assert "print-view" in html


def test_contact_page_shows_the_contact_details(client):
    PageFactory(page_type="contact", slug_ky="baylanysh")
    html = client.get("/ky/pages/baylanysh/").content.decode()
    assert 'class="contact-details"' in html


def test_only_published_documents_are_listed_with_type_size_and_format(client):
    public = DocumentFactory(title_ky="Жамааттык келишим", title_ru="Коллективный договор")
    DocumentFileFactory(document=public)
    draft = DocumentFactory(title_ky="Долбоор документ", status="draft")
    page = PageFactory(slug_ky="dokumentter")
    page.documents.set([public, draft])
    html = client.get("/ky/pages/dokumentter/").content.decode()
    section = re.search(r'<section class="site-page-documents".*?</section>', html, re.S).group(0)
    assert "Жамааттык келишим" in section
    assert "Долбоор документ" not in html
    assert public.document_type.name in section
    assert re.search(r"Кыргызча: PDF, \d+\s?(бит|байт|КБ)", section), section


@pytest.mark.parametrize(
    "path",
    [
        "/ky/pages/no-such-page/",
        "/ky/pages/kesiptik-birlik-zhonundo/no-such-child/",
        "/ky/pages/tarykh/",  # a child without its parent in the path
        "/ky/pages/kesiptik-birlik-zhonundo/tarykh/tarykh/",
        "/ky/pages/%00/",
        "/ky/pages/a%00b/",
        "/ky/pages/" + "a/" * 40,
        "/ky/pages/" + "x" * 5000 + "/",
        "/ky/pages/../../etc/passwd/",
        "/ky/pages/жаңы/",
        "/ky/pages/kesiptik-birlik-zhonundo//tarykh/",
    ],
)
def test_hostile_paths_are_not_found(client, history, path):
    # A NUL byte is refused before any view (unionsite/middleware.py): 400.
    assert client.get(path).status_code == (400 if "%00" in path else 404)


def test_hostile_query_strings_give_a_clean_page(client, history):
    for query in ("?print=%00", "?preview=1%00", "?page=99999999999999999999", "?print=1&print=2"):
        assert client.get(f"/ky/pages/kesiptik-birlik-zhonundo/tarykh/{query}").status_code == 200


def test_a_slug_typed_in_capitals_is_stored_in_lower_case(client):
    page = PageFactory(slug_ky="Ustav", slug_ru="USTAV")
    assert (page.slug_ky, page.slug_ru) == ("ustav", "ustav")
    assert client.get("/ky/pages/ustav/").status_code == 200


def test_upper_case_address_leads_to_the_page(client, history):
    response = client.get("/ky/pages/Kesiptik-Birlik-Zhonundo/TARYKH/")
    assert response.status_code == 301
    assert response["Location"] == "/ky/pages/kesiptik-birlik-zhonundo/tarykh/"


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_page_view_stays_within_the_query_budget(
    client, about, history, language, django_assert_max_num_queries
):
    for number in range(15):
        PageFactory(parent=about, slug_ky=f"bala-{number}", slug_ru=f"rebyonok-{number}")
    for _number in range(10):
        document = DocumentFactory()
        DocumentFileFactory(document=document)
        about.documents.add(document)
    PageFactory(parent=history, slug_ky="neberesi", slug_ru="vnuk")
    url = about.url_in(language)
    # The page, its ancestors, its children, its documents with their files, the menus, the
    # site settings: the same few queries however many children and documents it has.
    with django_assert_max_num_queries(6):
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count('class="document-item"') == 10
    deep = Page.objects.get(slug_ky="neberesi").url_in(language)
    with django_assert_max_num_queries(6):
        assert client.get(deep).status_code == 200
