from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Editorial workflow")
    # The staff guide's page that its admin screens' help link opens (editorial/guide/).
    guide_task = "review"
    desk_sections = "editorial.mail.desk_sections"
