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


@pytest.fixture(autouse=True)
def _fresh_cache():
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
