from django import template

from events.models import Event

register = template.Library()


@register.inclusion_tag("events/includes/upcoming_events.html")
def upcoming_events(count=4):
    """The home page block "Coming up": the next published events (one query)."""
    return {"events": list(Event.objects.published().for_cards().upcoming()[:count])}
