"""Every public page stays within 8 SQL queries at a realistic volume, in both languages.

The volume (1,500 reports with covers and galleries, 400 documents with files, 120 FAQ entries,
400 organisations) comes from the bench generator; `make bench` checks the same budget at 10,000
reports. The first request after a content change also looks up the next scheduled report once
(unionsite/pagecache.py); the budget includes it.
"""

import pytest

from tests.performance.conftest import VOLUME

BUDGET = 8
PAGE_TYPES = [
    "home",
    "news list",
    "news list, filtered",
    "report",
    "news feed",
    "FAQ",
    "FAQ topic",
    "FAQ question",
    "documents list",
    "document",
    "structure",
    "organisation",
    "search",
    "sitemap",
]


def in_language(path, language):
    return path.replace("/ky/", f"/{language}/", 1)


# What a visitor's first request after a change also pays once for every page: the site settings,
# the home page's rows and each app's next scheduled change (unionsite/pagecache.py), all cached.
SITE_WIDE_LOOKUPS = 8


def warm_site_wide_caches(client, pages, language):
    """Fill the site-wide caches with the home page in the other language, which leaves the page
    under test uncached."""
    other = "ru" if language == "ky" else "ky"
    assert client.get(in_language(pages["home"], other)).status_code == 200


@pytest.mark.parametrize("language", ["ky", "ru"])
@pytest.mark.parametrize("page", PAGE_TYPES)
def test_public_page_costs_at_most_eight_queries_at_volume(
    client, pages, django_assert_max_num_queries, page, language
):
    warm_site_wide_caches(client, pages, language)
    with django_assert_max_num_queries(BUDGET):
        response = client.get(in_language(pages[page], language))
    assert response.status_code == 200
    if page != "sitemap" and page != "news feed":
        assert f'<html lang="{language}"' in response.content.decode()


@pytest.mark.parametrize("page", ["home", "report", "FAQ"])
def test_the_first_page_after_a_change_pays_the_site_wide_lookups_once(
    client, pages, django_assert_max_num_queries, page
):
    with django_assert_max_num_queries(BUDGET + SITE_WIDE_LOOKUPS):
        assert client.get(pages[page]).status_code == 200


def test_the_volume_is_there(pages):
    from news.models import Report, ReportPhoto
    from structure.models import Organisation

    assert Report.objects.count() == VOLUME["reports"]
    assert ReportPhoto.objects.count() >= VOLUME["reports"] // 3
    assert Organisation.objects.count() == VOLUME["organisations"]


def test_the_news_list_shows_twelve_reports_with_their_cover_renditions(client, pages):
    html = client.get(pages["news list"]).content.decode()
    assert html.count('class="card report-card"') == 12
    assert "/media/renditions/" in html


def test_a_cached_page_costs_no_query(client, pages, django_assert_num_queries):
    client.get(pages["report"])
    with django_assert_num_queries(0):
        response = client.get(pages["report"])
    assert response.status_code == 200
