from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

# Each app provides `<app>/demo.py` with `load(stdout)`. Order matters:
# reports and documents point at organisations, FAQ answers point at documents.
DEMO_MODULES = ["structure.demo", "documents.demo", "news.demo", "faq.demo"]


class Command(BaseCommand):
    help = "Load demo content in Kyrgyz and Russian. Running it again changes nothing."

    def handle(self, *args, **options):
        with transaction.atomic():
            for name in DEMO_MODULES:
                import_module(name).load(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is loaded."))
