import html
import io
import re
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.db import transaction

from documents.files import make_docx, make_pdf
from documents.formats import detect_format
from documents.models import Document, DocumentFile
from documents.validators import validate_document_upload
from tests.documents.factories import DocumentFactory, DocumentFileFactory, DocumentTypeFactory

pytestmark = pytest.mark.django_db

BOUNDARY = "----documents-test-boundary"
PDF = make_pdf("Типовой коллективный договор")
DOCX = make_docx("Калыптык жамааттык келишим")
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") + b"\x00" * 40
JPG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01" + b"\x00" * 40


def zip_bytes(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


ODT = zip_bytes({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"})
XLSX = zip_bytes({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
DOC = OLE2 + "WordDocument".encode("utf-16-le") + b"\x00" * 100
XLS = OLE2 + "Workbook".encode("utf-16-le") + b"\x00" * 100
MSI = OLE2 + "SummaryInformation".encode("utf-16-le") + b"\x00" * 100
RTF = b"{\\rtf1\\ansi Hello}"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200 + b"This program cannot be run"
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
JAR = zip_bytes({"META-INF/MANIFEST.MF": "Main-Class: Evil\n", "Evil.class": "\xca\xfe"})


def stored_files(media_root):
    return sorted(p for p in media_root.rglob("*") if p.is_file()) if media_root.exists() else []


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (PDF, "pdf"),
        (DOCX, "docx"),
        (ODT, "odt"),
        (XLSX, "xlsx"),
        (DOC, "doc"),
        (XLS, "xls"),
        (RTF, "rtf"),
        (PNG, "png"),
        (JPG, "jpg"),
        (EXE, None),
        (HTML, None),
        (SVG, None),
        (MSI, None),
        (JAR, None),
        (b"PK\x03\x04broken", None),
        (b"", None),
    ],
)
def test_format_is_decided_by_content(content, expected):
    assert detect_format(ContentFile(content, name="anything.pdf")) == expected


# --- uploads through the admin ------------------------------------------------------------------


def multipart(fields, file_name, content):
    """A raw multipart body: the test client would strip a path from the file name itself."""
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        )
    parts.append(
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="files-0-file"; '
        f'filename="{file_name}"\r\nContent-Type: application/pdf\r\n\r\n'.encode()
        + content
        + b"\r\n"
    )
    parts.append(f"--{BOUNDARY}--\r\n".encode())
    return b"".join(parts)


@pytest.fixture
def document_type():
    return DocumentTypeFactory(slug="agreement", name_ky="Келишим", name_ru="Соглашение")


def add_document(admin_client, document_type, file_name, content):
    fields = {
        "title_ky": "Жаңы келишим",
        "title_ru": "Новое соглашение",
        "slug": "new-agreement",
        "document_type": document_type.pk,
        "order": "0",
        "status": "published",
        "files-TOTAL_FORMS": "1",
        "files-INITIAL_FORMS": "0",
        "files-MIN_NUM_FORMS": "0",
        "files-MAX_NUM_FORMS": "2",
        "files-0-language": "ky",
    }
    return admin_client.post(
        "/ru/admin/documents/document/add/",
        data=multipart(fields, file_name, content),
        content_type=f"multipart/form-data; boundary={BOUNDARY}",
    )


def form_errors(response):
    page = html.unescape(response.content.decode())
    return " ".join(re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', page, re.S))


def test_admin_stores_a_good_upload_under_a_generated_name(admin_client, document_type, _media_in_tmp):
    response = add_document(admin_client, document_type, "Мой договор (финал).pdf", PDF)
    assert response.status_code == 302, form_errors(response)
    document_file = DocumentFile.objects.get(document__slug="new-agreement")
    assert re.fullmatch(r"documents/\d{4}/[0-9a-f]{32}\.pdf", document_file.file.name)
    assert document_file.format == "pdf"
    assert document_file.size == len(PDF)
    assert stored_files(_media_in_tmp) == [_media_in_tmp / document_file.file.name]
    assert (_media_in_tmp / document_file.file.name).read_bytes() == PDF


def test_the_extension_comes_from_the_content_not_the_name(admin_client, document_type, _media_in_tmp):
    response = add_document(admin_client, document_type, "scan.pdf", DOCX)
    assert response.status_code == 302, form_errors(response)
    document_file = DocumentFile.objects.get()
    assert document_file.file.name.endswith(".docx")
    assert document_file.format == "docx"


@pytest.mark.parametrize(
    ("file_name", "content", "message"),
    [
        ("setup.pdf", EXE, "Этот файл не является допустимым документом"),
        ("page.pdf", HTML, "Этот файл не является допустимым документом"),
        ("page.html", HTML, "Этот файл не является допустимым документом"),
        ("logo.png", SVG, "Этот файл не является допустимым документом"),
        ("installer.doc", MSI, "Этот файл не является допустимым документом"),
        ("app.docx", JAR, "Этот файл не является допустимым документом"),
        ("empty.pdf", b"", "Отправленный файл пуст"),
        ("../", PDF, "Обязательное поле"),
        ("a" * 296 + ".pdf", PDF, "Слишком длинное имя файла"),
    ],
)
def test_bad_uploads_are_form_errors_and_nothing_is_stored(
    admin_client, document_type, _media_in_tmp, file_name, content, message
):
    response = add_document(admin_client, document_type, file_name, content)
    assert response.status_code == 200
    assert message in form_errors(response)
    assert not Document.objects.exists()
    assert not DocumentFile.objects.exists()
    assert stored_files(_media_in_tmp) == []


def test_upload_over_the_size_limit_is_refused(admin_client, document_type, settings, _media_in_tmp):
    settings.DOCUMENT_MAX_UPLOAD_SIZE = 500
    response = add_document(admin_client, document_type, "big.pdf", PDF + b"\n%" + b"x" * 600)
    assert response.status_code == 200
    assert "ограничение 500" in form_errors(response)
    assert not DocumentFile.objects.exists()
    assert stored_files(_media_in_tmp) == []


@pytest.mark.parametrize(
    "file_name", ["../../../etc/cron.d/evil.pdf", "..\\..\\evil.pdf", "ev\x07il\x1b.pdf"]
)
def test_a_path_or_control_characters_in_the_name_never_reach_the_storage(
    admin_client, document_type, _media_in_tmp, file_name
):
    # Django strips folders and control characters from uploaded names before any form sees them;
    # what is left is stored under a generated name inside documents/ only.
    add_document(admin_client, document_type, file_name, PDF)
    for path in stored_files(_media_in_tmp.parent):
        assert path.is_relative_to(_media_in_tmp / "documents")
        assert re.fullmatch(r"[0-9a-f]{32}\.pdf", path.name)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("../../etc/passwd.pdf", "bad_name"),
        ("folder/file.pdf", "bad_name"),
        ("bad\x00name.pdf", "bad_name"),
        ("bad\nname.pdf", "bad_name"),
        ("x" * 300 + ".pdf", "bad_name"),
    ],
)
def test_validator_refuses_names_with_paths_control_characters_or_too_long(name, code):
    with pytest.raises(Exception) as error:
        validate_document_upload(ContentFile(PDF, name=name))
    assert error.value.code == code


def test_validator_accepts_a_cyrillic_name_with_spaces():
    validate_document_upload(ContentFile(PDF, name="Типовой договор (2024).pdf"))


def test_admin_list_shows_formats_and_sizes(admin_client):
    document = DocumentFactory(title_ru="Устав")
    DocumentFileFactory(document=document, language="ru")
    page = admin_client.get("/ru/admin/documents/document/").content.decode()
    size = document.files.get().size
    assert f"RU: PDF, {size}" in html.unescape(page)


# --- removing old files only after the commit ---------------------------------------------------


def test_replacing_a_file_removes_the_old_one_only_after_commit(django_capture_on_commit_callbacks):
    document_file = DocumentFileFactory()
    old = document_file.file.name
    storage = document_file.file.storage
    with django_capture_on_commit_callbacks() as callbacks:
        document_file.file = ContentFile(DOCX, name="new.docx")
        document_file.save()
        assert storage.exists(old)
    assert storage.exists(old)  # not committed yet
    for callback in callbacks:
        callback()
    assert not storage.exists(old)
    assert storage.exists(document_file.file.name)
    assert document_file.format == "docx"


def test_a_rolled_back_replacement_keeps_the_old_file(django_capture_on_commit_callbacks):
    document_file = DocumentFileFactory()
    old = document_file.file.name
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        document_file.file = ContentFile(DOCX, name="new.docx")
        document_file.save()
        raise RuntimeError("the database change fails")
    assert callbacks == []
    assert document_file.file.storage.exists(old)
    assert DocumentFile.objects.get().file.name == old


def test_deleting_a_document_in_the_admin_removes_its_files_after_commit(
    admin_client, django_capture_on_commit_callbacks
):
    document_file = DocumentFileFactory()
    name, storage = document_file.file.name, document_file.file.storage
    with django_capture_on_commit_callbacks() as callbacks:
        response = admin_client.post(
            f"/ru/admin/documents/document/{document_file.document.pk}/delete/", {"post": "yes"}
        )
    assert response.status_code == 302
    assert not DocumentFile.objects.exists()
    assert storage.exists(name)
    for callback in callbacks:
        callback()
    assert not storage.exists(name)


def test_replacing_a_file_in_the_admin_removes_the_old_one_after_commit(
    admin_client, django_capture_on_commit_callbacks, _media_in_tmp
):
    document_file = DocumentFileFactory(document__slug="charter", document__title_ky="Устав")
    document = document_file.document
    old = document_file.file.name
    fields = {
        "title_ky": "Устав",
        "title_ru": "Устав",
        "slug": "charter",
        "document_type": document.document_type_id,
        "order": "0",
        "status": "published",
        "files-TOTAL_FORMS": "1",
        "files-INITIAL_FORMS": "1",
        "files-MIN_NUM_FORMS": "0",
        "files-MAX_NUM_FORMS": "2",
        "files-0-id": str(document_file.pk),
        "files-0-document": str(document.pk),
        "files-0-language": "ky",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/ru/admin/documents/document/{document.pk}/change/",
            data=multipart(fields, "new.docx", DOCX),
            content_type=f"multipart/form-data; boundary={BOUNDARY}",
        )
    assert response.status_code == 302, form_errors(response)
    document_file.refresh_from_db()
    assert document_file.format == "docx"
    assert stored_files(_media_in_tmp) == [_media_in_tmp / document_file.file.name]
    assert old != document_file.file.name
