import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from news.models import Report, ReportPhoto
from tests.news.factories import ReportFactory
from tests.uploads import image_upload

pytestmark = pytest.mark.django_db

ADD_URL = "/ky/admin/news/report/add/"


def files_on_disk(media_root):
    return sorted(path for path in media_root.rglob("*") if path.is_file()) if media_root.exists() else []


def report_form(district, category, **extra):
    data = {
        "title_ky": "Өзгөндө семинар",
        "title_ru": "Семинар в Узгене",
        "slug": "",
        "lead_ky": "Кыскача",
        "lead_ru": "Кратко",
        "body_ky": "<p>Текст</p>",
        "body_ru": "<p>Текст по-русски</p>",
        "status": "published",
        "published_at_0": "2024-04-28",
        "published_at_1": "11:00:00",
        "organisation": district.pk,
        "category": category.pk,
        "prepared_by_name_ky": "А. Асанова",
        "prepared_by_name_ru": "А. Асанова",
        "prepared_by_position_ky": "төрайым",
        "prepared_by_position_ru": "председатель",
        "photos-TOTAL_FORMS": "0",
        "photos-INITIAL_FORMS": "0",
        "photos-MIN_NUM_FORMS": "0",
        "photos-MAX_NUM_FORMS": "1000",
    }
    data.update(extra)
    return data


def png_bytes(size=(32, 24), mode="RGB"):
    buffer = io.BytesIO()
    Image.new(mode, size).save(buffer, format="PNG")
    return buffer.getvalue()


def test_admin_creates_a_report_in_both_languages(admin_client, admin_user, district, events):
    response = admin_client.post(ADD_URL, report_form(district, events, cover=image_upload("cover.jpg")))
    assert response.status_code == 302, response.content.decode()[:3000]
    report = Report.objects.get()
    assert (report.title_ky, report.title_ru) == ("Өзгөндө семинар", "Семинар в Узгене")
    assert report.slug == "ozgondo-seminar"
    assert report.created_by == admin_user
    assert report.get_absolute_url() == "/ky/news/2024/04/28/ozgondo-seminar/"
    assert set(report.cover_sizes) == {"card", "card_2x", "detail", "detail_2x"}


def test_admin_accepts_a_report_in_russian_only(admin_client, district, events):
    data = report_form(district, events, title_ky="", lead_ky="", body_ky="")
    assert admin_client.post(ADD_URL, data).status_code == 302
    report = Report.objects.get()
    assert not report.title_ky and report.slug == "seminar-v-uzgene"


def test_admin_refuses_a_report_without_any_title(admin_client, district, events):
    response = admin_client.post(ADD_URL, report_form(district, events, title_ky="", title_ru=""))
    assert response.status_code == 200
    assert "Аталышты жок дегенде бир тилде жазыңыз." in response.content.decode()
    assert not Report.objects.exists()


def test_admin_uploads_many_photos_at_once(admin_client, district, events):
    uploads = [image_upload(f"IMG_{number}.jpg") for number in range(5)]
    # A draft: photos uploaded all at once have no captions yet, which review and publication need.
    data = report_form(district, events, status="draft", upload_photos=uploads)
    response = admin_client.post(ADD_URL, data, follow=True)
    assert response.status_code == 200
    report = Report.objects.get()
    photos = list(report.photos.all())
    assert [photo.order for photo in photos] == [1, 2, 3, 4, 5]
    assert all(set(photo.sizes) == {"gallery_thumb", "gallery_thumb_2x", "large"} for photo in photos)
    assert "Галереяга 5 сүрөт кошулду." in response.content.decode()


def test_admin_adds_uploaded_photos_after_the_existing_ones(admin_client, district, events):
    report = ReportFactory(organisation=district, category=events)
    ReportPhoto.objects.create(report=report, image=image_upload("old.jpg"), order=7)
    data = report_form(
        district, events, slug=report.slug, status="draft", upload_photos=[image_upload("new.jpg")]
    )
    data.update({"photos-TOTAL_FORMS": "0", "photos-INITIAL_FORMS": "0"})
    response = admin_client.post(f"/ky/admin/news/report/{report.pk}/change/", data)
    assert response.status_code == 302
    assert list(report.photos.values_list("order", flat=True)) == [7, 8]


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile("notes.jpg", b"this is not a photo at all", "image/jpeg"),
            "JPEG, PNG, WebP же GIF",
        ),
        # a real PNG padded past 15 MB
        (
            SimpleUploadedFile("huge.png", png_bytes() + b"\0" * (15 * 1024 * 1024), "image/png"),
            "МБ чегинен чоң",
        ),
        # a decompression bomb: small file, 56 million pixels
        (SimpleUploadedFile("bomb.png", png_bytes((8000, 7000), mode="1"), "image/png"), "8000 × 7000"),
    ],
    ids=["not-an-image", "over-15-mb", "too-many-pixels"],
)
def test_admin_refuses_bad_photos_and_stores_nothing(
    admin_client, district, events, settings, upload, message
):
    good = image_upload("good.jpg")
    response = admin_client.post(ADD_URL, report_form(district, events, upload_photos=[good, upload]))
    assert response.status_code == 200
    html = response.content.decode()
    assert f"{upload.name}: " in html
    assert message in html
    assert "good.jpg" not in html.split('class="errorlist')[1][:300]
    assert not Report.objects.exists()
    assert not ReportPhoto.objects.exists()
    assert files_on_disk(settings.MEDIA_ROOT) == []


def test_admin_refuses_a_bad_cover_and_stores_nothing(admin_client, district, events, settings):
    bad = SimpleUploadedFile("cover.png", png_bytes((8000, 7000), mode="1"), "image/png")
    response = admin_client.post(ADD_URL, report_form(district, events, cover=bad))
    assert response.status_code == 200
    assert "8000 × 7000" in response.content.decode()
    assert not Report.objects.exists()
    assert files_on_disk(settings.MEDIA_ROOT) == []


def test_admin_publish_and_unpublish_actions(admin_client, district, client):
    drafts = [ReportFactory(status=Report.Status.DRAFT, organisation=district) for _ in range(2)]
    ids = [report.pk for report in drafts]
    response = admin_client.post(
        "/ru/admin/news/report/", {"action": "publish", "_selected_action": ids}, follow=True
    )
    assert "Опубликовано 2 отчёта." in response.content.decode()
    assert client.get(drafts[0].get_absolute_url()).status_code == 200
    admin_client.post("/ru/admin/news/report/", {"action": "unpublish", "_selected_action": ids[:1]})
    assert client.get(drafts[0].get_absolute_url()).status_code == 404
    assert set(Report.objects.values_list("status", flat=True)) == {"draft", "published"}


def test_admin_list_searches_both_languages_and_filters_by_region(admin_client, district, naryn):
    ReportFactory(title_ky="Нарындагы курултай", title_ru="Курултай в Нарыне", organisation=naryn)
    ReportFactory(title_ky="Өзгөн", title_ru="Узген", organisation=district)
    html = admin_client.get("/ky/admin/news/report/", {"q": "Курултай в"}).content.decode()
    assert "Нарындагы курултай" in html and "Өзгөн</a>" not in html
    html = admin_client.get("/ky/admin/news/report/", {"organisation__region__exact": "osh"}).content.decode()
    assert "Өзгөн</a>" in html and "Нарындагы курултай" not in html


def test_admin_change_page_has_tabs_gallery_and_view_on_site(admin_client, district):
    report = ReportFactory(organisation=district)
    ReportPhoto.objects.create(report=report, image=image_upload("p.jpg"), caption_ky="Кол тамга", order=1)
    html = admin_client.get(f"/ky/admin/news/report/{report.pk}/change/").content.decode()
    assert 'name="title_ru"' in html and 'name="title_ky"' in html
    assert 'name="photos-0-caption_ky"' in html and 'name="photos-0-alt_text_ru"' in html
    assert 'name="upload_photos"' in html and "multiple" in html
    assert "/ky/admin/r/" in html  # view on site
