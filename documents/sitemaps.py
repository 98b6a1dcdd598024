from documents.models import Document
from unionsite.sitemaps import LocalizedSitemap


class DocumentSitemap(LocalizedSitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return Document.objects.published()
