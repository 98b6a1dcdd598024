from pages.models import Page
from unionsite.sitemaps import LocalizedSitemap


class PageSitemap(LocalizedSitemap):
    """Every public page in both languages, each at its own address in that language."""

    changefreq = "monthly"
    priority = 0.7

    def items(self):
        return Page.objects.published().order_by("path")

    def lastmod(self, page):
        return page.updated_at
