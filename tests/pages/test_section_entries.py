"""The sections of the site are entries of the header menu (issue 27): adding a page adds one entry
and takes nothing away, a menu staff made is kept, and the menu admin shows the menus as visitors
will see them and names the sections missing from the header."""

import importlib
import io
import re

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from editorial import groups
from pages import demo
from pages.models import MenuItem, MenuLocation, Page
from tests.pages.factories import MenuItemFactory, PageFactory
from tests.roles.conftest import login
from unionsite import registry

pytestmark = pytest.mark.django_db

SECTION_URLS = ["news/", "events/", "faq/", "documents/", "structure/"]


def section_links(language):
    """(address, label) of every section in the registry's order, as the header shows them."""
    with translation.override(language):
        return [(reverse(config.index_url_name), str(config.nav_label)) for config in registry.sections()]


def search_link(language):
    with translation.override(language):
        return (reverse("search"), gettext("Search"))


ABOUT = {
    "ky": ("/ky/pages/kesiptik-birlik-zhonundo/", "Кесиптик бирлик жөнүндө"),
    "ru": ("/ru/pages/o-profsoyuze/", "О профсоюзе"),
}
CONTACTS = {"ky": ("/ky/pages/baylanysh/", "Байланыш"), "ru": ("/ru/pages/kontakty/", "Контакты")}
MENU_LIST = "/{language}/admin/pages/menuitem/"

migration = importlib.import_module("pages.migrations.0006_section_menu_entries")


def header(client, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    block = re.search(r'<nav class="site-nav".*?</nav>', response.content.decode(), re.S).group(0)
    return [
        (href, re.sub(r"<[^>]+>", "", text).strip())
        for href, text in re.findall(r'<a href="([^"]+)"[^>]*>(.*?)</a>', block, re.S)
    ]


def header_sections():
    return list(MenuItem.objects.filter(location=MenuLocation.HEADER).values_list("section", flat=True))


def test_a_fresh_site_has_every_section_as_an_entry_of_its_header(client):
    assert header_sections() == [config.index_url_name for config in registry.sections()]
    assert not MenuItem.objects.filter(location=MenuLocation.FOOTER).exists()
    for language in ("ky", "ru"):
        links = header(client, language)
        assert [href for href, _label in links] == [
            f"/{language}/{url}" for url in [*SECTION_URLS, "search/"]
        ]
        assert links == [*section_links(language), search_link(language)]


@pytest.fixture
def federation_editor(django_user_model):
    user = django_user_model.objects.create(username="federation", is_staff=True)
    user.groups.add(Group.objects.get(name=groups.FEDERATION_EDITOR))
    return user


def test_adding_a_page_to_the_header_in_the_admin_keeps_the_sections(client, federation_editor, about):
    login(client, federation_editor)
    data = {"location": "header", "position": "60", "section": "", "page": str(about.pk), "url": ""}
    response = client.post("/ky/admin/pages/menuitem/add/", {**data, "label_ky": "", "label_ru": ""})
    assert response.status_code == 302
    assert MenuItem.objects.filter(location=MenuLocation.HEADER).count() == len(SECTION_URLS) + 1
    client.logout()
    for language in ("ky", "ru"):
        assert header(client, language) == [*section_links(language), ABOUT[language], search_link(language)]


def test_the_migration_leaves_a_header_staff_made_alone(about):
    MenuItem.objects.all().delete()
    own = [MenuItemFactory(page=about, position=1), MenuItemFactory(section="faq:index", position=2)]
    migration.add_section_entries(apps, None)
    assert list(MenuItem.objects.order_by("pk")) == own


def test_the_migration_gives_an_empty_header_the_sections_and_leaves_the_footer(about):
    MenuItem.objects.all().delete()
    footer = MenuItemFactory(location=MenuLocation.FOOTER, page=about)
    migration.add_section_entries(apps, None)
    assert header_sections() == [config.index_url_name for config in registry.sections()]
    assert list(MenuItem.objects.filter(location=MenuLocation.FOOTER)) == [footer]
    migration.add_section_entries(apps, None)  # a header with entries is not filled twice
    assert len(header_sections()) == len(registry.sections())


def preview_table(html, location):
    table = re.search(rf'<table id="menu-preview-{location}">.*?</table>', html, re.S).group(0)
    rows = re.findall(r"<tr[^>]*>\s*<td[^>]*>(.*?)</td>", table, re.S)
    return [re.sub(r"<[^>]+>", "", row).strip() for row in rows]


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_the_menu_admin_shows_the_menus_as_visitors_will_see_them(admin_client, about, language):
    MenuItemFactory(page=about, position=60)
    draft = PageFactory(title_ky="Долбоор бет", title_ru="Черновик страницы", status=Page.Status.DRAFT)
    MenuItemFactory(location=MenuLocation.FOOTER, page=draft)
    response = admin_client.get(MENU_LIST.format(language=language))
    assert response.status_code == 200
    html = response.content.decode()
    links = [*section_links(language), ABOUT[language], search_link(language)]
    labels = [label for _url, label in links]
    assert preview_table(html, "header") == labels
    assert preview_table(html, "footer") == [{"ky": "Долбоор бет", "ru": "Черновик страницы"}[language]]
    not_published = {"ky": "Бет жарыяланган эмес.", "ru": "Страница не опубликована."}[language]
    assert not_published in html
    assert 'id="missing-sections"' not in html


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_the_menu_admin_names_a_section_missing_from_the_header(admin_client, language):
    MenuItem.objects.filter(section="faq:index").delete()
    html = admin_client.get(MENU_LIST.format(language=language)).content.decode()
    warning = re.search(r'<ul class="messagelist" id="missing-sections">.*?</ul>', html, re.S).group(0)
    faq = dict(section_links(language))[f"/{language}/faq/"]
    add = f"/{language}/admin/pages/menuitem/add/?location=header&amp;section=faq%3Aindex&amp;position=60"
    assert f'<a href="{add}"' in warning and f">{faq}</a>" in warning
    assert "Жаңылыктар" not in warning and "Новости" not in warning
    form = admin_client.get(add.replace("&amp;", "&")).content.decode()
    assert '<option value="faq:index" selected>' in form


def test_the_demo_header_is_the_sections_then_about_and_contacts_and_loads_once(client):
    # Before issue 27 the demo made the same entries itself: the sections, then two pages.
    before = {language: [*section_links(language), ABOUT[language], CONTACTS[language]] for language in ABOUT}
    demo.load(io.StringIO())
    count = MenuItem.objects.count()
    demo.load(io.StringIO())
    assert MenuItem.objects.count() == count == len(SECTION_URLS) + 2 + 3
    for language in ("ky", "ru"):
        assert header(client, language) == [*before[language], search_link(language)]


def test_the_demo_gives_a_flushed_database_the_same_header(client):
    MenuItem.objects.all().delete()
    demo.load(io.StringIO())
    assert header(client, "ky") == [*section_links("ky"), ABOUT["ky"], CONTACTS["ky"], search_link("ky")]
