import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from news.models import Report
from tests.news.factories import ReportFactory

pytestmark = pytest.mark.django_db


def items(response):
    channel = ET.fromstring(response.content).find("channel")  # noqa: S314 - our own feed
    return channel, [(item.findtext("title"), item.findtext("link")) for item in channel.findall("item")]


@pytest.fixture
def reports(district, naryn):
    return [
        ReportFactory(
            title_ky="Ош семинары", title_ru="Семинар в Оше", slug="osh-seminar", organisation=district
        ),
        ReportFactory(
            title_ky="Нарын съезди", title_ru="Съезд в Нарыне", slug="naryn-congress", organisation=naryn
        ),
        ReportFactory(title_ky="Долбоор", status=Report.Status.DRAFT, organisation=district),
        ReportFactory(
            title_ky="Эртеңки",
            published_at=timezone.now() + timezone.timedelta(days=1),
            organisation=district,
        ),
    ]


@pytest.mark.parametrize(
    ("language", "feed_title", "titles"),
    [
        ("ky", "Кесиптик бирликтин жаңылыктары", {"Ош семинары", "Нарын съезди"}),
        ("ru", "Новости профсоюза", {"Семинар в Оше", "Съезд в Нарыне"}),
    ],
)
def test_feed_lists_published_reports_in_each_language(client, reports, language, feed_title, titles):
    response = client.get(f"/{language}/news/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel, entries = items(response)
    assert channel.findtext("title") == feed_title
    assert channel.findtext("language") == language
    assert {title for title, _ in entries} == titles
    assert all(f"/{language}/news/" in link for _, link in entries)


def test_region_feed_lists_only_that_region(client, reports):
    channel, entries = items(client.get("/ru/news/feed/naryn/"))
    assert [title for title, _ in entries] == ["Съезд в Нарыне"]
    assert "Нарынская область" in channel.findtext("title")
    assert channel.findtext("link").endswith("/ru/news/?region=naryn")


def test_unknown_region_feed_is_404(client, reports):
    assert client.get("/ky/news/feed/atlantis/").status_code == 404
