"""Reading the settings and the home page cheaply: once per request, and from the shared cache.

Both are kept in the default cache under a version number that every save or delete of a
siteconfig model bumps (siteconfig/apps.py), so a change shows at once in every process that
shares the cache, and the old entries expire unasked; after a save they are read again at once
(`refresh`).

What every page needs is one query when it is not in the cache: the settings' row, carrying
the time the next announcement appears or disappears, which the page cache's schedule asks for
(siteconfig/apps.py). The home page's own rows (the record, announcements, featured items,
blocks) are a second entry, read only by the home page.

A database or cache that is down never breaks a page: the settings fall back to the defaults.
"""

import logging
import time

from django.core.cache import cache
from django.db import DatabaseError
from django.db.models import Min, Q, Subquery
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
        get_site()
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


def _cached(name, load, fresh=False):
    """`load()`'s value kept under the current version; `fresh` reads it again and stores it."""
    try:
        key = f"siteconfig:{name}:{_version()}"
        value = None if fresh else cache.get(key)
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


def _first_after(field, now):
    later = Announcement.objects.filter(**{f"{field}__gt": now}).order_by(field).values(field)
    return Subquery(later[:1])


def _load_site():
    """The settings and the next announcement change after now, in one query."""
    now = timezone.now()
    row = (
        SiteSettings.objects.filter(pk=SiteSettings.singleton_instance_id)
        .annotate(next_start=_first_after("starts_at", now), next_end=_first_after("ends_at", now))
        .first()
    )
    if row is None:
        settings = SiteSettings.defaults()
        times = Announcement.objects.aggregate(
            next_start=Min("starts_at", filter=Q(starts_at__gt=now)),
            next_end=Min("ends_at", filter=Q(ends_at__gt=now)),
        )
    else:
        settings, times = row, {"next_start": row.next_start, "next_end": row.next_end}
    upcoming = [moment for moment in times.values() if moment is not None]
    return {"settings": settings, "next_change": min(upcoming, default=None)}


def _load_home():
    """The home page's own rows: the record, announcements not yet ended, featured items, blocks."""
    now = timezone.now()
    home = HomePage.objects.filter(pk=HomePage.singleton_instance_id).first() or HomePage(pk=1)
    # Which announcements are current is decided per request, by the clock.
    not_ended = Announcement.objects.filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now))
    return {
        "home": home,
        "announcements": list(not_ended.order_by("-starts_at", "-pk")),
        "featured": [(item.content_type_id, item.object_id) for item in FeaturedItem.objects.all()],
        "blocks": [(block.app_label, block.position, block.is_visible) for block in HomeBlock.objects.all()],
    }


def get_site():
    """{"settings": SiteSettings, "next_change": datetime or None}, from the cache."""
    return _cached("site", _load_site)


def next_announcement_change():
    """When an announcement next appears or disappears (the page cache's schedule).

    The cached time stays right until it comes; then the settings' row is read again.
    """
    next_change = get_site()["next_change"]
    if next_change is not None and next_change <= timezone.now():
        next_change = _cached("site", _load_site, fresh=True)["next_change"]
    return next_change


def get_site_settings(request=None):
    """The settings, remembered on the request so that a page asks the cache once.

    With the database down, the defaults (not cached: the real settings come back with it).
    """
    if request is not None and hasattr(request, "_site_settings"):
        return request._site_settings
    try:
        value = get_site()["settings"]
    except DatabaseError:
        return SiteSettings.defaults()
    if request is not None:
        request._site_settings = value
    return value


def get_home_config():
    return _cached("home", _load_home)
