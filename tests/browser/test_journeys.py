"""What visitors and staff do on the site, done in a real browser against the live server.

The demo content (`manage.py load_demo`) gives the pages their realistic shape; each journey
finds its report, document or question in the database and then only clicks, types and reads.
"""

import io
import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.browser.site_pages import LANGUAGES, public_pages

expect = pytest.importorskip("playwright.sync_api", reason="requirements-dev.txt is not installed").expect
expect.set_options(timeout=20_000)  # as the pages' default timeout (conftest.py)

pytestmark = pytest.mark.browser

OTHER = {"ky": "ru", "ru": "ky"}


def url_in(language, obj=None, name=None, **kwargs):
    with translation.override(language):
        return obj.get_absolute_url() if obj is not None else reverse(name, **kwargs)


def path_of(page):
    return re.sub(r"^https?://[^/]+", "", page.url)


def text_in(obj, field, language):
    """The text a page in `language` shows: that language's, or the fallback the site shows."""
    with translation.override(language):
        return getattr(obj, field)


def staff_user(username, *permissions, superuser=False):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    user = get_user_model().objects.create_user(
        username=username, password="a-long-test-password-1", is_staff=True, is_superuser=superuser
    )
    for codename in permissions:
        app_label, codename = codename.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return user


def log_into_admin(page, language, username):
    page.goto(url_in(language, name="admin:login"))
    page.fill("#id_username", username)
    page.fill("#id_password", "a-long-test-password-1")
    page.click("#login-form [type=submit]")
    expect(page).to_have_url(re.compile(r"/admin/$"))


# --- 1. A report: language switch, gallery, print ---------------------------------------------


def report_with_gallery_in_both_languages():
    from news.models import Report

    report = (
        Report.objects.published()
        .filter(photos__isnull=False)
        .exclude(title_ky="")
        .exclude(title_ru="")
        .distinct()
        .first()
    )
    assert report is not None, "the news demo content has no report with photos in both languages"
    return report


@pytest.mark.parametrize("language", LANGUAGES)
def test_switcher_keeps_the_same_report(language, demo, page):
    report = report_with_gallery_in_both_languages()
    other = OTHER[language]
    page.goto(url_in(language, report))
    assert page.locator("h1").inner_text() == text_in(report, "title", language)

    page.click(f".language-switcher a[hreflang={other}]")

    expect(page).to_have_url(re.compile(re.escape(url_in(other, report)) + "$"))
    assert page.locator("html").get_attribute("lang") == other
    assert page.locator("h1").inner_text() == text_in(report, "title", other)
    assert page.locator(f".language-switcher [aria-current][lang={other}]").count() == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_gallery_thumbnail_opens_the_larger_photo(language, demo, page):
    report = report_with_gallery_in_both_languages()
    page.goto(url_in(language, report))
    thumbnail = page.locator(".gallery a img").first
    thumbnail.scroll_into_view_if_needed()
    shown_width = thumbnail.evaluate("img => img.naturalWidth")
    assert thumbnail.get_attribute("alt"), "a gallery photo has no text alternative"

    thumbnail.click()

    # gallery.js shows the large rendition in an overlay, at the photo's own address.
    page.wait_for_function("() => document.querySelector('dialog.photo-viewer[open] img')?.complete")
    assert "/photos/1/" in page.url, page.url
    larger_width = page.evaluate("document.querySelector('dialog.photo-viewer img').naturalWidth")
    assert larger_width > shown_width


@pytest.mark.parametrize("language", LANGUAGES)
def test_printed_report_shows_the_report_without_navigation(language, demo, page):
    report = report_with_gallery_in_both_languages()
    page.goto(url_in(language, report))
    assert page.locator(".site-nav").is_visible()

    page.emulate_media(media="print")

    for navigation in (".site-nav", ".site-header", ".breadcrumbs", ".site-footer", ".language-switcher"):
        assert not page.locator(navigation).is_visible(), f"{navigation} is printed"
    assert page.locator("h1").is_visible()
    assert page.locator(".gallery img").first.is_visible()


# --- 2. The document library: filter, download --------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_filtered_library_downloads_the_model_collective_agreement(language, demo, page, tmp_path):
    from documents.models import Document, DocumentFile

    agreement = Document.objects.get(slug="model-collective-agreement")
    stored = DocumentFile.objects.get(document=agreement, language=language)
    same_type = Document.objects.published().filter(document_type=agreement.document_type).count()
    assert same_type < Document.objects.published().count(), "the filter would show everything"

    page.goto(url_in(language, name="documents:list"))
    page.select_option("select[name=type]", agreement.document_type.slug)
    page.click(".document-filters button[type=submit]")

    expect(page).to_have_url(re.compile(rf"type={re.escape(agreement.document_type.slug)}"))
    assert page.locator(".document-item").count() == same_type
    page.click(f".document-item a[href='{url_in(language, agreement)}']")
    expect(page).to_have_url(re.compile(re.escape(url_in(language, agreement)) + "$"))
    assert page.locator("h1").inner_text() == text_in(agreement, "title", language)

    with page.expect_download() as download_info:
        page.click(f".download-button[hreflang={language}]")
    download = download_info.value
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)

    with stored.file.open("rb") as original:
        assert saved.read_bytes() == original.read()
    assert saved.suffix == "." + stored.format


# --- 3. The FAQ: an answer by its own address, a new question, the admin -------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_question_asked_through_the_form_reaches_the_admin(language, demo, page, new_page):
    from faq.models import IncomingQuestion, Question

    question = Question.objects.published().exclude(**{f"answer_{language}": ""}).first()
    page.goto(url_in(language, question))
    assert page.locator("h1").inner_text() == text_in(question, "question", language)
    assert page.locator(".faq-answer").inner_text().strip()

    page.click(f"main a[href='{url_in(language, name='faq:ask')}']")
    expect(page).to_have_url(re.compile(re.escape(url_in(language, name="faq:ask")) + "$"))
    asked = f"Browser journey question ({language}): is my summer leave paid in full?"
    page.locator("label[for=id_text]").click()  # the field is reached through its label
    page.keyboard.type(asked)
    page.fill("#id_name", "Test Visitor")
    page.click(".faq-ask-form button[type=submit]")

    expect(page).to_have_url(re.compile(re.escape(url_in(language, name="faq:ask_done")) + "$"))
    assert page.locator("[role=status]").is_visible()
    assert page.locator(".faq-sent").inner_text() == asked
    incoming = IncomingQuestion.objects.get(text=asked)
    assert incoming.language == language

    staff_user("lawyer", "faq.view_incomingquestion", "faq.change_incomingquestion")
    staff = new_page()
    log_into_admin(staff, language, "lawyer")
    staff.goto(url_in(language, name="admin:faq_incomingquestion_changelist"))
    staff.click(f"#result_list a[href*='/{incoming.pk}/change/']")
    assert asked in staff.locator("#content").inner_text() or staff.input_value("#id_text") == asked


# --- 4. The structure: find a district committee and its reports ---------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_district_committee_found_through_the_tree_shows_its_latest_reports(language, demo, page):
    from news.models import Report
    from structure.models import Organisation, OrganisationKind

    report = (
        Report.objects.published()
        .filter(organisation__kind=OrganisationKind.DISTRICT)
        .select_related("organisation")
        .first()
    )
    assert report is not None, "the demo content has no report of a district committee"
    district = report.organisation

    # The structure page lists the oblast and city committees; each committee's page the ones below.
    page.goto(url_in(language, name="structure:index"))
    for ancestor in Organisation.objects.get_ancestors(district)[1:]:
        page.locator(f"main a[href='{url_in(language, ancestor)}']").first.click()
        expect(page).to_have_url(re.compile(re.escape(url_in(language, ancestor)) + "$"))
    link = page.locator(f"main a[href='{url_in(language, district)}']").first
    assert link.is_visible(), "the district committee is not reachable from its oblast committee"
    link.click()

    expect(page).to_have_url(re.compile(re.escape(url_in(language, district)) + "$"))
    assert page.locator("h1").inner_text() == text_in(district, "name", language)
    latest = page.locator(".organisation-reports")
    assert latest.locator(f"a[href='{url_in(language, report)}']").count() == 1
    latest.locator(f"a[href='{url_in(language, report)}']").click()
    expect(page).to_have_url(re.compile(re.escape(url_in(language, report)) + "$"))


# --- 5. Staff write a report in the admin ---------------------------------------------------------


def photo_upload(name, colour):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), colour).save(buffer, "JPEG", quality=80)
    return {"name": name, "mimeType": "image/jpeg", "buffer": buffer.getvalue()}


def type_in_rich_text_editor(page, field_id, text):
    # CKEditor edits in a <div> (its divarea plugin, CKEDITOR_CONFIGS), not in a frame.
    page.locator(f"#cke_{field_id} .cke_editable").click()
    page.keyboard.type(text)


def test_report_written_in_the_admin_appears_in_both_languages(demo, page):
    from news.models import Category, Report
    from structure.models import Organisation

    staff_user("editor", superuser=True)
    organisation = Organisation.objects.exclude(depth=1).first()
    category = Category.objects.first()
    log_into_admin(page, "ky", "editor")
    page.goto(url_in("ky", name="admin:news_report_add"))

    # modeltranslation shows each translated field in tabs, one per language; CKEditor edits the
    # text. Kyrgyz first (the tabs open on it), then the Russian tab of each field.
    page.fill("#id_title_ky", "Браузердик сыноо: мугалимдердин семинары")
    page.fill("#id_lead_ky", "Кыскача: семинар өттү.")
    type_in_rich_text_editor(page, "id_body_ky", "Семинарга жүз мугалим катышты.")
    for field, text in (("title", "Браузерный тест: семинар учителей"), ("lead", "Коротко: семинар прошёл.")):
        page.click(f".ui-tabs-nav a[href='#tab_id_{field}_ru']")
        page.fill(f"#id_{field}_ru", text)
    page.click(".ui-tabs-nav a[href='#tab_id_body_ru']")
    type_in_rich_text_editor(page, "id_body_ru", "В семинаре участвовали сто учителей.")

    # Photos added all at once have no captions yet: saved as a draft, captioned, then published.
    page.select_option("#id_status", "draft")
    page.select_option("#id_organisation", str(organisation.pk))
    page.select_option("#id_category", str(category.pk))
    page.set_input_files(
        "#id_upload_photos",
        [photo_upload("hall.jpg", (40, 90, 160)), photo_upload("class.jpg", (160, 90, 40))],
    )
    page.locator("input[name=_continue]").last.click()
    page.wait_for_selector(".messagelist .success")
    for index, caption in enumerate(("Залда", "Класста")):
        page.fill(f"#id_photos-{index}-caption_ky", caption)
    page.select_option("#id_status", "published")
    page.locator("input[name=_save]").last.click()

    expect(page).to_have_url(re.compile(r"/ky/admin/news/report/$"))
    page.wait_for_selector(".messagelist .success")
    report = Report.objects.get(title_ky="Браузердик сыноо: мугалимдердин семинары")
    assert report.title_ru == "Браузерный тест: семинар учителей"
    assert "жүз мугалим" in report.body_ky
    assert "сто учителей" in report.body_ru
    assert report.photos.count() == 2
    assert report.is_public

    for language, title in (("ky", report.title_ky), ("ru", report.title_ru)):
        page.goto(url_in(language, name="news:list"))
        page.get_by_role("link", name=title).click()
        expect(page).to_have_url(re.compile(re.escape(url_in(language, report)) + "$"))
        assert page.locator("h1").inner_text() == title
        assert page.locator(".gallery img").count() == 2


# --- 6. A phone: nothing scrolls sideways, the navigation is there --------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_scrolls_sideways_on_a_phone(language, demo, phone_page, screenshots_dir):
    too_wide = []
    for name, url in public_pages(language):
        phone_page.goto(url)
        width = phone_page.evaluate("document.documentElement.scrollWidth")
        if width > 360:
            culprits = phone_page.evaluate(
                """() => [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > 360.5)
                    .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))"""
            )
            too_wide.append(f"{name} {url}: {width}px wide; {culprits}")
        phone_page.screenshot(path=screenshots_dir / f"{language}-{name}-360.png", full_page=True)
    assert not too_wide, "Pages scroll sideways at 360 px:\n" + "\n".join(too_wide)


@pytest.mark.parametrize("language", LANGUAGES)
def test_navigation_is_reachable_on_a_phone(language, demo, phone_page):
    phone_page.goto(url_in(language, name="home"))
    phone_page.locator(".site-menu > summary").click()  # the menu is folded on a phone
    for name in ("news:list", "faq:index", "documents:list", "structure:index", "search"):
        link = phone_page.locator(f".site-nav a[href='{url_in(language, name=name)}']")
        link.scroll_into_view_if_needed()
        assert link.is_visible(), f"{name} is not visible in the navigation"
        box = link.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360, f"{name} is outside the screen: {box}"
    phone_page.locator(f".site-nav a[href='{url_in(language, name='documents:list')}']").click()
    expect(phone_page).to_have_url(re.compile(re.escape(url_in(language, name="documents:list")) + "$"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_main_pages_fit_a_desktop_screen(language, demo, page, screenshots_dir):
    too_wide = []
    for name, url in public_pages(language):
        page.goto(url)
        if page.evaluate("document.documentElement.scrollWidth") > 1280:
            too_wide.append(f"{name} {url}")
        page.screenshot(path=screenshots_dir / f"{language}-{name}-1280.png", full_page=True)
    assert not too_wide, "Pages scroll sideways at 1280 px:\n" + "\n".join(too_wide)
