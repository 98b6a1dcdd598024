from modeltranslation.translator import TranslationOptions, register

from documents.models import Document, DocumentType


@register(DocumentType)
class DocumentTypeTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("ky",)


@register(Document)
class DocumentTranslationOptions(TranslationOptions):
    fields = ("title", "description", "parties")
    required_languages = {"ky": ("title",)}
