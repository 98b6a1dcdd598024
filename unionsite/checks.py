import multiprocessing
import os
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

from unionsite.links import web_url


@register(Tags.security, deploy=True)
def secret_key_is_set(app_configs, **kwargs):
    if not settings.SECRET_KEY_MISSING:
        return []
    return [Error(settings.MISSING_SECRET_MESSAGE, id="unionsite.E001")]


@register(Tags.security, deploy=True)
def site_url_is_set(app_configs, **kwargs):
    """E-mails link to the site through DJANGO_SITE_URL: without it they would name a guessed host."""
    if settings.SITE_URL:
        if web_url(settings.SITE_URL) is None or urlsplit(settings.SITE_URL).path not in ("", "/"):
            message = f"DJANGO_SITE_URL is not the site's web address: {settings.SITE_URL!r}."
            return [Error(message, hint="For example https://union.kg", id="unionsite.E003")]
        return []
    return [
        Error(
            "DJANGO_SITE_URL is not set: e-mails to staff and members link to the site through it.",
            hint="Set it to the public address, e.g. DJANGO_SITE_URL=https://union.kg",
            id="unionsite.E002",
        )
    ]


PER_PROCESS_BACKENDS = ("django.core.cache.backends.locmem.LocMemCache",)


def gunicorn_workers():
    """How many workers unionsite/gunicorn.conf.py starts (GUNICORN_WORKERS, else 2 × cores + 1)."""
    value = os.environ.get("GUNICORN_WORKERS", "").strip()
    return int(value) if value.isdigit() else multiprocessing.cpu_count() * 2 + 1


@register(Tags.caches)
def caches_are_shared(app_configs, **kwargs):
    """The page cache, its generation and the rate limits must be seen by every server process.

    In a per-process cache an edit made through one gunicorn worker leaves the others serving the
    old page until it expires, and each worker counts the rate limits on its own. The development
    server (DEBUG) is one process, so it is left alone unless GUNICORN_WORKERS asks for several.
    """
    several = not settings.DEBUG or int(os.environ.get("GUNICORN_WORKERS", "1") or "1") > 1
    if not several:
        return []
    uses = {}
    if settings.PAGE_CACHE_SECONDS:
        uses.setdefault(settings.CACHE_MIDDLEWARE_ALIAS, []).append("the page cache")
    uses.setdefault(settings.RATELIMIT_USE_CACHE, []).append("the rate limits")
    warnings = []
    for alias, what in uses.items():
        backend = settings.CACHES.get(alias, {}).get("BACKEND", "")
        if backend in PER_PROCESS_BACKENDS:
            warnings.append(
                Warning(
                    f"The cache {alias!r} ({backend.rsplit('.', 1)[-1]}) holds {' and '.join(what)} "
                    f"in each process, but gunicorn starts {gunicorn_workers()} workers: an edit made "
                    "through one would leave the others serving the old page, and each would count "
                    "the rate limits on its own.",
                    hint="Remove the per-process cache from CACHES (the default keeps files under "
                    "var/cache, shared by every process on the machine) or set REDIS_URL.",
                    id="unionsite.W001",
                )
            )
    return warnings
