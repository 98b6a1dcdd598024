"""Reading the settings and the home page cheaply: once per request, and from the shared cache.

Both are kept in the default cache under a version number that every save or delete of a
siteconfig model bumps (siteconfig/apps.py), so a change shows at once in every process that
shares the cache, and the old entries expire unasked; after a save they are read again at once
(`refresh`). The settings cost one query when they are not in the cache; the announcements one,
usually at save time (the page cache's schedule, siteconfig/apps.py, asks for them); the home
page's rows three, on the home page only.

A database or cache that is down never breaks a page: the settings fall back to the defaults.
"""

import logging
import time

from django.core.cache import cache
from django.db import DatabaseError
from django.db.models import Q
from django.utils import timezone

from siteconfig.models import Announcement, FeaturedItem, HomeBlock, HomePage, SiteSettings

VERSION_KEY = "siteconfig:version"
TIMEOUT = 24 * 60 * 60
logger = logging.getLogger(__name__)


def bump_version(**kwargs):
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, int(time.time() * 1000), None)
    except Exception:
        logger.exception("Could not refresh the cached site settings")


def refresh():
    """A new version, read at once: the first visitor after an edit does not wait for the queries."""
    bump_version()
    try:
        get_site_settings()
        get_announcements()
        get_home_config()
    except Exception:
        logger.exception("Could not read the site settings into the cache")


def _version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = int(time.time() * 1000)
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY, version)
    return version


def _cached(name, load):
    try:
        key = f"siteconfig:{name}:{_version()}"
        value = cache.get(key)
    except Exception:
        logger.warning("Cache unavailable; reading the site settings from the database", exc_info=True)
        return load()
    if value is None:
        value = load()
        try:
            cache.set(key, value, TIMEOUT)
        except Exception:
            logger.warning("Cache unavailable; site settings not stored", exc_info=True)
    return value


def _load_settings():
    return (
        SiteSettings.objects.filter(pk=SiteSettings.singleton_instance_id).first() or SiteSettings.defaults()
    )


def _load_announcements():
    """Every announcement that has not ended; which are current is decided per request, by the clock."""
    now = timezone.now()
    current_or_later = Announcement.objects.filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now))
    return list(current_or_later.order_by("-starts_at", "-pk"))


def _load_home():
    """The home page's own rows: the record, the featured items' targets and the blocks' places."""
    home = HomePage.objects.filter(pk=HomePage.singleton_instance_id).first() or HomePage(pk=1)
    featured = [(item.content_type_id, item.object_id) for item in FeaturedItem.objects.all()]
    blocks = [(block.app_label, block.position, block.is_visible) for block in HomeBlock.objects.all()]
    return {"home": home, "featured": featured, "blocks": blocks}


def get_site_settings(request=None):
    """The settings, remembered on the request so that a page asks the cache once.

    With the database down, the defaults (not cached: the real settings come back with it).
    """
    if request is not None and hasattr(request, "_site_settings"):
        return request._site_settings
    try:
        value = _cached("settings", _load_settings)
    except DatabaseError:
        return SiteSettings.defaults()
    if request is not None:
        request._site_settings = value
    return value


def get_announcements():
    """The announcements not yet ended, newest start first (the home page and the page cache's schedule)."""
    return _cached("announcements", _load_announcements)


def get_home_config():
    return _cached("home", _load_home)
