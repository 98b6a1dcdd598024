"""A gallery photo's own page: what a reader without JavaScript gets on tapping a thumbnail."""

import re

import pytest
from django.utils import timezone

from news.models import Report
from tests.news.factories import ReportFactory, ReportPhotoFactory
from tests.uploads import image_upload

pytestmark = pytest.mark.django_db

BUDGET = 8


@pytest.fixture
def report(district, events):
    report = ReportFactory(
        organisation=district, category=events, title_ky="Өзгөндөгү семинар", title_ru="Семинар в Узгене"
    )
    for number in range(1, 4):
        ReportPhotoFactory(
            report=report,
            order=number,
            image=image_upload(f"photo-{number}.jpg", size=(900, 600)),
            caption_ky=f"Катышуучулар {number}",
            caption_ru=f"Участники {number}",
        )
    return report


def photo_url(report, number, language="ky"):
    return re.sub(r"^/[a-z]{2}/", f"/{language}/", report.get_photo_url(number))


def get(client, url):
    response = client.get(url)
    return response, response.content.decode()


@pytest.mark.parametrize(
    ("language", "caption", "title"),
    [("ky", "Катышуучулар 2", "Өзгөндөгү семинар"), ("ru", "Участники 2", "Семинар в Узгене")],
)
def test_a_photo_page_shows_the_large_photo_its_caption_and_its_place(
    client, report, language, caption, title
):
    url = photo_url(report, 2, language)
    assert re.fullmatch(rf"/{language}/news/\d{{4}}/\d\d/\d\d/{report.slug}/photos/2/", url)
    response, html = get(client, url)
    assert response.status_code == 200
    assert f'<html lang="{language}"' in html
    photo = report.photos.order_by("order")[1]
    large = photo.sizes["large"]
    assert (large.width, large.height) == (900, 600)
    figure = re.search(r'<figure class="photo-page-figure">(.*?)</figure>', html, re.DOTALL).group(1)
    assert f'src="{large.url}"' in figure
    assert f'width="{large.width}" height="{large.height}"' in figure
    assert f"<figcaption>{caption}</figcaption>" in figure
    assert f'alt="{photo.alt_text_ky if language == "ky" else photo.alt_text_ru}"' in figure
    counter = re.search(r'<p class="meta photo-counter">(.*?)</p>', html).group(1)
    assert counter == {"ky": "3 сүрөттүн 2-сүрөтү", "ru": "Фото 2 из 3"}[language]
    assert f"<h1><span>{title}</span></h1>" in html
    assert re.search(rf"<title>{counter}[^<]*{title}", html)


def test_a_photo_page_links_to_its_neighbours_and_back_to_the_gallery(client, report):
    photos = list(report.photos.order_by("order"))
    _response, first = get(client, photo_url(report, 1))
    assert 'rel="prev"' not in first
    assert f'rel="next" href="{photo_url(report, 2)}"' in first
    _response, middle = get(client, photo_url(report, 2))
    assert f'rel="prev" href="{photo_url(report, 1)}"' in middle
    assert f'rel="next" href="{photo_url(report, 3)}"' in middle
    assert f'href="{report.get_absolute_url()}#photo-{photos[1].pk}"' in middle
    _response, last = get(client, photo_url(report, 3))
    assert 'rel="next"' not in last
    # The breadcrumbs lead to the list and the report.
    breadcrumbs = re.search(r'<nav class="breadcrumbs[^"]*".*?</nav>', middle, re.DOTALL).group(0)
    assert 'href="/ky/news/"' in breadcrumbs
    assert f'href="{report.get_absolute_url()}"' in breadcrumbs


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_a_photo_page_is_its_own_canonical_with_both_languages_as_alternates(client, report, language):
    url = photo_url(report, 2, language)
    _response, html = get(client, url)
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)
    assert canonical.endswith(url)
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([a-z-]+)" href="([^"]+)">', html))
    assert alternates["ky"].endswith(photo_url(report, 2, "ky"))
    assert alternates["ru"].endswith(photo_url(report, 2, "ru"))


def test_the_gallery_thumbnails_link_to_the_photo_pages(client, report):
    _response, html = get(client, report.get_absolute_url())
    gallery = re.search(r'<ul class="gallery">(.*?)</ul>', html, re.DOTALL).group(1)
    links = re.findall(r'<a href="([^"]+)"', gallery)
    assert links == [photo_url(report, number) for number in (1, 2, 3)]
    # gallery.js finds the large picture of each in its link and is loaded without blocking.
    assert gallery.count("data-src=") == 3
    assert re.search(r'<script src="/static/js/gallery[^"]*\.js" defer>', html)
    assert re.search(r'<link rel="stylesheet" href="/static/css/gallery[^"]*\.css">', html)


@pytest.mark.parametrize("number", ["0", "4", "99"])
def test_a_photo_number_the_report_does_not_have_is_404(client, report, number):
    url = re.sub(r"/photos/1/$", f"/photos/{number}/", photo_url(report, 1))
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("number", ["x", "-1", "1.5"])
def test_a_photo_number_that_is_not_a_number_is_404(client, report, number):
    url = re.sub(r"/photos/1/$", f"/photos/{number}/", photo_url(report, 1))
    assert client.get(url).status_code == 404


def test_a_report_without_photos_has_no_photo_page(client, district):
    report = ReportFactory(organisation=district)
    assert client.get(report.get_photo_url(1)).status_code == 404


@pytest.mark.parametrize(
    "changes",
    [
        {"status": Report.Status.DRAFT},
        {"published_at": timezone.now() + timezone.timedelta(days=2)},
    ],
)
def test_the_photos_of_an_unpublished_report_are_404(client, report, changes):
    url = report.get_photo_url(1)
    Report.objects.filter(pk=report.pk).update(**changes)
    assert client.get(url).status_code == 404


def test_an_old_date_in_the_address_redirects_to_the_photo_page(client, report):
    url = report.get_photo_url(2)
    wrong = re.sub(r"/news/\d{4}/", "/news/2001/", url)
    response = client.get(wrong)
    assert response.status_code == 301
    assert response["Location"] == url


def test_a_photo_without_caption_or_alternative_text_is_named_after_the_report(client, report):
    ReportPhotoFactory(report=report, order=9, caption_ky="", caption_ru="", alt_text_ky="", alt_text_ru="")
    _response, html = get(client, report.get_photo_url(4))
    figure = re.search(r'<figure class="photo-page-figure">(.*?)</figure>', html, re.DOTALL).group(1)
    assert 'alt="Өзгөндөгү семинар, ' in figure
    assert "<figcaption" not in figure


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_a_photo_page_of_a_30_photo_report_stays_within_the_query_budget(
    client, district, events, django_assert_max_num_queries, language
):
    report = ReportFactory(organisation=district, category=events)
    for number in range(30):
        ReportPhotoFactory(
            report=report,
            order=number,
            image=image_upload(f"p-{number}.jpg", size=(80, 60)),
            caption_ky="",
            caption_ru="",
            alt_text_ky="",
            alt_text_ru="",
        )
    with django_assert_max_num_queries(BUDGET):
        response = client.get(photo_url(report, 17, language))
    assert response.status_code == 200
    assert 'alt="' in response.content.decode()
