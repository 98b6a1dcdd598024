"""The inbox in the admin: federation staff see every submission, editors those of their regions.

Submissions come from visitors only (no add), their personal fields are read-only for everyone,
and staff change the status and their note.
"""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from inbox import routing
from inbox.models import Submission

PERSONAL_FIELDS = (
    "kind",
    "name",
    "workplace_type",
    "workplace_name",
    "region",
    "phone",
    "email",
    "message",
    "language",
    "created_at",
    "consent_at",
    "consent_text_version",
    "ip_hash",
)


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "region", "status", "created_at", "language")
    list_display_links = ("name",)
    list_editable = ("status",)
    list_filter = ("status", "kind", "region", "created_at")
    search_fields = ("name", "workplace_name", "phone", "email", "message", "staff_note")
    date_hierarchy = "created_at"
    readonly_fields = PERSONAL_FIELDS
    fieldsets = (
        (None, {"fields": ("kind", "status", "staff_note")}),
        (
            _("Sender"),
            {"fields": ("name", "workplace_type", "workplace_name", "region", "phone", "email", "message")},
        ),
        (
            _("Consent and origin"),
            {"fields": ("language", "created_at", "consent_at", "consent_text_version", "ip_hash")},
        ),
    )
    actions = ["mark_in_progress", "mark_answered"]

    def get_queryset(self, request):
        return routing.visible_to(super().get_queryset(request), request.user)

    def has_add_permission(self, request):
        # Submissions come from visitors through the forms only.
        return False

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        return allowed and (obj is None or routing.may_see(request.user, obj))

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or routing.may_see(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or routing.may_see(request.user, obj))

    def _mark(self, request, queryset, status, message):
        count = queryset.update(status=status)
        self.message_user(request, message(count) % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("Mark as in progress"), permissions=["change"])
    def mark_in_progress(self, request, queryset):
        self._mark(
            request,
            queryset,
            Submission.Status.IN_PROGRESS,
            lambda count: ngettext(
                "%(count)d submission marked as in progress.",
                "%(count)d submissions marked as in progress.",
                count,
            ),
        )

    @admin.action(description=_("Mark as answered"), permissions=["change"])
    def mark_answered(self, request, queryset):
        self._mark(
            request,
            queryset,
            Submission.Status.ANSWERED,
            lambda count: ngettext(
                "%(count)d submission marked as answered.", "%(count)d submissions marked as answered.", count
            ),
        )
