from django.utils.translation import gettext_lazy as _

from events.models import Event
from search.engine import SearchSection

section = SearchSection(
    key="events",
    label=_("Events"),
    result_label=_("Event"),
    get_queryset=lambda: Event.objects.published(),
    weights={"title": "A", "place": "B", "description": "C"},
    snippet_fields=("description", "place"),
)
