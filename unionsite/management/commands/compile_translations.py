import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

# Folders of the project tree that hold no catalogue of ours (`make messages` ignores them too).
SKIPPED_FOLDERS = {"var", "node_modules"}


def locale_folders():
    """LOCALE_PATHS, then every other `locale` folder in the project (an app's own catalogues,
    which Django finds in an installed app's `locale/`), as makemessages and compilemessages do."""
    folders = [Path(folder).resolve() for folder in settings.LOCALE_PATHS]
    for root, dirs, _files in os.walk(settings.BASE_DIR):
        dirs[:] = sorted(name for name in dirs if not name.startswith(".") and name not in SKIPPED_FOLDERS)
        if "locale" in dirs:
            dirs.remove("locale")
            folder = (Path(root) / "locale").resolve()
            if folder not in folders:
                folders.append(folder)
    return folders


class Command(BaseCommand):
    help = (
        "Compile the project's locale/*/LC_MESSAGES/*.po (LOCALE_PATHS and apps' own locale/ "
        "folders) into .mo files with polib, so that no GNU gettext is needed. Refuses to compile "
        "a catalogue with untranslated or fuzzy entries."
    )

    def add_arguments(self, parser):
        parser.add_argument("--allow-untranslated", action="store_true")

    def handle(self, *args, allow_untranslated=False, **options):
        import polib  # a development requirement: the compiled .mo files are committed

        problems = []
        for locale_dir in locale_folders():
            for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
                catalogue = polib.pofile(str(po_path))
                missing = [e.msgid for e in catalogue.untranslated_entries()]
                missing += [e.msgid for e in catalogue.fuzzy_entries()]
                if missing and not allow_untranslated:
                    problems.append(f"{po_path}: {len(missing)} untranslated or fuzzy, e.g. {missing[0]!r}")
                    continue
                catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
                self.stdout.write(f"compiled {po_path}")
        if problems:
            raise CommandError("\n".join(problems))
