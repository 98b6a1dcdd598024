"""Query budgets: the news pages cost the same few queries however many reports and photos exist."""

import pytest
from django.utils import timezone

from tests.news.factories import ReportFactory, ReportPhotoFactory
from tests.uploads import image_upload

pytestmark = pytest.mark.django_db

BUDGET = 8


@pytest.fixture
def many_reports(district, school, naryn, events, congresses):
    organisations = [district, school, naryn]
    categories = [events, congresses]
    now = timezone.now()
    return [
        ReportFactory(
            organisation=organisations[number % 3],
            category=categories[number % 2],
            published_at=now - timezone.timedelta(days=number + 1),
            cover=image_upload(f"cover-{number}.jpg", size=(96, 64)),
        )
        for number in range(30)
    ]


@pytest.mark.parametrize("language", ["ky", "ru"])
@pytest.mark.parametrize(
    "params",
    [
        {},
        {"page": "2"},
        {"region": "osh", "category": "events", "year": str(timezone.now().year)},
        {"organisation": "ozgon-school-5"},
        {"organisation": "ozgon-district"},
    ],
)
def test_list_page_stays_within_the_query_budget(
    client, many_reports, django_assert_max_num_queries, language, params
):
    with django_assert_max_num_queries(BUDGET):
        response = client.get(f"/{language}/news/", params)
    assert response.status_code == 200
    assert response.content.decode().count('class="card report-card"') >= 1


def test_list_page_shows_twelve_cards_with_renditions(client, many_reports, django_assert_max_num_queries):
    with django_assert_max_num_queries(BUDGET):
        html = client.get("/ky/news/").content.decode()
    assert html.count('class="card report-card"') == 12
    assert html.count('loading="lazy"') == 12


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_detail_page_with_a_30_photo_gallery_stays_within_the_query_budget(
    client, many_reports, django_assert_max_num_queries, language
):
    report = many_reports[5]
    for number in range(30):
        ReportPhotoFactory(
            report=report, image=image_upload(f"photo-{number}.jpg", size=(80, 60)), order=number
        )
    url = report.get_absolute_url().replace("/ky/", f"/{language}/", 1)
    with django_assert_max_num_queries(BUDGET):
        response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('<li id="photo-') == 30
    assert 'rel="prev"' in html and 'rel="next"' in html


def test_home_page_news_block_is_one_query(client, many_reports, django_assert_num_queries):
    from django.template import Context, Template

    with django_assert_num_queries(1):
        html = Template("{% load news_tags %}{% latest_reports %}").render(Context({}))
    assert html.count('class="card report-card"') == 4


def test_feed_stays_within_the_query_budget(client, many_reports, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        response = client.get("/ru/news/feed/osh/")
    assert response.status_code == 200
