"""Every admin page speaks the staff member's language: no English, and not the other language.

The crawl opens, as a superuser, the index, every app index, and for every registered model its
changelist, add form, change form, history, delete confirmation and recover list, with the demo
content (`load_demo`) and one row of each lockout model; then the password forms. It reads what a
person sees: text, and the title, placeholder, aria-label and alt attributes, and button labels.
Scripts, styles and form values (what editors typed) are not the interface and are left out.
"""

import contextlib
import io
import json
import re
from html.parser import HTMLParser

import pytest
import reversion
from django.contrib import admin
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation

pytestmark = pytest.mark.django_db

# Words Django and the packages write in English: none may be left on an admin page.
ENGLISH_ADMIN_WORDS = {
    "Add", "Change", "Delete", "Save", "Search", "Filter", "Choose", "Remove", "History", "View",
    "Home", "Position", "Before", "After", "Relative", "root", "Access", "attempts", "attempt",
    "failures", "logs", "Axes", "log", "entry", "Bold", "Italic", "Source", "Format", "Yes", "No",
    "True", "False", "None", "Unknown", "Today", "Now", "Permissions", "Groups", "Can", "Go",
    "Action", "selected", "Password", "Username", "Email", "Active", "Staff", "Superuser", "Date",
    "Time", "Locked", "Logout", "Path", "Agent", "Thumbnails", "Easy", "Reversion", "relationship",
    "object", "Recover", "Revert", "deleted", "Select", "All", "Clear", "Show", "Hide", "Close",
}  # fmt: skip

# Latin words that belong on a Kyrgyz or Russian page: formats, keys, protocols, names.
ALLOWED_LATIN = {
    "PDF", "DOC", "DOCX", "ODT", "RTF", "XLS", "XLSX", "JPG", "JPEG", "PNG", "WebP", "GIF", "CSV",
    "UTF", "URL", "RSS", "HTTP", "HTTPS", "IP", "GET", "POST", "ID", "LDAP", "SHA", "Ctrl", "Shift",
    "Cmd", "Command", "Control", "Mac", "Enter", "OK", "Alt", "MB", "KB", "NUL", "JSON", "HTML",
}  # fmt: skip

# The admin's own words in the other language (a page in the wrong language, or half of it).
RUSSIAN_ADMIN_WORDS = ["Сохранить", "Удалить", "Добавить", "Изменить", "Выберите", "Фильтр", "История"]
KYRGYZ_ADMIN_WORDS = ["Сактоо", "Өчүрүү", "Кошуу", "Өзгөртүү", "Тандаңыз", "Чыпкалоо", "Тарых"]

VISIBLE_ATTRIBUTES = {"title", "placeholder", "aria-label", "alt"}
HIDDEN_TAGS = {"script", "style", "template", "textarea", "noscript"}


# Changelist cells and read-only fields that show stored values (slugs, addresses, user names).
DATA_FIELDS = re.compile(
    r"\bfield-(slug|username|email|ip_address|user_agent|path_info|http_accept|number)\b"
)


class VisibleText(HTMLParser):
    """The words a person reads or hears on the page: the interface, without stored values."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hidden = []  # the open tags whose content is not interface text
        self.pieces = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = attributes.get("class") or ""
        if tag in HIDDEN_TAGS or DATA_FIELDS.search(classes) or "hidden" in classes.split():
            self.hidden.append(tag)
            return
        if self.hidden:
            if tag == self.hidden[0] and tag not in HIDDEN_TAGS:
                self.hidden.append(tag)  # nested tags of the same name, to find the right end
            return
        for name, value in attrs:
            if name in VISIBLE_ATTRIBUTES and value:
                self.pieces.append(value)
        button = attributes.get("type") in {"submit", "button", "reset"}
        if tag == "input" and button and attributes.get("value"):
            self.pieces.append(attributes["value"])

    def handle_startendtag(self, tag, attrs):
        if not self.hidden:
            self.handle_starttag(tag, attrs)
            if self.hidden:
                self.hidden.pop()

    def handle_endtag(self, tag):
        if self.hidden and tag == self.hidden[-1]:
            self.hidden.pop()

    def handle_data(self, data):
        if not self.hidden and data.strip():
            self.pieces.append(data)


def visible_text(html):
    parser = VisibleText()
    parser.feed(html)
    return "\n".join(parser.pieces)


def code_like(token):
    """Slugs, addresses, file names, hashes: values, not interface words."""
    return bool(re.search(r"[\d@/._:=<>*\-\\]", token)) or (token.isupper() and len(token) <= 6)


def latin_words(text):
    words = set()
    for token in re.findall(r"\S+", text):
        if code_like(token.strip("()[]«»“”\"',;!?")):
            continue
        words.update(re.findall(r"[A-Za-z]{2,}", token))
    return words - ALLOWED_LATIN


def in_language(url, language):
    """reverse() gives the active language's prefix; the crawl asks for `language`'s."""
    return re.sub(r"^/(ky|ru)/", f"/{language}/", url)


def admin_urls(language):
    """Every page of the admin a superuser can open, with the demo content."""
    prefix = f"/{language}/admin/"
    urls = [prefix, f"{prefix}password_change/"]
    apps = set()
    for model in admin.site._registry:
        opts = model._meta
        apps.add(opts.app_label)
        name = f"admin:{opts.app_label}_{opts.model_name}"
        names = [(f"{name}_changelist", []), (f"{name}_add", []), (f"{name}_recoverlist", [])]
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            names += [(f"{name}_{view}", [first.pk]) for view in ("change", "history", "delete")]
            if opts.app_label == "auth" and opts.model_name == "user":
                names.append(("admin:auth_user_password_change", [first.pk]))
        for url_name, args in names:
            with contextlib.suppress(NoReverseMatch):  # a recover list only where reversion is
                urls.append(in_language(reverse(url_name, args=args), language))
    urls += [f"{prefix}{app}/" for app in sorted(apps)]
    return urls


@pytest.fixture
def admin_with_content(admin_user):
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    call_command("load_demo", stdout=io.StringIO())
    common = {
        "user_agent": "Mozilla/5.0",
        "ip_address": "10.0.0.1",
        "username": "редактор",
        "path_info": "/ky/admin/login/",
    }
    AccessAttempt.objects.create(
        **common, http_accept="text/html", get_data="", post_data="", failures_since_start=3
    )
    AccessLog.objects.create(**common, http_accept="text/html")
    AccessFailureLog.objects.create(**common, http_accept="text/html", locked_out=True)
    return admin_user


def crawl(client, language):
    pages = {}
    for url in admin_urls(language):
        response = client.get(url)
        if response.status_code == 403 and url.endswith(("/add/", "/delete/")):
            continue  # records nobody adds or deletes by hand: lockouts, incoming questions, settings
        assert response.status_code == 200, f"{url}: {response.status_code}"
        pages[url] = response.content.decode()
    return pages


def problems_on(pages, language, username):
    problems = []
    for url, html in pages.items():
        assert f'lang="{language}"' in html, f"{url} is not marked as {language}"
        text = visible_text(html)
        english = sorted(latin_words(text) - {username})
        if english:
            problems.append(f"{url}: {english}")
        wrong_language = RUSSIAN_ADMIN_WORDS if language == "ky" else KYRGYZ_ADMIN_WORDS
        found = [word for word in wrong_language if re.search(rf"(?<!\w){word}(?!\w)", text)]
        if found:
            problems.append(f"{url}: words of the other language {found}")
    return problems


def test_the_visible_text_reader_sees_what_a_person_sees():
    html = (
        '<p title="Add">Save <b>this</b></p><script>var Delete = 1</script><style>.Search{}</style>'
        '<input type="submit" value="Go"><input type="text" value="typed by an editor">'
        '<textarea>Text an editor wrote</textarea><img src="x.svg" alt="True">'
    )
    text = visible_text(html)
    assert set(latin_words(text)) == {"Add", "Save", "this", "Go", "True"}
    assert latin_words("ozgon-seminar editor@union.kg https://cbd.minjust.gov.kg PDF Ctrl") == set()


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_every_admin_page_is_in_the_staff_members_language(client, admin_with_content, language):
    client.force_login(admin_with_content)
    pages = crawl(client, language)
    assert len(pages) > 60
    problems = problems_on(pages, language, admin_with_content.username)
    for url, html in pages.items():
        words = set(re.findall(r"[A-Za-z]+", visible_text(html))) & ENGLISH_ADMIN_WORDS
        if words:
            problems.append(f"{url}: English admin words {sorted(words)}")
    assert not problems, "\n".join(problems[:60])


@pytest.mark.parametrize(
    ("language", "nothing_yet", "save", "go"),
    [("ky", "Азырынча эч нерсе жок", "Сактоо", "Аткаруу"), ("ru", "Недоступно", "Сохранить", "Выполнить")],
)
def test_admin_uses_the_corrected_words(admin_client, language, nothing_yet, save, go):
    from tests.news.factories import ReportFactory

    ReportFactory()
    assert nothing_yet in visible_text(admin_client.get(f"/{language}/admin/").content.decode())
    assert save in visible_text(admin_client.get(f"/{language}/admin/news/report/add/").content.decode())
    changelist = visible_text(admin_client.get(f"/{language}/admin/news/report/").content.decode())
    assert go in changelist
    if language == "ky":
        assert "Мүмкүн эмес" not in changelist and "Жөнө" not in changelist


@pytest.mark.parametrize(
    ("language", "label", "absent"),
    [
        ("ky", "Журналдагы жазуу: кошо алат", "Can add log entry"),
        ("ru", "Запись в журнале: может добавлять", "Can add"),
    ],
)
def test_permissions_are_named_in_the_staff_members_language(admin_client, language, label, absent):
    page = admin_client.get(f"/{language}/admin/auth/group/add/").content.decode()
    assert label in page
    assert absent not in visible_text(page)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ky", "Аталышы (орусча) жана Текст (кыргызча) өзгөртүлдү."),
        ("ru", "Изменено Заголовок (на русском) и Текст (на кыргызском)."),
    ],
)
def test_history_names_translated_fields_in_the_staff_members_language(
    admin_client, admin_user, language, expected
):
    from tests.news.factories import ReportFactory

    report = ReportFactory()
    # What the admin stores when an editor changes the Russian title and the Kyrgyz text: the form's
    # labels as modeltranslation builds them, with translation switched off.
    changed = json.dumps([{"changed": {"fields": ["Title [ru]", "Text [ky]"]}}])
    with reversion.create_revision():
        report.save()
        reversion.set_user(admin_user)
        reversion.set_comment(changed)
    LogEntry.objects.create(
        user=admin_user,
        content_type=ContentType.objects.get_for_model(report),
        object_id=str(report.pk),
        object_repr=str(report),
        action_flag=CHANGE,
        action_time=timezone.now(),
        change_message=changed,
    )
    with translation.override(language):
        assert LogEntry.objects.get().get_change_message() == expected
    page = admin_client.get(f"/{language}/admin/news/report/{report.pk}/history/").content.decode()
    assert expected in visible_text(page)
    assert "[ru]" not in visible_text(page)


def test_lockout_section_has_a_name_in_both_languages(admin_client):
    assert "Кирүүнү коргоо" in admin_client.get("/ky/admin/").content.decode()
    assert "Защита входа" in admin_client.get("/ru/admin/").content.decode()
