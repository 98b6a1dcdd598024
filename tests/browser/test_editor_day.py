"""An editor's day in a real browser: a regional editor on a phone writes a report with photos,
cannot send it for review before every photo has a caption, then sends it; the reviewer is told
by e-mail and sees it on the admin's desk, returns it with a comment, and the editor sees the
comment on theirs. The report's pages fit the screen at 1,280 px and at 360 px.

pytest-django's live server runs in this process, so the locmem outbox (`mailoutbox`) sees what
the server sent.
"""

import importlib
import io
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import translation
from django.utils.translation import gettext
from PIL import Image
from playwright.sync_api import expect

from editorial import groups
from editorial.models import EditorProfile
from news.models import Report
from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.test_journeys import log_into_admin, url_in
from tests.news.factories import CategoryFactory
from tests.structure.factories import OrganisationFactory

pytestmark = pytest.mark.browser

PASSWORD = "a-long-test-password-1"
TITLE_KY = "Өзгөндөгү мугалимдер семинары"
COMMENT = "Сүрөттөрдүн жазууларын толуктаңыз."


def jpeg_bytes(number):
    buffer = io.BytesIO()
    Image.new("RGB", (900, 600), (40 * number % 255, 90, 160)).save(buffer, "JPEG", quality=95)
    return buffer.getvalue()


def role_group(name):
    """The role group as editorial's migration makes it (a transactional test flushed it)."""
    roles = importlib.import_module("editorial.migrations.0002_role_groups").ROLES
    group, created = Group.objects.get_or_create(name=name)
    if created:
        for dotted in roles[name]:
            app_label, codename = dotted.split(".")
            permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
            group.permissions.add(permission)
    return group


def staff(django_user_model, username, group, organisation, language):
    user = django_user_model.objects.create_user(
        username=username, password=PASSWORD, is_staff=True, email=f"{username}@example.org"
    )
    user.groups.add(role_group(group))
    profile = EditorProfile.objects.create(user=user, language=language)
    profile.organisations.set([organisation])
    return user


@pytest.fixture
def people(transactional_db, django_user_model):
    central = OrganisationFactory(kind="central", region="", slug="central")
    osh = OrganisationFactory(parent=central, kind="oblast", region="osh", slug="osh")
    ozgon = OrganisationFactory(parent=osh, kind="district", region="osh", slug="ozgon")
    naryn = OrganisationFactory(parent=central, kind="oblast", region="naryn", slug="naryn")
    CategoryFactory(slug="events", name_ky="Иш-чаралар", name_ru="Мероприятия")
    return {
        "editor": staff(django_user_model, "ozgon-editor", groups.REGIONAL_EDITOR, ozgon, "ky"),
        "reviewer": staff(django_user_model, "osh-reviewer", groups.REVIEWER, osh, "ru"),
        "naryn": staff(django_user_model, "naryn-reviewer", groups.REVIEWER, naryn, "ru"),
    }


def fits_the_screen(page):
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    return width[0] <= width[1], width


def save_and_continue(page):
    page.locator("input[name=_continue]").last.click()
    page.wait_for_load_state("load")


def test_an_editors_day_on_a_phone(people, new_page, mailoutbox):
    editor = new_page(PHONE, is_mobile=True, has_touch=True)
    log_into_admin(editor, "ky", "ozgon-editor")

    # A draft with five photos straight from the phone: the upload shows its progress.
    editor.goto(url_in("ky", name="admin:news_report_add"))
    editor.fill("#id_title_ky", TITLE_KY)
    editor.select_option("#id_category", label="Иш-чаралар")
    editor.select_option("#id_organisation", index=1)
    photos = [
        {"name": f"IMG_{number}.jpg", "mimeType": "image/jpeg", "buffer": jpeg_bytes(number)}
        for number in range(1, 6)
    ]
    # Straight to review with photos that have no captions yet: refused, nothing stored (the
    # upload script hands the refused form back to the browser, which shows the errors).
    editor.select_option("#id_status", "submitted")
    editor.set_input_files("#id_upload_photos", photos)
    editor.locator("input[name=_continue]").last.click()
    expect(editor.locator(".errornote")).to_be_visible()
    with translation.override("ky"):
        refusal = gettext(
            "Photos added now have no captions yet. Save the report as a draft, write a caption for "
            "each photo, then submit it for review."
        )
    expect(editor.locator(".field-upload_photos")).to_contain_text(refusal)
    assert not Report.objects.exists()

    editor.select_option("#id_status", "draft")
    editor.set_input_files("#id_upload_photos", photos)
    editor.locator("input[name=_continue]").last.click()
    expect(editor.locator(".upload-progress progress")).to_be_attached()
    editor.wait_for_url(re.compile(r"/ky/admin/news/report/\d+/change/$"))
    report = Report.objects.get()
    assert report.status == "draft"
    assert report.photos.count() == 5
    with translation.override("ky"):
        first_warning = str(report.review_problems()[0])
    expect(editor.locator(".messagelist")).to_contain_text(first_warning)
    ok, width = fits_the_screen(editor)
    assert ok, f"the report's change form scrolls sideways on a phone: {width}"

    # Sent for review without captions: refused, the photos named.
    editor.select_option("#id_status", "submitted")
    save_and_continue(editor)
    assert Report.objects.get().status == "draft"
    expect(editor.locator(".errornote")).to_be_visible()
    expect(editor.locator("#photos-group")).to_contain_text("IMG_1")
    assert not mailoutbox

    # With captions it goes.
    for number in range(5):
        editor.fill(f"#id_photos-{number}-caption_ky", f"{number + 1}-сүрөт: катышуучулар")
    editor.select_option("#id_status", "submitted")
    save_and_continue(editor)
    assert Report.objects.get().status == "submitted"

    # The reviewer of the Osh oblast hears of it, in Russian; the Naryn reviewer does not.
    assert [message.to for message in mailoutbox] == [["osh-reviewer@example.org"]]
    with translation.override("ru"):
        assert mailoutbox[0].subject == gettext("For review: %(title)s") % {"title": TITLE_KY}
    assert f"/ru/admin/news/report/{report.pk}/change/" in mailoutbox[0].body

    reviewer = new_page(DESKTOP)
    log_into_admin(reviewer, "ru", "osh-reviewer")
    waiting = reviewer.locator("#desk-waiting")
    expect(waiting).to_contain_text(TITLE_KY)
    waiting.get_by_role("link", name=TITLE_KY).click()
    ok, width = fits_the_screen(reviewer)
    assert ok, f"the report's change form scrolls sideways at 1,280 px: {width}"
    reviewer.select_option("#id_status", "returned")
    reviewer.fill("#id_review_comment", COMMENT)
    save_and_continue(reviewer)
    assert Report.objects.get().status == "returned"
    assert mailoutbox[-1].to == ["ozgon-editor@example.org"]
    assert COMMENT in mailoutbox[-1].body

    # The editor finds the comment on the desk.
    editor.goto(url_in("ky", name="admin:index"))
    returned = editor.locator("#desk-returned")
    expect(returned).to_contain_text(TITLE_KY)
    expect(returned).to_contain_text(COMMENT)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280px", "360px"])
def test_report_pages_fit_the_screen(people, new_page, viewport):
    from tests.news.factories import ReportFactory, ReportPhotoFactory

    organisation = EditorProfile.objects.get(user=people["editor"]).organisations.get()
    for number in range(3):
        report = ReportFactory(organisation=organisation, status="draft", title_ky=f"{TITLE_KY} {number}" * 3)
    for _number in range(3):
        ReportPhotoFactory(report=report)
    page = new_page(viewport, **({"is_mobile": True, "has_touch": True} if viewport == PHONE else {}))
    log_into_admin(page, "ky", "ozgon-editor")
    for name, kwargs in (
        ("admin:news_report_changelist", {}),
        ("admin:news_report_change", {"args": [report.pk]}),
        ("admin:documents_document_changelist", {}),
        ("admin:documents_document_add", {}),
    ):
        page.goto(url_in("ky", name=name, **kwargs))
        page.wait_for_load_state("networkidle")
        ok, width = fits_the_screen(page)
        assert ok, f"{name} scrolls sideways at {viewport['width']} px: {width}"
    assert not page.problems, page.problems
