import time

from django.core.management.base import BaseCommand

from search import index


class Command(BaseCommand):
    help = (
        "Index every item of every search section afresh, with the vocabulary for spelling suggestions. "
        "Needed after writes that send no signal (bulk_create, update(), raw SQL); saving in the admin "
        "keeps the index current by itself."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        index.rebuild(self.stdout if options["verbosity"] > 1 else None)
        if options["verbosity"]:
            self.stdout.write(f"Search index rebuilt in {time.monotonic() - started:.1f} s.")
