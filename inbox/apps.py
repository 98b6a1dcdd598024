from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InboxConfig(AppConfig):
    name = "inbox"
    verbose_name = _("Inbox")
    # The staff guide's page that its admin screens' help link opens (editorial/guide/).
    guide_task = "inbox"
    # Its section of the admin desk (editorial/dashboard.py).
    desk_sections = "inbox.desk.sections"
    # Who answers the forms (editorial.groups; granted by migration 0002).
    role_permissions = {
        "federation_editor": ["change_submission", "delete_submission", "view_submission"],
        "regional_editor": ["change_submission", "view_submission"],
        "reviewer": ["change_submission", "view_submission"],
    }
