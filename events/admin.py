import reversion
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from modeltranslation.admin import TabbedTranslationAdmin
from reversion.admin import VersionAdmin

from editorial import services
from editorial.admin import EditorialAdmin, EditorialForm, transition_action
from events.models import Event


class EventAdminForm(EditorialForm):
    class Meta:
        model = Event
        fields = [
            "title",
            "slug",
            "description",
            "category",
            "start",
            "end",
            "all_day",
            "place",
            "map_url",
            "contact",
            "registration_url",
            "cover",
            "report",
            "status",
            "review_comment",
            "published_at",
            "organisation",
        ]


# History of the event with every translation; registered after modeltranslation added its fields.
reversion.register(Event)


@admin.register(Event)
class EventAdmin(EditorialAdmin, VersionAdmin, TabbedTranslationAdmin):
    form = EventAdminForm
    list_display = ("title", "start", "organisation", "category", "status")
    list_filter = ("status", "category", "organisation__region")
    list_select_related = ("organisation",)
    search_fields = ("title_ky", "title_ru", "place_ky", "place_ru")
    date_hierarchy = "start"
    autocomplete_fields = ("report",)
    actions = ["submit_for_review", "publish", "unpublish"]
    save_on_top = True
    fieldsets = [
        (None, {"fields": ("title", "slug", "description", "category")}),
        (_("When and where"), {"fields": ("start", "end", "all_day", "place", "map_url")}),
        (_("Contact and registration"), {"fields": ("contact", "registration_url", "cover")}),
        (_("After the event"), {"fields": ("report",)}),
        (_("Publication"), {"fields": ("status", "review_comment", "published_at", "organisation")}),
    ]

    publish = transition_action(
        services.publish,
        _("Publish the selected events"),
        ngettext_lazy("%(count)d event published.", "%(count)d events published.", "count"),
    )
    unpublish = transition_action(
        services.unpublish,
        _("Unpublish the selected events (make them drafts)"),
        ngettext_lazy("%(count)d event unpublished.", "%(count)d events unpublished.", "count"),
    )
