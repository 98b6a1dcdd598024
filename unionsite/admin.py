from django.contrib import admin
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Union site administration")
admin.site.site_title = _("Union site")
admin.site.index_title = _("Content of the site")


# --- editorial roles: the organisations of a staff member, on their user page -----------------

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.admin import UserAdmin  # noqa: E402

from unionsite.models import EditorProfile  # noqa: E402


class EditorProfileInline(admin.StackedInline):
    model = EditorProfile
    can_delete = False
    autocomplete_fields = ("organisations",)
    verbose_name = _("organisations the editor works for")
    verbose_name_plural = _("organisations the editor works for")


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class EditorUserAdmin(UserAdmin):
    """Django's user admin with the editor's organisations (see unionsite/roles.py)."""

    inlines = [*UserAdmin.inlines, EditorProfileInline]
