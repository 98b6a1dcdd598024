from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def refuse_to_serve_without_a_secret():
    """Stop a production server at start-up, with a clear message, when it has no secret key."""
    if settings.SECRET_KEY_MISSING:
        raise ImproperlyConfigured(settings.MISSING_SECRET_MESSAGE)
