from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteconfigConfig(AppConfig):
    name = "siteconfig"
    verbose_name = _("Site settings")
