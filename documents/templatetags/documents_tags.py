from django import template

from documents.models import Document

register = template.Library()


@register.inclusion_tag("documents/home_block.html")
def key_documents(limit=5):
    """The home page's block: key documents, the model collective agreement first (one query)."""
    return {"documents": list(Document.objects.key_documents()[:limit])}
