"""The Kyrgyz interface, the demo content and the default settings keep to docs/glossary.md.

The Kyrgyz catalogue, every string of the demo content (keyword values, dictionaries, tuples) and
the text of the public pages built from it are read; the Russian catalogue and pages are held to
the few Russian slips a reader found. The admin pages are read by the crawl in
tests/unionsite/test_kyrgyz_admin.py, with `glossary_problems` below.
"""

import ast
import re
from pathlib import Path

import polib
import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
# Wrong forms that have crept in before, with the term docs/glossary.md prescribes instead.
WRONG_IN_KYRGYZ = {
    r"\bбилим\s+жана\s+илим\s+кызматкер": "билим берүү жана илим кызматкерлеринин",
    r"\bпрофсоюз": "кесиптик бирлик",
    r"\bотчёт": "кабар",
    r"\bобласттык": "облустук",
    r"(?<!көзү )\bначар\s+көргөндөр": "көзү начар көргөндөр",
    r"“|”": "«…»",
    r"№\s*№": "one sign №",
    r"\bсыр\s+сөз": "сырсөз",
    r"\bкичүү\b": "кичине",
    r"\bбаш\s+аты\b": "аталыш (2-деңгээлдеги аталыш)",
    r"\bбарак(?!ча)|\bбарагы": "бет (a web page)",
    r"\bшилтейт": "шилтеме берет",
    r"\bстатус": "абал",
    r"\bэсеп(ти)?\b": "аккаунт",
    r"^Түзүмү$": "Түзүм",
    r"(%\((youth|\w*count\w*)\)[sd]|\d)\s+жаш\b": "жаштар: N",
    # After a number a Kyrgyz noun stays singular: «300 уюм», not «300 уюмдар».
    r"(%\(\w+\)[sd]|\b\d+)\s+[а-яөүң]+(лар|лер|дар|дер|тар|тер|лор|лөр|дор|дөр|тор|төр)\b": (
        "singular after a number"
    ),
    r"%\(\w*count\w*\)[sd]\s+%\(\w+\)s": "«…: %(count)s» (a plural name after a number)",
}
# A sheet of paper is «барак» (the printed FAQ sheet), a sick-leave certificate «баракча».
ALLOWED_IN_KYRGYZ = {
    r"\bбарак(?!ча)|\bбарагы": [r"\bA4\b", r"Такта үчүн барак"],
}
# Slips a Russian reader found: a doubled word, a typo, "г." followed by a sentence's full stop,
# a past tense that agrees with no gender of the model's name.
WRONG_IN_RUSSIAN = {
    r"\b([а-яёa-z]+) \1\b": "a doubled word",
    r"отфитр": "отфильтровать",
    r"г\.\.": "one full stop after «г.»",
    r"(\{name\}|%\(name\)s)[^.]*\bбыл\b": "«Изменения сохранены: {name} «…»»",
}
# The demo content and default records (every string of these modules).
KYRGYZ_SOURCES = [
    *sorted(BASE_DIR.glob("*/demo.py")),
    BASE_DIR / "siteconfig" / "models.py",
    *sorted((BASE_DIR / "siteconfig" / "migrations").glob("0*.py")),
]
KYRGYZ_LETTERS = re.compile(r"[өүңӨҮҢ]")
CYRILLIC = re.compile(r"[а-яё]", re.I)


def catalogue_texts(language):
    po = polib.pofile(str(BASE_DIR / "locale" / language / "LC_MESSAGES" / "django.po"))
    for entry in po:
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            if text:
                yield entry.msgid, text


def kyrgyz_catalogue_texts():
    yield from catalogue_texts("ky")


def _language_of_name(name):
    if name in ("ky", "ru"):
        return name
    if isinstance(name, str) and name.endswith(("_ky", "_ru")):
        return name[-2:]
    return None


def _has_text(node):
    strings = [inner.value for inner in ast.walk(node) if isinstance(inner, ast.Constant)]
    return any(isinstance(value, str) and CYRILLIC.search(value) for value in strings)


def _texts(node, language):
    """(language or None, text) of every string under `node`; adjacent literals are one string."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield language, node.value
        return
    if isinstance(node, ast.JoinedStr):
        yield language, "".join(part.value for part in node.values if isinstance(part, ast.Constant))
        return
    if isinstance(node, ast.Dict):
        for key, value in zip(node.keys, node.values, strict=True):
            key_name = key.value if isinstance(key, ast.Constant) else None
            if key is not None:
                yield from _texts(key, language)
            yield from _texts(value, _language_of_name(key_name) or language)
        return
    if isinstance(node, ast.Call):
        for keyword in node.keywords:
            yield from _texts(keyword.value, _language_of_name(keyword.arg) or language)
        children = node.args
    elif isinstance(node, (ast.Tuple, ast.List)):
        children = node.elts
    else:
        for child in ast.iter_child_nodes(node):
            yield from _texts(child, language)
        return
    # A pair of texts side by side, («Келишим», «Соглашение»), is Kyrgyz then Russian.
    texts = [child for child in children if _has_text(child)]
    if any(isinstance(child, (ast.Dict, ast.List, ast.Tuple)) for child in texts):
        texts = []  # records, not a pair of texts
    for child in children:
        inner = language
        if language is None and len(texts) == 2 and child in texts:
            inner = "ky" if child is texts[0] else "ru"
        yield from _texts(child, inner)


def demo_texts(source):
    """(language, text) of every Cyrillic string of a module: a `_ky`/`_ru` key or keyword, or the place in
    a (Kyrgyz, Russian) pair says the language; a text that says neither is Kyrgyz when it has a
    letter only Kyrgyz writes (ө, ү, ң)."""
    for language, text in _texts(ast.parse(source), None):
        if not CYRILLIC.search(text):
            continue  # slugs, keys, file names
        if language is None and KYRGYZ_LETTERS.search(text):
            language = "ky"
        yield language, text


def kyrgyz_demo_texts():
    for path in KYRGYZ_SOURCES:
        for language, text in demo_texts(path.read_text(encoding="utf-8")):
            if language == "ky":
                yield path.relative_to(BASE_DIR), text


def glossary_problems(text, patterns, allowed=None):
    """The glossary's wrong forms in `text`, as (pattern, what to write instead)."""
    problems = []
    for pattern, term in patterns.items():
        for line in text.splitlines() or [text]:
            if re.search(pattern, line, re.I | re.M) and not any(
                re.search(exception, line) for exception in (allowed or ALLOWED_IN_KYRGYZ).get(pattern, [])
            ):
                problems.append((pattern, term, line.strip()[:120]))
                break
    return problems


@pytest.mark.parametrize("pattern", WRONG_IN_KYRGYZ)
def test_the_kyrgyz_catalogue_uses_the_glossary_terms(pattern):
    wrong = [(msgid, text) for msgid, text in kyrgyz_catalogue_texts()
             if glossary_problems(text, {pattern: WRONG_IN_KYRGYZ[pattern]})]  # fmt: skip
    assert not wrong, f"write {WRONG_IN_KYRGYZ[pattern]!r} instead: {wrong[:5]}"


@pytest.mark.parametrize("pattern", WRONG_IN_RUSSIAN)
def test_the_russian_catalogue_has_none_of_the_slips_found(pattern):
    wrong = [(msgid, text) for msgid, text in catalogue_texts("ru") if re.search(pattern, text)]
    assert not wrong, f"write {WRONG_IN_RUSSIAN[pattern]!r} instead: {wrong[:5]}"


# Reports and answers are the staff's own prose, where «профсоюз» is ordinary Kyrgyz and laws
# carry their own names («Мугалимдин статусу жөнүндө»); the interface keeps to these too.
INTERFACE_ONLY = {r"\bпрофсоюз", r"\bстатус", r"\bэсеп(ти)?\b", r"^Түзүмү$"}
WRONG_IN_KYRGYZ_CONTENT = {
    pattern: term
    for pattern, term in WRONG_IN_KYRGYZ.items()
    if pattern not in INTERFACE_ONLY and "number" not in term
}


# Pages show content written in one language only in the other language too (a Russian-only
# document «Отчёт о работе…» on the Kyrgyz list), so «отчёт» is left to the tests above.
WRONG_ON_KYRGYZ_PAGES = {
    pattern: term for pattern, term in WRONG_IN_KYRGYZ_CONTENT.items() if "отчёт" not in pattern
}


@pytest.mark.parametrize("pattern", WRONG_IN_KYRGYZ_CONTENT)
def test_the_kyrgyz_demo_content_uses_the_glossary_terms(pattern):
    wrong = [(str(path), text) for path, text in kyrgyz_demo_texts()
             if glossary_problems(text, {pattern: WRONG_IN_KYRGYZ[pattern]})]  # fmt: skip
    assert not wrong, f"write {WRONG_IN_KYRGYZ[pattern]!r} instead: {wrong[:5]}"


def test_the_demo_names_of_topics_and_types_use_the_union_word():
    """Names (topics, document types) are interface, not prose: «кесиптик бирлик» there too."""
    source = (BASE_DIR / "faq" / "demo.py").read_text(encoding="utf-8")
    names = [text for language, text in demo_texts(source) if language == "ky" and len(text) < 60]
    assert not [name for name in names if re.search(r"\bпрофсоюз", name, re.I) and "?" not in name]


def test_the_demo_sources_are_read():
    texts = list(kyrgyz_demo_texts())
    assert len(texts) > 250
    # Pairs in tuples and texts in nested dictionaries are read, not only `*_ky=` values.
    assert any(text == "Келишим" for _path, text in texts)
    assert any("Өзгөндө туруктуу комиссиялардын" in text for _path, text in texts)


def test_the_demo_reader_finds_a_wrong_term_wherever_it_is_written():
    planted = """
TYPES = [("report", "Областтык отчёт", "Областной отчёт", 60)]
REPORTS = [{"title": ("Областтык семинар", "Областной семинар"), "ky": ("slug", "Биздин профсоюз отчёту")}]
Topic(name_ky="Өзгөн: отчёт", name_ru="Узген: отчёт")
"""
    kyrgyz = [text for language, text in demo_texts(planted) if language == "ky"]
    assert kyrgyz == ["Областтык отчёт", "Областтык семинар", "Биздин профсоюз отчёту", "Өзгөн: отчёт"]
    assert all(glossary_problems(text, WRONG_IN_KYRGYZ_CONTENT) for text in kyrgyz)
    russian = [text for language, text in demo_texts(planted) if language == "ru"]
    assert russian == ["Областной отчёт", "Областной семинар", "Узген: отчёт"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("312 мүчө, алардын ичинен 84 жаш", "ky"),
        ("Бул баракты ачууга укугуңуз жок", "ky"),
        ("Тандалды: 300 уюмдар", "ky"),
        ("Сураныч, сыр сөзүн жазыңыз; кичүү тамга", "ky"),
        ("Түзүмү", "ky"),
        ("Рубрика “Мероприятия“ был изменен успешно", "ru"),
        ("Выделите и и нажмите", "ru"),
        ("истёк 1 апреля 2025 г..", "ru"),
    ],
)
def test_the_checks_find_a_planted_slip(text, language):
    patterns = WRONG_IN_KYRGYZ if language == "ky" else WRONG_IN_RUSSIAN
    if language == "ru":
        text = text.replace("Рубрика", "{name}")
    assert glossary_problems(text, patterns), text


def test_a_sheet_of_paper_may_be_a_barak():
    assert not glossary_problems("Бул баракты A4 кагазга басып чыгарыңыз.", WRONG_IN_KYRGYZ)


@pytest.mark.django_db
def test_the_public_pages_keep_to_the_glossary(client, settings, tmp_path):
    import io

    from django.core.management import call_command

    from tests.browser.site_pages import public_pages
    from tests.unionsite.test_kyrgyz_admin import visible_text

    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", stdout=io.StringIO())
    problems = []
    for language, patterns in [("ky", WRONG_ON_KYRGYZ_PAGES), ("ru", WRONG_IN_RUSSIAN)]:
        for name, url in public_pages(language):
            response = client.get(url)
            assert response.status_code in (200, 404), url  # the list holds the "not found" page
            text = visible_text(response.content.decode())
            problems += [(name, url, *problem) for problem in glossary_problems(text, patterns)]
    assert not problems, problems[:10]


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "Опубликовано 1 мероприятие."),
        (2, "Опубликовано 2 мероприятия."),
        (5, "Опубликовано 5 мероприятий."),
        (22, "Опубликовано 22 мероприятия."),
    ],
)
def test_russian_counts_agree_with_the_number(count, expected):
    from django.utils import translation
    from django.utils.translation import ngettext

    with translation.override("ru"):
        text = ngettext("%(count)d event published.", "%(count)d events published.", count)
    assert text % {"count": count} == expected


def test_a_report_has_one_russian_name_on_the_home_page_and_in_search():
    from django.utils import translation
    from django.utils.text import capfirst

    from news.models import Report
    from news.search import section

    with translation.override("ru"):
        assert str(section.result_label) == capfirst(Report._meta.verbose_name) == "Отчёт"
