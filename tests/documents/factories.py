"""Factories for the documents app's models."""

import factory
from django.core.files.base import ContentFile
from factory.django import DjangoModelFactory

from documents.files import make_pdf
from documents.models import Document, DocumentFile, DocumentType


class DocumentTypeFactory(DjangoModelFactory):
    class Meta:
        model = DocumentType
        django_get_or_create = ("slug",)

    name_ky = factory.Sequence(lambda n: f"Документтин түрү {n}")
    name_ru = factory.Sequence(lambda n: f"Тип документа {n}")
    slug = factory.Sequence(lambda n: f"document-type-{n}")
    order = factory.Sequence(int)


class DocumentFactory(DjangoModelFactory):
    class Meta:
        model = Document

    title_ky = factory.Sequence(lambda n: f"Жамааттык келишим {n}")
    title_ru = factory.Sequence(lambda n: f"Коллективный договор {n}")
    slug = factory.Sequence(lambda n: f"document-{n}")
    document_type = factory.SubFactory(DocumentTypeFactory)
    number = factory.Sequence(lambda n: f"{n}-К")
    status = Document.Status.PUBLISHED


class DocumentFileFactory(DjangoModelFactory):
    """A real small PDF holding the document's title (pass file=ContentFile(...) for another format)."""

    class Meta:
        model = DocumentFile

    document = factory.SubFactory(DocumentFactory)
    language = "ky"
    file = factory.LazyAttribute(
        lambda o: ContentFile(make_pdf(o.document.title_ky or o.document.title_ru or "Doc"), name="f.pdf")
    )
