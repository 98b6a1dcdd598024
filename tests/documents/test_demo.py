import io
import zipfile

import pytest

from documents import demo
from documents.formats import detect_format
from documents.models import Document, DocumentFile, DocumentType
from tests.structure.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_demo_loads_documents_of_several_types_with_real_files(_media_in_tmp):
    demo.load(io.StringIO())
    assert Document.objects.published().count() >= 8
    assert DocumentType.objects.filter(documents__isnull=False).distinct().count() >= 6
    for document_file in DocumentFile.objects.select_related("document"):
        with document_file.file.open("rb") as handle:
            assert detect_format(handle) == document_file.format
            content = handle.read()
        assert document_file.size == len(content)
        title = getattr(document_file.document, f"title_{document_file.language}")
        if document_file.format == "pdf":
            assert title.encode("utf-16-be").hex().upper().encode() in content
        else:
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                assert title in archive.read("word/document.xml").decode()
    formats = set(DocumentFile.objects.values_list("format", flat=True))
    assert formats == {"pdf", "docx"}


def test_demo_has_documents_in_one_language_only_and_an_expired_agreement():
    demo.load(io.StringIO())
    only_kyrgyz = Document.objects.with_file_in("ky").exclude(pk__in=Document.objects.with_file_in("ru"))
    only_russian = Document.objects.with_file_in("ru").exclude(pk__in=Document.objects.with_file_in("ky"))
    assert only_kyrgyz.exists()
    assert only_russian.exists()
    assert any(document.is_expired for document in Document.objects.all())
    first_key = Document.objects.key_documents().first()
    assert first_key.title_ky == "Калыптык жамааттык келишим"
    assert first_key.title_ru == "Типовой коллективный договор"


def test_demo_twice_creates_and_rewrites_nothing(_media_in_tmp):
    demo.load(io.StringIO())
    files = sorted(p for p in _media_in_tmp.rglob("*") if p.is_file())
    names = sorted(DocumentFile.objects.values_list("file", flat=True))
    counts = (Document.objects.count(), DocumentFile.objects.count(), DocumentType.objects.count())
    demo.load(io.StringIO())
    assert sorted(p for p in _media_in_tmp.rglob("*") if p.is_file()) == files
    assert sorted(DocumentFile.objects.values_list("file", flat=True)) == names
    assert (Document.objects.count(), DocumentFile.objects.count(), DocumentType.objects.count()) == counts


def test_demo_links_organisations_by_slug_when_they_exist():
    demo.load(io.StringIO())
    assert not Document.objects.filter(organisation__isnull=False).exists()
    central = OrganisationFactory(slug="central-committee", kind="central", region="")
    demo.load(io.StringIO())
    assert Document.objects.get(slug="union-charter").organisation == central


def test_demo_pages_render_in_both_languages(client):
    demo.load(io.StringIO())
    for language in ("ky", "ru"):
        assert client.get(f"/{language}/documents/").status_code == 200
        for slug in Document.objects.values_list("slug", flat=True):
            assert client.get(f"/{language}/documents/{slug}/").status_code == 200
