from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from siteconfig import demo as siteconfig_demo
from unionsite import registry


class Command(BaseCommand):
    help = "Load demo content in Kyrgyz and Russian. Running it again changes nothing."

    def handle(self, *args, **options):
        with transaction.atomic():
            for load in registry.demo_loaders():
                load(self.stdout)
            # The site's settings and home page, whose featured items point at the content above.
            siteconfig_demo.load(self.stdout)
            call_command("rebuild_search_index", verbosity=0)  # demo loaders may write in bulk
        self.stdout.write(self.style.SUCCESS("Demo content is loaded."))
