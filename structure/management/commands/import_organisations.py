from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

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

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.") from error

        result = import_organisations(data, dry_run=options["dry_run"])
        if result.ignored_columns:
            self.stderr.write(
                self.style.WARNING("Ignored unknown columns: " + ", ".join(result.ignored_columns) + ".")
            )
        if result.errors:
            for line, message in result.errors:
                self.stderr.write(f"{path.name}, line {line}: {message}")
            lines = len({line for line, _message in result.errors})
            raise CommandError(f"{lines} line(s) have problems; nothing was imported.")
        if options["dry_run"]:
            self.stdout.write(
                self.style.SUCCESS(f"{len(result.rows)} rows are good; nothing was written (--dry-run).")
            )
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(result.rows)} rows: {result.created} created, {result.updated} updated, "
                f"{result.moved} moved, {result.unchanged} unchanged."
            )
        )
