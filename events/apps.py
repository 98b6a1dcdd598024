from django.utils.translation import gettext_lazy as _

from unionsite import registry


def next_event_end():
    """When an event under way ends: it moves from "coming up" to the past by itself. (Events
    scheduled for publication go live by the schedule every content app gets, unionsite/registry.py.)"""
    from django.utils import timezone

    from events.models import Event

    ongoing = Event.objects.filter(status="published", end__gt=timezone.now()).order_by("end")
    return ongoing.values_list("end", flat=True).first()


class EventsConfig(registry.ContentAppConfig):
    name = "events"
    urls = "events.urls"
    url_prefix = "events/"
    verbose_name = _("Events")
    # The staff guide's page that its admin screens' help link opens (editorial/guide/).
    guide_task = "events"
    index_url_name = "events:upcoming"
    nav_label = _("Events")
    # After the news, before the FAQ, in the menu and on the home page.
    position = 15
    home_position = 12
    home_block_template = "events/home_section.html"
    search_section = "events.search.section"
    sitemaps = {"events": "events.sitemaps.EventSitemap"}
    role_permissions = {
        "federation_editor": [*registry.model_permissions("event"), "publish_event"],
        "regional_editor": registry.model_permissions("event"),
        "reviewer": ["change_event", "view_event", "publish_event"],
    }
    demo_loader = "events.demo.load"
    card_models = ("Event",)
    schedule = "events.apps.next_event_end"
