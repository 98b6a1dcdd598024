from django.utils.translation import gettext_lazy as _

from documents.models import Document
from search.engine import SearchSection

section = SearchSection(
    key="documents",
    label=_("Documents"),
    result_label=_("Document"),
    get_queryset=lambda: Document.objects.published().select_related("document_type"),
    weights={"title": "A", "description": "B", "parties": "C"},
    plain_fields=("number",),
    snippet_fields=("description", "parties"),
)
