"""Every photo field takes whole images only and stores them re-encoded without their metadata.

Report covers, gallery photos (one by one and many at once) and leader portraits, through the
admin in both languages. unionsite/validators.py checks, unionsite/images.py re-encodes.
"""

import functools
import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import ExifTags, Image, ImageFile

from news.models import Report, ReportPhoto
from structure.models import Organisation, OrganisationKind
from tests.news.factories import CategoryFactory, ReportFactory
from tests.news.test_admin import files_on_disk, report_form
from tests.structure.factories import OrganisationFactory
from tests.structure.test_admin import form_data as organisation_form
from tests.uploads import image_upload
from unionsite.images import validate_image_upload

pytestmark = pytest.mark.django_db

DAMAGED = {
    "ky": "Сүрөт бузулган же толук эмес. Аны түзмөгүңүздө кайра сактап, жаңыдан жүктөңүз.",
    "ru": (
        "Фото повреждено или сохранено не полностью. "
        "Сохраните его заново на своём устройстве и загрузите ещё раз."
    ),
}
GPS_AND_CAMERA = {ExifTags.Base.Make: "SecretCam", ExifTags.Base.Model: "Serial 12345"}


# --- Images as they come from cameras, phones and broken uploads -------------------------------


def image_bytes(size=(64, 48), image_format="PNG", mode="RGB", **options):
    buffer = io.BytesIO()
    Image.new(mode, size, "red" if mode == "RGB" else 1).save(buffer, format=image_format, **options)
    return buffer.getvalue()


def camera_jpeg(size=(60, 40), orientation=6):
    """A JPEG as a phone writes it: EXIF naming the camera, turned by the Orientation tag.

    The left half is red and the right half blue, so a test can tell which way it was turned.
    """
    image = Image.new("RGB", size, "red")
    image.paste("blue", (size[0] // 2, 0, size[0], size[1]))
    exif = Image.Exif()
    exif.update(GPS_AND_CAMERA)
    exif[ExifTags.Base.Orientation] = orientation
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif.tobytes(), comment=b"taken at home", quality=90)
    return buffer.getvalue()


@functools.cache
def truncated_jpeg():
    """A real photo whose second half never arrived: Pillow opens and verifies it, decoding fails."""
    noise = Image.effect_noise((200, 150), 80).convert("RGB")
    buffer = io.BytesIO()
    noise.save(buffer, format="JPEG", quality=90)
    data = buffer.getvalue()
    return data[: len(data) // 2]


@functools.cache
def png_with_unreadable_exif():
    """A whole, decodable PNG whose eXIf chunk is not TIFF: only re-encoding trips on it."""
    import struct
    import zlib

    data = image_bytes(size=(20, 20))
    payload = b"eXIf" + b"garbage, not a TIFF header"
    chunk = struct.pack(">I", len(payload) - 4) + payload + struct.pack(">I", zlib.crc32(payload))
    end = data.index(b"IEND") - 4
    return data[:end] + chunk + data[end:]


@functools.cache
def png_with_bad_checksum():
    """A PNG whose pixel data no longer matches its CRC."""
    data = bytearray(image_bytes(size=(50, 50)))
    data[data.index(b"IDAT") + 10] ^= 0xFF
    return bytes(data)


@functools.cache
def decompression_bomb():
    """48 KB on disk, 400 million pixels once decoded: Pillow refuses to open it at all."""
    return image_bytes(size=(20_000, 20_000), mode="1")


@functools.cache
def large_png():
    """8,000 × 8,000 pixels (64 million, over the 50 million limit) in 8 KB."""
    return image_bytes(size=(8000, 8000), mode="1")


def upload(name, data, content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type)


def stored_files(settings):
    return files_on_disk(settings.MEDIA_ROOT)


def refusal(file, language):
    """The validator's messages about `file`, in `language` (they are lazy: read them there)."""
    with translation.override(language):
        try:
            validate_image_upload(file)
        except ValidationError as error:
            return error.messages
    pytest.fail(f"{file.name} was accepted")


# --- The validator ------------------------------------------------------------------------------


def test_pillow_never_pads_truncated_images():
    """Decoding finds a cut-off photo only while this stays off (no app may switch it on)."""
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False


@pytest.mark.parametrize("language", ["ky", "ru"])
@pytest.mark.parametrize(
    "data",
    [truncated_jpeg(), png_with_bad_checksum(), png_with_unreadable_exif()],
    ids=["truncated-jpeg", "bad-png-checksum", "unreadable-exif"],
)
def test_a_damaged_photo_is_refused_with_a_clear_message(language, data):
    assert refusal(upload("photo.jpg", data), language) == [DAMAGED[language]]


@pytest.mark.parametrize(
    ("language", "message"),
    [("ky", "Сүрөттө пикселдер өтө көп."), ("ru", "В фото слишком много пикселей.")],
)
def test_a_decompression_bomb_is_refused_as_too_many_pixels(language, message):
    assert refusal(upload("bomb.png", decompression_bomb()), language) == [message]


def test_an_animation_counts_the_pixels_of_every_frame(settings):
    settings.IMAGE_MAX_PIXELS = 100 * 100 * 3
    frames = [Image.new("RGB", (100, 100), colour) for colour in ("red", "green", "blue", "white")]
    buffer = io.BytesIO()
    frames[0].save(buffer, format="GIF", save_all=True, append_images=frames[1:])
    assert refusal(upload("animation.gif", buffer.getvalue(), "image/gif"), "ru") == [
        "В анимации слишком много кадров для её размера (кадров: 4, размер 100 × 100)."
    ]


def test_a_whole_photo_passes():
    validate_image_upload(upload("photo.jpg", camera_jpeg()))


# --- Through the admin: refused with the message, nothing stored --------------------------------


@pytest.fixture
def district():
    return OrganisationFactory(kind=OrganisationKind.DISTRICT, slug="ozgon-district")


@pytest.fixture
def events():
    return CategoryFactory(slug="events")


def form_errors(response):
    """The text of the admin form's error lists."""
    html = response.content.decode()
    return " ".join(re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', html, flags=re.S))


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_a_truncated_jpeg_is_refused_as_a_report_cover(admin_client, district, events, settings, language):
    response = admin_client.post(
        f"/{language}/admin/news/report/add/",
        report_form(district, events, cover=upload("cover.jpg", truncated_jpeg())),
    )
    assert response.status_code == 200
    assert DAMAGED[language] in form_errors(response)
    assert not Report.objects.exists()
    assert stored_files(settings) == []


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_a_photo_with_unreadable_metadata_is_a_form_error_not_a_500(
    admin_client, district, events, settings, language
):
    response = admin_client.post(
        f"/{language}/admin/news/report/add/",
        report_form(district, events, cover=upload("cover.png", png_with_unreadable_exif(), "image/png")),
    )
    assert response.status_code == 200
    assert DAMAGED[language] in form_errors(response)
    assert not Report.objects.exists()
    assert stored_files(settings) == []


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_a_truncated_jpeg_is_refused_as_a_gallery_photo(admin_client, district, events, settings, language):
    data = report_form(district, events)
    data.update(
        {
            "photos-TOTAL_FORMS": "1",
            "photos-0-image": upload("hall.jpg", truncated_jpeg()),
            "photos-0-caption_ky": "Залда",
            "photos-0-order": "1",
        }
    )
    response = admin_client.post(f"/{language}/admin/news/report/add/", data)
    assert response.status_code == 200
    assert DAMAGED[language] in form_errors(response)
    assert not ReportPhoto.objects.exists()
    assert stored_files(settings) == []


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_a_truncated_jpeg_among_many_photos_stores_none(admin_client, district, events, settings, language):
    photos = [image_upload("good.jpg"), upload("broken.jpg", truncated_jpeg())]
    response = admin_client.post(
        f"/{language}/admin/news/report/add/", report_form(district, events, upload_photos=photos)
    )
    assert response.status_code == 200
    assert f"broken.jpg: {DAMAGED[language]}" in form_errors(response)
    assert not Report.objects.exists()
    assert stored_files(settings) == []


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_a_truncated_jpeg_is_refused_as_a_leader_portrait(admin_client, settings, language):
    oblast = OrganisationFactory(kind=OrganisationKind.OBLAST)
    response = admin_client.post(
        f"/{language}/admin/structure/organisation/add/",
        organisation_form(
            treebeard_ref_node=str(oblast.pk), leader_photo=upload("leader.jpg", truncated_jpeg())
        ),
    )
    assert response.status_code == 200
    assert DAMAGED[language] in form_errors(response)
    assert not Organisation.objects.filter(slug="kemin-district").exists()
    assert stored_files(settings) == []


# --- Stored re-encoded: upright, no metadata, named after the real format -----------------------


def assert_clean_upright_photo(path):
    """Turned by its Orientation tag (6: 90° clockwise), so red is on top; no EXIF, no comment."""
    data = path.read_bytes()
    assert b"SecretCam" not in data and b"Serial 12345" not in data and b"taken at home" not in data
    with Image.open(path) as image:
        assert image.format == "JPEG"
        assert image.size == (40, 60)
        assert not image.getexif()
        image = image.convert("RGB")
        top, bottom = image.getpixel((20, 5)), image.getpixel((20, 55))
    assert top[0] > 200 and top[2] < 60, top
    assert bottom[2] > 200 and bottom[0] < 60, bottom


def test_a_cover_is_stored_upright_without_its_metadata(admin_client, district, events, settings):
    response = admin_client.post(
        "/ru/admin/news/report/add/", report_form(district, events, cover=upload("IMG_1.jpg", camera_jpeg()))
    )
    assert response.status_code == 302, form_errors(response)
    report = Report.objects.get()
    assert re.fullmatch(r"news/covers/\d{4}/\d{2}/IMG_1\w*\.jpg", report.cover.name)
    assert_clean_upright_photo(settings.MEDIA_ROOT / report.cover.name)
    assert set(report.cover_sizes) == {"card", "card_2x", "detail", "detail_2x"}


def test_gallery_photos_uploaded_at_once_are_stored_without_their_metadata(
    admin_client, district, events, settings
):
    photos = [upload("IMG_1.jpg", camera_jpeg()), upload("IMG_2.jpg", camera_jpeg())]
    response = admin_client.post(
        "/ky/admin/news/report/add/", report_form(district, events, upload_photos=photos, status="draft")
    )
    assert response.status_code == 302, form_errors(response)
    for photo in ReportPhoto.objects.all():
        assert_clean_upright_photo(settings.MEDIA_ROOT / photo.image.name)
        assert set(photo.sizes) == {"gallery_thumb", "gallery_thumb_2x", "large"}


def test_a_leader_portrait_is_stored_upright_without_its_metadata(admin_client, settings):
    oblast = OrganisationFactory(kind=OrganisationKind.OBLAST)
    response = admin_client.post(
        "/ru/admin/structure/organisation/add/",
        organisation_form(
            treebeard_ref_node=str(oblast.pk), leader_photo=upload("leader.jpg", camera_jpeg())
        ),
    )
    assert response.status_code == 302, form_errors(response)
    organisation = Organisation.objects.get(slug="kemin-district")
    assert_clean_upright_photo(settings.MEDIA_ROOT / organisation.leader_photo.name)


def test_a_png_named_jpg_is_stored_as_png(settings):
    report = ReportFactory(cover=upload("cover.jpg", image_bytes(image_format="PNG")))
    assert report.cover.name.endswith("/cover.png")
    with Image.open(settings.MEDIA_ROOT / report.cover.name) as image:
        assert image.format == "PNG"


def test_a_png_keeps_its_transparency_and_loses_its_text_chunks(settings):
    from PIL import PngImagePlugin

    text = PngImagePlugin.PngInfo()
    text.add_text("Author", "Someone private")
    data = image_bytes(mode="RGBA", pnginfo=text)
    photo = ReportPhoto.objects.create(report=ReportFactory(), image=upload("logo.png", data, "image/png"))
    stored = (settings.MEDIA_ROOT / photo.image.name).read_bytes()
    assert b"Someone private" not in stored
    with Image.open(io.BytesIO(stored)) as image:
        assert image.mode == "RGBA"


def test_an_animation_keeps_its_frames_and_timing(settings):
    frames = [Image.new("RGB", (30, 20), colour) for colour in ("red", "green", "blue")]
    buffer = io.BytesIO()
    frames[0].save(
        buffer, format="GIF", save_all=True, append_images=frames[1:], duration=[100, 200, 300], loop=0,
        comment=b"made at home",
    )  # fmt: skip
    photo = ReportPhoto.objects.create(
        report=ReportFactory(), image=upload("dance.gif", buffer.getvalue(), "image/gif")
    )
    stored = (settings.MEDIA_ROOT / photo.image.name).read_bytes()
    assert b"made at home" not in stored
    with Image.open(io.BytesIO(stored)) as image:
        assert image.n_frames == 3
        durations = []
        for frame in range(3):
            image.seek(frame)
            durations.append(image.info["duration"])
    assert durations == [100, 200, 300]


def test_resaving_a_report_does_not_read_its_stored_cover_again(admin_client, district, events, settings):
    report = ReportFactory(organisation=district, category=events, cover=image_upload("cover.jpg"))
    (settings.MEDIA_ROOT / report.cover.name).unlink()  # media not restored yet, say
    data = report_form(district, events, slug=report.slug)
    response = admin_client.post(f"/ky/admin/news/report/{report.pk}/change/", data)
    assert response.status_code == 302, form_errors(response)
