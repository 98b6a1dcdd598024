"""Admin pieces shared by the content of organisations: scope, review workflow, concurrent edits.

`EditorialAdmin` goes before VersionAdmin and the translation admin in a ModelAdmin's bases:

    class ReportAdmin(EditorialAdmin, VersionAdmin, TabbedTranslationAdmin): ...

It enforces unionsite/roles.py in the admin's querysets, in the organisation field's choices, in
form validation and in save_model, and gives the per-object change and delete permissions; a
hidden button is never the only guard.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from unionsite import roles
from unionsite.roles import PublicationStatus

CONCURRENCY_FIELD = "loaded_updated_at"


def last_editor(instance):
    """Who saved `instance` last, from its history; None when no saved version names anyone."""
    from reversion.models import Version

    version = Version.objects.get_for_object(instance).select_related("revision__user").first()
    user = version.revision.user if version else None
    if user is None:
        return None
    return user.get_full_name() or user.get_username()


class ConcurrentEditForm(forms.ModelForm):
    """Refuses to overwrite a row that someone else saved after this form was loaded.

    The form carries the `updated_at` it was loaded with; if the row's differs when it is posted,
    nothing is saved and the editor is told who saved meanwhile. The form keeps what they typed,
    and now carries the newer time: saving again (after comparing) replaces the other version,
    which stays in the history.
    """

    loaded_updated_at = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.updated_at:
            self.fields[CONCURRENCY_FIELD].initial = self.instance.updated_at.isoformat()

    def clean(self):
        cleaned_data = super().clean()
        self._refuse_if_changed_meanwhile()
        return cleaned_data

    def _refuse_if_changed_meanwhile(self):
        loaded = self.data.get(self.add_prefix(CONCURRENCY_FIELD))
        if not self.instance.pk or not loaded:
            return
        # Lock the row until the admin's transaction ends: two saves cannot both pass this check.
        current = (
            type(self.instance)
            ._default_manager.select_for_update()
            .filter(pk=self.instance.pk)
            .values_list("updated_at", flat=True)
            .first()
        )
        if current is None or current.isoformat() == loaded:
            return
        data = self.data.copy()
        data[self.add_prefix(CONCURRENCY_FIELD)] = current.isoformat()
        self.data = data
        when = date_format(timezone.localtime(current), "DATETIME_FORMAT")
        who = last_editor(self.instance)
        if who:
            message = _(
                "%(user)s saved this page at %(time)s, after you opened it. Your changes were not "
                "saved, so nothing of theirs is lost. Open the page in a new tab to compare; if you "
                "save this form again, your version replaces theirs (theirs stays in the history)."
            )
        else:
            message = _(
                "Someone else saved this page at %(time)s, after you opened it. Your changes were not "
                "saved, so nothing of theirs is lost. Open the page in a new tab to compare; if you "
                "save this form again, your version replaces theirs (theirs stays in the history)."
            )
        raise ValidationError(message, code="changed_meanwhile", params={"user": who, "time": when})


class EditorialForm(ConcurrentEditForm):
    """Status choices and organisation checks for the request's user (set by EditorialAdmin)."""

    editor = None
    may_publish = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        status = self.fields.get("status")
        if status is not None and not self.may_publish:
            allowed = set(roles.EDITOR_STATUSES)
            if self.instance.pk and self.instance.status == PublicationStatus.RETURNED:
                allowed.add(PublicationStatus.RETURNED)
            status.choices = [choice for choice in status.choices if choice[0] in allowed]
            status.help_text = _(
                "Save a draft while you work; choose “Submitted for review” when it is ready. "
                "A reviewer publishes it or returns it with a comment."
            )

    def clean(self):
        cleaned_data = super().clean()
        status = cleaned_data.get("status")
        if status == PublicationStatus.PUBLISHED and not self.may_publish:
            self.add_error("status", _("Only a reviewer may publish. Submit it for review instead."))
        was_returned = self.instance.pk and self.instance.status == PublicationStatus.RETURNED
        if (
            status == PublicationStatus.RETURNED
            and not was_returned
            and "review_comment" in self.fields
            and not cleaned_data.get("review_comment", "").strip()
        ):
            self.add_error("review_comment", _("Write what to change: the editor sees this comment."))
        organisation_chosen = "organisation" in self.fields and "organisation" in cleaned_data
        if (
            organisation_chosen
            and self.editor is not None
            and not roles.in_scope(self.editor, cleaned_data["organisation"])
        ):
            self.add_error(
                "organisation", _("Choose one of the organisations you edit (yours or one below it).")
            )
        return cleaned_data


class FederationRecoveryMixin:
    """Recovering deleted items (django-reversion) is for those who see every organisation."""

    def recoverlist_view(self, request, extra_context=None):
        if not roles.sees_all_organisations(request.user):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not roles.sees_all_organisations(request.user):
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)


class EditorialAdmin(FederationRecoveryMixin):
    """Scope, workflow and concurrent-edit rules for a ModelAdmin of content with an organisation."""

    organisation_field = "organisation"
    publish_permission = None  # "news.publish_report"

    # Scope ---------------------------------------------------------------------------------------

    def get_queryset(self, request):
        return roles.limit_to_scope(super().get_queryset(request), request.user, self.organisation_field)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == self.organisation_field and not roles.sees_all_organisations(request.user):
            kwargs["queryset"] = roles.organisations_for(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def _in_scope(self, request, obj):
        return obj is None or roles.in_scope(request.user, getattr(obj, self.organisation_field))

    def has_publish_permission(self, request, obj=None):
        return request.user.has_perm(self.publish_permission) and self._in_scope(request, obj)

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self._in_scope(request, obj)

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj) or not self._in_scope(request, obj):
            return False
        # What is public changes only through a reviewer.
        return (
            obj is None or obj.status != PublicationStatus.PUBLISHED or self.has_publish_permission(request)
        )

    def has_delete_permission(self, request, obj=None):
        if not super().has_delete_permission(request, obj) or not self._in_scope(request, obj):
            return False
        return (
            obj is None or obj.status != PublicationStatus.PUBLISHED or self.has_publish_permission(request)
        )

    # Forms -----------------------------------------------------------------------------------------

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        # modelform_factory made a new class for this request: its attributes are this user's.
        form.editor = request.user
        form.may_publish = self.has_publish_permission(request)
        return form

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is not None and self.has_change_permission(request, obj):
            name, options = fieldsets[-1]
            fieldsets[-1] = (name, {**options, "fields": (*options["fields"], CONCURRENCY_FIELD)})
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        readonly = tuple(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request):
            readonly += ("review_comment",)
        return readonly

    def save_model(self, request, obj, form, change):
        # The form already refused these; a request that got past it is forged.
        if not roles.in_scope(request.user, getattr(obj, self.organisation_field)):
            raise PermissionDenied
        if obj.status == PublicationStatus.PUBLISHED and not self.has_publish_permission(request):
            raise PermissionDenied
        super().save_model(request, obj, form, change)

    def get_view_on_site_url(self, obj=None):
        if obj is not None and obj.pk and obj.status != PublicationStatus.PUBLISHED:
            return f"{obj.get_absolute_url()}?preview=1"
        return super().get_view_on_site_url(obj)

    # Workflow actions ------------------------------------------------------------------------------

    def set_status(self, request, queryset, status, only_from=None):
        """Change the status of each selected item (saved one by one, so the history keeps it)."""
        count = 0
        for obj in queryset:
            if only_from is not None and obj.status not in only_from:
                continue
            obj.status = status
            if status == PublicationStatus.PUBLISHED:
                obj.review_comment = ""
            obj.save()
            count += 1
        return count

    def submit_for_review(self, request, queryset):
        count = self.set_status(
            request,
            queryset,
            PublicationStatus.SUBMITTED,
            only_from=(PublicationStatus.DRAFT, PublicationStatus.RETURNED),
        )
        self.message_user(
            request,
            gettext("Submitted for review: %(count)d.") % {"count": count},
            messages.SUCCESS if count else messages.WARNING,
        )

    submit_for_review.allowed_permissions = ("change",)
    submit_for_review.short_description = _("Submit the selected for review")

    # History ---------------------------------------------------------------------------------------

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """An old version, opened only by those who may change the item now and could have saved it.

        reversion reverts first and asks the change form afterwards; the checks come before that.
        """
        obj = self.get_object(request, object_id)
        if obj is None or not self.has_change_permission(request, obj):
            raise PermissionDenied
        from reversion.models import Version

        version = Version.objects.filter(pk=version_id, object_id=str(obj.pk)).first()
        if version is None:
            raise PermissionDenied
        organisation_id = version.field_dict.get(f"{self.organisation_field}_id")
        if not roles.sees_all_organisations(request.user):
            from structure.models import Organisation

            organisation = Organisation.objects.filter(pk=organisation_id).first()
            if not roles.in_scope(request.user, organisation):
                raise PermissionDenied
            # reversion restores the whole revision; one made by a bulk action holds other items,
            # perhaps of other organisations and states. Only federation editors restore those.
            if version.revision.version_set.exclude(pk=version.pk).exists():
                raise PermissionDenied
        return super().revision_view(request, object_id, version_id, extra_context)
