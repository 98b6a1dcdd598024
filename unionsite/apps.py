from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class UnionsiteConfig(AppConfig):
    name = "unionsite"
    verbose_name = _("Site")

    def ready(self):
        from unionsite import pagecache

        # Saving or deleting content makes the cached pages stale (unionsite/pagecache.py).
        pagecache.connect_signals(apps.get_app_configs())
