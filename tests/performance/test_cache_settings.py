"""The shared file cache, the system check against a per-process cache, and the CSP header built once."""

import multiprocessing
from unittest import mock

import pytest
from django.conf import settings
from django.core.cache import caches
from django.test import override_settings

from unionsite import checks
from unionsite.filecache import SharedFileCache

LOCMEM = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}


def test_the_default_cache_without_redis_is_the_shared_file_cache(monkeypatch):
    import importlib

    from unionsite import settings as site_settings

    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.setenv("DJANGO_CACHE_DIR", "/srv/unionsite-cache")
    fresh = importlib.reload(site_settings)
    try:
        assert fresh.CACHES["default"]["BACKEND"] == "unionsite.filecache.SharedFileCache"
        assert fresh.CACHES["default"]["LOCATION"] == "/srv/unionsite-cache"
        assert fresh.RATELIMIT_USE_CACHE == "ratelimit"
    finally:
        monkeypatch.undo()
        importlib.reload(site_settings)


def _bump(location, times):
    cache = SharedFileCache(location, {})
    for _ in range(times):
        cache.incr("counter")


def test_increments_from_several_processes_are_all_counted(tmp_path):
    cache = SharedFileCache(str(tmp_path), {})
    cache.set("counter", 0, None)
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_bump, args=(str(tmp_path), 50)) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(30)
    assert cache.get("counter") == 200


def test_an_increment_keeps_the_expiry_of_a_rate_limit_count(tmp_path):
    cache = SharedFileCache(str(tmp_path), {})
    cache.add("count", 0, 3600)
    cache.incr("count")
    with open(cache._key_to_file("count"), "rb") as entry:
        import pickle
        import time

        expiry = pickle.load(entry)  # noqa: S301 - the test's own cache file
    # Django's own incr would have written the default 300 s.
    assert expiry - time.time() > 3000
    with pytest.raises(ValueError):
        cache.incr("missing")


def test_the_cache_culls_when_full_without_listing_the_folder_on_every_write(tmp_path):
    cache = SharedFileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 10}})
    with mock.patch.object(SharedFileCache, "_list_cache_files", wraps=cache._list_cache_files) as listing:
        for number in range(300):
            cache.set(f"key-{number}", number, 60)
    assert listing.call_count == 2
    assert len(cache._list_cache_files()) < 300


def _warnings(**overrides):
    with override_settings(**overrides):
        return [message for message in checks.caches_are_shared(None) if message.id == "unionsite.W001"]


def test_the_check_warns_when_the_page_cache_is_per_process_in_production(monkeypatch):
    monkeypatch.setenv("GUNICORN_WORKERS", "5")
    caches_config = {**settings.CACHES, "default": LOCMEM}
    found = _warnings(DEBUG=False, CACHES=caches_config, PAGE_CACHE_SECONDS=600)
    assert len(found) == 1
    assert "'default'" in found[0].msg and "page cache" in found[0].msg and "5 workers" in found[0].msg


def test_the_check_warns_of_per_process_rate_limits(monkeypatch):
    monkeypatch.delenv("GUNICORN_WORKERS", raising=False)
    caches_config = {**settings.CACHES, "default": LOCMEM}
    found = _warnings(DEBUG=False, CACHES=caches_config, PAGE_CACHE_SECONDS=0, RATELIMIT_USE_CACHE="default")
    assert len(found) == 1
    assert "rate limits" in found[0].msg and "page cache" not in found[0].msg


def test_the_check_is_quiet_on_the_shared_default_and_for_the_single_development_server(monkeypatch):
    monkeypatch.delenv("GUNICORN_WORKERS", raising=False)
    assert _warnings(DEBUG=False, PAGE_CACHE_SECONDS=600) == []
    caches_config = {**settings.CACHES, "default": LOCMEM}
    assert _warnings(DEBUG=True, CACHES=caches_config, PAGE_CACHE_SECONDS=600) == []
    monkeypatch.setenv("GUNICORN_WORKERS", "3")
    assert len(_warnings(DEBUG=True, CACHES=caches_config, PAGE_CACHE_SECONDS=600)) == 1


@pytest.mark.django_db
def test_the_csp_header_is_built_once_not_per_response(client):
    import csp.utils

    from unionsite import middleware

    middleware._built_policies.clear()
    with mock.patch("unionsite.middleware.build_policy", wraps=csp.utils.build_policy) as build:
        responses = [client.get(path) for path in ("/ky/", "/ru/", "/ky/news/", "/ky/", "/ru/faq/")]
    headers = {response["Content-Security-Policy"] for response in responses}
    assert len(headers) == 1
    assert "script-src 'self'" in headers.pop()
    # Once for the policy and once for the (empty) report-only policy, for all five responses.
    assert build.call_count == 2
    assert all("Content-Security-Policy-Report-Only" not in response for response in responses)


@pytest.mark.django_db
def test_a_changed_policy_setting_is_built_again(client):
    client.get("/ky/")
    policy = {
        "DIRECTIVES": {**settings.CONTENT_SECURITY_POLICY["DIRECTIVES"], "img-src": ["'self'", "https:"]}
    }
    with override_settings(CONTENT_SECURITY_POLICY=policy):
        assert "img-src 'self' https:" in client.get("/ru/").get("Content-Security-Policy")
    assert "img-src 'self' data:" in client.get("/ky/news/").get("Content-Security-Policy")


def test_tests_use_their_own_cache_folder():
    location = caches["default"]._dir
    assert "var/cache" not in location
