from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from modeltranslation.admin import TabbedTranslationAdmin

from editorial import services
from editorial.admin import EditorialAdmin, EditorialForm, transition_action
from tests.courses.models import Course


class CourseAdminForm(EditorialForm):
    class Meta:
        model = Course
        fields = [
            "title",
            "slug",
            "summary",
            "starts_on",
            "status",
            "review_comment",
            "published_at",
            "organisation",
        ]


@admin.register(Course)
class CourseAdmin(EditorialAdmin, TabbedTranslationAdmin):
    form = CourseAdminForm
    list_display = ("title", "starts_on", "organisation", "status")
    list_filter = ("status",)
    list_select_related = ("organisation",)
    search_fields = ("title_ky", "title_ru")
    actions = ["submit_for_review", "publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ("title", "slug", "summary", "starts_on")}),
        (_("Publication"), {"fields": ("status", "review_comment", "published_at", "organisation")}),
    ]

    publish = transition_action(
        services.publish,
        _("Publish the selected courses"),
        ngettext_lazy("%(count)d course published.", "%(count)d courses published.", "count"),
    )
    unpublish = transition_action(
        services.unpublish,
        _("Unpublish the selected courses (make them drafts)"),
        ngettext_lazy("%(count)d course unpublished.", "%(count)d courses unpublished.", "count"),
    )
