from django.utils.translation import gettext_lazy as _

from unionsite import registry


class PagesConfig(registry.ContentAppConfig):
    name = "pages"
    verbose_name = _("Pages")
