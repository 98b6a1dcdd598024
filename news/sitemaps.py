from news.models import Report
from unionsite.sitemaps import LocalizedSitemap


class ReportSitemap(LocalizedSitemap):
    changefreq = "weekly"
    priority = 0.6
    limit = 2000

    def items(self):
        return Report.objects.published().order_by("-published_at")

    def lastmod(self, report):
        return report.updated_at
