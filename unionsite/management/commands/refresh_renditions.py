import time

from django.apps import apps
from django.core.management.base import BaseCommand

from unionsite.pagecache import bump_generation
from unionsite.renditions import make_renditions


def rendered_models():
    """Every installed model that declares its pictures in `rendered_images` (unionsite/media.py):
    reports', events' and pages' covers, report photos."""
    return [model for model in apps.get_models() if getattr(model, "rendered_images", None)]


class Command(BaseCommand):
    help = (
        "Make the resized copies of every picture with renditions again (covers of reports, events "
        "and pages, gallery photos: JPEG or PNG, and WebP and AVIF as far as Pillow makes them), "
        "reusing the files still on disk, and store their names and sizes. Run it after restoring "
        "media files, changing THUMBNAIL_ALIASES or installing a Pillow with a new format."
    )

    def handle(self, *args, **options):
        started = time.perf_counter()
        counts = {}
        for model in rendered_models():
            manager = model._default_manager
            for field, json_field, aliases in model.rendered_images:
                done = 0
                for item in manager.exclude(**{field: ""}).only("pk", field).iterator():
                    manager.filter(pk=item.pk).update(
                        **{json_field: make_renditions(getattr(item, field), aliases)}
                    )
                    done += 1
                counts[f"{model._meta.label} {field}"] = done
        # update() sends no signal: the cached pages and cards would keep the old image markup.
        bump_generation()
        detail = ", ".join(f"{name}: {count}" for name, count in counts.items())
        self.stdout.write(
            f"Renditions refreshed: {sum(counts.values())} pictures ({detail}) "
            f"in {time.perf_counter() - started:.1f} s."
        )
