"""The admin and its rich-text editor in a real browser, under the admin's Content-Security-Policy.

No inline <script> runs in the admin (unionsite/middleware.py): the pages must load without a
script error or a refused script, the editor must still edit, and images must upload from the
image dialog and by pasting, with the server's reason shown when one is refused.
"""

import io
from pathlib import Path

import pytest
from PIL import Image

from tests.browser.test_journeys import log_into_admin, staff_user, url_in

pytestmark = pytest.mark.browser

NOT_AN_IMAGE_RU = "Загрузите фото в формате JPEG, PNG, WebP или GIF."


def png_bytes(size=(40, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def stored_editor_images(media_root):
    folder = Path(media_root) / "editor"
    return sorted(folder.rglob("*.png")) if folder.exists() else []


def wait_until(page, expression):
    """Poll `expression` from the test's side: the page's policy refuses Playwright's own eval."""
    for _attempt in range(200):
        if page.evaluate(expression):
            return
        page.wait_for_timeout(100)
    pytest.fail(f"still false after 20 s: {expression}")


@pytest.fixture
def admin_page(transactional_db, page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"  # not the demo media the other browser tests share
    staff_user("editor", superuser=True)
    log_into_admin(page, "ru", "editor")
    page.goto(url_in("ru", name="admin:news_report_add"))
    page.wait_for_selector("#cke_id_body_ru .cke_editable")
    return page


def paste_file(page, editor, name, data):
    """Paste a file into the editor as the browser does with an image copied elsewhere."""
    page.evaluate(
        """([editor, name, bytes]) => {
            const transfer = new DataTransfer()
            transfer.items.add(new File([new Uint8Array(bytes)], name, {type: "image/png"}))
            const editable = CKEDITOR.instances[editor].editable().$
            editable.focus()
            editable.dispatchEvent(new ClipboardEvent("paste", {clipboardData: transfer, bubbles: true}))
        }""",
        [editor, name, list(data)],
    )


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_admin_pages_load_without_script_errors_or_refused_scripts(language, transactional_db, page):
    staff_user("editor", superuser=True)
    log_into_admin(page, language, "editor")
    problems = []
    for name in (
        "admin:index",
        "admin:news_report_changelist",
        "admin:news_report_add",
        "admin:structure_organisation_add",
        "admin:documents_document_add",
        "admin:faq_question_add",
    ):
        del page.problems[:]
        page.goto(url_in(language, name=name))
        page.wait_for_load_state("networkidle")
        problems.extend(f"{name}: {problem}" for problem in page.problems)
    assert not problems, "\n".join(problems)


def test_the_editor_edits_with_its_toolbar_and_menus(admin_page):
    page = admin_page
    page.click("#cke_id_body_ru .cke_editable")
    page.keyboard.type("Семинар өттү")
    page.keyboard.press("Control+A")
    page.click("#cke_id_body_ru .cke_button__bold")
    page.click("#cke_id_body_ru .cke_combo__format .cke_combo_button")
    page.frame_locator(".cke_combopanel iframe").locator(
        "a[title='Heading 2'], a[title='Заголовок 2']"
    ).click()
    assert page.evaluate("CKEDITOR.instances.id_body_ru.getData()").startswith(
        "<h2><strong>Семинар өттү</strong></h2>"
    )
    assert not page.problems, page.problems


def test_the_image_dialog_uploads_an_image_and_shows_why_one_is_refused(admin_page, settings):
    page = admin_page
    page.on("dialog", lambda dialog: dialog.accept())
    page.click("#cke_id_body_ru .cke_button__image")
    page.click(".cke_dialog_tab[id^=cke_Upload_]")
    file_field = page.frame_locator("iframe.cke_dialog_ui_input_file").locator("input[type=file]")
    file_field.set_input_files({"name": "hall.html", "mimeType": "image/png", "buffer": png_bytes()})
    page.click(".cke_dialog_ui_fileButton")
    wait_until(page, "CKEDITOR.dialog.getCurrent().getValueOf('info', 'txtUrl') !== ''")
    url = page.evaluate("CKEDITOR.dialog.getCurrent().getValueOf('info', 'txtUrl')")
    [stored] = stored_editor_images(settings.MEDIA_ROOT)
    assert url == "/media/" + stored.relative_to(settings.MEDIA_ROOT).as_posix()

    page.click(".cke_dialog_tab[id^=cke_Upload_]")
    file_field.set_input_files({"name": "notes.png", "mimeType": "image/png", "buffer": b"not a photo"})
    with page.expect_event("dialog") as refusal:
        page.click(".cke_dialog_ui_fileButton")
    assert refusal.value.message == NOT_AN_IMAGE_RU
    assert len(stored_editor_images(settings.MEDIA_ROOT)) == 1
    # CKEditor's file field is a frame that it starts with a javascript: address and an inline
    # script; the policy refuses both, which the upload does not need. Nothing else may fail.
    unexpected = [
        problem
        for problem in page.problems
        if "Content Security Policy" not in problem and "HTTP 400 for" not in problem
    ]
    assert not unexpected, unexpected


def test_a_pasted_image_is_uploaded_and_a_refusal_is_explained(admin_page, settings):
    page = admin_page
    paste_file(page, "id_body_ru", "pasted.png", png_bytes())
    page.wait_for_selector("#cke_id_body_ru .cke_editable img[src^='/media/editor/']")
    assert len(stored_editor_images(settings.MEDIA_ROOT)) == 1

    paste_file(page, "id_body_ru", "broken.png", b"not a photo")
    page.wait_for_selector(f".cke_notification_warning:has-text('{NOT_AN_IMAGE_RU}')")
    assert len(stored_editor_images(settings.MEDIA_ROOT)) == 1
    assert [problem for problem in page.problems if "HTTP 400 for" not in problem] == []
