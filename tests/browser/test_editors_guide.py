"""The staff guide (editorial/guide/, served at /<language>/admin/guide/), walked in a browser.

Three tasks, in the Kyrgyz admin and again in the Russian one, at 1,280×800: a regional editor
writes a report with two captioned photos and sends it for review; the reviewer publishes it; the
reviewer answers a member's question and publishes the answer. Each step takes a screenshot of
the admin screen and checks that the screen shows the labels the guide tells the editor to press,
and that the guide quotes them, so a renamed button or a broken step fails here. The other tasks
get one screenshot each of the screen they explain, taken as a superuser, with the same checks;
the report form's help link is followed to its guide page, which shows the screenshots.

`UPDATE_GUIDE_SCREENSHOTS=1` (`make guide-screenshots`) writes the screenshots into
editorial/static/editorial/guide/; otherwise they go to the test's tmp dir and the folder is never
written.
"""

import os
import re

import pytest
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext
from playwright.sync_api import expect

from editorial import groups
from faq.models import IncomingQuestion, Question, Topic
from news.models import Report
from tests.browser.conftest import DESKTOP, ROOT
from tests.browser.test_editor_day import PASSWORD, jpeg_bytes, save_and_continue, staff
from tests.browser.test_journeys import log_into_admin, type_in_rich_text_editor, url_in
from tests.inbox.factories import SubmissionFactory
from tests.news.factories import CategoryFactory
from tests.structure.factories import OrganisationFactory

pytestmark = pytest.mark.browser

GUIDE_DIR = ROOT / "editorial" / "static" / "editorial" / "guide"
GUIDE_TEXT_DIR = ROOT / "editorial" / "guide"
UPDATE = os.environ.get("UPDATE_GUIDE_SCREENSHOTS") == "1"
LANGUAGES = ("ky", "ru")

TEXTS = {
    "ky": {
        "title": "Таластагы мугалимдердин жыйыны",
        "captions": ("Жыйындын катышуучулары", "Төрагалык кылгандар"),
        "question": "Жайкы өргүү толук төлөнөбү?",
        "answer": "Ооба, жайкы өргүү толугу менен төлөнөт.",
    },
    "ru": {
        "title": "Собрание учителей в Таласе",
        "captions": ("Участники собрания", "Президиум собрания"),
        "question": "Оплачивается ли летний отпуск полностью?",
        "answer": "Да, летний отпуск оплачивается полностью.",
    },
}

# Each step: the screenshot's name and the interface strings the guide quotes for it.
STEPS = {
    "01-new-report": ("Add many photos", "Save and continue editing"),
    "02-captions": ("caption",),
    "03-submit": ("status", "Submitted for review", "Save"),
    "04-desk": ("Waiting for your review",),
    "05-publish": ("Published", "Save"),
    "06-question": ("incoming questions", "Create a draft FAQ entry from this question", "Go"),
    "07-answer": ("answer", "published", "Save"),
}
# The other tasks' screens: the screenshot's name, the screen and the labels the guide quotes.
SCREENS = {
    "08-page": ("admin:pages_page_add", ("kind of page", "Place in the tree", "Save")),
    "09-menu": ("admin:pages_menuitem_add", ("section of the site", "label")),
    "10-settings": ("admin:siteconfig_sitesettings_changelist", ("Names", "Contacts", "phones")),
    "11-home": ("admin:siteconfig_homepage_changelist", ("introduction", "motto", "announcements")),
    "12-event": ("admin:events_event_add", ("kind of event", "When and where", "start", "end")),
    "13-inbox": ("admin:inbox_submission_changelist", ("status", "Save")),
    "14-document": ("admin:documents_document_add", ("number", "date signed", "Agreement", "parties")),
    "15-organisation": ("admin:structure_organisation_change", ("Figures", "members", "of them youth")),
    "16-user": ("admin:auth_user_change", ("Permissions", "groups", "active")),
}


def labels(language, step):
    msgids = STEPS[step] if step in STEPS else SCREENS[step][1]
    with translation.override(language):
        return [gettext(msgid) for msgid in msgids]


def shows(page, label):
    """The label is on the screen as text, a button's value or the chosen option of a select."""
    text = page.locator("#content").inner_text().casefold()
    if label.casefold() in text:
        return True
    buttons = page.locator(f"input[type=submit][value='{label}'], button:has-text('{label}')")
    chosen = page.locator("select option:checked").all_inner_texts()
    return buttons.count() > 0 or label in [option.strip() for option in chosen]


def shoot(page, language, step, tmp_path):
    for label in labels(language, step):
        assert shows(page, label), f"step {step} ({language}): the screen does not show «{label}»"
    folder = GUIDE_DIR if UPDATE else tmp_path
    page.screenshot(path=folder / f"{language}-{step}.png")


def open_tab(page, field, language):
    """modeltranslation's tabs: show the field in this language (the Kyrgyz tab opens first)."""
    tab = page.locator(f".ui-tabs-nav a[href='#tab_id_{field}_{language}']")
    if tab.count():
        tab.first.click()


@pytest.fixture
def talas(transactional_db):
    central = OrganisationFactory(kind="central", region="", slug="central")
    talas = OrganisationFactory(parent=central, kind="oblast", region="talas", slug="talas")
    CategoryFactory(slug="events", name_ky="Иш-чаралар", name_ru="Мероприятия")
    Topic.objects.create(name_ky="Өргүү", name_ru="Отпуск", slug="leave", order=1)
    return talas


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_guides_steps_work_and_match_the_screens(
    language, talas, django_user_model, new_page, mailoutbox, tmp_path
):
    texts = TEXTS[language]
    editor_user = staff(django_user_model, "editor", groups.REGIONAL_EDITOR, talas, language)
    reviewer_user = staff(django_user_model, "reviewer", groups.REVIEWER, talas, language)
    faq_user = staff(django_user_model, "faq-editor", groups.FAQ_EDITOR, talas, language)

    # 1. A new report with two photos.
    editor = new_page(DESKTOP)
    log_into_admin(editor, language, editor_user.username)
    editor.goto(url_in(language, name="admin:news_report_add"))
    open_tab(editor, "title", language)
    editor.fill(f"#id_title_{language}", texts["title"])
    editor.select_option("#id_category", index=1)
    editor.select_option("#id_organisation", index=1)
    editor.set_input_files(
        "#id_upload_photos",
        [
            {"name": f"photo-{number}.jpg", "mimeType": "image/jpeg", "buffer": jpeg_bytes(number)}
            for number in (1, 2)
        ],
    )
    editor.locator(".field-upload_photos").scroll_into_view_if_needed()
    shoot(editor, language, "01-new-report", tmp_path)
    editor.locator("input[name=_continue]").last.click()
    editor.wait_for_url(re.compile(rf"/{language}/admin/news/report/\d+/change/$"))
    report = Report.objects.get()
    assert report.status == "draft" and report.photos.count() == 2

    # 2. A caption for each photo.
    for index, caption in enumerate(texts["captions"]):
        open_tab(editor, f"photos-{index}-caption", language)
        editor.fill(f"#id_photos-{index}-caption_{language}", caption)
    editor.locator("#photos-group").scroll_into_view_if_needed()
    shoot(editor, language, "02-captions", tmp_path)

    # 3. Sent for review: the reviewer gets an e-mail.
    editor.select_option("#id_status", "submitted")
    editor.locator("#id_status").scroll_into_view_if_needed()
    shoot(editor, language, "03-submit", tmp_path)
    save_and_continue(editor)
    report.refresh_from_db()
    assert report.status == "submitted"
    captions = report.photos.values_list(f"caption_{language}", flat=True)
    assert sorted(captions) == sorted(texts["captions"])
    assert [message.to for message in mailoutbox] == [[reviewer_user.email]]

    # 4. The reviewer finds it on the desk.
    reviewer = new_page(DESKTOP)
    log_into_admin(reviewer, language, reviewer_user.username)
    waiting = reviewer.locator("#desk-waiting")
    expect(waiting).to_contain_text(texts["title"])
    shoot(reviewer, language, "04-desk", tmp_path)

    # 5. ... and publishes it.
    waiting.get_by_role("link", name=texts["title"]).click()
    reviewer.select_option("#id_status", "published")
    reviewer.locator("#id_status").scroll_into_view_if_needed()
    shoot(reviewer, language, "05-publish", tmp_path)
    reviewer.locator("input[name=_save]").last.click()
    reviewer.wait_for_selector(".messagelist .success")
    report.refresh_from_db()
    assert report.status == "published" and report.is_public

    # 6. A member's question: a draft FAQ entry made from it.
    incoming = IncomingQuestion.objects.create(text=texts["question"], name="Айгүл", language=language)
    answerer = new_page(DESKTOP)
    log_into_admin(answerer, language, faq_user.username)
    answerer.goto(url_in(language, name="admin:faq_incomingquestion_changelist"))
    answerer.check(f"#result_list input[name=_selected_action][value='{incoming.pk}']")
    answerer.select_option("select[name=action]", "create_faq_entry")
    shoot(answerer, language, "06-question", tmp_path)
    answerer.locator("button[name=index]").click()
    answerer.wait_for_url(re.compile(rf"/{language}/admin/faq/question/\d+/change/$"))

    # 7. The answer written and published. The question's Kyrgyz text is required: a question
    # asked in Russian needs it written on the KY tab.
    if language != "ky":
        open_tab(answerer, "question", "ky")
        answerer.fill("#id_question_ky", TEXTS["ky"]["question"])
    open_tab(answerer, "answer", language)
    type_in_rich_text_editor(answerer, f"id_answer_{language}", texts["answer"])
    answerer.check("#id_is_published")
    answerer.locator("#id_is_published").scroll_into_view_if_needed()
    shoot(answerer, language, "07-answer", tmp_path)
    answerer.locator("input[name=_save]").last.click()
    answerer.wait_for_selector(".messagelist .success")
    question = Question.objects.get()
    assert question.is_published
    assert getattr(question, f"question_{language}") == texts["question"]
    assert texts["answer"] in getattr(question, f"answer_{language}")
    problems = editor.problems + reviewer.problems + answerer.problems
    assert not problems, problems

    # The report form's help link opens the guide's page for it, with its screenshots.
    editor.goto(url_in(language, name="admin:news_report_add"))
    editor.locator("#content-main .object-tools a.guide-link").click()
    editor.wait_for_url(re.compile(rf"/{language}/admin/guide/reports/$"))
    expect(editor.locator("h1")).to_have_text(guide_titles(language)["reports"])
    pictures = editor.locator(".guide-page img")
    expect(pictures).to_have_count(2)
    assert all(editor.evaluate("[...document.images].map(image => image.naturalWidth > 0)"))
    assert not editor.problems, editor.problems

    assert_guide_quotes(language, STEPS)


def guide_titles(language):
    return {
        path.stem: path.read_text(encoding="utf-8").partition("\n")[0].removeprefix("# ")
        for path in (GUIDE_TEXT_DIR / language).glob("*.md")
    }


def assert_guide_quotes(language, steps):
    """The guide shows every step's screenshot and quotes the labels the screens showed."""
    guide = ""
    shown = set()
    for source in sorted((GUIDE_TEXT_DIR / language).glob("*.md")):
        text = source.read_text(encoding="utf-8")
        guide += text
        for alt, path in re.findall(r"!\[([^\]]*)\]\(([^)]+)\)", text):
            assert alt.strip(), f"an image in {source.name} ({language}) has no alt text: {path}"
            assert (source.parent / path).resolve().is_file(), f"{source.name} shows a missing image: {path}"
            shown.add((source.parent / path).resolve())
    for step in steps:
        assert GUIDE_DIR / f"{language}-{step}.png" in shown, f"the {language} guide lacks step {step}"
        for label in labels(language, step):
            assert f"«{capfirst(label)}»" in guide or f"«{label}»" in guide, (
                f"the {language} guide does not quote «{label}» (step {step})"
            )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_other_tasks_screens_match_the_guide(language, talas, django_user_model, new_page, tmp_path):
    """One screenshot of the screen each other task explains, as the superuser sees it."""
    root = django_user_model.objects.create_superuser("root", "root@example.org", PASSWORD)
    editor_user = staff(django_user_model, "editor", groups.REGIONAL_EDITOR, talas, language)
    talas.members, talas.youth_members = 5400, 1200
    talas.save()
    SubmissionFactory(region=talas.region, language=language)
    objects = {"15-organisation": [talas.pk], "16-user": [editor_user.pk]}
    focus = {
        "08-page": ".field-page_type",
        "12-event": ".field-start",
        "14-document": ".field-number",
        "15-organisation": "#id_members",
        "16-user": ".field-groups",
    }
    page = new_page(DESKTOP)
    log_into_admin(page, language, root.username)
    for step, (name, _labels) in SCREENS.items():
        page.goto(url_in(language, name=name, args=objects.get(step, [])))
        if step in focus:
            page.locator(focus[step]).scroll_into_view_if_needed()
        shoot(page, language, step, tmp_path)
    assert not page.problems, page.problems
    assert_guide_quotes(language, SCREENS)
