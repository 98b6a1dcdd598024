from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UnionsiteConfig(AppConfig):
    name = "unionsite"
    verbose_name = _("Site")
