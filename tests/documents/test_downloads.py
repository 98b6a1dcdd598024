from urllib.parse import quote

import pytest
from django.core.files.base import ContentFile
from django.db.models import F

from documents.files import make_docx
from documents.models import DocumentFile
from tests.documents.factories import DocumentFactory, DocumentFileFactory

pytestmark = pytest.mark.django_db


def consume(response):
    """Read a streamed download to the end, which closes its file the way a server would.

    Calling response.close() directly would also send request_finished with the database
    connection handler attached, closing the test's connection on PostgreSQL.
    """
    if response.streaming:
        b"".join(response.streaming_content)


@pytest.fixture
def document():
    return DocumentFactory(
        slug="model-collective-agreement",
        title_ky="Калыптык жамааттык келишим",
        title_ru="Типовой коллективный договор",
    )


@pytest.fixture
def russian_file(document):
    return DocumentFileFactory(document=document, language="ru")


def body(response):
    return b"".join(response.streaming_content)


def test_download_streams_the_stored_bytes(client, russian_file):
    response = client.get("/ru/documents/model-collective-agreement/download/ru/")
    assert response.status_code == 200
    with russian_file.file.open("rb") as stored:
        assert body(response) == stored.read()


def test_download_headers_keep_cyrillic_in_the_file_name(client, russian_file):
    response = client.get("/ky/documents/model-collective-agreement/download/ru/")
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    expected = quote("Типовой коллективный договор.pdf")
    assert response["Content-Disposition"] == f"attachment; filename*=utf-8''{expected}"
    consume(response)


def test_download_file_name_is_the_title_in_the_files_language(client, document):
    DocumentFileFactory(
        document=document, language="ky", file=ContentFile(make_docx("Келишим"), name="x.docx")
    )
    response = client.get("/ru/documents/model-collective-agreement/download/ky/")
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert quote("Калыптык жамааттык келишим.docx") in response["Content-Disposition"]
    consume(response)


def test_download_file_name_drops_characters_unsafe_in_file_names(client):
    document = DocumentFactory(slug="slashes", title_ru='Приказ №5: "о/б" <отпуске>?')
    DocumentFileFactory(document=document, language="ru")
    response = client.get("/ru/documents/slashes/download/ru/")
    assert response["Content-Disposition"].endswith(quote("Приказ №5 о б отпуске.pdf"))
    consume(response)


def test_download_counts_each_download(client, russian_file):
    for _ in range(3):
        consume(client.get("/ru/documents/model-collective-agreement/download/ru/"))
    russian_file.refresh_from_db()
    assert russian_file.download_count == 3


def test_head_request_is_not_counted(client, russian_file):
    client.head("/ru/documents/model-collective-agreement/download/ru/")
    russian_file.refresh_from_db()
    assert russian_file.download_count == 0


def test_count_is_not_lost_when_another_request_updated_it_meanwhile(client, russian_file):
    # A concurrent request has loaded the row at 0 and another one has counted in between:
    stale = DocumentFile.objects.get(pk=russian_file.pk)
    DocumentFile.objects.filter(pk=russian_file.pk).update(download_count=F("download_count") + 5)
    consume(client.get("/ru/documents/model-collective-agreement/download/ru/"))
    stale.refresh_from_db()
    assert stale.download_count == 6


def test_download_is_one_atomic_update(client, russian_file, django_assert_num_queries):
    with django_assert_num_queries(3) as captured:
        consume(client.get("/ru/documents/model-collective-agreement/download/ru/"))
    update = [q["sql"] for q in captured.captured_queries if q["sql"].startswith("UPDATE")]
    assert len(update) == 1
    assert '"download_count" = ("documents_documentfile"."download_count" + 1)' in update[0]


def test_x_accel_redirect_hands_the_file_to_nginx(client, settings, russian_file):
    settings.DOCUMENTS_X_ACCEL_PREFIX = "/protected-documents/"
    response = client.get("/ru/documents/model-collective-agreement/download/ru/")
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/protected-documents/{russian_file.file.name}"
    assert response.content == b""
    assert response["Content-Type"] == "application/pdf"
    assert "filename*=utf-8''" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    russian_file.refresh_from_db()
    assert russian_file.download_count == 1


def test_without_the_setting_there_is_no_x_accel_redirect(client, settings, russian_file):
    settings.DOCUMENTS_X_ACCEL_PREFIX = ""
    response = client.get("/ru/documents/model-collective-agreement/download/ru/")
    assert "X-Accel-Redirect" not in response
    consume(response)


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_missing_file_on_disk_is_a_404_with_a_message(client, russian_file, language):
    russian_file.file.storage.delete(russian_file.file.name)
    response = client.get(f"/{language}/documents/model-collective-agreement/download/ru/")
    assert response.status_code == 404
    page = response.content.decode()
    message = {"ky": "Файл жеткиликсиз", "ru": "Файл недоступен"}[language]
    assert message in page
    russian_file.refresh_from_db()
    assert russian_file.download_count == 0


@pytest.mark.parametrize(
    "url",
    [
        "/ru/documents/no-such-document/download/ru/",
        "/ru/documents/model-collective-agreement/download/en/",
        "/ru/documents/model-collective-agreement/download/ky/",  # no Kyrgyz file
        "/ru/documents/model-collective-agreement/download/..%2F..%2Fetc/",
    ],
)
def test_unknown_document_or_language_is_404(client, russian_file, url):
    assert client.get(url).status_code == 404


def test_unpublished_document_cannot_be_downloaded(client, russian_file):
    russian_file.document.status = "draft"
    russian_file.document.save()
    assert client.get("/ru/documents/model-collective-agreement/download/ru/").status_code == 404


def test_download_refuses_post(client, russian_file):
    assert client.post("/ru/documents/model-collective-agreement/download/ru/").status_code == 405
