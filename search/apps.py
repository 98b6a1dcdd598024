from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from django.db.backends.signals import connection_created

        from search.engine import set_trigram_threshold

        connection_created.connect(set_trigram_threshold, dispatch_uid="search-trigram-threshold")
