"""The reader's display mode (the version for the visually impaired), read from one cookie.

The page cache keeps one entry per variant this module returns, so it must stay a short list.
"""

from django.conf import settings


def page_variant(request):
    """The page-cache variant of the request's display mode."""
    return "low-vision" if request.COOKIES.get(settings.LOW_VISION_COOKIE_NAME) == "1" else "standard"
