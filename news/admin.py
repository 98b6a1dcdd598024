import reversion
from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Max
from django.forms.models import BaseInlineFormSet
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy
from modeltranslation.admin import TabbedTranslationAdmin
from reversion.admin import VersionAdmin

from editorial import services
from editorial.admin import EditorialAdmin, EditorialForm, transition_action
from news.models import Category, Report, ReportPhoto
from unionsite.admin_inlines import TabbedTranslationTabularInline
from unionsite.images import validate_image_upload
from unionsite.renditions import delete_renditions


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultiplePhotoField(forms.FileField):
    """Many photos in one <input type=file multiple>; every file is checked before any is stored.

    Errors name the file they are about, so staff see which of forty photos was refused.
    """

    widget = MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"})

    def clean(self, data, initial=None):
        files = [item for item in (data if isinstance(data, list | tuple) else [data]) if item]
        errors = []
        for upload in files:
            try:
                super().clean(upload, initial)
                validate_image_upload(upload)
            except ValidationError as error:
                errors.extend(
                    ValidationError(
                        _("%(file)s: %(error)s"),
                        code="bad_photo",
                        params={"file": upload.name, "error": message},
                    )
                    for message in error.messages
                )
        if errors:
            raise ValidationError(errors)
        return files

    def has_changed(self, initial, data):
        # An empty <input multiple> posts an empty list: nothing added, nothing for the history.
        return not self.disabled and any(data if isinstance(data, list | tuple) else [data])


class ReportAdminForm(EditorialForm):
    upload_photos = MultiplePhotoField(
        label=_("Add many photos"),
        required=False,
        help_text=_(
            "Choose several photos at once (hold Ctrl or Shift). They are added to the gallery after "
            "the photos above, in the order chosen; add captions afterwards. Nothing is stored if any "
            "file is refused."
        ),
    )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("upload_photos") and cleaned_data.get("status") in services.READY_STATUSES:
            self.add_error(
                "upload_photos",
                _(
                    "Photos added now have no captions yet. Save the report as a draft, write a "
                    "caption for each photo, then submit it for review."
                ),
            )
        return cleaned_data

    class Meta:
        model = Report
        fields = [
            "title",
            "slug",
            "lead",
            "body",
            "status",
            "review_comment",
            "published_at",
            "organisation",
            "category",
            "prepared_by_name",
            "prepared_by_position",
            "cover",
        ]


class CaptionedPhotoFormSet(BaseInlineFormSet):
    """The photos as posted, held to the report's rule (Report.photo_problems) when the report,
    with the status being posted, must be ready for review (editorial.services.must_be_ready)."""

    def clean(self):
        super().clean()
        report = self.instance
        if not services.must_be_ready(report):
            return
        kept = [
            form
            for form in self.forms
            if getattr(form, "cleaned_data", None)
            and not form.cleaned_data.get("DELETE")
            and form.instance.image  # the photo as posted (the form built it before this clean)
        ]
        problems = report.photo_problems([form.instance for form in kept])
        form_of = {id(form.instance): form for form in kept}
        field = f"caption_{report.languages()[0]}"
        for photo, message in problems:
            form_of[id(photo)].add_error(field, message)
        if problems:
            raise ValidationError([message for _photo, message in problems], code="photo_without_caption")


class ReportPhotoInline(TabbedTranslationTabularInline):
    model = ReportPhoto
    formset = CaptionedPhotoFormSet
    extra = 1
    fields = ("preview", "image", "caption", "alt_text", "order")
    readonly_fields = ("preview",)

    @admin.display(description=_("preview"))
    def preview(self, photo):
        thumb = photo.sizes.get("gallery_thumb") if photo.pk else None
        if not thumb:
            return "—"
        return format_html('<img class="admin-thumbnail" src="{}" width="120" alt="">', thumb.url)


@admin.register(Category)
class CategoryAdmin(TabbedTranslationAdmin):
    list_display = ("name", "slug", "order")
    list_editable = ("order",)
    search_fields = ("name_ky", "name_ru", "slug")


# History of the report itself (texts, status, dates, organisation), with every translation; the
# photos are not followed, as restoring an old version must never delete photos added since.
# Registered here, after modeltranslation added the per-language fields.
reversion.register(Report)


@admin.register(Report)
class ReportAdmin(EditorialAdmin, VersionAdmin, TabbedTranslationAdmin):
    form = ReportAdminForm
    inlines = [ReportPhotoInline]
    list_display = ("title", "status", "published_at", "organisation", "category")
    list_filter = ("status", "category", "organisation__region", "organisation__kind")
    list_select_related = ("organisation", "category")
    search_fields = ("title_ky", "title_ru", "lead_ky", "lead_ru")
    date_hierarchy = "published_at"
    actions = ["submit_for_review", "publish", "unpublish"]
    save_on_top = True
    fieldsets = [
        (None, {"fields": ("title", "slug", "lead", "body")}),
        (
            _("Publication"),
            {"fields": ("status", "review_comment", "published_at", "organisation", "category")},
        ),
        (_("Prepared by"), {"fields": ("prepared_by_name", "prepared_by_position")}),
        (_("Photos"), {"fields": ("cover", "upload_photos")}),
    ]

    def save_model(self, request, obj, form, change):
        if not change and obj.created_by_id is None:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def save_form_related(self, request, form, formsets, change):
        super().save_form_related(request, form, formsets, change)
        self._store_uploads(request, form)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # A draft may wait for its captions; say which photos still need one.
        for problem in form.instance.review_problems():
            self.message_user(request, problem, messages.WARNING)

    def _store_uploads(self, request, form):
        uploads = form.cleaned_data.get("upload_photos") or []
        if not uploads:
            return
        report = form.instance
        order = report.photos.aggregate(last=Max("order"))["last"] or 0
        stored = []
        try:
            for upload in uploads:
                order += 1
                photo = ReportPhoto(report=report, image=upload, order=order)
                stored.append(photo)
                photo.save()
        except Exception:
            # The admin's transaction rolls the rows back; remove the files already written too.
            for photo in stored:
                if photo.image and photo.image._committed:
                    delete_renditions(photo.image)
            raise
        self.message_user(
            request,
            ngettext(
                "%(count)d photo added to the gallery.", "%(count)d photos added to the gallery.", len(stored)
            )
            % {"count": len(stored)},
            messages.SUCCESS,
        )

    publish = transition_action(
        services.publish,
        _("Publish the selected reports"),
        ngettext_lazy("%(count)d report published.", "%(count)d reports published.", "count"),
    )
    unpublish = transition_action(
        services.unpublish,
        _("Unpublish the selected reports (make them drafts)"),
        ngettext_lazy("%(count)d report unpublished.", "%(count)d reports unpublished.", "count"),
    )
