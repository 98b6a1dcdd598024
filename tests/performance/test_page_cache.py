"""The page cache: anonymous pages come from the cache, and a change of content shows at once.

A response served from the cache renders no template in the test client (`response.templates`
is empty), which tells a cached answer from a fresh one without looking at the cache's keys.
"""

from datetime import timedelta
from types import SimpleNamespace
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from news.models import Report
from tests.news.factories import ReportFactory
from unionsite import pagecache

pytestmark = pytest.mark.django_db


def from_cache(response):
    return response.status_code == 200 and not response.templates


@pytest.fixture
def report():
    return ReportFactory(title_ky="Нарындагы семинар", title_ru="Семинар в Нарыне")


@pytest.fixture
def staff_client(client):
    user = get_user_model().objects.create_user("editor", password="a-long-password-1", is_staff=True)
    client.force_login(user)
    return client


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_the_second_anonymous_visit_is_served_from_the_cache_without_queries(
    client, report, language, django_assert_num_queries
):
    first = client.get(f"/{language}/news/")
    with django_assert_num_queries(0):
        second = client.get(f"/{language}/news/")
    assert not from_cache(first)
    assert from_cache(second)
    assert second.content == first.content


def test_each_language_has_its_own_cached_page(client, report):
    client.get("/ky/news/")
    russian = client.get("/ru/news/")
    assert not from_cache(russian)
    assert "Семинар в Нарыне" in russian.content.decode()
    assert "Нарындагы семинар" in client.get("/ky/news/").content.decode()


def test_publishing_a_report_shows_it_at_once_on_the_list_and_the_home_page(client, report):
    draft = ReportFactory(title_ky="Жаңы отчёт", title_ru="Новый отчёт", status=Report.Status.DRAFT)
    for path in ("/ky/news/", "/ky/"):
        assert "Жаңы отчёт" not in client.get(path).content.decode()
        assert from_cache(client.get(path))
    draft.status = Report.Status.PUBLISHED
    draft.save()
    for path in ("/ky/news/", "/ky/"):
        assert "Жаңы отчёт" in client.get(path).content.decode()


def test_editing_a_title_changes_the_cached_report_page(client, report):
    path = report.get_absolute_url()
    client.get(path)
    report.title_ky = "Оңдолгон аталыш"
    report.save()
    assert "Оңдолгон аталыш" in client.get(path).content.decode()


def test_deleting_a_report_removes_it_from_the_cached_list(client, report):
    assert "Нарындагы семинар" in client.get("/ky/news/").content.decode()
    report.delete()
    assert "Нарындагы семинар" not in client.get("/ky/news/").content.decode()


def test_a_scheduled_report_appears_by_itself_when_its_time_comes(client, report):
    later = timezone.now() + timedelta(hours=2)
    ReportFactory(title_ky="Кечки отчёт", published_at=later)
    assert "Кечки отчёт" not in client.get("/ky/news/").content.decode()
    assert from_cache(client.get("/ky/news/"))
    after = later + timedelta(minutes=1)
    with (
        mock.patch("django.utils.timezone.now", return_value=after),
        # Only the page cache's clock: patching time.time itself would age every cache entry
        # and pass without any schedule.
        mock.patch.object(pagecache, "time", SimpleNamespace(time=lambda: after.timestamp())),
    ):
        response = client.get("/ky/news/")
    assert not from_cache(response)
    assert "Кечки отчёт" in response.content.decode()


def test_low_vision_mode_has_its_own_cached_page(client, report):
    standard = client.get("/ky/news/")
    client.cookies["low_vision"] = "1"
    low_vision = client.get("/ky/news/")
    assert not from_cache(low_vision)
    assert low_vision.content != standard.content
    assert from_cache(client.get("/ky/news/"))


def test_signed_in_staff_are_never_served_or_stored_in_the_cache(client, staff_client, report):
    staff_page = staff_client.get("/ky/news/")
    again = staff_client.get("/ky/news/")
    assert not from_cache(staff_page)
    assert not from_cache(again)


def test_a_page_seen_by_staff_is_not_cached_for_visitors(staff_client, report):
    from django.test import Client

    staff_client.get("/ky/news/")
    assert not from_cache(Client().get("/ky/news/"))


def test_a_staff_change_without_model_signals_still_makes_pages_stale(staff_client, report):
    before = pagecache.current_generation()
    # Any successful POST by a signed-in user (an admin bulk action, a tree move) bumps the generation.
    response = staff_client.post("/ky/admin/password_change/", {})
    assert response.status_code == 200
    assert pagecache.current_generation() > before


def test_a_form_with_a_csrf_token_is_not_cached(client):
    client.get("/ky/faq/ask/")
    again = client.get("/ky/faq/ask/")
    assert again.status_code == 200
    assert not from_cache(again)
    assert "csrfmiddlewaretoken" in again.content.decode()


def test_a_visitor_with_a_flash_message_gets_a_fresh_page(client, report):
    client.get("/ky/news/")
    client.cookies["messages"] = "pending"
    assert not from_cache(client.get("/ky/news/"))


def test_a_not_found_page_is_not_cached(client):
    client.get("/ky/news/no/such/report/")
    again = client.get("/ky/news/no/such/report/")
    assert again.status_code == 404
    assert again.templates


def test_pages_and_feeds_carry_an_etag_and_answer_304_when_unchanged(client, report):
    for path in ("/ky/news/", "/ru/news/feed/", report.get_absolute_url()):
        response = client.get(path)
        assert response.status_code == 200
        assert response["ETag"]
        assert client.get(path, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_browsers_revalidate_cached_pages_instead_of_keeping_them(client, report):
    response = client.get("/ky/news/")
    assert "max-age=0" in response["Cache-Control"]
    assert "Expires" not in response


def test_page_cache_can_be_turned_off(client, report, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/ky/news/")
    assert not from_cache(client.get("/ky/news/"))
