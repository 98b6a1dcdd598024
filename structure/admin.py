import reversion
from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.actions import delete_selected
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import BadRequest, PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import ProtectedError, RestrictedError
from django.http import Http404, HttpResponseBadRequest, HttpResponseRedirect
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from reversion.admin import VersionAdmin
from treebeard.admin import TreeAdmin
from treebeard.forms import MoveNodeForm, movenodeform_factory

from editorial import scopes
from editorial.admin import FederationRecoveryMixin
from structure.importer import tree_depth_limit
from structure.models import TREE_POSITION_FIELDS, GoverningBody, GoverningBodyMember, Organisation
from unionsite import trees
from unionsite.admin_inlines import TabbedTranslationTabularInline


def refusal_message(error):
    """A translated sentence naming what still belongs to the organisations that were to be deleted."""
    counts = {}
    blockers = getattr(error, "protected_objects", None) or getattr(error, "restricted_objects", ())
    for obj in blockers:
        name = obj._meta.verbose_name_plural
        counts[name] = counts.get(name, 0) + 1
    listed = ", ".join(f"{name}: {count}" for name, count in counts.items())
    return gettext(
        "Nothing was deleted: other records still belong to this organisation (%(listed)s). "
        "Move them to another organisation or delete them first."
    ) % {"listed": listed}


def delete_selected_organisations(modeladmin, request, queryset):
    """Django's delete action, refusing (never cascading) when something still depends on a node."""
    try:
        with transaction.atomic():
            return delete_selected(modeladmin, request, queryset)
    except (ProtectedError, RestrictedError) as error:
        modeladmin.message_user(request, refusal_message(error), messages.ERROR)
        return None


class GoverningBodyInline(TabbedTranslationTabularInline):
    model = GoverningBody
    fields = ("kind", "name", "order")
    extra = 0
    show_change_link = True
    verbose_name_plural = _("governing bodies (members are edited on each body's own page)")


# History (django-reversion) of an organisation's own fields. Its place in the tree (path, depth,
# numchild) is left out: restoring an old version must never move a node or break the tree, so a
# restored version keeps the node where it is now (structure/signals.py). The governing bodies
# are not followed, as restoring must never delete bodies and their members added since.
reversion.register(Organisation, exclude=TREE_POSITION_FIELDS)

# What a regional editor may change of the organisations in their subtree (editorial/scopes.py).
CONTACT_FIELDS = ("address", "phone", "email", "website")


def too_deep_message(deepest, limit):
    return gettext(
        "The organisation was not placed there: with the organisations below it the tree would be "
        "%(depth)d levels deep, and it holds at most %(limit)d levels."
    ) % {"depth": deepest, "limit": limit}


class OrganisationForm(trees.AddBesideUnderParentMixin, MoveNodeForm):
    """treebeard's form with its place in the tree refused, with a message, where the tree is full."""

    def clean(self):
        cleaned_data = super().clean()
        position = cleaned_data.get("treebeard_position")
        if position and "treebeard_ref_node" not in self.errors:
            parent = trees.parent_for(cleaned_data.get("treebeard_ref_node"), position)
            deepest, limit = trees.deepest_level(self.instance, parent), tree_depth_limit()
            if deepest > limit:
                self.add_error("treebeard_ref_node", too_deep_message(deepest, limit))
        return cleaned_data


class OrganisationContactsForm(forms.ModelForm):
    """The form of a regional editor: contacts only, never the place in the tree."""


@admin.register(Organisation)
class OrganisationAdmin(
    trees.KeepChildrenOnDeleteMixin, FederationRecoveryMixin, VersionAdmin, TabbedTranslationAdmin, TreeAdmin
):
    form = movenodeform_factory(Organisation, form=OrganisationForm)
    # The tree, not reversion's flat list (deleted organisations are recovered at recover/).
    change_list_template = TreeAdmin.change_list_template
    list_display = ("name", "short_name", "kind", "region", "members", "youth_members", "slug")
    list_filter = ("kind", "region")
    search_fields = ("name_ky", "name_ru", "short_name_ky", "short_name_ru", "slug")
    prepopulated_fields = {"slug": ("name_ru",)}
    readonly_fields = ("subtree_figures",)
    inlines = [GoverningBodyInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = (
        (None, {"fields": ("name", "short_name", "slug", "kind", "region")}),
        (_("Contacts"), {"fields": ("address", "phone", "email", "website")}),
        (_("Leader"), {"fields": ("leader_name", "leader_position", "leader_photo")}),
        (
            _("Figures"),
            {
                "fields": ("members", "youth_members", "figures_date", "subtree_figures"),
                "description": _(
                    "Enter only the members counted in this organisation itself. "
                    "The totals of a committee add up the organisations below it by themselves."
                ),
            },
        ),
        (_("Description"), {"fields": ("description",)}),
        (_("Place in the tree"), {"fields": ("treebeard_position", "treebeard_ref_node")}),
    )

    # Editors' scope: a regional editor sees the organisations of their subtree and edits contacts.

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        paths = scopes.scope_paths(request.user)
        if paths is None:
            return queryset
        tree_top = (
            getattr(request, "_treebeard_parent_id", "") is None
            and not getattr(request, "_ignore_treebeard_filters", False)
            and not self.is_filtered(request)
        )
        if tree_top:
            # treebeard starts the tree at the root; an editor's tree starts at their organisations.
            return queryset.model.objects.filter(path__in=paths)
        return scopes.limit_to_scope(queryset, request.user, field="")

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        return allowed and (obj is None or scopes.in_scope(request.user, obj))

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or scopes.in_scope(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or scopes.in_scope(request.user, obj))

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if scopes.sees_all_organisations(request.user):
            return fieldsets
        return [
            (name, options) for name, options in fieldsets if "treebeard_position" not in options["fields"]
        ]

    def get_prepopulated_fields(self, request, obj=None):
        if not scopes.sees_all_organisations(request.user):
            return {}
        return super().get_prepopulated_fields(request, obj)

    def get_form(self, request, obj=None, change=False, **kwargs):
        if not scopes.sees_all_organisations(request.user):
            kwargs["form"] = OrganisationContactsForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        readonly = tuple(super().get_readonly_fields(request, obj))
        if scopes.sees_all_organisations(request.user):
            return readonly
        names = flatten_fieldsets(self.get_fieldsets(request, obj))
        return readonly + tuple(
            name
            for name in names
            if name not in readonly
            and not any(name == base or name.startswith(f"{base}_") for base in CONTACT_FIELDS)
        )

    def revision_view(self, request, object_id, version_id, extra_context=None):
        obj = self.get_object(request, object_id)
        if obj is None or not self.has_change_permission(request, obj):
            raise PermissionDenied
        return super().revision_view(request, object_id, version_id, extra_context)

    # The tree's own URLs. treebeard renders the change list as a tree only for a GET: any POST that
    # Django's actions do not take falls through to the tree template and fails there.

    def changelist_view(self, request, extra_context=None):
        if request.method == "POST":
            refusal = self._refuse_unhandled_post(request)
            if refusal is not None:
                return refusal
        return super().changelist_view(request, extra_context)

    def _refuse_unhandled_post(self, request):
        """None when Django's action handling takes this POST; otherwise a redirect with a message."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        post = request.POST
        if not any(name in post for name in ("action", "index", helpers.ACTION_CHECKBOX_NAME)):
            raise BadRequest("The organisation list takes only bulk actions by POST.")
        if not self.get_actions(request):
            # A regional editor has no bulk action; a form sent from an old page lands here.
            self.message_user(
                request,
                gettext("You have no bulk actions on organisations; nothing was changed."),
                messages.ERROR,
            )
            return HttpResponseRedirect(request.get_full_path())
        selected = post.getlist(helpers.ACTION_CHECKBOX_NAME)
        try:
            for value in selected:
                self.model._meta.pk.to_python(value)
        except ValidationError as error:
            raise BadRequest("A selected organisation is not a valid id.") from error
        if "_save" in post or not ("index" in post or selected):
            self.message_user(
                request,
                gettext("Choose the organisations and an action to apply to them; nothing was changed."),
                messages.WARNING,
            )
            return HttpResponseRedirect(request.get_full_path())
        return None

    def children_view(self, request, parent_id):
        try:
            parent_pk = self.model._meta.pk.to_python(parent_id)
        except ValidationError:
            raise Http404 from None
        try:
            return super().children_view(request, str(parent_pk))
        except IncorrectLookupParameters as error:
            raise BadRequest(str(error)) from error

    def move_node(self, request):
        # treebeard only asks whether the moved node may be changed; the target decides the region
        # and the totals, so only those who see every organisation move nodes.
        if not scopes.sees_all_organisations(request.user):
            raise PermissionDenied
        too_deep = self._too_deep_to_move(request)
        if too_deep:
            # treebeard's script reloads the page after a 400, which shows the message.
            messages.error(request, too_deep)
            return HttpResponseBadRequest(too_deep)
        return super().move_node(request)

    def _too_deep_to_move(self, request):
        """The message refusing a move that would take the tree deeper than its paths hold, or "".

        treebeard checks the path length when adding a node, not when moving a branch: PostgreSQL
        would refuse the longer path with an error, SQLite would store it.
        """
        choice = forms.ModelChoiceField(queryset=self.model.objects.all())
        try:
            node, target = choice.clean(request.POST.get("node")), choice.clean(request.POST.get("target"))
        except ValidationError:
            return ""  # treebeard answers 400 to the form itself
        position = "last-child" if request.POST.get("relation") == "child" else "left"
        deepest = trees.deepest_level(node, trees.parent_for(target, position))
        limit = tree_depth_limit()
        return too_deep_message(deepest, limit) if deepest > limit else ""

    def get_actions(self, request):
        actions = super().get_actions(request)
        if "delete_selected" in actions:
            description = actions["delete_selected"][2]
            actions["delete_selected"] = (delete_selected_organisations, "delete_selected", description)
        return actions

    @admin.display(description=_("Totals with the organisations below"))
    def subtree_figures(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        totals = obj.subtree_totals()
        return gettext("%(members)s members, of them %(youth)s young; %(primary)s primary organisations") % {
            "members": floatformat(totals["members"], "g"),
            "youth": floatformat(totals["youth_members"], "g"),
            "primary": floatformat(totals["primary_organisations"], "g"),
        }

    def get_deleted_objects(self, objs, request):
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        children = trees.children_left_behind(list(objs))
        if children:
            messages.error(
                request,
                ngettext(
                    "An organisation with organisations below it is never deleted together with them: "
                    "%(count)d organisation below still belongs to it. Move it to another committee "
                    "or delete it first.",
                    "An organisation with organisations below it is never deleted together with them: "
                    "%(count)d organisations below still belong to it. Move them to another committee "
                    "or delete them first.",
                    len(children),
                )
                % {"count": len(children)},
            )
        return deleted, model_count, perms_needed, protected

    def delete_model(self, request, obj):
        self._refuse_children([obj])
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        self._refuse_children(list(queryset))
        super().delete_queryset(request, queryset)

    def _refuse_children(self, objs):
        # A child added between the confirmation page and the POST would otherwise be deleted too.
        children = trees.children_left_behind(objs)
        if children:
            raise ProtectedError("The organisation still has organisations below it.", set(children))

    def delete_view(self, request, object_id, extra_context=None):
        try:
            return super().delete_view(request, object_id, extra_context)
        except (ProtectedError, RestrictedError) as error:
            self.message_user(request, refusal_message(error), messages.ERROR)
            return HttpResponseRedirect(reverse("admin:structure_organisation_change", args=[object_id]))


class GoverningBodyMemberInline(TabbedTranslationTabularInline):
    model = GoverningBodyMember
    fields = ("name", "position", "order")
    extra = 1


@admin.register(GoverningBody)
class GoverningBodyAdmin(TabbedTranslationAdmin):
    list_display = ("name", "kind", "organisation", "order")
    list_filter = ("kind", "organisation__kind")
    list_select_related = ("organisation",)
    search_fields = ("name_ky", "name_ru", "organisation__name_ky", "organisation__name_ru")
    autocomplete_fields = ("organisation",)
    fields = ("organisation", "kind", "name", "role", "order")
    inlines = [GoverningBodyMemberInline]
