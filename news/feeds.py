from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from news.models import Report
from siteconfig.loading import get_site_settings
from structure.models import Region
from unionsite.feeds import SiteFeed

FEED_LENGTH = 20


class ReportFeed(SiteFeed):
    """RSS 2.0 of the latest published reports in the language of the address (/ky/ or /ru/)."""

    def get_object(self, request, region=None):
        if region is None:
            return None
        if region not in Region.values:
            raise Http404(_("There is no such region."))
        return Region(region)

    def title(self, region):
        if region is None:
            return _("Union news")
        return _("Union news: %(region)s") % {"region": region.label}

    def description(self, region):
        return _("%(union)s: reports from the regions.") % {"union": get_site_settings().name}

    def link(self, region):
        url = reverse("news:list")
        return f"{url}?region={region.value}" if region else url

    def feed_url(self, region):
        if region is None:
            return reverse("news:feed")
        return reverse("news:region_feed", args=[region.value])

    def items(self, region):
        reports = Report.objects.published().for_cards()
        if region is not None:
            reports = reports.in_region(region.value)
        return reports[:FEED_LENGTH]

    def item_title(self, report):
        return report.title

    def item_description(self, report):
        return report.lead

    def item_pubdate(self, report):
        return report.published_at

    def item_updateddate(self, report):
        return report.updated_at

    def item_author_name(self, report):
        return report.organisation.name

    def item_categories(self, report):
        return [report.category.name, report.get_region_display()]
