"""Admin pieces for content with a review workflow: scope, workflow actions, concurrent edits.

`EditorialAdmin` goes before VersionAdmin and the translation admin in a ModelAdmin's bases:

    class ReportAdmin(EditorialAdmin, VersionAdmin, TabbedTranslationAdmin): ...

It applies editorial/scopes.py to the admin's querysets, the organisation field's choices and the
per-object permissions, offers each user the statuses they may choose, and saves through
editorial/services.py, which refuses what the user may not do; a hidden button is never the only
guard. This module also puts the editor's organisations on the user page.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect, JsonResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from editorial import scopes, services
from editorial.models import EditorProfile, PublicationStatus, UndeliveredMail

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

    loaded_updated_at = forms.CharField(widget=forms.HiddenInput, required=False, label="")

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
    """Status choices and the workflow's checks for the request's user (set by EditorialAdmin).

    It shows on their fields the messages with which editorial/services.py would refuse the save
    (`services.edit_problems`), so the rules are written once, in the services.
    """

    editor = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        status = self.fields.get("status")
        if status is not None and self.editor is not None:
            allowed = services.choosable_statuses(self.editor, self.instance)
            if len(allowed) < len(PublicationStatus):
                status.choices = [choice for choice in status.choices if choice[0] in allowed]
                status.help_text = _(
                    "Save a draft while you work; choose “Submitted for review” when it is ready. "
                    "A reviewer publishes it or returns it with a comment."
                )

    def _post_clean(self):
        super()._post_clean()  # the instance now carries what was posted
        if self.editor is None:
            return
        for field, message in services.edit_problems(self.editor, self.instance):
            if field not in self.fields:
                self.add_error(None, message)
            elif field not in self.errors:  # a field refused already says what is wrong with it
                self.add_error(field, message)


class FederationRecoveryMixin:
    """Recovering deleted items (django-reversion) is for those who see every organisation."""

    def recoverlist_view(self, request, extra_context=None):
        if not scopes.sees_all_organisations(request.user):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not scopes.sees_all_organisations(request.user):
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)


def transition_action(transition, description, done, permission="publish"):
    """An admin action applying a function of editorial/services.py to the selected items.

    `done` is an ngettext_lazy message with %(count)d, in the kind's own words ("3 reports
    published"); items the service refuses are left as they are (`apply_transition`).
    """

    @admin.action(description=description, permissions=[permission])
    def action(modeladmin, request, queryset):
        count = modeladmin.apply_transition(request, queryset, transition)
        modeladmin.message_user(request, done % {"count": count}, messages.SUCCESS)

    return action


class EditorialAdmin(FederationRecoveryMixin):
    """Scope, workflow and concurrent-edit rules for the ModelAdmin of a `Publishable` model."""

    # Layout and upload progress ----------------------------------------------------------------

    @property
    def media(self):
        # The layout that fits a 1,280 px screen and a phone, and the upload progress bar.
        return super().media + forms.Media(css={"all": ["css/admin.css"]}, js=["js/admin_upload_progress.js"])

    def _answer_upload_script(self, request, response):
        """static/js/admin_upload_progress.js sent the form: tell it where to go, as JSON, so the
        browser (not the script) opens the next page and the admin's messages show there."""
        if request.headers.get("X-Upload-Progress") == "1" and isinstance(response, HttpResponseRedirect):
            return JsonResponse({"location": response.url})
        return response

    def response_add(self, request, obj, post_url_continue=None):
        return self._answer_upload_script(request, super().response_add(request, obj, post_url_continue))

    def response_change(self, request, obj):
        return self._answer_upload_script(request, super().response_change(request, obj))

    # Scope ---------------------------------------------------------------------------------------

    def get_queryset(self, request):
        return scopes.limit_to_scope(super().get_queryset(request), request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "organisation" and not scopes.sees_all_organisations(request.user):
            kwargs["queryset"] = scopes.organisations_for(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def _in_scope(self, request, obj):
        return obj is None or scopes.in_scope(request.user, obj.organisation)

    def has_publish_permission(self, request, obj=None):
        return request.user.has_perm(self.model.publish_permission()) and self._in_scope(request, obj)

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self._in_scope(request, obj)

    def has_change_permission(self, request, obj=None):
        # Out of scope, or published and no reviewer: the services' rule (services.may_handle).
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or services.may_handle(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        if not super().has_delete_permission(request, obj):
            return False
        return obj is None or services.may_handle(request.user, obj)

    # Forms -----------------------------------------------------------------------------------------

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        # modelform_factory made a new class for this request: its attributes are this user's.
        form.editor = request.user
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
        """Nothing yet: the item is stored with the rest of its form in save_related."""

    def save_related(self, request, form, formsets, change):
        # One call of the services stores the item, then its inline rows, then checks its review
        # problems. The form already told the editor; a request refused here is forged (403), and
        # the admin's transaction keeps nothing of it.
        services.save_edited(
            form.instance,
            request.user,
            related=lambda: self.save_form_related(request, form, formsets, change),
            created=not change,
        )

    def save_form_related(self, request, form, formsets, change):
        """What the form stores besides the item (inline rows, many-to-many); a subclass adds its
        own, such as uploaded photos."""
        super().save_related(request, form, formsets, change)

    def get_view_on_site_url(self, obj=None):
        if obj is not None and obj.pk and obj.status != PublicationStatus.PUBLISHED:
            return f"{obj.get_absolute_url()}?preview=1"
        return super().get_view_on_site_url(obj)

    # Workflow actions ------------------------------------------------------------------------------

    def apply_transition(self, request, queryset, transition, **arguments):
        """Apply a function of editorial/services.py to each selected item; return how many it
        changed. Items it refuses (wrong state, out of scope) are left as they are."""
        count = 0
        for item in queryset:
            try:
                transition(item, request.user, **arguments)
            except services.TransitionNotAllowed as refusal:
                # Say why, when the reason is the item's own (a photo without a caption).
                problems = item.review_problems()
                if problems:
                    self.message_user(
                        request,
                        gettext("%(item)s: %(reason)s") % {"item": item, "reason": refusal},
                        messages.WARNING,
                    )
                continue
            count += 1
        return count

    def submit_for_review(self, request, queryset):
        count = self.apply_transition(request, queryset, services.submit)
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
        organisation_id = version.field_dict.get("organisation_id")
        if not scopes.sees_all_organisations(request.user):
            organisation = scopes.organisation_model().objects.filter(pk=organisation_id).first()
            if not scopes.in_scope(request.user, organisation):
                raise PermissionDenied
            # reversion restores the whole revision; one made by a bulk action holds other items,
            # perhaps of other organisations and states. Only federation editors restore those.
            if version.revision.version_set.exclude(pk=version.pk).exists():
                raise PermissionDenied
        return super().revision_view(request, object_id, version_id, extra_context)


# --- the organisations of a staff member, on their user page ---------------------------------------


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
    """Django's user admin with the editor's organisations (see editorial/scopes.py)."""

    inlines = [*UserAdmin.inlines, EditorProfileInline]


@admin.register(UndeliveredMail)
class UndeliveredMailAdmin(admin.ModelAdmin):
    """Mail the server refused (editorial/mail.py): read, then delete once the cause is fixed."""

    list_display = ("subject", "created_at", "recipients", "reason")
    readonly_fields = ("subject", "recipients", "reason", "created_at")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
