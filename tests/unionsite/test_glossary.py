"""The Kyrgyz interface, the demo content and the default settings keep to docs/glossary.md."""

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
}
# The demo content and default records in Kyrgyz (the `_ky` values of these modules).
KYRGYZ_SOURCES = [
    *sorted(BASE_DIR.glob("*/demo.py")),
    BASE_DIR / "siteconfig" / "models.py",
    *sorted((BASE_DIR / "siteconfig" / "migrations").glob("0*.py")),
]
KY_VALUE = re.compile(r'"\w+_ky":\s*"([^"]*)"|\w+_ky="([^"]*)"')


def kyrgyz_catalogue_texts():
    po = polib.pofile(str(BASE_DIR / "locale" / "ky" / "LC_MESSAGES" / "django.po"))
    for entry in po:
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            if text:
                yield entry.msgid, text


def kyrgyz_demo_texts():
    for path in KYRGYZ_SOURCES:
        for match in KY_VALUE.finditer(path.read_text(encoding="utf-8")):
            yield path.relative_to(BASE_DIR), match.group(1) or match.group(2) or ""


@pytest.mark.parametrize("pattern", WRONG_IN_KYRGYZ)
def test_the_kyrgyz_catalogue_uses_the_glossary_terms(pattern):
    wrong = [(msgid, text) for msgid, text in kyrgyz_catalogue_texts() if re.search(pattern, text, re.I)]
    assert not wrong, f"write {WRONG_IN_KYRGYZ[pattern]!r} instead: {wrong[:5]}"


# Reports and answers are the staff's own prose, where «профсоюз» is ordinary Kyrgyz; the
# interface and the union's name keep to the glossary.
WRONG_IN_KYRGYZ_CONTENT = {
    pattern: term for pattern, term in WRONG_IN_KYRGYZ.items() if "профсоюз" not in pattern
}


@pytest.mark.parametrize("pattern", WRONG_IN_KYRGYZ_CONTENT)
def test_the_kyrgyz_demo_content_uses_the_glossary_terms(pattern):
    wrong = [(str(path), text) for path, text in kyrgyz_demo_texts() if re.search(pattern, text, re.I)]
    assert not wrong, f"write {WRONG_IN_KYRGYZ[pattern]!r} instead: {wrong[:5]}"


def test_the_demo_sources_are_read():
    assert sum(1 for _ in kyrgyz_demo_texts()) > 50
