from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UnionsiteConfig(AppConfig):
    name = "unionsite"
    verbose_name = _("Site")

    def ready(self):
        from unionsite import checks, pagecache  # noqa: F401 (checks registers itself)

        pagecache.connect_signals()
