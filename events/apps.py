from django.utils.translation import gettext_lazy as _

from unionsite import registry


def next_event_change():
    """When the public event pages change by themselves: an event scheduled for publication goes
    live, or one under way ends (it moves from "coming up" to the past)."""
    from django.db.models import Min, Q
    from django.utils import timezone

    from events.models import Event

    now = timezone.now()
    times = Event.objects.filter(Q(published_at__gt=now) | Q(status="published", end__gt=now)).aggregate(
        publication=Min("published_at", filter=Q(published_at__gt=now)),
        end=Min("end", filter=Q(status="published", end__gt=now)),
    )
    moments = [moment for moment in times.values() if moment is not None]
    return min(moments) if moments else None


class EventsConfig(registry.ContentAppConfig):
    name = "events"
    verbose_name = _("Events")
    index_url_name = "events:upcoming"
    nav_label = _("Events")
    # After the news, before the FAQ, in the menu and on the home page.
    position = 15
    home_position = 12
    home_block_template = "events/home_section.html"
    search_section = "events.search.section"
    sitemaps = {"events": "events.sitemaps.EventSitemap"}
    demo_loader = "events.demo.load"

    def ready(self):
        from unionsite.pagecache import register_schedule

        register_schedule(next_event_change)
