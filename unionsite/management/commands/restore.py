from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from unionsite.backup import restore_backup


class Command(BaseCommand):
    help = "Replace the database and the uploaded files with those of a backup archive."

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, archive, yes, **options):
        if not Path(archive).is_file():
            raise CommandError(f"No such backup file: {archive}")
        if not yes:
            answer = input("This replaces the current database and media files. Type 'yes' to go on: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")
        restore_backup(archive)
        self.stdout.write(self.style.SUCCESS(f"Restored from {archive}"))
