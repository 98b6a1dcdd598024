"""Every admin page speaks the staff member's language: no English, and not the other language.

The crawl opens, as a superuser, the index, every app index, and for every registered model its
changelist, add form, change form, history, delete confirmation and recover list, with the demo
content (`load_demo`) and one row of each lockout model; then the password forms. It reads what a
person sees: text, and the title, placeholder, aria-label and alt attributes, and button labels.
Scripts, styles and form values (what editors typed) are not the interface and are left out, but
what the scripts will show is checked from what the page loads: Select2's messages in the
autocomplete pickers, the titles of the language tabs and the editor's image-dialog sample text.
The glossary's wrong forms (tests/unionsite/test_glossary.py) are looked for on every page too.
"""

import contextlib
import html as html_lib
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import reversion
from django.contrib import admin
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation

from tests.unionsite.test_glossary import WRONG_IN_RUSSIAN, WRONG_ON_KYRGYZ_PAGES, glossary_problems

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


GLOSSARY = {"ky": WRONG_ON_KYRGYZ_PAGES, "ru": WRONG_IN_RUSSIAN}

SCRIPT_SOURCE = re.compile(r'<script\b[^>]*\bsrc="([^"]+)"')


def script_strings(source):
    """The texts a script would show: its string literals, without comments and `${…}` parts."""
    source = re.sub(r"/\*.*?\*/", "", source, flags=re.S)
    source = re.sub(r"(?m)^\s*//.*$", "", source)
    literals = re.findall(r'"((?:[^"\\\n]|\\.)*)"|`([^`]*)`', source)
    texts = [re.sub(r"\$\{[^}]*\}", " ", double or template) for double, template in literals]
    return [text for text in texts if text != "use strict"]


def static_source(url):
    path = finders.find(re.sub(r"^/static/", "", url.split("?")[0]))
    return Path(path).read_text(encoding="utf-8-sig") if path else ""


def script_problems(html, language, catalogue):
    """English that the page's scripts would show once they run (the crawl sees the page before)."""
    problems = []
    scripts = SCRIPT_SOURCE.findall(html)
    if "admin-autocomplete" in html:
        messages = [src for src in scripts if "/select2/i18n/" in src]
        if not any(src.split("?")[0].endswith(f"/select2/i18n/{language}.js") for src in messages):
            problems.append(f"Select2 pickers in English: no select2/i18n/{language}.js")
        for src in messages:
            english = set().union(*(latin_words(text) for text in script_strings(static_source(src))))
            if english - {"select2", "i18n", language}:
                problems.append(f"Select2 messages in English: {sorted(english)}")
    paths = [src.split("?")[0] for src in scripts]
    tabs = [i for i, path in enumerate(paths) if path.endswith("tabbed_translation_fields.js")]
    if tabs:
        names = [i for i, path in enumerate(paths) if path.endswith("js/admin-language-names.js")]
        if not names or names[0] > tabs[0]:
            problems.append("language tabs titled by the browser (Kyrgyz, Russian)")
        for name in ("Kyrgyz", "Russian"):
            if latin_words(str(catalogue.get(name, name))):
                problems.append(f"language tab titled {name!r}")
    for config in re.findall(r'data-config="([^"]*)"', html):
        preview = json.loads(html_lib.unescape(config)).get("image_previewText") or "Lorem ipsum"
        if latin_words(preview):
            problems.append(f"editor image dialog shows {preview[:30]!r}")
    return problems


def javascript_catalogue(client, language):
    page = client.get(f"/{language}/admin/jsi18n/").content.decode()
    found = re.search(r"const newcatalog = (\{.*?\});\n", page, re.S)
    return json.loads(found.group(1)) if found else {}


def problems_on(pages, language, username, catalogue=None):
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
        glossary = glossary_problems(text, GLOSSARY[language])
        problems += [f"{url}: write {term} ({line!r})" for _pattern, term, line in glossary]
        problems += [f"{url}: {problem}" for problem in script_problems(html, language, catalogue or {})]
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


def test_the_script_check_finds_english_the_scripts_would_show():
    autocomplete = '<select class="admin-autocomplete" data-ajax--url="/x/"></select>'
    select2 = '<script src="/static/admin/js/vendor/select2/i18n/{}.js"></script>'
    tabs = '<script src="/static/modeltranslation/js/tabbed_translation_fields.js"></script>'
    names = '<script src="/static/js/admin-language-names.js"></script>'
    editor = '<textarea data-config="{}"></textarea>'
    kyrgyz = {"Kyrgyz": "Кыргызча", "Russian": "Орусча"}
    good = autocomplete + select2.format("ky") + names + tabs
    good += editor.format(html_lib.escape(json.dumps({"image_previewText": "Беттин тексти"})))
    assert script_problems(good, "ky", kyrgyz) == []
    # No Kyrgyz Select2 file, English Select2 messages, tabs titled by the browser or in English,
    # CKEditor's «Lorem ipsum»: each is found.
    assert script_problems(autocomplete, "ky", kyrgyz)
    assert script_problems(autocomplete + select2.format("ky") + select2.format("en"), "ky", kyrgyz)
    assert script_problems(tabs + names, "ky", kyrgyz)
    assert script_problems(names + tabs, "ky", {})
    assert script_problems(editor.format(html_lib.escape(json.dumps({"language": "ky"}))), "ky", kyrgyz)
    source = '/* Kyrgyz */ f(() => `Дагы ${n} белги`, "Эч нерсе")'
    assert script_strings(source) == ["Дагы   белги", "Эч нерсе"]


def test_the_glossary_check_reads_the_admin_pages():
    kyrgyz = '<html lang="ky"><p>Бул баракты ачууга уруксатыңыз жок</p></html>'
    russian = '<html lang="ru"><p>Рубрика изменена. Выделите и и нажмите</p></html>'
    assert problems_on({"/ky/admin/x/": kyrgyz}, "ky", "admin")
    assert problems_on({"/ru/admin/x/": russian}, "ru", "admin")


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_every_admin_page_is_in_the_staff_members_language(client, admin_with_content, language):
    client.force_login(admin_with_content)
    pages = crawl(client, language)
    assert len(pages) > 60
    catalogue = javascript_catalogue(client, language)
    problems = problems_on(pages, language, admin_with_content.username, catalogue)
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


def untranslated_model_names(models, language):
    """The models whose name or plural name stays English (or untranslated) in `language`."""
    names = []
    with translation.override(language):
        for model in models:
            for name in (model._meta.verbose_name, model._meta.verbose_name_plural):
                if not re.search(r"[а-яёөүң]", str(name), re.I):
                    names.append(f"{model._meta.label}: {name}")
    return names


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_every_installed_model_has_a_translated_name(language):
    """Permissions («Издөө сөзү: кошо алат»), history and delete pages name every model, third-party too."""
    from django.apps import apps

    assert not untranslated_model_names(apps.get_models(include_auto_created=True), language)


def test_the_model_name_check_finds_an_english_name():
    class Meta:
        label = "search.Term"
        verbose_name = "term"
        verbose_name_plural = "terms"

    class Term:
        _meta = Meta

    assert untranslated_model_names([Term], "ky") == ["search.Term: term", "search.Term: terms"]


@pytest.mark.parametrize(
    ("language", "expected"),
    [("ky", "Аталышы (орусча) өзгөртүлдү."), ("ru", "Изменено Заголовок (на русском).")],
)
def test_history_saved_in_one_admin_language_reads_in_the_others(rf, admin_user, language, expected):
    """django-reversion keeps Django's record of the change, not the saver's rendering of it."""
    from reversion.models import Version

    from news.admin import ReportAdmin
    from news.models import Report
    from tests.news.factories import ReportFactory

    report = ReportFactory()
    model_admin = ReportAdmin(Report, admin.site)
    request = rf.post("/ru/admin/news/report/")
    request.user = admin_user
    with translation.override("ru"), reversion.create_revision():
        report.save()
        model_admin.log_change(request, report, [{"changed": {"fields": ["Title [ru]"]}}])
    revision = Version.objects.get_for_object(report).first().revision
    with translation.override(language):
        assert revision.get_comment() == expected
