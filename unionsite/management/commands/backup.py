from django.core.management.base import BaseCommand

from unionsite.backup import create_backup


class Command(BaseCommand):
    help = "Write the database and the uploaded files to one dated .tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument("--output-dir", default="var/backups")

    def handle(self, *args, output_dir, **options):
        path = create_backup(output_dir)
        self.stdout.write(self.style.SUCCESS(f"Backup written to {path}"))
