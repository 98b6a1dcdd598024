import reversion
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin
from reversion.admin import VersionAdmin

from editorial import services
from editorial.admin import EditorialAdmin, EditorialForm
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

    @admin.action(description=_("Publish the selected events"), permissions=["publish"])
    def publish(self, request, queryset):
        count = self.apply_transition(request, queryset, services.publish)
        self.message_user(
            request,
            ngettext("%(count)d event published.", "%(count)d events published.", count) % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Unpublish the selected events (make them drafts)"), permissions=["publish"])
    def unpublish(self, request, queryset):
        count = self.apply_transition(request, queryset, services.unpublish)
        self.message_user(
            request,
            ngettext("%(count)d event unpublished.", "%(count)d events unpublished.", count)
            % {"count": count},
            messages.SUCCESS,
        )
