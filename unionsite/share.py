"""Branded share images (og:image): one per section and language under static/img/share/.

devtools' `make_share_images` command draws them; they are committed, so nothing is drawn at
runtime. A page without its own picture (a report's cover photo) shows its section's image.
"""

import functools

from django.conf import settings
from django.contrib.staticfiles import finders
from django.utils.translation import get_language

GENERIC_SECTION = "site"


def share_image_name(section, language):
    return f"img/share/{section}-{language}.png"


@functools.lru_cache(maxsize=64)
def _exists(name):
    return finders.find(name) is not None


def share_image_path(section=None, language=None):
    """The static path of `section`'s share image in `language`, else the generic one."""
    language = language or get_language() or settings.LANGUAGE_CODE
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    for name in (
        share_image_name(section or GENERIC_SECTION, language),
        share_image_name(GENERIC_SECTION, language),
    ):
        if _exists(name):
            return name
    return "img/og-default.png"
