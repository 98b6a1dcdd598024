"""The header and footer menus staff edit: order, current entry, fallback labels, published pages only.

These tests build the menus themselves, from none: the sections' entries a fresh site gets from
its migration are tested in test_section_entries.py.
"""

import re

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from pages.context_processors import menu_entries
from pages.models import MenuItem, MenuLocation, Page
from tests.pages.factories import MenuItemFactory, PageFactory
from unionsite.links import validate_link as validate_menu_url

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_menu_entries(db):
    MenuItem.objects.all().delete()


def nav(html, css_class):
    block = re.search(rf'<nav class="{css_class}".*?</nav>', html, re.S).group(0)
    return [
        (href, re.sub(r"<[^>]+>", "", text).strip(), attrs)
        for href, attrs, text in re.findall(r'<a href="([^"]+)"([^>]*)>(.*?)</a>', block, re.S)
    ]


def header(html):
    return nav(html, "site-nav")


@pytest.fixture
def menu(about, history):
    contacts = PageFactory(title_ky="Байланыш", title_ru="Контакты", slug_ky="baylanysh", slug_ru="kontakty")
    MenuItemFactory(section="news:list", position=10)
    MenuItemFactory(page=contacts, position=30)
    MenuItemFactory(page=about, position=20)
    MenuItemFactory(section="faq:index", position=5)
    MenuItemFactory(location=MenuLocation.FOOTER, url="/ky/join/", label_ky="Мүчө болуу", label_ru="Вступить")
    MenuItemFactory(location=MenuLocation.FOOTER, page=history)
    return contacts


def test_header_shows_the_entries_in_their_order_then_search(client, menu):
    entries = header(client.get("/ky/").content.decode())
    assert [(href, text) for href, text, _attrs in entries] == [
        ("/ky/faq/", "Суроолор жана жооптор"),
        ("/ky/news/", "Жаңылыктар"),
        ("/ky/pages/kesiptik-birlik-zhonundo/", "Кесиптик бирлик жөнүндө"),
        ("/ky/pages/baylanysh/", "Байланыш"),
        ("/ky/search/", "Издөө"),
    ]


def test_menus_are_in_russian_on_russian_pages(client, menu):
    html = client.get("/ru/").content.decode()
    assert [text for _href, text, _attrs in header(html)] == [
        "Вопросы и ответы",
        "Новости",
        "О профсоюзе",
        "Контакты",
        "Поиск",
    ]
    assert [(href, text) for href, text, _attrs in nav(html, "footer-nav")] == [
        ("/ru/join/", "Вступить"),  # the staff's /ky/join/ in the language of the page
        ("/ru/pages/o-profsoyuze/istoriya/", "История"),
    ]


def test_the_page_being_viewed_and_its_descendants_are_current(client, menu):
    html = client.get("/ky/pages/kesiptik-birlik-zhonundo/tarykh/").content.decode()
    current = [text for _href, text, attrs in header(html) if 'aria-current="page"' in attrs]
    assert current == ["Кесиптик бирлик жөнүндө"]
    footer_current = [text for _href, text, attrs in nav(html, "footer-nav") if "aria-current" in attrs]
    assert footer_current == ["Тарых"]


def test_only_the_closest_entry_is_current(client, menu, history):
    MenuItemFactory(page=history, position=25)
    html = client.get("/ru/pages/o-profsoyuze/istoriya/").content.decode()
    assert [text for _href, text, attrs in header(html) if "aria-current" in attrs] == ["История"]
    html = client.get("/ru/pages/o-profsoyuze/").content.decode()
    assert [text for _href, text, attrs in header(html) if "aria-current" in attrs] == ["О профсоюзе"]


def test_a_section_is_current_on_its_pages(client, menu):
    html = client.get("/ru/news/").content.decode()
    assert [text for _href, text, attrs in header(html) if "aria-current" in attrs] == ["Новости"]


def test_labels_in_one_language_fall_back_and_are_marked(client, about):
    MenuItemFactory(page=about, label_ky="Биз жөнүндө", label_ru="")
    only_russian = PageFactory(title_ky="", title_ru="Устав", slug_ky="", slug_ru="ustav")
    MenuItemFactory(page=only_russian)
    entries = header(client.get("/ru/").content.decode())
    assert ("/ru/pages/o-profsoyuze/", "Биз жөнүндө", ' lang="ky"') in entries
    entries = header(client.get("/ky/").content.decode())
    assert ("/ky/pages/ustav/", "Устав", ' lang="ru"') in entries
    assert ("/ky/pages/kesiptik-birlik-zhonundo/", "Биз жөнүндө", "") in entries


@pytest.mark.parametrize(
    "hidden",
    [
        {"status": Page.Status.DRAFT},
        {"status": Page.Status.PUBLISHED, "published_at": "2099-01-01T00:00:00+06:00"},
    ],
    ids=["draft", "scheduled"],
)
def test_only_published_pages_appear(client, about, hidden):
    draft = PageFactory(title_ky="Жашырын", **hidden)
    child_of_draft = PageFactory(parent=draft, title_ky="Жашырындын баласы")
    MenuItemFactory(page=about)
    MenuItemFactory(page=draft)
    MenuItemFactory(location=MenuLocation.FOOTER, page=child_of_draft)
    html = client.get("/ky/").content.decode()
    assert "Жашырын" not in html
    assert [text for _href, text, _attrs in header(html)] == ["Кесиптик бирлик жөнүндө", "Издөө"]


def test_an_empty_header_menu_shows_only_the_search(client, about):
    """No default sections any more: staff who emptied the header see it empty, and the site works."""
    MenuItemFactory(location=MenuLocation.FOOTER, page=about)
    for language in ("ky", "ru"):
        response = client.get(f"/{language}/")
        assert response.status_code == 200
        assert [href for href, _text, _attrs in header(response.content.decode())] == [f"/{language}/search/"]
    request = RequestFactory().get("/ky/")
    assert menu_entries(request)[MenuLocation.HEADER] == []


def test_without_a_database_the_header_shows_the_sections(client, monkeypatch):
    from django.db import DatabaseError

    def broken(*args, **kwargs):
        raise DatabaseError("down")

    monkeypatch.setattr(MenuItem.objects, "filter", broken)
    entries = menu_entries(RequestFactory().get("/ky/"))
    assert [entry.url for entry in entries[MenuLocation.HEADER]][:2] == ["/ky/news/", "/ky/events/"]
    assert entries[MenuLocation.FOOTER] == []


def test_menus_cost_one_query_and_none_for_the_admin(client, admin_client, menu, django_assert_num_queries):
    request = RequestFactory().get("/ky/")
    with django_assert_num_queries(1):
        entries = menu_entries(request)
    assert len(entries[MenuLocation.HEADER]) == 4 and len(entries[MenuLocation.FOOTER]) == 2
    from pages.context_processors import menus

    lazy = menus(request)
    with django_assert_num_queries(0):
        lazy = menus(request)  # nothing is asked until a template shows a menu
    with django_assert_num_queries(1):
        assert len(lazy["header_menu"]) == 4
        assert len(lazy["footer_menu"]) == 2


def test_changing_the_menu_shows_on_cached_pages_at_once(client, menu, admin_client):
    client.get("/ky/")
    item = MenuItem.objects.get(page=menu)
    item.label_ky = "Дарегибиз"
    item.save()
    assert "Дарегибиз" in client.get("/ky/").content.decode()


def test_list_editable_positions_reorder_the_header(admin_client, client, menu):
    items = list(MenuItem.objects.filter(location=MenuLocation.HEADER).order_by("position"))
    data = {
        "form-TOTAL_FORMS": str(len(items)),
        "form-INITIAL_FORMS": str(len(items)),
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
        "_save": "Save",
    }
    for number, item in enumerate(items):
        data[f"form-{number}-id"] = str(item.pk)
        data[f"form-{number}-position"] = str(100 - number)  # reversed
    response = admin_client.post("/ky/admin/pages/menuitem/?location__exact=header", data)
    assert response.status_code == 302
    texts = [text for _href, text, _attrs in header(client.get("/ky/").content.decode())]
    assert texts == ["Байланыш", "Кесиптик бирлик жөнүндө", "Жаңылыктар", "Суроолор жана жооптор", "Издөө"]


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "//evil.example/",
        "/\\evil.example/",
        "ftp://example.kg/file",
        "data:text/html,hi",
        "https://",
        "ky/join/",
        "/ky/join/ x",
        "/ky/\x00join/",
        "http://exa mple.kg/",
    ],
)
def test_bad_custom_addresses_are_refused(url):
    with pytest.raises(ValidationError):
        validate_menu_url(url)


@pytest.mark.parametrize(
    "url", ["/ky/join/", "/ru/join/?from=menu", "https://example.kg/", "http://example.kg/a"]
)
def test_site_paths_and_web_addresses_are_accepted(url):
    validate_menu_url(url)


def menu_form(**extra):
    data = {
        "location": "header",
        "position": "1",
        "section": "",
        "page": "",
        "url": "",
        "label_ky": "",
        "label_ru": "",
    }
    data.update(extra)
    return data


def test_the_admin_refuses_a_bad_address_with_a_message(admin_client):
    response = admin_client.post(
        "/ky/admin/pages/menuitem/add/", menu_form(url="javascript:alert(1)", label_ky="Кир")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "/ky/join/" in html and "https://" in html  # the message says what to write
    assert not MenuItem.objects.exists()


def test_the_admin_asks_for_exactly_one_target(admin_client, about):
    response = admin_client.post(
        "/ky/admin/pages/menuitem/add/", menu_form(section="news:list", page=about.pk)
    )
    assert response.status_code == 200
    assert not MenuItem.objects.exists()
    response = admin_client.post("/ky/admin/pages/menuitem/add/", menu_form())
    assert response.status_code == 200
    assert not MenuItem.objects.exists()


def test_an_address_needs_a_label(admin_client):
    response = admin_client.post("/ky/admin/pages/menuitem/add/", menu_form(url="/ky/join/"))
    assert response.status_code == 200
    assert not MenuItem.objects.exists()
    response = admin_client.post(
        "/ky/admin/pages/menuitem/add/", menu_form(url="/ky/join/", label_ru="Вступить")
    )
    assert response.status_code == 302
    assert MenuItem.objects.get().url == "/ky/join/"


def test_sections_to_choose_are_the_sites_sections(admin_client):
    html = admin_client.get("/ky/admin/pages/menuitem/add/").content.decode()
    for name in ("news:list", "faq:index", "documents:list", "structure:index"):
        assert f'value="{name}"' in html
    response = admin_client.post("/ky/admin/pages/menuitem/add/", menu_form(section="admin:index"))
    assert response.status_code == 200
    assert not MenuItem.objects.exists()
