from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from structure.importer import COLUMNS, import_organisations


class Command(BaseCommand):
    help = (
        "Import organisations from a CSV file (UTF-8, comma or semicolon separated). Every row is "
        "checked first; if any row is bad nothing is imported. Rows are matched by slug, so importing "
        "the same file again changes nothing. Columns: " + ", ".join(COLUMNS) + "."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to the CSV file.")
        parser.add_argument("--dry-run", action="store_true", help="Check the file and write nothing.")
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            default=settings.LANGUAGE_CODE,
            help="Language of the messages (default: %(default)s).",
        )

    def handle(self, *args, **options):
        with translation.override(options["language"]):
            self.import_file(Path(options["file"]), options["dry_run"])

    def import_file(self, path, dry_run):
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(
                _("Cannot read %(file)s: %(error)s.") % {"file": path, "error": error.strerror}
            ) from error

        result = import_organisations(data, dry_run=dry_run)
        if result.ignored_columns:
            self.stderr.write(
                self.style.WARNING(
                    _("Ignored unknown columns: %(columns)s.")
                    % {"columns": ", ".join(result.ignored_columns)}
                )
            )
        if result.errors:
            for line, message in result.errors:
                self.stderr.write(
                    _("%(file)s, line %(line)d: %(message)s")
                    % {"file": path.name, "line": line, "message": message}
                )
            lines = len({line for line, _message in result.errors})
            raise CommandError(
                ngettext(
                    "%(count)d line has problems; nothing was imported.",
                    "%(count)d lines have problems; nothing was imported.",
                    lines,
                )
                % {"count": lines}
            )
        if dry_run:
            self.stdout.write(
                self.style.SUCCESS(
                    _("%(rows)d rows are good; nothing was written (--dry-run).") % {"rows": len(result.rows)}
                )
            )
            return
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "%(rows)d rows: %(created)d created, %(updated)d updated, %(moved)d moved, "
                    "%(unchanged)d unchanged."
                )
                % {
                    "rows": len(result.rows),
                    "created": result.created,
                    "updated": result.updated,
                    "moved": result.moved,
                    "unchanged": result.unchanged,
                }
            )
        )
