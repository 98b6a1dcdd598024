from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Compile locale/*/LC_MESSAGES/*.po into .mo files with polib, so that no GNU gettext "
        "is needed. Refuses to compile a catalogue with untranslated or fuzzy entries."
    )

    def add_arguments(self, parser):
        parser.add_argument("--allow-untranslated", action="store_true")

    def handle(self, *args, allow_untranslated=False, **options):
        import polib  # a development requirement: the compiled .mo files are committed

        problems = []
        for locale_dir in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po")):
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
