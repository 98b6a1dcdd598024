"""The rich-text editor's image upload, /ckeditor/upload/ (unionsite/editor_uploads.py).

Staff only, CSRF-checked, images checked and re-encoded, random names, a 4xx with a message in
the page's language for everything refused, and never a 500 or a script built from the request.
"""

import io
import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from PIL import Image

from tests.security.test_image_validation import (
    DAMAGED,
    camera_jpeg,
    decompression_bomb,
    image_bytes,
    large_png,
    png_with_bad_checksum,
    png_with_unreadable_exif,
    truncated_jpeg,
    upload,
)

pytestmark = pytest.mark.django_db

UPLOAD_URL = "/ckeditor/upload/"
STORED_NAME = re.compile(r"editor/\d{4}/\d{2}/\d{2}/[0-9a-f]{32}\.(jpg|png|gif|webp)")
NOT_AN_IMAGE = {
    "ky": "JPEG, PNG, WebP же GIF форматындагы сүрөт жүктөңүз.",
    "ru": "Загрузите фото в формате JPEG, PNG, WebP или GIF.",
}


def user(username, **flags):
    return get_user_model().objects.create_user(username=username, password="a-long-test-password-1", **flags)


def browser_of(account=None):
    """A client that checks CSRF as a browser's requests are checked, holding the admin's token."""
    client = Client(enforce_csrf_checks=True)
    if account is not None:
        client.force_login(account)
    client.get("/ky/admin/", follow=True)  # the admin's pages set the CSRF cookie the editor reads
    client.csrf_token = client.cookies["csrftoken"].value
    return client


@pytest.fixture
def staff():
    return browser_of(user("editor", is_staff=True))


def post_image(client, file, query="", with_token=True, path=UPLOAD_URL):
    headers = {"HTTP_X_CSRFTOKEN": client.csrf_token} if with_token else {}
    return client.post(f"{path}{query}", {"upload": file} if file is not None else {}, **headers)


def stored(settings):
    root = settings.MEDIA_ROOT
    return sorted(path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file())


def error_message(response):
    answer = json.loads(response.content)
    assert answer["uploaded"] == 0
    return answer["error"]["message"]


# --- Who may upload -----------------------------------------------------------------------------


def test_anonymous_visitors_are_refused(settings):
    response = post_image(browser_of(), upload("photo.png", image_bytes()), "?language=ru")
    assert response.status_code == 403
    assert error_message(response) == "Чтобы загружать изображения, снова войдите в администрирование сайта."
    assert stored(settings) == []


def test_logged_in_users_who_are_not_staff_are_refused(settings):
    client = browser_of(user("member"))
    response = post_image(client, upload("photo.png", image_bytes()), "?language=ky")
    assert response.status_code == 403
    assert error_message(response) == "Сүрөттөрдү жүктөө үчүн сайтты башкарууга кайра кириңиз."
    assert stored(settings) == []


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("ky", "Бет эскирип калган. Аны жаңылап, сүрөттү кайра жүктөңүз."),
        ("ru", "Страница устарела. Обновите её и загрузите изображение ещё раз."),
    ],
)
@pytest.mark.parametrize("path", [UPLOAD_URL, "/ckeditor/upload/&responseType=json", "/ckeditor/upload/x/"])
def test_staff_without_the_csrf_token_are_refused(staff, settings, language, message, path):
    """django-ckeditor's own view, which skips the check, answers no address under upload/."""
    response = post_image(staff, upload("photo.png", image_bytes()), f"?language={language}", False, path)
    assert response.status_code == 403
    assert error_message(response) == message
    assert stored(settings) == []


def test_only_post_is_answered(staff):
    assert staff.get(UPLOAD_URL).status_code == 405


# --- What is stored -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "extension"),
    [
        ("photo.png", image_bytes(image_format="PNG"), "png"),
        ("photo.jpg", image_bytes(image_format="JPEG"), "jpg"),
        ("photo.webp", image_bytes(image_format="WEBP"), "webp"),
        ("photo.gif", image_bytes(image_format="GIF"), "gif"),
        # The name never decides: an image named .html is stored under its real format.
        ("page.html", image_bytes(image_format="PNG"), "png"),
        ("photo.png", image_bytes(image_format="JPEG"), "jpg"),
    ],
)
def test_an_image_is_stored_under_a_random_name_with_its_real_format(staff, settings, name, data, extension):
    response = post_image(staff, upload(name, data))
    assert response.status_code == 200
    answer = json.loads(response.content)
    [path] = stored(settings)
    assert STORED_NAME.fullmatch(path) and path.endswith(f".{extension}")
    assert answer == {"uploaded": 1, "fileName": path.rsplit("/", 1)[1], "url": f"/media/{path}"}


def test_a_photo_is_stored_upright_without_its_metadata(staff, settings):
    response = post_image(staff, upload("IMG_0001.jpg", camera_jpeg()))
    assert response.status_code == 200
    [path] = stored(settings)
    data = (settings.MEDIA_ROOT / path).read_bytes()
    assert b"SecretCam" not in data and b"taken at home" not in data
    with Image.open(io.BytesIO(data)) as image:
        assert image.size == (40, 60)
        assert not image.getexif()


def test_a_request_with_a_callback_number_is_answered_in_json_never_a_script(staff, settings):
    response = post_image(staff, upload("photo.png", image_bytes()), "?CKEditorFuncNum=3&langCode=ru")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    [path] = stored(settings)
    assert response.json()["url"] == f"/media/{path}"
    assert "<script" not in response.content.decode()


@pytest.mark.parametrize(
    "func_num", ["0);alert(document.domain);(0", "1'-alert(1)-'", "</script><script>alert(1)</script>", "١"]
)
def test_a_callback_number_other_than_digits_is_refused(staff, settings, func_num):
    response = staff.post(
        UPLOAD_URL,
        {"upload": upload("photo.png", image_bytes())},
        query_params={"CKEditorFuncNum": func_num, "language": "ru"},
        HTTP_X_CSRFTOKEN=staff.csrf_token,
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "alert(" not in response.content.decode()
    assert (
        error_message(response)
        == "Редактор отправил неверный запрос. Обновите страницу и попробуйте ещё раз."
    )
    assert stored(settings) == []


# --- What is refused, with the reason in the page's language ------------------------------------


@pytest.mark.parametrize("language", ["ky", "ru"])
@pytest.mark.parametrize(
    ("name", "data", "messages"),
    [
        (
            "bomb.png",
            decompression_bomb(),
            {"ky": "Сүрөттө пикселдер өтө көп.", "ru": "В фото слишком много пикселей."},
        ),
        ("broken.png", png_with_bad_checksum(), DAMAGED),
        ("exif.png", png_with_unreadable_exif(), DAMAGED),
        ("cut.jpg", truncated_jpeg(), DAMAGED),
        (
            "huge.png",
            large_png(),
            {
                "ky": "Сүрөттө пикселдер өтө көп (8000 × 8000).",
                "ru": "В фото слишком много пикселей (8000 × 8000).",
            },
        ),
        ("notes.png", b"just some text", NOT_AN_IMAGE),
        ("document.pdf", b"%PDF-1.4\n%%EOF", NOT_AN_IMAGE),
        ("empty.png", b"", {"ky": "Файл бош.", "ru": "Файл пустой."}),
    ],
    ids=[
        "decompression-bomb",
        "bad-checksum",
        "unreadable-exif",
        "truncated-jpeg",
        "8000x8000",
        "text",
        "pdf",
        "empty",
    ],
)
def test_a_bad_image_is_refused_with_the_reason(staff, settings, language, name, data, messages):
    response = post_image(staff, upload(name, data), f"?language={language}&responseType=json")
    assert response.status_code == 400
    assert error_message(response) == messages[language]
    assert stored(settings) == []


def test_the_pixel_limit_is_the_one_of_every_photo(staff, settings):
    settings.IMAGE_MAX_PIXELS = 1000
    response = post_image(staff, upload("photo.png", image_bytes(size=(40, 30))), "?language=ru")
    assert response.status_code == 400
    assert error_message(response) == "В фото слишком много пикселей (40 × 30)."
    assert stored(settings) == []


@pytest.mark.parametrize(
    ("language", "message"),
    [("ky", "Жүктөй турган сүрөттү тандаңыз."), ("ru", "Выберите изображение для загрузки.")],
)
def test_a_request_without_the_upload_field_is_refused(staff, settings, language, message):
    response = post_image(staff, None, f"?language={language}")
    assert response.status_code == 400
    assert error_message(response) == message


def test_without_a_language_parameter_the_visitors_language_is_used(staff):
    staff.cookies["django_language"] = "ru"
    response = post_image(staff, upload("notes.png", b"text"))
    assert error_message(response) == NOT_AN_IMAGE["ru"]


def test_the_admin_editor_uploads_to_this_view_with_the_pages_language(admin_client):
    html = admin_client.get("/ru/admin/news/report/add/").content.decode()
    assert "filebrowserUploadUrl&quot;: &quot;/ckeditor/upload/?language=ru&quot;" in html
    assert "/static/js/editor-uploads.js" in html
    assert html.index("ckeditor/ckeditor/ckeditor.js") < html.index("js/editor-uploads.js")


# --- The admin's Content-Security-Policy --------------------------------------------------------


def policy(response):
    header = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in header.split(";") if part.strip())


@pytest.mark.parametrize("path", ["/ky/admin/news/report/add/", "/ru/admin/structure/organisation/add/"])
def test_the_editors_pages_run_no_inline_script(admin_client, path):
    directives = policy(admin_client.get(path))
    assert directives["script-src"] == "'self'"
    # CKEditor 4 builds its toolbar with onclick="CKEDITOR.tools.callFunction(n, this)".
    assert directives["script-src-attr"] == "'unsafe-inline'"
    assert directives["style-src"] == "'self' 'unsafe-inline'"
    assert directives["frame-ancestors"] == "'none'"


@pytest.mark.parametrize("path", ["/ky/admin/", "/ru/admin/news/report/", "/ky/admin/login/"])
def test_admin_pages_without_the_editor_allow_no_inline_event_handler_either(admin_client, path):
    directives = policy(admin_client.get(path))
    assert directives["script-src"] == "'self'"
    assert "script-src-attr" not in directives


def test_the_upload_answer_allows_no_script(staff):
    response = post_image(staff, upload("photo.png", image_bytes()), "?CKEditorFuncNum=1")
    directives = policy(response)
    assert directives["script-src"] == "'self'"
    assert "script-src-attr" not in directives
