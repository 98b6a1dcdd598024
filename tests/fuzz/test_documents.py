"""The library: document types and documents, fuzzed through the admin."""

from hypothesis import given
from hypothesis import strategies as st

from documents.models import Document, DocumentType
from editorial.models import PublicationStatus
from tests.documents.factories import DocumentFactory, DocumentTypeFactory
from tests.fuzz import base_data
from tests.fuzz.harness import AdminFormFuzz, both_languages


def document_outputs(document, site):
    for url in both_languages(lambda language: document.get_absolute_url()):
        site.page(url)
    for language in ("ky", "ru"):
        site.page(f"/{language}/")
        site.page(f"/{language}/documents/")
        site.page(f"/{language}/documents/?type={document.document_type.slug}")
        if document.date_signed:
            site.page(f"/{language}/documents/?year={document.date_signed.year}")
        site.search(language, document.title_ky or document.title_ru)
    site.xml("/sitemap.xml")


class DocumentTypeAdminFuzz(AdminFormFuzz):
    url = "/ky/admin/documents/documenttype/add/"

    def model(self):
        return DocumentType

    def outputs(self, document_type, site):
        document = DocumentFactory(
            document_type=document_type, slug="fz-typed", status=PublicationStatus.PUBLISHED
        )
        document_outputs(document, site)

    @given(data=st.data())
    def test_add_document_type(self, data):
        self.fuzz(data)


class DocumentAdminFuzz(AdminFormFuzz):
    url = "/ky/admin/documents/document/add/"

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.tree = base_data.organisation_tree()
        DocumentTypeFactory(slug="base-agreement")

    def model(self):
        return Document

    def outputs(self, document, site):
        document_outputs(document, site)

    @given(data=st.data())
    def test_add_document(self, data):
        self.fuzz(data)
