"""The site's settings with nothing cached: `make bench`'s "cold" renders.

No page cache (the bench sets DJANGO_PAGE_CACHE_SECONDS=0) and no card fragments either: every
request renders every card, as the first visitor after the whole cache was emptied would.
"""

from unionsite.settings import *  # noqa: F403 - the site's settings, the cache taken away below

CACHES = {**CACHES, "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}  # noqa: F405
