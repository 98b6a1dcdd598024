from django.contrib import admin
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Union site administration")
admin.site.site_title = _("Union site")
admin.site.index_title = _("Content of the site")
