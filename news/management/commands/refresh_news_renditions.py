import time

from django.apps import apps
from django.core.management.base import BaseCommand

from news.models import ReportPhoto
from unionsite.media import SlugAndCoverMixin
from unionsite.pagecache import bump_generation
from unionsite.renditions import COVER_ALIASES, PHOTO_ALIASES, make_renditions


class Command(BaseCommand):
    help = (
        "Make the resized copies of every report and event cover and gallery photo again (JPEG or "
        "PNG, and WebP and AVIF as far as Pillow makes them), reusing the files still on disk, and "
        "store their names and sizes. Run it after restoring media files, changing "
        "THUMBNAIL_ALIASES or installing a Pillow with a new format."
    )

    def handle(self, *args, **options):
        started = time.perf_counter()
        covers = photos = 0
        # Reports' and events' covers: every model with the covers of SlugAndCoverMixin, found
        # here because news may not import the events app.
        for model in apps.get_models():
            if not issubclass(model, SlugAndCoverMixin):
                continue
            for item in model._default_manager.exclude(cover="").only("pk", "cover").iterator():
                model._default_manager.filter(pk=item.pk).update(
                    cover_renditions=make_renditions(item.cover, COVER_ALIASES)
                )
                covers += 1
        for photo in ReportPhoto.objects.only("pk", "image").iterator():
            ReportPhoto.objects.filter(pk=photo.pk).update(
                renditions=make_renditions(photo.image, PHOTO_ALIASES)
            )
            photos += 1
        # update() sends no signal: the cached pages and cards would keep the old image markup.
        bump_generation()
        self.stdout.write(
            f"Renditions refreshed: {covers} covers, {photos} photos "
            f"in {time.perf_counter() - started:.1f} s."
        )
