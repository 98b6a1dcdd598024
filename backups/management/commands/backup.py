from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from backups.archive import BackupFailed, create_backup


class Command(BaseCommand):
    help = (
        "Write the database and the uploaded files, with a manifest of their checksums, "
        "to one dated .tar.gz archive."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output-dir", default="var/backups")

    def handle(self, *args, output_dir, **options):
        try:
            path, fully_migrated = create_backup(output_dir)
        except (BackupFailed, OSError) as error:
            raise CommandError(_("Backup failed: %(error)s") % {"error": error}) from None
        if not fully_migrated:
            self.stderr.write(
                _(
                    "Warning: the database has not applied exactly this code's migrations; only code with "
                    "the database's migrations can restore this archive."
                )
            )
        self.stdout.write(self.style.SUCCESS(_("Backup written to %(path)s") % {"path": path}))
