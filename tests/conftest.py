import fcntl
import hashlib
import os
import sqlite3
import threading
import time

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(config, items):
    """In parallel runs, the tests of a module-scoped fixture of ours run on one worker.

    `make pytest` runs the suite with pytest-xdist and `--dist loadgroup`: each test goes to
    whichever worker is free, except that tests marked with one `xdist_group` go to the same one.
    A fixture of scope "module" (gunicorn started, the demo or the bench content loaded in a
    transaction) is then built once, as in a serial run, not once on every worker that got one of
    its tests. The plugins' own fixtures are left alone.
    """
    for item in items:
        if _uses_a_shared_fixture_of_ours(item):
            item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::")[0]))
    result = yield
    _keep_the_group_in_the_node_id(config, items)
    return result


def _uses_a_shared_fixture_of_ours(item):
    info = getattr(item, "_fixtureinfo", None)
    return info is not None and any(
        definitions[-1].scope in ("module", "class")
        and getattr(definitions[-1].func, "__module__", "").startswith("tests.")
        for definitions in info.name2fixturedefs.values()
        if definitions
    )


def _keep_the_group_in_the_node_id(config, items):
    """pytest-xdist 3.8 tells the scheduler a test's group by appending `@group` to its node id,
    which it sets through `item._nodeid`; pytest 9.2 keeps the id elsewhere (`item._id`), so the
    suffix is lost and `--dist loadgroup` silently groups nothing (pytest-xdist issue #1386, fix
    proposed in #1388). Until a release has the fix, set the suffix where this pytest reads it.
    """
    if not getattr(config.option, "loadgroup", False):  # set on the workers of a loadgroup run
        return
    for item in items:
        names = {
            str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))
            for mark in item.iter_markers("xdist_group")
        }
        nodeid = item.nodeid
        if not names or nodeid.rfind("@") > nodeid.rfind("]"):
            continue  # no group, or the suffix is there already (a pytest-xdist with the fix)
        from _pytest.nodeid import NodeId

        item._id = NodeId.parse(f"{nodeid}@{'_'.join(sorted(names))}")


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory, worker_id):
    """Overrides pytest-django's: in a parallel run on SQLite, one worker migrates for all of them.

    pytest-django creates each worker's test database (an in-memory SQLite per process) by running
    every migration: about 80 of them, 20 to 40 s of CPU each time, and the workers all do it at the
    same moment at the start of the run, on two cores. The first worker to get here runs them and
    saves the migrated database to a file under the run's base temporary folder; the others copy
    that file into their own database (milliseconds). Every migration still runs once per run, as in
    a serial run; PostgreSQL and one-process runs are left as they are.
    """
    from django.core import management
    from django.db import connections

    if worker_id == "master":
        yield
        return
    saved = tmp_path_factory.getbasetemp().parent / "migrated-database"
    saved.mkdir(exist_ok=True)
    call_command_as_is = management.call_command

    def call_command(name, *args, **options):
        connection = connections[options.get("database", "default")]
        if name != "migrate" or connection.vendor != "sqlite" or not connection.is_in_memory_db():
            return call_command_as_is(name, *args, **options)
        path = saved / f"{connection.alias}.sqlite3"
        with open(saved / f"{connection.alias}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
            connection.ensure_connection()
            if path.exists():
                copy = sqlite3.connect(path)
                copy.backup(connection.connection)
                copy.close()
                return None
            result = call_command_as_is(name, *args, **options)
            partial = path.with_name(f"{path.name}.{os.getpid()}")
            copy = sqlite3.connect(partial)
            connection.connection.backup(copy)
            copy.close()
            partial.replace(path)
            return result

    management.call_command = call_command
    yield
    management.call_command = call_command_as_is


@pytest.fixture(scope="session")
def migrated_sqlite_file(django_db_setup, tmp_path_factory, worker_id):
    """The SQLite file of the database as the migrations left it, in a parallel run; else None.

    For a test that sets up a database for a server of its own (tests/security/test_live_probe.py)
    instead of running every migration again in a subprocess.
    """
    path = tmp_path_factory.getbasetemp().parent / "migrated-database" / "default.sqlite3"
    return path if worker_id != "master" and path.is_file() else None


@pytest.fixture(autouse=True, scope="session")
def _fast_password_hashes():
    """MD5 password hashes in the test process, as Django's testing docs advise.

    The production hasher (PBKDF2, a million iterations) costs about half a second of CPU per hash,
    and pytest-django's admin_user, each create_user(password=...) and each client.login() make one.
    No test here checks the hasher's strength; the servers the suite starts in subprocesses
    (tests/security/test_live_probe.py, tests/performance/test_shared_cache.py) keep the production
    settings.
    """
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(autouse=True, scope="session")
def _static_files_without_manifest():
    """Tests do not run collectstatic, so serve static names unhashed."""
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages):
        yield


@pytest.fixture(autouse=True)
def _no_language_left_active():
    """Each test starts with no language activated, whatever the test before it on this worker left.

    In a parallel run the test before is a different one from run to run: a test that activated
    Russian and never deactivated it made a later test build /ru/ URLs.
    """
    translation.deactivate()
    yield
    translation.deactivate()


class _EncodingsOnDisk(dict):
    """unionsite.renditions' memo of AVIF and WebP encodings, also kept in files every worker reads.

    Encoded bytes depend only on the key (the pixels, size, mode and format), so a worker may
    reuse what another encoded. The workers load the demo content at the same moment, at the
    start of the run: one encodes a picture while the others wait for it (a lock file per picture)
    instead of all of them encoding it side by side.
    """

    WAIT_SECONDS = 60  # then encode anyway: a worker whose encoding failed holds its lock

    def __init__(self, folder):
        super().__init__()
        self.folder = folder
        self.held = threading.local()  # the lock of the encoding this thread is making

    def _path(self, key):
        return self.folder / hashlib.blake2b(repr(key).encode(), digest_size=20).hexdigest()

    def _release(self):
        lock = getattr(self.held, "lock", None)
        if lock is not None:
            os.close(lock)
            self.held.lock = None

    def _lock(self, path):
        lock = os.open(path.with_name(f"{path.name}.lock"), os.O_CREAT | os.O_RDWR)
        deadline = time.monotonic() + self.WAIT_SECONDS
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return lock
            except BlockingIOError:
                if time.monotonic() > deadline:
                    return lock
                time.sleep(0.05)

    def __contains__(self, key):
        if super().__contains__(key):
            return True
        self._release()  # an encoding this thread announced and never stored: it failed
        path = self._path(key)
        lock = self._lock(path)
        try:
            data = path.read_bytes()
        except OSError:
            self.held.lock = lock  # this thread encodes it; __setitem__ stores it and unlocks
            return False
        os.close(lock)
        super().__setitem__(key, data)
        return True

    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        path = self._path(key)
        partial = path.with_name(f"{path.name}.{os.getpid()}")
        partial.write_bytes(value)
        partial.replace(path)
        self._release()


@pytest.fixture(autouse=True, scope="session")
def _encodings_shared_by_the_workers(tmp_path_factory, worker_id):
    """The demo pictures' AVIF and WebP encodings, made once per run instead of once per worker.

    The suite sets RENDITION_ENCODE_MEMO (pyproject.toml) so that loading the demo content again
    reuses the encodings of the first time, in this process (unionsite/renditions.py). Each parallel
    worker is a process of its own and would encode them all again: about 15 s of CPU each.
    """
    from unionsite import renditions

    memo = getattr(renditions, "_encoded", None)
    if worker_id == "master" or type(memo) is not dict or not settings.RENDITION_ENCODE_MEMO:
        yield
        return
    folder = tmp_path_factory.getbasetemp().parent / "rendition-encodings"
    folder.mkdir(exist_ok=True)
    renditions._encoded = _EncodingsOnDisk(folder)
    yield
    renditions._encoded = memo


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded files of each test land in its own temporary folder, never in var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True, scope="session")
def _caches_in_tmp(tmp_path_factory):
    """The shared file caches (settings.CACHES without REDIS_URL) in this run's own folders.

    The project's var/cache and var/ratelimit are shared by every run and server on the machine:
    another run clearing them would empty this one's cache in the middle of a test.
    """
    if not settings.CACHES["default"]["BACKEND"].endswith("SharedFileCache"):
        yield
        return
    caches = {
        alias: {**config, "LOCATION": str(tmp_path_factory.mktemp(f"cache-{alias}"))}
        if config["BACKEND"].endswith("SharedFileCache")
        else config
        for alias, config in settings.CACHES.items()
    }
    with override_settings(CACHES=caches):
        yield


@pytest.fixture(autouse=True)
def _fresh_cache(_caches_in_tmp):
    from django.core.cache import cache, caches

    counts = caches[settings.RATELIMIT_USE_CACHE]
    cache.clear()
    counts.clear()
    yield
    cache.clear()
    counts.clear()


@pytest.fixture(scope="session")
def _static_collected_once(tmp_path_factory, worker_id):
    """collectstatic as in production, once per run: hashing and compressing every file (gzip and
    Brotli) costs 10-20 s of CPU. In a parallel run the first worker collects into the run's base
    temporary folder and the others use that folder; the tests only read it."""
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    base = tmp_path_factory.getbasetemp()
    folder = base / "collected-static" if worker_id == "master" else base.parent / "collected-static"
    with open(folder.with_name("collected-static.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not (folder / "staticfiles.json").is_file():  # the manifest is written last
            with override_settings(STORAGES=storages, STATIC_ROOT=folder):
                call_command("collectstatic", interactive=False, verbosity=0)
    return storages, folder


@pytest.fixture
def collected_static(_static_collected_once):
    """Static files collected as in production: hashed names, compressed, served by WhiteNoise."""
    storages, folder = _static_collected_once
    with override_settings(STORAGES=storages, STATIC_ROOT=folder):
        yield
