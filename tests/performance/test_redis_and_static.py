"""The page cache on Redis (production's backend) and the static files' headers after collectstatic.

Redis: REDIS_TEST_URL, or the Redis on 127.0.0.1:6379 (database 15, which the tests may empty).
Without a Redis the test skips on a developer's machine; in CI (.ci/run exports REDIS_TEST_URL)
a missing Redis fails it.
"""

import os
import uuid

import pytest
from django.core.cache import caches
from django.test import Client, override_settings

from tests.news.factories import ReportFactory

DEFAULT_REDIS = "redis://127.0.0.1:6379/15"


def redis_url():
    url = os.environ.get("REDIS_TEST_URL") or DEFAULT_REDIS
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError as error:
        if os.environ.get("REDIS_TEST_URL") or os.environ.get("CI"):
            pytest.fail(f"Redis at {url} does not answer ({error}); CI must run the Redis tests.")
        pytest.skip(f"No Redis at {url}; set REDIS_TEST_URL to run this test.")
    return url


@pytest.fixture
def redis_cache():
    import redis

    url = redis_url()
    prefix = f"test-{uuid.uuid4().hex}"
    backend = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": prefix,
    }
    with override_settings(CACHES={"default": backend}):
        yield caches["default"]
    # Only this test's keys: clear() would empty the whole database under another worker or run.
    client = redis.Redis.from_url(url)
    for key in client.scan_iter(match=f"{prefix}:*"):
        client.delete(key)


@pytest.mark.django_db
def test_pages_cached_in_redis_are_shared_and_invalidated_by_publishing(redis_cache):
    ReportFactory(title_ky="Биринчи отчёт")
    first_process, second_process = Client(), Client()
    assert "Биринчи отчёт" in first_process.get("/ky/news/").content.decode()
    # Another worker (another client, same Redis) gets the page from the cache.
    assert not second_process.get("/ky/news/").templates
    ReportFactory(title_ky="Экинчи отчёт")
    fresh = second_process.get("/ky/news/")
    assert fresh.templates
    assert "Экинчи отчёт" in fresh.content.decode()
    assert redis_cache.get("pagecache:generation") is not None


@pytest.mark.django_db
def test_static_files_are_hashed_compressed_and_cached_forever(collected_static):
    client = Client()
    page = client.get("/ky/").content.decode()
    css = next(
        part.split('"')[0] for part in page.split('href="/static/')[1:] if ".css" in part.split('"')[0]
    )
    assert css.count(".") >= 2, f"{css} has no content hash"
    response = client.get(f"/static/{css}", HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert response["Content-Encoding"] in {"gzip", "br"}
    assert "immutable" in response["Cache-Control"]
    assert "max-age=315360000" in response["Cache-Control"]
    response.close()
