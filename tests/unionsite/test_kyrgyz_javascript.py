"""The admin's JavaScript widgets and the rich-text editor in Kyrgyz (and Russian)."""

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.contrib.staticfiles import finders

BASE_DIR = Path(__file__).resolve().parents[2]
LANGUAGES = ["ky", "ru"]

pytestmark = pytest.mark.django_db


def catalogue(language, root=BASE_DIR):
    return polib.pofile(str(root / "locale" / language / "LC_MESSAGES" / "djangojs.po"))


def served_catalogue(client, language):
    response = client.get(f"/{language}/admin/jsi18n/")
    assert response.status_code == 200
    found = re.search(r"const newcatalog = (\{.*?\});\n", response.content.decode(), re.S)
    return json.loads(found.group(1))


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "ky",
            ["%s: баарын тандоо", "%(cnt)s ичинен %(sel)s тандалды", "Күндү тандаңыз", "Түн ортосу", "Дш"],
        ),
        ("ru", ["Выбрать все %s", "Выбрано %(sel)s из %(cnt)s", "Выберите дату", "Полночь", "Пн"]),
    ],
)
def test_admin_javascript_catalogue_is_in_the_staff_members_language(admin_client, language, expected):
    catalogue = served_catalogue(admin_client, language)
    values = [value for value in catalogue.values() if isinstance(value, str)]
    values += [form for value in catalogue.values() if isinstance(value, list) for form in value]
    for text in expected:
        assert text in values
    untranslated = [key for key, value in catalogue.items() if value == key and re.search(r"[a-z]{3}", key)]
    assert not untranslated
    assert not [value for value in values if "нерседен" in value or latin_only_sentence(value)]


def latin_only_sentence(value):
    return bool(re.search(r"[A-Za-z]{4,} [A-Za-z]{3,}", value)) and not re.search(r"[а-яёөүң]", value, re.I)


@pytest.mark.parametrize("language", LANGUAGES)
def test_javascript_catalogue_is_complete_and_compiled(language):
    po = catalogue(language)
    assert len(po) > 60
    assert not po.untranslated_entries() and not po.fuzzy_entries()
    mo = polib.mofile(str(BASE_DIR / "locale" / language / "LC_MESSAGES" / "djangojs.mo"))
    compiled = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in mo if not entry.msgid_plural}
    for entry in po:
        if not entry.msgid_plural:
            assert compiled[(entry.msgctxt, entry.msgid)] == entry.msgstr, entry.msgid


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext's xgettext is not installed")
def test_javascript_catalogue_holds_every_string_of_the_admin_scripts(tmp_path):
    """unionsite/admin_strings.js lists every msgid of Django's admin scripts, and the .po is current."""
    django_admin = Path(sys.modules["django"].__file__).parent / "contrib" / "admin" / "locale" / "en"
    english = polib.pofile(str(django_admin / "LC_MESSAGES" / "djangojs.po"))
    ours = {(entry.msgctxt, entry.msgid) for entry in catalogue("ky")}
    missing = [entry.msgid for entry in english if (entry.msgctxt, entry.msgid) not in ours]
    assert not missing, f"add to unionsite/admin_strings.js: {missing}"

    # Caches other processes write while this copies (a parallel worker, ruff) are left out.
    ignored = shutil.ignore_patterns(
        ".venv", "var", "node_modules", ".git", "artifacts", "__pycache__", ".*_cache", ".hypothesis"
    )
    copy = tmp_path / "site"
    shutil.copytree(BASE_DIR, copy, ignore=ignored)
    ignore = ["--ignore", "static/vendor/*", "--ignore", "static/ckeditor/*"]
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-d",
            "djangojs",
            "-l",
            "ky",
            "-l",
            "ru",
            "-v0",
            *ignore,
        ],
        cwd=copy,
        env={"DJANGO_DEBUG": "1", "PATH": "/usr/bin:/bin"},
        check=True,
    )
    for language in LANGUAGES:
        extracted = {(entry.msgctxt, entry.msgid) for entry in catalogue(language, copy)}
        known = {(entry.msgctxt, entry.msgid) for entry in catalogue(language)}
        assert extracted == known, f"djangojs.po of {language} is not current (run make messages)"


def ckeditor_language(code):
    path = finders.find(f"ckeditor/ckeditor/lang/{code}.js")
    text = Path(path).read_text(encoding="utf-8-sig")
    return path, json.loads(re.search(r"CKEDITOR\.lang\['\w+'\]=(\{.*\});", text, re.S).group(1))


def test_ckeditor_has_our_kyrgyz_language_and_loads_it():
    path, kyrgyz = ckeditor_language("ky")
    assert str(BASE_DIR / "static") in path
    assert kyrgyz["basicstyles"]["bold"] == "Калың"
    assert kyrgyz["format"]["tag_h2"] == "2-деңгээлдеги аталыш"
    assert kyrgyz["link"]["toolbar"] == "Шилтеме"
    assert kyrgyz["table"]["toolbar"] == "Таблица"
    config = Path(finders.find("ckeditor/ckeditor/config.js")).read_text()
    assert str(BASE_DIR / "static") in finders.find("ckeditor/ckeditor/config.js")
    assert "CKEDITOR.lang.languages.ky = 1" in config


def latin_only(value):
    return bool(re.search(r"[A-Za-z]{3,}", value)) and not re.search(r"[а-яёөүң]", value, re.I)


# Keys, protocols and file types keep their Latin names; the rest is words.
LATIN_ALLOWED = {"Backspace", "Shift", "Ctrl", "Alt", "End", "Home", "Delete", "Enter", "Command", "iFrame"}
# The plugins the configured toolbar, its dialogs and its messages use (CKEDITOR_CONFIGS).
USED = [
    "application", "editor", "editorPanel", "common", "basicstyles", "blockquote", "toolbar", "clipboard",
    "contextmenu", "elementspath", "format", "horizontalrule", "image", "link", "list", "liststyle",
    "magicline", "removeformat", "sourcearea", "table", "undo", "widget", "uploadwidget", "filetools",
    "notification", "pastetext", "pastefromword", "maximize", "indent",
]  # fmt: skip


def strings(value, path=""):
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from strings(inner, f"{path}.{key}")
    else:
        yield path, value


@pytest.mark.parametrize("code", LANGUAGES)
def test_ckeditor_toolbar_and_dialogs_have_no_english(code):
    _path, language = ckeditor_language(code)
    russian = ckeditor_language("ru")[1]
    english = [
        (path, value)
        for section in USED
        for path, value in strings(language[section], section)
        if isinstance(value, str) and latin_only(value) and value not in LATIN_ALLOWED and "%" not in value
    ]
    assert not english
    if code == "ky":
        # Most words differ from the Russian file it was made from (some, «Цитата», «Курсив», are the same).
        pairs = [(value, dict(strings(russian[section], section)).get(path)) for section in USED
                 for path, value in strings(language[section], section)
                 if re.search(r"[а-яё]{4,}", str(value), re.I)]  # fmt: skip
        changed = sum(1 for value, original in pairs if value != original)
        assert changed / len(pairs) > 0.9


@pytest.mark.parametrize(
    ("language", "sample"),
    [("ky", "Беттин тексти сүрөттүн жанында"), ("ru", "Так текст страницы расположится")],
)
def test_the_image_dialog_previews_a_text_in_the_editors_language(admin_client, language, sample):
    """CKEditor's image dialog wraps "Lorem ipsum…" around the picture unless told otherwise."""
    import html

    page = admin_client.get(f"/{language}/admin/news/report/add/").content.decode()
    configs = [json.loads(html.unescape(config)) for config in re.findall(r'data-config="([^"]*)"', page)]
    assert configs
    for config in configs:
        assert config["image_previewText"].startswith(sample)


@pytest.mark.parametrize(
    ("language", "tooltip"), [("ky", ["Кыргызча", "Орусча"]), ("ru", ["Кыргызский", "Русский"])]
)
def test_the_language_tabs_are_named_in_the_admin_language(admin_client, language, tooltip):
    """The tabs' titles come from static/js/admin-language-names.js, loaded before modeltranslation's."""
    page = admin_client.get(f"/{language}/admin/news/report/add/").content.decode()
    names, tabs = page.find("js/admin-language-names.js"), page.find("tabbed_translation_fields.js")
    assert -1 < names < tabs
    catalogue = served_catalogue(admin_client, language)
    assert [catalogue["Kyrgyz"], catalogue["Russian"]] == tooltip


def test_the_kyrgyz_admin_loads_select2_in_kyrgyz():
    from django.contrib.admin.widgets import AutocompleteSelect
    from django.utils import translation

    from news.models import Report

    field = Report._meta.get_field("category")
    with translation.override("ky"):
        widget = AutocompleteSelect(field, admin_site=None)
        assert "admin/js/vendor/select2/i18n/ky.js" in str(widget.media)
    select2 = Path(finders.find("admin/js/vendor/select2/i18n/ky.js")).read_text(encoding="utf-8")
    assert 'define("select2/i18n/ky"' in select2
    assert "Эч нерсе табылган жок" in select2 and "Баарын алып салуу" in select2
