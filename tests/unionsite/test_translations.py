"""Every interface string is translated in both languages, and the committed catalogues are current."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
LANGUAGES = ["ky", "ru"]


def catalogue(language, root=BASE_DIR):
    return polib.pofile(str(root / "locale" / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_in_the_catalogue_is_translated(language):
    po = catalogue(language)
    missing = [entry.msgid for entry in po.untranslated_entries() + po.fuzzy_entries()]
    assert not missing, f"untranslated in {language}: {missing[:10]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_the_source(language):
    po = catalogue(language)
    mo = polib.mofile(str(BASE_DIR / "locale" / language / "LC_MESSAGES" / "django.mo"))
    compiled = {(entry.msgctxt, entry.msgid): entry for entry in mo}
    stale = [
        entry.msgid
        for entry in po.translated_entries()
        if (entry.msgctxt, entry.msgid) not in compiled
        or (not entry.msgid_plural and compiled[(entry.msgctxt, entry.msgid)].msgstr != entry.msgstr)
    ]
    assert not stale, f"{language}: .mo is older than .po, run compile_translations: {stale[:10]}"


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext's xgettext is not installed")
def test_no_interface_string_is_missing_from_the_catalogues(tmp_path):
    # Caches other processes write while this copies (a parallel worker, ruff) are left out.
    ignored = shutil.ignore_patterns(
        ".venv", "var", "node_modules", ".git", "artifacts", "__pycache__", ".*_cache", ".hypothesis"
    )
    copy = tmp_path / "site"
    shutil.copytree(BASE_DIR, copy, ignore=ignored)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "ky", "-l", "ru", "--no-obsolete", "-v0"],
        cwd=copy,
        env={"DJANGO_DEBUG": "1", "PATH": "/usr/bin:/bin"},
        check=True,
    )
    for language in LANGUAGES:
        known = {(entry.msgctxt, entry.msgid) for entry in catalogue(language)}
        extracted = {(entry.msgctxt, entry.msgid) for entry in catalogue(language, copy)}
        new = sorted(msgid for _context, msgid in extracted - known)
        assert not new, f"strings not yet in locale/{language}: {new[:10]} (run make messages)"
