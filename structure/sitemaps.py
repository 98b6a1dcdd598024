from structure.models import Organisation
from unionsite.sitemaps import LocalizedSitemap


class OrganisationSitemap(LocalizedSitemap):
    changefreq = "monthly"
    priority = 0.5
    limit = 2000

    def items(self):
        return Organisation.objects.only("slug", "path")
