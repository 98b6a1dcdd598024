from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from unionsite import registry


class LocalizedSitemap(Sitemap):
    """Every page in both languages, each entry listing its hreflang alternates."""

    i18n = True
    alternates = True
    x_default = True


class SectionSitemap(LocalizedSitemap):
    changefreq = "daily"
    priority = 0.8

    def items(self):
        return ["home", *(section.index_url_name for section in registry.sections())]

    def location(self, item):
        return reverse(item)
