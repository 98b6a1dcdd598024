from events.models import Event
from unionsite.sitemaps import LocalizedSitemap


class EventSitemap(LocalizedSitemap):
    changefreq = "weekly"
    priority = 0.6
    limit = 2000

    def items(self):
        return Event.objects.published().order_by("-start", "-pk")

    def lastmod(self, event):
        return event.updated_at
