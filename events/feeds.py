from django.urls import reverse
from django.utils.translation import gettext as _

from events.ical import plain_text
from events.models import Event
from unionsite.feeds import SiteFeed

FEED_LENGTH = 20


class UpcomingEventFeed(SiteFeed):
    """RSS 2.0 of the coming events, soonest first, in the language of the address."""

    def title(self):
        return _("Union events")

    def description(self):
        return _("Seminars, trainings, congresses and celebrations of the trade union, coming up.")

    def link(self):
        return reverse("events:upcoming")

    def feed_url(self):
        return reverse("events:rss")

    def items(self):
        return Event.objects.published().for_cards().upcoming()[:FEED_LENGTH]

    def item_title(self, event):
        return event.title

    def item_description(self, event):
        return plain_text(event.description)[:600]

    def item_pubdate(self, event):
        return event.published_at

    def item_updateddate(self, event):
        return event.updated_at

    def item_author_name(self, event):
        return event.organisation.name

    def item_categories(self, event):
        return [event.get_category_display(), event.get_region_display()]
