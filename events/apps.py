from django.utils.translation import gettext_lazy as _

from unionsite import registry


class EventsConfig(registry.ContentAppConfig):
    name = "events"
    verbose_name = _("Events")
