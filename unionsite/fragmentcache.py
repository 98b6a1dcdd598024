"""The cache behind the templates' {% cache %} tags (the "template_fragments" alias in CACHES).

It hands every call to another cache (LOCATION names its alias: the default cache), but a cache
that is down (Redis stopped, a folder that cannot be written) only means the card is rendered
afresh: the page is still served, as the page cache itself does (unionsite/pagecache.py).
"""

import logging

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache

logger = logging.getLogger(__name__)


class FragmentCache(BaseCache):
    def __init__(self, location, params):
        super().__init__(params)
        self.alias = location or "default"

    @property
    def target(self):
        return caches[self.alias]

    def get(self, key, default=None, version=None):
        try:
            return self.target.get(key, default, version=version)
        except Exception:
            logger.warning("Cache unavailable; the fragment is rendered afresh", exc_info=True)
            return default

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            self.target.set(key, value, timeout, version=version)
        except Exception:
            logger.warning("Cache unavailable; the fragment is not stored", exc_info=True)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self.target.add(key, value, timeout, version=version)

    def delete(self, key, version=None):
        return self.target.delete(key, version=version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self.target.touch(key, timeout, version=version)

    def clear(self):
        return self.target.clear()
