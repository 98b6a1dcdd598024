import sys
from contextlib import suppress
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from backups.archive import RestoreRefused, restore_backup
from unionsite.pagecache import bump_generation


class Command(BaseCommand):
    help = (
        "Replace the database and the uploaded files with those of a backup archive, after checking "
        "that the archive is whole and belongs to this site; a refused archive changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, archive, yes, **options):
        if not Path(archive).is_file():
            raise CommandError(_("No such backup file: %(path)s") % {"path": archive})
        if not yes:
            if not sys.stdin.isatty():
                raise CommandError(
                    _("Restore refused: there is no terminal to confirm it. Add --yes to restore anyway.")
                )
            answer = input(_("This replaces the current database and media files. Type 'yes' to go on: "))
            if answer.strip().lower() != "yes":
                raise CommandError(_("Restore cancelled."))
        try:
            restore_backup(archive)
        except RestoreRefused as error:
            raise CommandError(
                _("Restore refused, nothing was changed: %(reason)s") % {"reason": error}
            ) from None
        # Pages cached from the old content must go; a cache that is down holds none.
        with suppress(Exception):
            bump_generation()
        self.stdout.write(self.style.SUCCESS(_("Restored from %(path)s") % {"path": archive}))
