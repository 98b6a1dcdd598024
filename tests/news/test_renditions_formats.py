"""AVIF and WebP renditions beside the JPEG/PNG ones, and the <picture> that offers them."""

import html as html_module
import io
import re

import pytest
from django.core.management import call_command
from PIL import Image, features

from news.models import Report, ReportPhoto
from tests.events.factories import EventFactory
from tests.news.factories import ReportFactory, ReportPhotoFactory
from tests.uploads import image_upload
from unionsite.pagecache import current_generation
from unionsite.renditions import MODERN_FORMATS, renditions_from

pytestmark = pytest.mark.django_db

PIL_FORMATS = {"avif": "AVIF", "webp": "WEBP"}
PHOTO_SIZES = {"gallery_thumb": (240, 160), "gallery_thumb_2x": (480, 320), "large": (1600, 1200)}
COVER_SIZES = {"card": (480, 320), "card_2x": (960, 640), "detail": (960, 480), "detail_2x": (1600, 800)}


def test_this_pillow_makes_avif_and_webp():
    """The server the site runs on must make both (Pillow 11.3+ reads and writes AVIF)."""
    assert features.check("avif") and features.check("webp")
    assert MODERN_FORMATS == ("avif", "webp")


def open_stored(settings, name):
    with Image.open(settings.MEDIA_ROOT / name) as image:
        image.load()
        return image.format, image.size, image.mode


def check_renditions(settings, stored, expected_sizes, fallback_format="JPEG"):
    for alias, size in expected_sizes.items():
        name, width, height = stored[alias]
        assert (width, height) == size
        assert open_stored(settings, name)[:2] == (fallback_format, size)
        for extension in ("avif", "webp"):
            modern_name, modern_width, modern_height = stored[f"{alias}.{extension}"]
            assert modern_name.endswith(f".{extension}")
            assert (modern_width, modern_height) == size
            assert open_stored(settings, modern_name)[:2] == (PIL_FORMATS[extension], size), modern_name


def test_a_saved_photo_gets_avif_and_webp_renditions_of_every_size(district, settings):
    photo = ReportPhotoFactory(image=image_upload("hall.jpg", size=(2400, 1800)))
    stored = ReportPhoto.objects.get(pk=photo.pk).renditions
    check_renditions(settings, stored, PHOTO_SIZES)


def test_a_saved_cover_gets_avif_and_webp_renditions_of_every_size(district, settings):
    report = ReportFactory(organisation=district, cover=image_upload("c.jpg", size=(2000, 1000)))
    stored = Report.objects.get(pk=report.pk).cover_renditions
    check_renditions(settings, stored, COVER_SIZES)


def test_an_event_cover_gets_them_too(settings):
    event = EventFactory(cover=image_upload("e.jpg", size=(2000, 1000)))
    check_renditions(settings, type(event).objects.get(pk=event.pk).cover_renditions, COVER_SIZES)


def test_a_transparent_png_keeps_its_transparency_in_webp_and_avif(district, settings):
    buffer = io.BytesIO()
    Image.new("RGBA", (600, 400), (200, 30, 30, 0)).save(buffer, format="PNG")
    upload = image_upload("logo.png", size=(600, 400), image_format="PNG")
    upload.file = io.BytesIO(buffer.getvalue())
    upload.size = len(buffer.getvalue())
    photo = ReportPhotoFactory(image=upload)
    check_renditions(settings, photo.renditions, {"gallery_thumb": (240, 160)}, fallback_format="PNG")
    for extension in ("avif", "webp"):
        assert open_stored(settings, photo.renditions[f"gallery_thumb.{extension}"][0])[2] == "RGBA"


def sources(picture):
    return [
        (kind, html_module.unescape(srcset), sizes)
        for kind, srcset, sizes in re.findall(
            r'<source type="([^"]+)" srcset="([^"]+)"(?: sizes="([^"]+)")?>', picture
        )
    ]


def test_the_report_page_offers_avif_and_webp_in_pictures_with_1x_and_2x_thumbnails(client, district):
    report = ReportFactory(organisation=district, cover=image_upload("c.jpg", size=(2000, 1000)))
    photo = ReportPhotoFactory(report=report, image=image_upload("hall.jpg", size=(2400, 1800)))
    html = client.get(report.get_absolute_url()).content.decode()

    cover = re.search(r'<figure class="report-cover">\s*(<picture>.*?</picture>)', html, re.DOTALL).group(1)
    sizes = report.cover_sizes
    wide = "(min-width: 62rem) 60rem, 100vw"
    assert sources(cover) == [
        (
            "image/avif",
            f"{sizes['detail'].variants[0].url} 960w, {sizes['detail_2x'].variants[0].url} 1600w",
            wide,
        ),
        (
            "image/webp",
            f"{sizes['detail'].variants[1].url} 960w, {sizes['detail_2x'].variants[1].url} 1600w",
            wide,
        ),
    ]
    assert ".avif 960w" in cover and ".webp 1600w" in cover
    # The JPEG for browsers without either, with its size so nothing moves while it loads.
    assert f'<img src="{sizes["detail"].url}"' in cover
    assert 'width="960" height="480"' in cover

    thumbnail = re.search(rf'<li id="photo-{photo.pk}">.*?(<picture>.*?</picture>)', html, re.DOTALL).group(1)
    stored = photo.renditions
    url = renditions_from(stored)["gallery_thumb"].url.rsplit("/", 1)[0]
    assert sources(thumbnail) == [
        (
            "image/avif",
            f"{url}/{stored['gallery_thumb.avif'][0].rsplit('/', 1)[1]} 1x, "
            f"{url}/{stored['gallery_thumb_2x.avif'][0].rsplit('/', 1)[1]} 2x",
            "",
        ),
        (
            "image/webp",
            f"{url}/{stored['gallery_thumb.webp'][0].rsplit('/', 1)[1]} 1x, "
            f"{url}/{stored['gallery_thumb_2x.webp'][0].rsplit('/', 1)[1]} 2x",
            "",
        ),
    ]
    img = re.search(r"<img [^>]*>", thumbnail).group(0)
    assert re.search(r'srcset="[^"]+\.jpg 1x, [^"]+\.jpg 2x"', img)
    assert 'width="240" height="160"' in img
    assert 'alt="Катышуучулар залда"' in img


def test_the_list_cards_offer_avif_and_webp_covers(client, district):
    ReportFactory(organisation=district, cover=image_upload("c.jpg", size=(2000, 1000)))
    html = client.get("/ky/news/").content.decode()
    card = re.search(r'<li class="card report-card">\s*(<picture>.*?</picture>)', html, re.DOTALL).group(1)
    assert [kind for kind, _srcset, _sizes in sources(card)] == ["image/avif", "image/webp"]
    assert re.search(r'\.avif 480w, [^"]+\.avif 960w', card)
    assert 'width="480" height="320" loading="lazy" alt=""' in card


def test_the_event_card_and_page_offer_them(client):
    event = EventFactory(cover=image_upload("e.jpg", size=(2000, 1000)))
    detail = client.get(event.get_absolute_url()).content.decode()
    picture = re.search(r'<figure class="event-cover">\s*(<picture>.*?</picture>)', detail, re.DOTALL).group(
        1
    )
    assert [kind for kind, _srcset, _sizes in sources(picture)] == ["image/avif", "image/webp"]
    assert 'width="960" height="480"' in picture
    listing = client.get("/ky/events/").content.decode()
    card = re.search(r'<li class="card event-card">\s*(<picture>.*?</picture>)', listing, re.DOTALL).group(1)
    assert 'type="image/webp"' in card


def test_refresh_makes_the_new_formats_for_photos_saved_before_them(district, settings):
    photo = ReportPhotoFactory(image=image_upload("old.jpg", size=(1200, 900)))
    report = ReportFactory(organisation=district, cover=image_upload("c.jpg", size=(2000, 1000)))
    event = EventFactory(cover=image_upload("e.jpg", size=(2000, 1000)))
    # As stored before this change: the JPEG renditions only, no 2x thumbnail, no other files.
    for stored in (photo.renditions, report.cover_renditions, event.cover_renditions):
        for key, value in stored.items():
            if "." in key or key == "gallery_thumb_2x":
                (settings.MEDIA_ROOT / value[0]).unlink()
    jpeg_only = {key: value for key, value in photo.renditions.items() if "." not in key}
    jpeg_only.pop("gallery_thumb_2x")
    ReportPhoto.objects.filter(pk=photo.pk).update(renditions=jpeg_only)
    Report.objects.filter(pk=report.pk).update(cover_renditions={"source": report.cover.name})
    type(event).objects.filter(pk=event.pk).update(cover_renditions={"source": event.cover.name})

    generation = current_generation()
    out = io.StringIO()
    call_command("refresh_renditions", stdout=out)
    for counted in ("news.Report cover: 1", "events.Event cover: 1", "news.ReportPhoto image: 1"):
        assert counted in out.getvalue()
    assert current_generation() != generation  # cached pages and cards show the new pictures

    photo.refresh_from_db()
    check_renditions(
        settings,
        photo.renditions,
        {"gallery_thumb": (240, 160), "gallery_thumb_2x": (480, 320), "large": (1200, 900)},
    )
    assert photo.renditions["gallery_thumb"] == jpeg_only["gallery_thumb"]  # the JPEG kept
    report.refresh_from_db()
    check_renditions(settings, report.cover_renditions, COVER_SIZES)
    event.refresh_from_db()
    check_renditions(settings, event.cover_renditions, COVER_SIZES)


def test_deleting_a_photo_removes_its_avif_and_webp_files(
    district, settings, django_capture_on_commit_callbacks
):
    photo = ReportPhotoFactory()
    files = [settings.MEDIA_ROOT / value[0] for key, value in photo.renditions.items() if key != "source"]
    assert len(files) == 9 and all(path.exists() for path in files)
    with django_capture_on_commit_callbacks(execute=True):
        photo.delete()
    assert not any(path.exists() for path in files)
