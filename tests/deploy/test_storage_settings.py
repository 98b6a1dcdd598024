"""Uploads on S3-compatible object storage when a bucket is named; on the shared folder otherwise.

No S3 server is faked: these tests check the wiring from the environment to django-storages, and a
signed URL, which boto3 computes without any network.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]

PROBE = """
import json, django
django.setup()
from django.conf import settings
from django.core.files.storage import default_storage
default_storage.url  # noqa: B018 - resolves the lazy storage
storage = default_storage._wrapped
info = {"backend": settings.STORAGES["default"]["BACKEND"], "class": type(storage).__name__}
if info["class"] == "S3Storage":
    info.update(bucket=storage.bucket_name, endpoint=storage.endpoint_url, region=storage.region_name,
                querystring_auth=storage.querystring_auth, file_overwrite=storage.file_overwrite,
                url=default_storage.url("documents/agreement.pdf"))
else:
    info.update(location=str(storage.location))
print(json.dumps(info))
"""


def storage_with(**environment):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "DJANGO_"))}
    env.update(DJANGO_DEBUG="1", DJANGO_SETTINGS_MODULE="unionsite.settings", **environment)
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=BASE_DIR, env=env, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_without_a_bucket_uploads_go_to_the_shared_media_folder(tmp_path):
    info = storage_with(DJANGO_MEDIA_ROOT=str(tmp_path / "shared"))
    assert info == {
        "backend": "django.core.files.storage.FileSystemStorage",
        "class": "FileSystemStorage",
        "location": str(tmp_path / "shared"),
    }


def test_a_bucket_puts_uploads_on_s3_compatible_storage_with_the_given_endpoint_and_keys():
    info = storage_with(
        AWS_STORAGE_BUCKET_NAME="unionsite-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.kg",
        AWS_S3_REGION_NAME="kg-1",
        AWS_ACCESS_KEY_ID="AKIDEXAMPLE",
        AWS_SECRET_ACCESS_KEY="secret-example",
    )
    assert info["backend"] == "storages.backends.s3.S3Storage"
    assert info["class"] == "S3Storage"
    assert info["bucket"] == "unionsite-media"
    assert info["endpoint"] == "https://s3.example.kg"
    assert info["region"] == "kg-1"
    assert info["querystring_auth"] is True
    assert info["file_overwrite"] is False
    # A private bucket: the URL is signed with the given key and points at the given endpoint.
    assert info["url"].startswith("https://s3.example.kg/unionsite-media/documents/agreement.pdf?")
    assert "AKIDEXAMPLE" in info["url"]
    assert "Signature=" in info["url"] or "X-Amz-Signature=" in info["url"]


def test_a_public_bucket_behind_its_own_domain_gets_plain_urls():
    info = storage_with(
        AWS_STORAGE_BUCKET_NAME="unionsite-media",
        AWS_S3_CUSTOM_DOMAIN="media.union.kg",
        AWS_QUERYSTRING_AUTH="0",
        AWS_ACCESS_KEY_ID="AKIDEXAMPLE",
        AWS_SECRET_ACCESS_KEY="secret-example",
    )
    assert info["url"] == "https://media.union.kg/documents/agreement.pdf"
