from django.core.management.base import BaseCommand
from django.db import transaction

from unionsite import registry


class Command(BaseCommand):
    help = "Load demo content in Kyrgyz and Russian. Running it again changes nothing."

    def handle(self, *args, **options):
        with transaction.atomic():
            for load in registry.demo_loaders():
                load(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is loaded."))
