import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings


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


@pytest.fixture
def collected_static(tmp_path):
    """Static files collected as in production: hashed names, compressed, served by WhiteNoise."""
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with override_settings(STORAGES=storages, STATIC_ROOT=tmp_path / "static"):
        call_command("collectstatic", interactive=False, verbosity=0)
        yield
