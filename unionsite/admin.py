from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from unionsite import admin_i18n

admin.site.site_header = _("Union site administration")
admin.site.site_title = _("Union site")
admin.site.index_title = _("Content of the site")

# Permission labels, history field names, the lockout section's name (unionsite/admin_i18n.py).
admin_i18n.install()
