from django.core.management.base import BaseCommand

from news.models import Report, ReportPhoto
from news.renditions import COVER_ALIASES, PHOTO_ALIASES, make_renditions


class Command(BaseCommand):
    help = (
        "Make the resized copies of every report cover and gallery photo again and store their names "
        "and sizes. Run it after restoring media files or changing THUMBNAIL_ALIASES."
    )

    def handle(self, *args, **options):
        covers = photos = 0
        for report in Report.objects.exclude(cover="").only("pk", "cover").iterator():
            Report.objects.filter(pk=report.pk).update(
                cover_renditions=make_renditions(report.cover, COVER_ALIASES)
            )
            covers += 1
        for photo in ReportPhoto.objects.only("pk", "image").iterator():
            ReportPhoto.objects.filter(pk=photo.pk).update(
                renditions=make_renditions(photo.image, PHOTO_ALIASES)
            )
            photos += 1
        self.stdout.write(f"Renditions refreshed: {covers} covers, {photos} photos.")
