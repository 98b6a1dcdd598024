from django.conf import settings
from django.core.management.base import BaseCommand

from inbox.services import purge_expired


class Command(BaseCommand):
    help = (
        "Delete the submissions of the join and write-to-us forms older than INBOX_RETENTION_DAYS "
        "(personal data is not kept longer). deploy/systemd/unionsite-purge.timer runs it daily; "
        "the admin desk runs it too when a day has passed without it."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say how many would be deleted; delete none."
        )

    def handle(self, *args, dry_run=False, **options):
        count = purge_expired(dry_run=dry_run)
        days = settings.INBOX_RETENTION_DAYS
        if dry_run:
            self.stdout.write(f"{count} submission(s) older than {days} days would be deleted (dry run).")
        else:
            self.stdout.write(f"{count} submission(s) older than {days} days deleted.")
