from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class UnionsiteConfig(AppConfig):
    name = "unionsite"
    verbose_name = _("Site")

    def ready(self):
        from django.db.backends.signals import connection_created

        from unionsite import checks, pagecache, search  # noqa: F401 (checks registers itself)

        # Saving or deleting content makes the cached pages stale (unionsite/pagecache.py).
        pagecache.connect_signals(apps.get_app_configs())
        connection_created.connect(search.set_trigram_threshold, dispatch_uid="search-trigram-threshold")
