"""The courses' interface strings live in the app's own catalogues, translated and compiled."""

from pathlib import Path

import polib
import pytest

from unionsite.management.commands.compile_translations import locale_folders

LOCALE = Path(__file__).resolve().parent / "locale"


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_every_string_is_translated_and_compiled(language):
    po = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    assert not po.untranslated_entries() and not po.fuzzy_entries()
    compiled = {(entry.msgctxt, entry.msgid): entry for entry in polib.mofile(str(po.fpath)[:-2] + "mo")}
    stale = [
        entry.msgid
        for entry in po.translated_entries()
        if (entry.msgctxt, entry.msgid) not in compiled
        or compiled[(entry.msgctxt, entry.msgid)].msgstr != entry.msgstr
        or compiled[(entry.msgctxt, entry.msgid)].msgstr_plural != entry.msgstr_plural
    ]
    assert not stale, f"run manage.py compile_translations: {stale[:5]}"


def test_compile_translations_compiles_the_apps_own_catalogues():
    assert LOCALE in locale_folders()
