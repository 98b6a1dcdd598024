"""Whole pages cached for anonymous visitors, thrown away as soon as the content they show changes.

Django's cache middleware does the caching (per URL, hence per language: every public URL carries
its /ky/ or /ru/ prefix, and Django adds the active language to the key as well). What it lacks is
invalidation, and these subclasses add it with a *generation* number in the key prefix:

* every save or delete of a model of the content apps (news, faq, documents, structure) bumps the
  generation, so the next request of every page misses and is rendered afresh: publishing a
  report shows it at once on the home page, the list, the organisation page and search;
* so does any successful POST/PUT/DELETE by a signed-in user (the admin's bulk actions and tree
  moves update rows without model signals);
* content that changes by itself with time has a schedule (`registry.schedules()` for the content
  apps, `register_schedule` for the core's own): a report published for 10:00 bumps the
  generation at the first request after 10:00, with no scheduler;
* the bump happens at once and again when the transaction commits, so a page rendered from the
  old rows between the two cannot stay in the cache.

Old generations are never deleted: they are no longer asked for and expire with their timeout.

Never cached: anything for a signed-in user, requests carrying flash messages, responses that set
cookies or vary on them (a form's CSRF token, the session), non-200 responses, streaming responses
(file downloads), responses marked private/no-cache/no-store. The low-vision mode has its own
entries (it changes the page's markup), chosen by its cookie rather than by `Vary: Cookie`, which
would split the cache per visitor.

The generation lives in the default cache, shared by every process: files under var/cache without
REDIS_URL (unionsite/filecache.py), Redis with it (needed for several app servers). A per-process
cache would leave the other workers serving the old page; unionsite/checks.py warns of it.

Cards and list items (a report's card, a document's item, an FAQ answer, an event's card) are
cached as fragments by the templates' {% cache %} tag, keyed by the object, its `updated_at`, the
language and the *fragment epoch* (`request.fragment_epoch`): so after one edit a page is rendered
again around the cards it already had. The epoch moves only when what a card shows may have
changed without its own object's `updated_at` changing: a save or delete of any content model
other than the carded ones (each app's `card_models`): an organisation's name, a category, a
document type, an FAQ's legal reference; and every explicit `bump_generation()` (bulk changes by
code and commands).
"""

import logging
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import BaseCache, caches
from django.db import DatabaseError, transaction
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.middleware.cache import FetchFromCacheMiddleware, UpdateCacheMiddleware
from django.utils.cache import (
    get_cache_key,
    has_vary_header,
    learn_cache_key,
    patch_cache_control,
    set_response_etag,
)
from django.utils.functional import SimpleLazyObject

from unionsite import display, registry

GENERATION_KEY = "pagecache:generation"
NEXT_CHANGE_KEY = "pagecache:next-change"
FRAGMENT_EPOCH_KEY = "pagecache:fragment-epoch"
SAFE_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE")

_schedules: list[Callable[[], datetime | None]] = []
logger = logging.getLogger(__name__)


def page_cache_seconds() -> int:
    """How long a page may stay cached; 0 turns the page cache off (DJANGO_PAGE_CACHE_SECONDS)."""
    seconds: int = getattr(settings, "PAGE_CACHE_SECONDS", 0)
    return seconds


def page_cache() -> BaseCache:
    return caches[settings.CACHE_MIDDLEWARE_ALIAS]


def register_schedule(next_change: Callable[[], datetime | None]) -> None:
    """Register a function returning the next time (aware datetime or None) content changes by itself.

    For the core's own content (the home page's announcements); content apps declare theirs on
    their AppConfig (unionsite/registry.py).
    """
    if next_change not in _schedules:
        _schedules.append(next_change)


def _next_change_timestamp() -> float:
    """The next scheduled change as a timestamp, 0 when none is scheduled."""
    functions = [*_schedules, *registry.schedules()]
    times = [moment.timestamp() for moment in (function() for function in functions) if moment is not None]
    return min(times) if times else 0


def _increment(key: str = GENERATION_KEY) -> int:
    cache = page_cache()
    try:
        return cache.incr(key)
    except ValueError:
        # Missing (first use, or the cache was flushed): start from the clock, which is past any
        # number an earlier run can have reached.
        generation = int(time.time() * 1000)
        cache.set(key, generation, None)
        return generation


def bump_generation() -> None:
    """Make every cached page and card stale now. Call it after changing content with queryset.update()."""
    _increment()
    _increment(FRAGMENT_EPOCH_KEY)
    # The schedule may have changed too (a report scheduled, or a scheduled one published early):
    # look it up now, once per change, rather than in the next page request.
    page_cache().set(NEXT_CHANGE_KEY, _next_change_timestamp(), None)


def _bump_safely(fragments: bool = True) -> None:
    # A cache outage (Redis down) must never stop an editor's save; pages are not served from a
    # cache that is down anyway.
    try:
        if fragments:
            bump_generation()
        else:
            _increment()
            page_cache().set(NEXT_CHANGE_KEY, _next_change_timestamp(), None)
    except Exception:
        logger.exception("Could not invalidate the page cache")


def bump_after_change(
    sender: type[Model] | None = None,
    using: str | None = None,
    fragments: bool | None = None,
    **kwargs: Any,
) -> None:
    """Pages are stale; cards too unless the changed model is one whose cards key on `updated_at`."""
    if fragments is None:
        # Saving a card model changes its own cards' keys; a save of any other content model (an
        # organisation's name, a category) may change what cards show, so it moves the epoch.
        fragments = sender is None or sender._meta.label_lower not in registry.card_model_labels()
    _bump_safely(fragments)
    transaction.on_commit(lambda: _bump_safely(fragments), using=using)


def current_generation(request: HttpRequest | None = None) -> int | None:
    """The generation to key pages with, or None to skip the page cache (it or the database is down).

    Given the request, it also sets `request.fragment_epoch`, read in the same cache round trip.
    """
    try:
        return _current_generation(request)
    except DatabaseError:
        return None
    except Exception:
        logger.warning("Page cache unavailable; serving without it", exc_info=True)
        return None


def fragment_epoch() -> int | str:
    """The number the card fragments are keyed with ("" when the cache is down: cards still render)."""
    try:
        epoch = page_cache().get(FRAGMENT_EPOCH_KEY)
        return _increment(FRAGMENT_EPOCH_KEY) if epoch is None else epoch
    except Exception:
        logger.warning("Cache unavailable; cards are rendered afresh", exc_info=True)
        return ""


def _current_generation(request: HttpRequest | None) -> int | None:
    """The generation to key pages with; moves on by itself when a scheduled change is due."""
    cache = page_cache()
    values = cache.get_many([GENERATION_KEY, NEXT_CHANGE_KEY, FRAGMENT_EPOCH_KEY])
    generation = values.get(GENERATION_KEY)
    next_change = values.get(NEXT_CHANGE_KEY)
    if request is not None and values.get(FRAGMENT_EPOCH_KEY) is not None:
        request.fragment_epoch = values[FRAGMENT_EPOCH_KEY]  # type: ignore[attr-defined]
    if generation is None:
        generation = _increment()
    if next_change is None or (next_change and next_change <= time.time()):
        if next_change:
            generation = _increment()
        try:
            cache.set(NEXT_CHANGE_KEY, _next_change_timestamp(), None)
        except DatabaseError:
            # The database is down: the page will say so (503), and nothing is cached meanwhile.
            return None
    return generation


def connect_signals() -> None:
    """Saving or deleting what a content app shows makes the cached pages stale."""
    for app_config in registry.content_apps():
        for model in app_config.public_models():
            uid = f"pagecache-{model._meta.label_lower}"
            post_save.connect(bump_after_change, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(bump_after_change, sender=model, dispatch_uid=f"{uid}-delete")


def _signed_in(request: HttpRequest) -> bool:
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


class UpdatePageCacheMiddleware(UpdateCacheMiddleware):
    """Before the session middleware: stores cacheable responses under the generation prefix."""

    # django-stubs lets the base class take a str as well; the response is always a response here.
    def process_response(  # type: ignore[override]
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if request.method not in SAFE_METHODS and response.status_code < 400 and _signed_in(request):
            # An editor changed something, maybe without model signals (bulk actions, tree moves).
            # Cards stay: the admin saves an edited object (its updated_at moves), and its bulk
            # updates (questions' status, page moves) change nothing a card shows.
            bump_after_change(fragments=False)
        prefix = getattr(request, "_page_cache_prefix", None)
        if prefix is None or not getattr(request, "_cache_update_cache", False):
            return response
        if not self.cacheable(request, response):
            return response
        timeout = page_cache_seconds()
        if not response.has_header("ETag"):
            set_response_etag(response)
        # Browsers and proxies keep the page but ask again each time (a 304 thanks to the ETag), so
        # an edit shows at once for them too.
        patch_cache_control(response, max_age=0)
        try:
            cache_key = learn_cache_key(request, response, timeout, prefix, cache=self.cache)
            if hasattr(response, "render") and callable(response.render) and not response.is_rendered:  # type: ignore[attr-defined]
                response.add_post_render_callback(lambda rendered: self._store(cache_key, rendered, timeout))  # type: ignore[attr-defined]
            else:
                self._store(cache_key, response, timeout)
        except Exception:
            logger.warning("Page cache unavailable; page not stored", exc_info=True)
        return response

    def _store(self, cache_key: str, response: HttpResponseBase, timeout: int) -> None:
        try:
            self.cache.set(cache_key, response, timeout)
        except Exception:
            logger.warning("Page cache unavailable; page not stored", exc_info=True)

    def cacheable(self, request: HttpRequest, response: HttpResponseBase) -> bool:
        if response.streaming or response.status_code != 200:
            return False
        if response.cookies or has_vary_header(response, "Cookie") or has_vary_header(response, "*"):
            return False
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return False
        cache_control = response.get("Cache-Control", "").lower()
        return not any(word in cache_control for word in ("private", "no-cache", "no-store"))


class FetchPageCacheMiddleware(FetchFromCacheMiddleware):
    """Right after LocaleMiddleware: answers anonymous GET/HEAD requests from the cache.

    It runs before the session, CSRF, authentication, messages and axes middleware, so a cached
    page costs none of their work; the headers they add were stored with the page. It cannot ask
    who the user is, so any request with a session cookie (every signed-in editor) skips the cache
    both ways, as does one carrying flash messages.
    """

    # The attributes set on the request below are the page cache's own (and Django's cache
    # middleware's `_cache_update_cache`): HttpRequest's stubs do not declare them.
    def process_request(self, request: HttpRequest) -> HttpResponse | None:
        request._cache_update_cache = False  # type: ignore[attr-defined]
        # Read with the generation below when the page cache is asked; otherwise on first use.
        request.fragment_epoch = SimpleLazyObject(fragment_epoch)  # type: ignore[attr-defined]
        if not page_cache_seconds() or request.method not in ("GET", "HEAD"):
            return None
        if CookieStorage.cookie_name in request.COOKIES or settings.SESSION_COOKIE_NAME in request.COOKIES:
            return None
        generation = current_generation(request)
        if generation is None:
            return None
        variant = display.page_variant(request)
        prefix = f"{settings.CACHE_MIDDLEWARE_KEY_PREFIX}.{generation}.{variant}"
        request._page_cache_prefix = prefix  # type: ignore[attr-defined]
        request._cache_update_cache = True  # type: ignore[attr-defined]
        for method in ("GET", "HEAD") if request.method == "HEAD" else ("GET",):
            cache_key = get_cache_key(request, prefix, method, cache=self.cache)
            if cache_key is None:
                return None
            try:
                response: HttpResponse | None = self.cache.get(cache_key)
            except Exception:
                logger.warning("Page cache unavailable; serving without it", exc_info=True)
                request._cache_update_cache = False  # type: ignore[attr-defined]
                return None
            if response is not None:
                request._cache_update_cache = False  # type: ignore[attr-defined]
                return response
        return None
