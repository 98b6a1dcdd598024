"""Very large phone photos are made smaller in the browser before the report form sends them.

static/js/admin_upload_progress.js draws a JPEG or PNG over 2 MB or over 2560 px on a canvas at
most 2560 px on the long side, upright by its EXIF orientation, and sends it as JPEG; small
photos go as they are. The server stores the pixels it received (it re-encodes, it does not
resize), so the stored photos' sizes show what the browser sent.
"""

import io
import os
import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from news.models import Report
from tests.browser.test_editor_day import jpeg_bytes, people  # noqa: F401 (a fixture)
from tests.browser.test_journeys import log_into_admin, url_in

pytestmark = pytest.mark.browser

LONG_SIDE = 2560
ORIENTATION = 0x0112


def phone_photo(orientation=None):
    """A 4000 × 3000 JPEG of about 3.5 MB, as a phone takes it: detailed enough not to shrink by itself."""
    noise = Image.frombytes("RGB", (400, 300), os.urandom(400 * 300 * 3))
    picture = noise.resize((4000, 3000), Image.BICUBIC)
    buffer = io.BytesIO()
    options = {"quality": 92}
    if orientation:
        exif = Image.Exif()
        exif[ORIENTATION] = orientation
        options["exif"] = exif.tobytes()
    picture.save(buffer, "JPEG", **options)
    data = buffer.getvalue()
    assert len(data) > 3 * 1024 * 1024
    return data


def stored_sizes(report):
    sizes = []
    for photo in report.photos.order_by("pk"):
        with photo.image.open("rb") as file, Image.open(file) as image:
            sizes.append((os.path.basename(photo.image.name), image.size, image.format))
    return sizes


def test_large_phone_photos_are_sent_smaller_and_small_ones_as_they_are(people, new_page):  # noqa: F811
    page = new_page()
    log_into_admin(page, "ky", "ozgon-editor")
    page.goto(url_in("ky", name="admin:news_report_add"))
    page.fill("#id_title_ky", "Мугалимдердин семинары")
    page.select_option("#id_category", label="Иш-чаралар")
    page.select_option("#id_organisation", index=1)
    page.select_option("#id_status", "draft")
    originals = [
        {"name": "IMG_0001.jpg", "mimeType": "image/jpeg", "buffer": phone_photo()},
        # Taken holding the phone upright: stored landscape, turned by its EXIF orientation.
        {"name": "IMG_0002.jpg", "mimeType": "image/jpeg", "buffer": phone_photo(orientation=6)},
        {"name": "IMG_0003.jpg", "mimeType": "image/jpeg", "buffer": jpeg_bytes(3)},
    ]
    page.set_input_files("#id_upload_photos", originals)
    with page.expect_request(lambda request: request.method == "POST") as sent:
        page.locator("input[name=_continue]").last.click()
    page.wait_for_url(re.compile(r"/ky/admin/news/report/\d+/change/$"))
    expect(page.locator(".messagelist")).to_be_visible()

    # What went over the wire is much less than the 7 MB chosen.
    sent_bytes = len(sent.value.post_data_buffer or b"")
    assert 0 < sent_bytes < 3 * 1024 * 1024, sent_bytes

    report = Report.objects.get()
    assert report.status == "draft"
    [(first, first_size, first_format), (second, second_size, _), (third, third_size, _)] = stored_sizes(
        report
    )
    assert first_size == (LONG_SIDE, 1920)
    assert first_format == "JPEG" and first.startswith("IMG_0001") and first.endswith(".jpg")
    # Upright: portrait, not the landscape pixels of the file.
    assert second_size == (1920, LONG_SIDE)
    assert second.startswith("IMG_0002")
    # A small photo is sent as it is.
    assert third_size == (900, 600)
    assert third.startswith("IMG_0003")


def test_a_picture_the_browser_cannot_read_is_sent_as_it_is(people, new_page):  # noqa: F811
    """No canvas, a decoding error or HEIC: the original goes, and the server judges it."""
    page = new_page()
    log_into_admin(page, "ky", "ozgon-editor")
    page.goto(url_in("ky", name="admin:news_report_add"))
    page.fill("#id_title_ky", "Бузулган сүрөт")
    page.select_option("#id_category", label="Иш-чаралар")
    page.select_option("#id_organisation", index=1)
    page.select_option("#id_status", "draft")
    broken = b"\xff\xd8\xff\xe0" + b"not really a photo" * 200_000  # 3.6 MB that only looks like a JPEG
    page.set_input_files(
        "#id_upload_photos", [{"name": "IMG_0004.jpg", "mimeType": "image/jpeg", "buffer": broken}]
    )
    with page.expect_request(lambda request: request.method == "POST") as sent:
        page.locator("input[name=_continue]").last.click()
    # The server refused the damaged file: the form comes back with its errors, nothing stored.
    expect(page.locator(".errornote")).to_be_visible()
    assert not Report.objects.exists()
    body = sent.value.post_data_buffer
    assert body is not None and len(body) > len(broken)
