"""Hostile input on every public surface: never a 500, never stored or shown unsanitised."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from faq.models import IncomingQuestion
from tests.documents.factories import DocumentFileFactory
from tests.faq.factories import QuestionFactory, TopicFactory
from tests.news.factories import CategoryFactory, ReportFactory
from tests.structure.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
PAYLOADS = [
    SCRIPT,
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "<svg onload=alert(1)>",
    "' OR 1=1 --",
    "a & | ! :* ( ) \\",
    "x\x00y",
    "../../../../etc/passwd",
    "я" * 3000,
]


@pytest.fixture
def site(db):
    organisation = OrganisationFactory(slug="osh-district")
    category = CategoryFactory(slug="events")
    report = ReportFactory(organisation=organisation, category=category)
    question = QuestionFactory(topic=TopicFactory(slug="leave"))
    document_file = DocumentFileFactory()
    return {
        "report": report,
        "question": question,
        "document": document_file.document,
        "organisation": organisation,
    }


def public_get_urls(site):
    return [
        "/ky/",
        "/ru/news/",
        "/ky/news/feed/",
        site["report"].get_absolute_url(),
        "/ru/faq/",
        "/ky/faq/search/",
        site["question"].get_absolute_url(),
        "/ru/documents/",
        site["document"].get_absolute_url(),
        "/ky/structure/",
        site["organisation"].get_absolute_url(),
        "/ky/search/",
    ]


PARAMETERS = [
    "q",
    "page",
    "region",
    "organisation",
    "category",
    "year",
    "type",
    "language",
    "section",
    "print",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_query_parameters_never_cause_a_server_error_or_echo_markup(client, site, payload):
    for url in public_get_urls(site):
        response = client.get(url, dict.fromkeys(PARAMETERS, payload))
        assert response.status_code < 500, (url, payload, response.status_code)
        if response.status_code == 200 and response.get("Content-Type", "").startswith("text/html"):
            page = response.content.decode()
            assert SCRIPT not in page, url
            assert "<img src=x onerror" not in page, url
            assert "<svg onload" not in page, url


@pytest.mark.parametrize("raw_query", ["q=%FF%FE", "q=%C0%AF", "page=%00", "q=%E2%82", "q=%ED%A0%80"])
def test_invalid_utf8_in_query_strings_is_handled(client, site, raw_query):
    for url in public_get_urls(site):
        response = client.get(f"{url}?{raw_query}")
        assert response.status_code < 500, (url, raw_query)


@pytest.mark.parametrize(
    "path",
    [
        "/en/news/",
        "/xx/",
        "/ky-KG/news/",
        "/ky/news/2024/01/01/" + "a" * 300 + "/",
        "/ky/documents/" + "b" * 300 + "/",
        "/ky/structure/" + "c" * 300 + "/",
        "/ky/faq/" + "d" * 300 + "/",
        "/ky/news/9999/99/99/x/",
        "/ky/documents/x/download/en/",
        "/ky/news/%00/",
        "/ky/..%2f..%2fetc/passwd",
        "/media/../manage.py",
    ],
)
def test_unknown_languages_overlong_slugs_and_traversal_are_404(client, site, path):
    response = client.get(path)
    assert response.status_code in (404, 400), (path, response.status_code)


@pytest.mark.parametrize("payload", PAYLOADS[:6])
def test_the_question_form_stores_hostile_text_as_text_and_shows_it_escaped(client, payload, settings):
    settings.FAQ_ASK_RATE_LIMIT = "1000/h"
    response = client.post(
        "/ru/faq/ask/", {"text": f"Вопрос об отпуске {payload}", "name": payload, "contact": payload}
    )
    assert response.status_code in (302, 400)
    if response.status_code == 302:
        stored = IncomingQuestion.objects.get()
        assert payload.replace("\x00", "") in stored.text
    else:
        assert SCRIPT not in response.content.decode()


def test_nul_bytes_and_invalid_text_in_the_question_form_are_refused_or_cleaned(client, settings):
    settings.FAQ_ASK_RATE_LIMIT = "1000/h"
    response = client.post("/ky/faq/ask/", {"text": "Өргүү\x00 жөнүндө суроо"})
    assert response.status_code in (302, 400)
    for question in IncomingQuestion.objects.all():
        assert "\x00" not in question.text


def test_an_oversized_body_gets_a_400_not_a_500(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    response = client.post("/ru/faq/ask/", {"text": "x" * 5000})
    assert response.status_code == 400
    assert "Неверный запрос" in response.content.decode()


SVG_WITH_SCRIPT = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
HTML_PAGE = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
GIF_JS_POLYGLOT = b"GIF89a/*\x01\x00\x01\x00\x00\x00\x00*/=alert(1);//" + b"\x00" * 20
WINDOWS_EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("photo.svg", SVG_WITH_SCRIPT),
        ("photo.jpg", HTML_PAGE),
        ("photo.gif", GIF_JS_POLYGLOT),
        ("photo.jpg", WINDOWS_EXECUTABLE),
        ("../../photo.png", b""),
    ],
)
def test_admin_refuses_hostile_files_as_report_photos_and_stores_nothing(
    admin_client, name, content, settings
):
    from pathlib import Path

    from news.models import Report

    organisation = OrganisationFactory()
    category = CategoryFactory()
    response = admin_client.post(
        "/ru/admin/news/report/add/",
        {
            "title_ky": "Отчёт",
            "title_ru": "Отчёт",
            "slug": "hostile-photo",
            "published_at_0": "2026-01-01",
            "published_at_1": "10:00:00",
            "status": "draft",
            "organisation": organisation.pk,
            "category": category.pk,
            "cover": SimpleUploadedFile(name, content),
            "photos-TOTAL_FORMS": "0",
            "photos-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "cover" in errors, errors
    assert not Report.objects.exists()
    media = Path(settings.MEDIA_ROOT)
    assert not media.exists() or not [p for p in media.rglob("*") if p.is_file()]


def test_document_downloads_are_attachments_that_browsers_never_sniff(client):
    document_file = DocumentFileFactory(language="ru")
    response = client.get(f"/ru/documents/{document_file.document.slug}/download/ru/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"


@pytest.mark.parametrize("query", ["q=x%00y", "organisation=%00", "page=1%00", "region%00=osh"])
def test_nul_bytes_are_dropped_from_query_strings(client, site, query):
    response = client.get(f"/ru/news/?{query}")
    assert response.status_code == 200
    assert "\x00" not in response.content.decode()


def test_a_nul_byte_in_the_path_gets_a_clear_400_in_the_visitors_language(client):
    response = client.get("/ru/news/%00/")
    assert response.status_code == 400
    assert "Неверный запрос" in response.content.decode()


def test_an_image_named_html_is_refused_as_a_photo():
    from django.core.exceptions import ValidationError

    from tests.uploads import image_upload
    from unionsite.images import validate_image_upload

    upload = image_upload()
    upload.name = "evil.html"
    with pytest.raises(ValidationError):
        validate_image_upload(upload)


def test_editor_uploads_get_random_names_with_the_images_real_type(admin_client, settings):
    from pathlib import Path

    from tests.uploads import image_upload

    upload = image_upload()
    upload.name = "evil.html"
    response = admin_client.post("/ckeditor/upload/", {"upload": upload})
    assert response.status_code == 200
    stored = [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]
    assert stored, response.content
    assert all(path.suffix in {".jpg", ".png", ".gif", ".webp"} for path in stored)
    assert not any("evil" in path.name for path in stored)


def test_a_public_page_slugged_admin_keeps_the_strict_policy(client):
    policy = client.get("/ky/documents/admin/")["Content-Security-Policy"]
    assert "unsafe-inline" not in policy.split("script-src", 1)[1].split(";", 1)[0]


def test_pages_are_served_when_the_cache_is_down(client, monkeypatch):
    from django.core.cache import cache

    def down(*args, **kwargs):
        raise ConnectionError("redis is down")

    for name in ("get", "get_many", "set", "incr", "set_many"):
        monkeypatch.setattr(cache, name, down)
    response = client.get("/ru/news/")
    assert response.status_code == 200
