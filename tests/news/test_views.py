import json
import re

import pytest
from django.utils import timezone

from news.models import Report
from tests.news.factories import ReportFactory, ReportPhotoFactory
from tests.uploads import image_upload

pytestmark = pytest.mark.django_db


def local(year, month, day, hour=10):
    return timezone.datetime(year, month, day, hour, tzinfo=timezone.get_current_timezone())


def page(client, url, **params):
    response = client.get(url, params)
    return response, response.content.decode()


# --- list -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "title", "heading"),
    [
        ("ky", "Өзгөндөгү семинар", "Аймактардан жаңылыктар"),
        ("ru", "Семинар в Узгене", "Новости из регионов"),
    ],
)
def test_list_shows_published_reports_in_the_page_language(
    client, district, events, language, title, heading
):
    ReportFactory(
        title_ky="Өзгөндөгү семинар", title_ru="Семинар в Узгене", organisation=district, category=events
    )
    response, html = page(client, f"/{language}/news/")
    assert response.status_code == 200
    assert f'<html lang="{language}"' in html
    assert heading in html
    assert title in html
    assert district.name in html
    assert events.name in html


def test_list_is_newest_first_and_paginated_by_twelve(client, district):
    now = timezone.now()
    for number in range(14):
        ReportFactory(
            title_ky=f"Отчёт номер {number:02d}",
            organisation=district,
            published_at=now - timezone.timedelta(days=number + 1),
        )
    first = client.get("/ky/news/").content.decode()
    titles = re.findall(r"Отчёт номер (\d\d)", first)
    assert titles == [f"{n:02d}" for n in range(12)]
    second = client.get("/ky/news/", {"page": 2}).content.decode()
    assert re.findall(r"Отчёт номер (\d\d)", second) == ["12", "13"]
    assert 'rel="prev"' in second


def test_list_cards_use_renditions_with_srcset_and_never_the_original(client, district):
    report = ReportFactory(organisation=district, cover=image_upload("camera.jpg", size=(1200, 800)))
    html = client.get("/ky/news/").content.decode()
    card = report.cover_sizes["card"]
    card_2x = report.cover_sizes["card_2x"]
    assert f'src="{card.url}"' in html
    assert f"{card_2x.url} {card_2x.width}w" in html
    assert f'width="{card.width}" height="{card.height}" loading="lazy"' in html
    assert (card.width, card.height) == (480, 320)
    assert report.cover.url not in html


def test_list_shows_a_ru_only_report_with_its_language_marked(client, district):
    ReportFactory(title_ky="", title_ru="Только по-русски", lead_ky="", organisation=district)
    html = client.get("/ky/news/").content.decode()
    assert 'lang="ru">Только по-русски</a>' in html


def test_list_head_links_the_feeds(client, district):
    html = client.get("/ru/news/", {"region": "osh"}).content.decode()
    assert 'type="application/rss+xml"' in html
    assert 'href="/ru/news/feed/"' in html
    assert 'href="/ru/news/feed/osh/"' in html


# --- filters --------------------------------------------------------------------------------


def test_filter_by_region(client, district, naryn):
    ReportFactory(title_ky="Ош жаңылыгы", organisation=district)
    ReportFactory(title_ky="Нарын жаңылыгы", organisation=naryn)
    html = client.get("/ky/news/", {"region": "naryn"}).content.decode()
    assert "Нарын жаңылыгы" in html
    assert "Ош жаңылыгы" not in html
    assert '<option value="naryn" selected>' in html


def test_filter_by_organisation_includes_its_sub_organisations(client, oblast, district, school, naryn):
    ReportFactory(title_ky="Облустун отчёту", organisation=oblast)
    ReportFactory(title_ky="Мектептин отчёту", organisation=school)
    ReportFactory(title_ky="Нарындын отчёту", organisation=naryn)
    html = client.get("/ky/news/", {"organisation": "ozgon-district"}).content.decode()
    assert "Мектептин отчёту" in html
    assert "Облустун отчёту" not in html
    assert "Нарындын отчёту" not in html
    html = client.get("/ky/news/", {"organisation": "osh-oblast"}).content.decode()
    assert "Мектептин отчёту" in html
    assert "Облустун отчёту" in html


def test_filter_accepts_a_primary_organisation_by_slug(client, school, district):
    ReportFactory(title_ky="Мектептин отчёту", organisation=school)
    ReportFactory(title_ky="Райондун отчёту", organisation=district)
    html = client.get("/ky/news/", {"organisation": "ozgon-school-5"}).content.decode()
    assert "Мектептин отчёту" in html
    assert "Райондун отчёту" not in html


def test_filter_by_category_and_year(client, district, events, congresses):
    ReportFactory(
        title_ky="Съезд 2023",
        title_ru="",
        category=congresses,
        organisation=district,
        published_at=local(2023, 3, 3),
    )
    ReportFactory(
        title_ky="Семинар 2024",
        title_ru="",
        category=events,
        organisation=district,
        published_at=local(2024, 4, 28),
    )
    html = client.get("/ru/news/", {"category": "congresses"}).content.decode()
    assert "Съезд 2023" in html and "Семинар 2024" not in html
    html = client.get("/ru/news/", {"year": "2024"}).content.decode()
    assert "Семинар 2024" in html and "Съезд 2023" not in html
    html = client.get("/ru/news/", {"year": "2024", "category": "congresses"}).content.decode()
    assert "Ни один отчёт не подходит под эти условия." in html


def test_empty_filter_values_show_everything(client, district):
    ReportFactory(title_ky="Бардыгы көрүнөт", organisation=district)
    response = client.get("/ky/news/", {"region": "", "organisation": "", "category": "", "year": ""})
    assert response.status_code == 200
    assert "Бардыгы көрүнөт" in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"region": "atlantis"},
        {"category": "no-such-category"},
        {"organisation": "no-such-organisation"},
        {"year": "1850"},
        {"year": "abc"},
        {"region": "<script>"},
    ],
)
def test_unknown_filter_values_are_404(client, district, events, params):
    ReportFactory(organisation=district, category=events)
    assert client.get("/ky/news/", params).status_code == 404


@pytest.mark.parametrize(("value", "expected_page"), [("abc", 1), ("0", 1), ("-3", 1), ("99999", 2), ("", 1)])
def test_bad_page_numbers_show_the_nearest_page(client, district, value, expected_page):
    for number in range(13):
        ReportFactory(organisation=district, title_ky=f"Отчёт {number}")
    response = client.get("/ru/news/", {"page": value})
    assert response.status_code == 200
    assert f"Страница {expected_page} из 2" in response.content.decode()


# --- detail ---------------------------------------------------------------------------------


@pytest.fixture
def report(district, events):
    report = ReportFactory(
        title_ky="Өзгөндө областтык семинар",
        title_ru="Областной семинар в Узгене",
        slug="ozgon-seminar",
        lead_ky="Баштапкы уюмдардын төрагалары чогулушту.",
        lead_ru="Собрались председатели первичных организаций.",
        body_ky="<p>Семинар интернат-гимназияда өттү.</p><script>alert(1)</script>",
        body_ru="<p>Семинар прошёл в школе-интернате.</p>",
        published_at=local(2024, 4, 28, 11),
        organisation=district,
        category=events,
        cover=image_upload("cover.jpg", size=(2000, 1200)),
    )
    ReportPhotoFactory(
        report=report, caption_ky="Залдагы катышуучулар", caption_ru="Участники в зале", order=1
    )
    return report


def test_report_address_reads_like_the_site(report):
    assert report.get_absolute_url() in ("/ky/news/2024/04/28/ozgon-seminar/",)


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        (
            "ky",
            [
                "Өзгөндө областтык семинар",
                "Семинар интернат-гимназияда өттү.",
                "Залдагы катышуучулар",
                "Даярдаган",
                "Басып чыгаруу",
                "Өзгөн райондук комитети",
            ],
        ),
        (
            "ru",
            [
                "Областной семинар в Узгене",
                "Семинар прошёл в школе-интернате.",
                "Участники в зале",
                "Подготовил(а)",
                "Распечатать",
                "Узгенский районный комитет",
            ],
        ),
    ],
)
def test_detail_shows_the_report_in_the_page_language(client, report, language, texts):
    response = client.get(f"/{language}/news/2024/04/28/ozgon-seminar/")
    assert response.status_code == 200
    html = response.content.decode()
    for text in texts:
        assert text in html
    assert "<script>alert(1)</script>" not in html


def test_detail_has_gallery_linking_thumbnails_to_photo_pages_with_large_renditions(client, report):
    html = client.get(report.get_absolute_url()).content.decode()
    photo = report.photos.get()
    thumb, large = photo.sizes["gallery_thumb"], photo.sizes["large"]
    # The photo's own page without JavaScript; gallery.js shows the large rendition in an overlay.
    assert f'<a href="{report.get_photo_url(1)}" data-src="{large.url}"' in html
    assert re.search(
        rf'<img src="{re.escape(thumb.url)}" srcset="[^"]+" width="{thumb.width}" height="{thumb.height}" '
        'alt="Катышуучулар залда"',
        html,
    )
    assert photo.image.url not in html
    assert report.cover.url not in html


def test_detail_cover_uses_detail_renditions(client, report):
    html = client.get(report.get_absolute_url()).content.decode()
    detail, detail_2x = report.cover_sizes["detail"], report.cover_sizes["detail_2x"]
    assert detail.width == 960 and detail_2x.width == 1600
    assert f'<img src="{detail.url}" srcset="{detail.url} 960w, {detail_2x.url} 1600w"' in html


def test_detail_has_opengraph_and_news_article_json_ld(client, report, settings):
    settings.ALLOWED_HOSTS = ["union.example.kg"]
    html = client.get(report.get_absolute_url(), HTTP_HOST="union.example.kg").content.decode()
    detail = report.cover_sizes["detail"]
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Өзгөндө областтык семинар">' in html
    assert '<meta property="og:description" content="Баштапкы уюмдардын төрагалары чогулушту.">' in html
    assert f'<meta property="og:image" content="http://union.example.kg{detail.url}">' in html
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(match.group(1))
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Өзгөндө областтык семинар"
    assert data["image"][0] == f"http://union.example.kg{detail.url}"
    assert data["datePublished"].startswith("2024-04-28")


def test_detail_shows_the_organisation_card_with_its_page_link(client, report, district):
    html = client.get("/ru/news/2024/04/28/ozgon-seminar/").content.decode()
    assert f'href="/ru/structure/{district.slug}/"' in html
    assert "Ошская область" in html
    assert 'href="/ru/news/?organisation=ozgon-district"' in html


def test_detail_links_previous_next_and_related(client, report, district, events, naryn):
    older = ReportFactory(
        title_ky="Мурунку отчёт",
        organisation=naryn,
        category=events,
        published_at=report.published_at - timezone.timedelta(days=2),
    )
    newer = ReportFactory(
        title_ky="Кийинки отчёт",
        organisation=naryn,
        published_at=report.published_at + timezone.timedelta(days=2),
    )
    html = client.get(report.get_absolute_url()).content.decode()
    assert f'<a rel="prev" href="{older.get_absolute_url()}"' in html
    assert f'<a rel="next" href="{newer.get_absolute_url()}"' in html
    related = html.split('id="related-title"')[1]
    assert "Мурунку отчёт" in related  # same category
    assert "Кийинки отчёт" not in related  # neither category nor organisation


def test_detail_has_a_print_version_without_javascript(client, report):
    html = client.get(report.get_absolute_url()).content.decode()
    assert f'href="{report.get_absolute_url()}?print=1" data-print' in html
    printable = client.get(report.get_absolute_url(), {"print": "1"}).content.decode()
    assert 'href="/static/css/print.css" media="screen"' in printable
    assert '<meta name="robots" content="noindex">' in printable
    assert "Залдагы катышуучулар" in printable


def test_detail_marks_the_fallback_language(client, district):
    report = ReportFactory(
        title_ky="",
        title_ru="Только на русском",
        lead_ky="",
        body_ky="",
        body_ru="<p>Текст</p>",
        organisation=district,
    )
    html = client.get(report.get_absolute_url()).content.decode()
    assert '<h1 lang="ru">Только на русском</h1>' in html
    assert '<div class="rich-text" lang="ru">' in html
    html_ru = client.get(report.get_absolute_url().replace("/ky/", "/ru/", 1)).content.decode()
    assert "<h1>Только на русском</h1>" in html_ru


def test_draft_report_is_hidden_from_public(client, district):
    draft = ReportFactory(status=Report.Status.DRAFT, title_ky="Даярдалып жаткан", organisation=district)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert "Даярдалып жаткан" not in client.get("/ky/news/").content.decode()


def test_future_report_is_hidden_until_its_time(client, district):
    future = ReportFactory(
        published_at=timezone.now() + timezone.timedelta(days=1),
        title_ky="Эртеңки отчёт",
        organisation=district,
    )
    assert client.get(future.get_absolute_url()).status_code == 404
    assert "Эртеңки отчёт" not in client.get("/ky/news/").content.decode()
    Report.objects.filter(pk=future.pk).update(published_at=timezone.now() - timezone.timedelta(minutes=1))
    future.refresh_from_db()
    assert client.get(future.get_absolute_url()).status_code == 200


def test_unknown_report_is_404(client):
    assert client.get("/ky/news/2024/04/28/no-such-report/").status_code == 404


def test_wrong_date_in_the_address_redirects_to_the_report(client, report):
    response = client.get("/ky/news/2023/01/01/ozgon-seminar/")
    assert response.status_code == 301
    assert response["Location"] == "/ky/news/2024/04/28/ozgon-seminar/"


def test_home_page_shows_latest_reports(client, report):
    html = client.get("/ru/").content.decode()
    assert "Областной семинар в Узгене" in html
    assert 'href="/ru/news/"' in html


def test_saving_a_russian_only_report_keeps_the_kyrgyz_text_empty(district):
    report = ReportFactory(
        title_ky="", lead_ky="", body_ky="", body_ru="<p>Только текст</p>", organisation=district
    )
    report.save()
    report.refresh_from_db()
    assert report.body_ky == ""
    assert report.body_ru == "<p>Только текст</p>"


def test_hostile_html_in_the_body_is_cleaned_on_save(district):
    report = ReportFactory(
        body_ky='<p onclick="steal()">Текст<script>alert(1)</script><a href="javascript:x()">шилтеме</a></p>',
        organisation=district,
    )
    report.refresh_from_db()
    assert "script" not in report.body_ky
    assert "onclick" not in report.body_ky
    assert "javascript" not in report.body_ky
    assert "Текст" in report.body_ky


def test_reports_published_at_the_same_moment_link_to_each_other(client):
    from django.utils import timezone

    from tests.news.factories import ReportFactory

    moment = timezone.now() - timezone.timedelta(days=1)
    first = ReportFactory(published_at=moment)
    second = ReportFactory(published_at=moment)
    page = client.get(first.get_absolute_url()).content.decode()
    assert second.get_absolute_url() in page
    page = client.get(second.get_absolute_url()).content.decode()
    assert first.get_absolute_url() in page


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_year_filter_offers_only_years_with_published_reports(client, district, language):
    ReportFactory(title_ky="2021", organisation=district, published_at=local(2021, 1, 1, 0))
    ReportFactory(title_ky="2023", organisation=district, published_at=local(2023, 12, 31, 23))
    ReportFactory(title_ky="2025", organisation=district, published_at=local(2025, 6, 1))
    for year in (2022, 2024):
        ReportFactory(organisation=district, published_at=local(year, 6, 1), status="draft")
    html = client.get(f"/{language}/news/").content.decode()
    select = re.search(r'<select name="year".*?</select>', html, re.S).group(0)
    assert re.findall(r'<option value="(\d+)"', select) == ["2025", "2023", "2021"]
    assert client.get(f"/{language}/news/", {"year": "2024"}).status_code == 404
    assert client.get(f"/{language}/news/", {"year": "2023"}).status_code == 200
