"""Settings are read cheaply, and a change shows at once on pages already in the page cache."""

from datetime import timedelta

import pytest
from django.test import RequestFactory
from django.utils import timezone

from siteconfig.context_processors import site_settings as processor
from siteconfig.models import SiteSettings
from tests.siteconfig.conftest import from_cache
from tests.siteconfig.factories import AnnouncementFactory, home_page, site_settings

pytestmark = pytest.mark.django_db


def test_a_new_phone_shows_at_once_on_cached_pages(client):
    site_settings(phones="+996 312 11-11-11")
    for path in ("/ky/", "/ru/news/"):
        assert "+996 312 11-11-11" in client.get(path).content.decode()
        assert from_cache(client.get(path))
    site_settings(phones="+996 312 99-88-77")
    for path in ("/ky/", "/ru/news/"):
        response = client.get(path)
        assert not from_cache(response)
        text = response.content.decode()
        assert "+996 312 99-88-77" in text
        assert "+996 312 11-11-11" not in text


def test_a_home_page_change_shows_at_once_on_the_cached_home_page(client):
    client.get("/ru/")
    assert from_cache(client.get("/ru/"))
    home_page(motto_ru="Наша сила – в единстве!")
    assert "Наша сила – в единстве!" in client.get("/ru/").content.decode()
    AnnouncementFactory(text_ru="Пленум переносится")
    assert "Пленум переносится" in client.get("/ru/").content.decode()


def test_the_settings_cost_one_query_on_a_cold_cache_and_none_after(django_assert_num_queries):
    site_settings(phones="+996 312 11-11-11")
    from django.core.cache import cache

    cache.clear()
    request = RequestFactory().get("/ky/")
    with django_assert_num_queries(1):
        context = processor(request)
        assert context["site_settings"].phone_numbers[0].tel == "+996312111111"
        # The same request asks once, however often the templates read it.
        assert processor(request)["site_settings"].short_name
    with django_assert_num_queries(0):
        assert processor(RequestFactory().get("/ru/"))["site_settings"].phones == "+996 312 11-11-11"


def test_a_page_that_does_not_read_the_settings_does_not_query_them(django_assert_num_queries):
    with django_assert_num_queries(0):
        processor(RequestFactory().get("/ky/"))


def test_without_a_record_the_defaults_show(client):
    SiteSettings.objects.all().delete()
    text = client.get("/ky/news/").content.decode()
    assert "720040, Бишкек ш., Чүй проспекти 207, 301-кабинет" in text


def test_a_database_error_shows_the_defaults_without_caching_them(monkeypatch):
    from django.db import DatabaseError

    from siteconfig import loading

    site_settings(phones="+996 312 11-11-11")
    from django.core.cache import cache

    cache.clear()

    def broken(*args, **kwargs):
        raise DatabaseError("down")

    with monkeypatch.context() as patch:
        patch.setattr(SiteSettings.objects, "filter", broken)
        assert loading.get_site_settings().phones == "+996 312 00-00-00"
    assert loading.get_site_settings().phones == "+996 312 11-11-11"


def test_after_a_content_save_the_next_page_reads_no_settings(client, django_assert_num_queries):
    """The page cache's schedule, asked at save time, has read them into the cache."""
    from django.core.cache import cache

    from siteconfig import loading
    from tests.news.factories import ReportFactory

    cache.clear()
    ReportFactory()
    with django_assert_num_queries(0):
        assert loading.get_site_settings().phones


def test_a_cache_outage_reads_the_database(monkeypatch, django_assert_num_queries):
    from siteconfig import loading

    def broken(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(loading.cache, "get", broken)
    with django_assert_num_queries(1):
        assert loading.get_site_settings().phones == "+996 312 00-00-00"


def siteconfig_queries(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return [query["sql"] for query in queries if "siteconfig_" in query["sql"]]


@pytest.mark.parametrize("path", ["/ky/news/", "/ru/faq/", "/sitemap.xml"])
def test_an_uncached_page_costs_at_most_one_query_for_siteconfig(client, path):
    """On a cold cache: the settings and the announcements' schedule come in one query."""
    from django.core.cache import cache

    AnnouncementFactory(starts_at=timezone.now() + timedelta(hours=1))
    cache.clear()
    assert len(siteconfig_queries(client, path)) <= 1
    from unionsite import pagecache

    pagecache.bump_generation()  # a content change: the page is rendered again, the settings are cached
    assert siteconfig_queries(client, path) == []


def test_the_uncached_home_page_reads_its_rows_once(client):
    from django.core.cache import cache

    AnnouncementFactory()
    cache.clear()
    assert len(siteconfig_queries(client, "/ky/")) <= 5  # the settings, then the home page's 4 kinds of rows
    from unionsite import pagecache

    pagecache.bump_generation()
    assert siteconfig_queries(client, "/ky/") == []
