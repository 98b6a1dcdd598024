import reversion
from django.contrib import admin
from django.db.models import Prefetch
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from modeltranslation.admin import TabbedTranslationAdmin
from reversion.admin import VersionAdmin

from documents.models import Document, DocumentFile, DocumentType
from editorial import services
from editorial.admin import EditorialAdmin, EditorialForm, transition_action


class YearSignedFilter(admin.SimpleListFilter):
    title = _("year signed")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = Document.objects.dates("date_signed", "year", order="DESC")
        return [(str(day.year), str(day.year)) for day in years]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(date_signed__year=int(value))
        return queryset


class DocumentFileInline(admin.TabularInline):
    model = DocumentFile
    extra = 1
    max_num = len(DocumentFile.Language.choices)
    fields = ("language", "file", "format", "size_shown", "download_count")
    readonly_fields = ("format", "size_shown", "download_count")

    @admin.display(description=_("size"))
    def size_shown(self, obj):
        return filesizeformat(obj.size) if obj.pk else "—"


@admin.register(DocumentType)
class DocumentTypeAdmin(TabbedTranslationAdmin):
    list_display = ("name", "slug", "order")
    list_editable = ("order",)
    prepopulated_fields = {"slug": ("name_ky",)}
    search_fields = ("name_ky", "name_ru", "slug")


# History of the document's description and publication; the files are not followed, as
# restoring an old version must never delete a file uploaded since. Registered here, after
# modeltranslation added the per-language fields.
reversion.register(Document)


@admin.register(Document)
class DocumentAdmin(EditorialAdmin, VersionAdmin, TabbedTranslationAdmin):
    form = EditorialForm
    actions = ["submit_for_review", "publish", "unpublish"]
    inlines = [DocumentFileInline]
    list_display = (
        "title",
        "status",
        "document_type",
        "number",
        "date_signed",
        "files_summary",
        "is_expired_shown",
        "is_key",
        "order",
    )
    list_display_links = ("title",)
    list_editable = ("is_key", "order")
    list_filter = (
        "document_type",
        YearSignedFilter,
        ("organisation", admin.RelatedOnlyFieldListFilter),
        "status",
        "is_key",
        "files__language",
    )
    list_select_related = ("document_type",)
    search_fields = ("title_ky", "title_ru", "number", "slug")
    prepopulated_fields = {"slug": ("title_ky",)}
    date_hierarchy = "date_signed"
    fieldsets = (
        (None, {"fields": ("title", "slug", "document_type", "number", "date_signed", "organisation")}),
        (_("Agreement"), {"fields": ("parties", "valid_from", "valid_until")}),
        (_("Description"), {"fields": ("description",)}),
        (_("Publication"), {"fields": ("status", "review_comment", "is_key", "order")}),
    )

    def get_queryset(self, request):
        files = Prefetch("files", queryset=DocumentFile.objects.order_by("language"))
        return super().get_queryset(request).prefetch_related(files)

    @admin.display(description=_("files"))
    def files_summary(self, obj):
        parts = [f"{f.language.upper()}: {f.format_label}, {filesizeformat(f.size)}" for f in obj.files.all()]
        return "; ".join(parts) or "—"

    @admin.display(description=_("expired"), boolean=True)
    def is_expired_shown(self, obj):
        return obj.is_expired

    publish = transition_action(
        services.publish,
        _("Publish the selected documents"),
        ngettext_lazy("%(count)d document published.", "%(count)d documents published.", "count"),
    )
    unpublish = transition_action(
        services.unpublish,
        _("Unpublish the selected documents (make them drafts)"),
        ngettext_lazy("%(count)d document unpublished.", "%(count)d documents unpublished.", "count"),
    )
