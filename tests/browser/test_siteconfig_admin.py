"""Staff change the phone in the admin and a visitor on a phone sees it in the footer at once; the
home page's admin (rich-text introduction, inlines) loads without script errors."""

import pytest

from tests.browser.test_journeys import log_into_admin, staff_user, url_in

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_settings_and_home_page_admin_load_without_script_errors(language, transactional_db, page):
    staff_user("editor", superuser=True)
    log_into_admin(page, language, "editor")
    problems = []
    for name in ("admin:siteconfig_sitesettings_change", "admin:siteconfig_homepage_change"):
        del page.problems[:]
        page.goto(url_in(language, name=name))
        page.wait_for_load_state("networkidle")
        problems.extend(f"{name}: {problem}" for problem in page.problems)
    assert not problems, "\n".join(problems)
    assert page.locator("#cke_id_introduction_ky").count() == 1


def test_a_new_phone_reaches_a_visitor_on_a_phone_at_once(demo, page, new_page):
    visitor = new_page(viewport={"width": 360, "height": 740})
    visitor.goto("/ru/")
    assert "+996 312 77-77-77" not in visitor.locator("footer").inner_text()

    staff_user("editor", superuser=True)
    log_into_admin(page, "ru", "editor")
    page.goto(url_in("ru", name="admin:siteconfig_sitesettings_change"))
    page.fill("#id_phones", "+996 312 77-77-77")
    page.click("input[name=_save]")
    page.wait_for_load_state("networkidle")

    visitor.goto("/ru/")
    footer = visitor.locator("footer")
    assert "+996 312 77-77-77" in footer.inner_text()
    assert footer.locator('a[href="tel:+996312777777"]').is_visible()
