"""The admin's scripts in Kyrgyz, in a real browser: CKEditor's toolbar and dialogs, the selector
of permissions and the date shortcuts (the crawl in tests/unionsite/test_kyrgyz_admin.py reads
the pages as served, before their scripts run)."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

expect = pytest.importorskip("playwright.sync_api", reason="requirements-dev.txt is not installed").expect
expect.set_options(timeout=20_000)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-test-password-1"


def admin_url(language, name):
    with translation.override(language):
        return reverse(name)


def log_in(page, language):
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_superuser("редактор", "editor@example.org", PASSWORD)
    page.goto(admin_url(language, "admin:login"))
    page.fill("#id_username", "редактор")
    page.fill("#id_password", PASSWORD)
    page.click("#login-form [type=submit]")
    expect(page).to_have_url(re.compile(r"/admin/$"))


@pytest.mark.parametrize(
    ("language", "bold", "source", "link_dialog"),
    [
        ("ky", "Калың", "HTML коду", "Шилтеменин түрү"),
        ("ru", "Полужирный", "Источник", "Тип ссылки"),
    ],
)
def test_rich_text_editor_speaks_the_admin_language(page, language, bold, source, link_dialog):
    log_in(page, language)
    page.goto(admin_url(language, "admin:news_report_add"))
    toolbar = page.locator("#cke_id_body_ky")
    expect(toolbar.locator(".cke_button__bold")).to_have_attribute("title", re.compile(rf"^{bold}"))
    expect(toolbar.locator(".cke_button__source")).to_have_attribute("title", re.compile(rf"^{source}"))
    # The link dialog, as its toolbar button opens it (the Kyrgyz tab's editor may be hidden).
    page.evaluate("CKEDITOR.instances.id_body_ky.execCommand('link')")
    dialog = page.locator(".cke_dialog")
    expect(dialog).to_contain_text(link_dialog)
    assert not re.search(r"\b(Link Type|Protocol|Cancel|Phone)\b", dialog.inner_text())
    # Our lang/ky.js and config.js load and run: no HTTP error, no script error. (CKEditor's
    # dialogs also carry javascript: links and inline handlers the admin's CSP refuses, which the
    # console reports; that is not a language matter and not checked here.)
    problems = [problem for problem in page.problems if not problem.startswith("console:")]
    assert not problems, problems


@pytest.mark.parametrize(
    ("language", "choose_all", "today"),
    [("ky", "баарын тандоо", "Бүгүн"), ("ru", "Выбрать все", "Сегодня")],
)
def test_admin_widgets_speak_the_admin_language(page, language, choose_all, today):
    log_in(page, language)
    page.goto(admin_url(language, "admin:auth_group_add"))
    selector = page.locator(".selector").first
    expect(selector).to_contain_text(choose_all)
    assert "Choose" not in selector.inner_text()

    page.goto(admin_url(language, "admin:news_report_add"))
    shortcuts = page.locator(".datetimeshortcuts").first
    expect(shortcuts).to_contain_text(today)
    assert "Today" not in shortcuts.inner_text()
