"""Django's file-based cache, made fit to be the cache every process of the site shares.

Without REDIS_URL the page cache, its generation, the card fragments and the rate-limit counts live
in files under var/ (settings.CACHES): every gunicorn worker, the development server and a
management command run beside them read and write the same entries, so an edit made in one
process is seen by all of them. docs/performance.md says why files rather than the database.

Two changes to Django's backend:

* Django lists the whole folder on every write to decide whether to cull. With the card fragments
  the folder holds thousands of entries, and listing 16,000 files took 90-200 ms on the bench
  machine, so this cache looks only once every `CULL_INTERVAL` writes of a process (culling is
  a guard against filling the disk, not something that must happen at the exact entry).
* `incr` is a read then a write in Django's backend: two processes bumping the page-cache
  generation at once could both write the same number. Here it holds a lock file meanwhile, so
  every increment (and every rate-limit count) is counted.
"""

import os
import pickle
import time

from django.core.cache.backends.filebased import FileBasedCache
from django.core.files import locks

CULL_INTERVAL = 200


class SharedFileCache(FileBasedCache):
    def __init__(self, dir, params):
        super().__init__(dir, params)
        self._writes = 0

    def _cull(self):
        self._writes += 1
        if self._writes % CULL_INTERVAL != 1:
            return
        super()._cull()

    def _list_cache_files(self):
        # os.listdir and endswith instead of glob's per-name pattern matching: several times faster.
        try:
            names = os.listdir(self._dir)
        except FileNotFoundError:
            return []
        return [os.path.join(self._dir, name) for name in names if name.endswith(self.cache_suffix)]

    def incr(self, key, delta=1, version=None):
        self._createdir()
        with open(os.path.join(self._dir, "incr.lock"), "a+b") as lock_file:
            locks.lock(lock_file, locks.LOCK_EX)
            try:
                value = self.get(key, self._missing_key, version=version)
                if value is self._missing_key:
                    raise ValueError(f"Key '{key}' not found")
                new_value = value + delta
                self._set_keeping_expiry(key, new_value, version)
                return new_value
            finally:
                locks.unlock(lock_file)

    def _set_keeping_expiry(self, key, value, version):
        # Django's incr writes the entry again with the default timeout (5 minutes): a rate-limit
        # count of "5/h" would be forgotten after 5 minutes. Keep the entry's own expiry time.
        try:
            with open(self._key_to_file(key, version), "rb") as f:
                expiry = pickle.load(f)  # noqa: S301 - the cache's own file, as Django's backend reads it
        except (FileNotFoundError, EOFError, pickle.UnpicklingError):
            expiry = None
        timeout = None if expiry is None else max(expiry - time.time(), 1)
        self.set(key, value, timeout, version=version)
