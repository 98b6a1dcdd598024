"""Document downloads when uploads live on S3-compatible object storage.

No S3 server is involved: the file is stored on disk first, then the site is switched to an S3
storage whose existence check is answered locally; the signed address itself is computed by boto3
without any network.
"""

from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from storages.backends.s3 import S3Storage

from documents.models import DocumentFile
from tests.documents.factories import DocumentFactory, DocumentFileFactory

pytestmark = pytest.mark.django_db

S3_STORAGES = {
    "default": {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": "unionsite-media",
            "endpoint_url": "https://s3.example.kg",
            "region_name": "kg-1",
            "access_key": "AKIDEXAMPLE",
            "secret_key": "secret-example",
            "querystring_auth": True,
        },
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


@pytest.fixture
def stored_file():
    document = DocumentFactory(slug="model-collective-agreement", title_ru="Типовой коллективный договор")
    return DocumentFileFactory(document=document, language="ru")


def test_a_download_from_object_storage_is_a_signed_redirect_that_names_the_file(
    client, settings, monkeypatch, stored_file
):
    settings.STORAGES = S3_STORAGES
    settings.DOCUMENTS_X_ACCEL_PREFIX = "/protected-media/"  # ignored: nginx cannot reach a bucket
    monkeypatch.setattr(S3Storage, "exists", lambda storage, name: name == stored_file.file.name)

    response = client.get("/ru/documents/model-collective-agreement/download/ru/")

    assert response.status_code == 302
    assert "X-Accel-Redirect" not in response
    assert response["Cache-Control"] == "private, no-store"
    address = urlsplit(response["Location"])
    assert (address.scheme, address.netloc) == ("https", "s3.example.kg")
    assert unquote(address.path) == f"/unionsite-media/{stored_file.file.name}"
    query = parse_qs(address.query)
    assert query["response-content-type"] == ["application/pdf"]
    disposition = query["response-content-disposition"][0]
    assert disposition.startswith("attachment;")
    assert "filename*=utf-8''" in disposition
    assert "X-Amz-Signature" in query or "Signature" in query
    assert DocumentFile.objects.get(pk=stored_file.pk).download_count == 1


def test_a_file_missing_from_the_bucket_is_the_friendly_404(client, settings, monkeypatch, stored_file):
    settings.STORAGES = S3_STORAGES
    monkeypatch.setattr(S3Storage, "exists", lambda storage, name: False)
    response = client.get("/ru/documents/model-collective-agreement/download/ru/")
    assert response.status_code == 404
    assert "Файл недоступен" in response.content.decode()
    assert DocumentFile.objects.get(pk=stored_file.pk).download_count == 0
