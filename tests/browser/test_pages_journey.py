"""A page from the admin to a phone: federation staff write it, put it in the header menu and
publish it; a visitor on a 360 px phone reaches it from the menu in both languages."""

import importlib
import re

import pytest

from tests.browser.axe import axe_violations, describe
from tests.browser.conftest import PHONE
from tests.browser.test_journeys import log_into_admin, staff_user, type_in_rich_text_editor, url_in

expect = pytest.importorskip("playwright.sync_api", reason="requirements-dev.txt is not installed").expect
expect.set_options(timeout=20_000)

pytestmark = pytest.mark.browser

TITLES = {"ky": "Ардагерлер кеңеши", "ru": "Совет ветеранов"}


def federation_editor():
    """A federation editor, with the role group as the migrations make it (an earlier
    transactional test may have flushed it)."""
    from django.contrib.auth.models import Permission

    from editorial import groups
    from tests.browser.test_editor_day import role_group

    group = role_group(groups.FEDERATION_EDITOR)
    pages_permissions = importlib.import_module("pages.migrations.0003_role_permissions").PERMISSIONS
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="pages", codename__in=pages_permissions)
    )
    user = staff_user("press-secretary")
    user.groups.add(group)
    return user


def write_the_page(page, parent):
    page.goto(url_in("ky", name="admin:pages_page_add"))
    page.fill("#id_title_ky", TITLES["ky"])
    page.fill("#id_lead_ky", "Ардагер мугалимдер кесиптик бирликтин тажрыйбасын жаштарга өткөрүшөт.")
    type_in_rich_text_editor(page, "id_body_ky", "Кеңеш ай сайын чогулат.")
    page.click(".ui-tabs-nav a[href='#tab_id_title_ru']")
    page.fill("#id_title_ru", TITLES["ru"])
    page.click(".ui-tabs-nav a[href='#tab_id_lead_ru']")
    page.fill("#id_lead_ru", "Учителя-ветераны передают опыт профсоюза молодым.")
    page.click(".ui-tabs-nav a[href='#tab_id_body_ru']")
    type_in_rich_text_editor(page, "id_body_ru", "Совет собирается каждый месяц.")
    page.select_option("#id_page_type", "about")
    # Under "About the union", after its other pages.
    page.select_option("#id_treebeard_position", "first-child")
    page.select_option("#id_treebeard_ref_node", str(parent.pk))
    page.select_option("#id_status", "draft")
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")


def put_it_in_the_header(page, written):
    page.goto(url_in("ky", name="admin:pages_menuitem_add"))
    page.select_option("#id_location", "header")
    page.fill("#id_position", "1")
    page.select_option("#id_page", str(written.pk))
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")


def publish_it(page, written):
    page.goto(url_in("ky", name="admin:pages_page_change", args=[written.pk]))
    page.select_option("#id_status", "published")
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")


def test_staff_publish_a_page_in_the_header_menu_and_a_phone_visitor_reaches_it(
    demo, page, new_page, axe_script
):
    from pages.models import Page

    federation_editor()
    about = Page.objects.get(slug_ky="kesiptik-birlik-zhonundo")
    log_into_admin(page, "ky", "press-secretary")
    write_the_page(page, about)
    written = Page.objects.get(title_ky=TITLES["ky"])
    assert Page.objects.get_parent(written) == about and not written.is_public
    put_it_in_the_header(page, written)

    visitor = new_page(PHONE, is_mobile=True, has_touch=True)
    visitor.goto(url_in("ky", name="home"))
    assert visitor.locator(".site-nav a", has_text=TITLES["ky"]).count() == 0  # a draft is not in the menu
    assert visitor.goto(written.url_in("ky")).status == 404

    publish_it(page, written)
    written.refresh_from_db()
    assert written.is_public

    for language in ("ky", "ru"):
        visitor.goto(url_in(language, name="home"))
        visitor.locator(".site-menu > summary").click()  # the menu is folded on a phone
        link = visitor.locator(".site-nav a", has_text=TITLES[language])
        link.scroll_into_view_if_needed()
        box = link.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], f"outside the screen: {box}"
        width = visitor.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"the {language} home page scrolls sideways: {width}px"
        link.click()
        expect(visitor).to_have_url(re.compile(re.escape(written.url_in(language)) + "$"))
        assert visitor.locator("h1").inner_text() == TITLES[language]
        assert visitor.locator(".site-nav a[aria-current=page]").text_content() == TITLES[language]
        crumbs = visitor.locator(".breadcrumbs li").all_inner_texts()
        assert crumbs[-2:] == [getattr(about, f"title_{language}"), TITLES[language]]
        assert visitor.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        violations = axe_violations(visitor, axe_script)
        assert not violations, f"axe-core on the {language} page:\n{describe(violations)}"

    # The language switcher keeps the visitor on the same page.
    visitor.goto(written.url_in("ky"))
    visitor.locator(".site-menu > summary").click()
    visitor.locator(".language-switcher a[hreflang=ru]").click()
    expect(visitor).to_have_url(re.compile(re.escape(written.url_in("ru")) + "$"))
    assert not visitor.problems, visitor.problems
