import reversion
from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import BadRequest, PermissionDenied, ValidationError
from django.http import Http404, HttpResponseBadRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext, ngettext_lazy
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationAdmin
from reversion.admin import VersionAdmin
from treebeard.admin import TreeAdmin
from treebeard.forms import MoveNodeForm, movenodeform_factory

from editorial import services
from editorial.admin import EditorialAdmin, EditorialForm, transition_action
from pages import menus
from pages.models import LANGUAGE_CODES, TREE_POSITION_FIELDS, MenuItem, MenuLocation, Page
from unionsite import trees


class PageForm(trees.AddBesideUnderParentMixin, EditorialForm, MoveNodeForm):
    """The editorial form (statuses, concurrent edits) with treebeard's place in the tree."""

    def clean(self):
        cleaned_data = super().clean()
        position = cleaned_data.get("treebeard_position")
        reference = cleaned_data.get("treebeard_ref_node")
        if position and "treebeard_ref_node" not in self.errors:
            try:
                self.instance.check_placement(trees.parent_for(reference, position))
            except ValidationError as error:
                self.add_error("treebeard_ref_node", error)
        return cleaned_data

    def save(self, commit=True):
        # treebeard writes the page to place it in the tree, even with commit=False: it writes the
        # stored status, and the status chosen here is left to services.save_edited
        # (EditorialAdmin.save_related), which judges and records it. A new page beside one on the
        # deepest level is added under its real parent (trees.AddBesideUnderParentMixin).
        with services.stored_status_kept(self.instance):
            return super().save(commit=commit)


# History of the page's own fields and documents. Its place in the tree and its addresses are left
# out: restoring an old version never moves a page (pages/signals.py), and the addresses follow
# the restored slugs on save.
reversion.register(
    Page, exclude=(*TREE_POSITION_FIELDS, "url_path", *(f"url_path_{c}" for c in LANGUAGE_CODES))
)


@admin.register(Page)
class PageAdmin(
    trees.KeepChildrenOnDeleteMixin, EditorialAdmin, VersionAdmin, TabbedTranslationAdmin, TreeAdmin
):
    form = movenodeform_factory(Page, form=PageForm)
    # The tree, not reversion's flat list (deleted pages are recovered at recover/).
    change_list_template = TreeAdmin.change_list_template
    list_display = ("title", "page_type", "status", "published_at", "address")
    list_filter = ("status", "page_type")
    search_fields = ("title_ky", "title_ru", "lead_ky", "lead_ru", "slug_ky", "slug_ru")
    autocomplete_fields = ("documents",)
    actions = ["submit_for_review", "publish", "unpublish"]
    save_on_top = True
    fieldsets = [
        (None, {"fields": ("title", "slug", "lead", "body", "page_type")}),
        (_("Cover and documents"), {"fields": ("cover", "documents")}),
        (_("Place in the tree"), {"fields": ("treebeard_position", "treebeard_ref_node")}),
        (_("Publication"), {"fields": ("status", "review_comment", "published_at")}),
    ]

    def changelist_view(self, request, extra_context=None):
        # treebeard renders the list as a tree for a GET only: a POST that is not a bulk action
        # on valid ids would fall through to the tree template and fail there.
        if request.method == "POST":
            post = request.POST
            if not self.has_view_or_change_permission(request):
                raise PermissionDenied
            selected = post.getlist(helpers.ACTION_CHECKBOX_NAME)
            try:
                for value in selected:
                    self.model._meta.pk.to_python(value)
            except ValidationError as error:
                raise BadRequest("A selected page is not a valid id.") from error
            if not post.get("action") or not (selected or post.get("select_across") == "1"):
                self.message_user(
                    request, gettext("Choose the pages and an action to apply to them; nothing was changed.")
                )
                return HttpResponseRedirect(request.get_full_path())
        return super().changelist_view(request, extra_context)

    def move_node(self, request):
        """treebeard's drag and drop; a move the tree cannot take is refused with its reason."""
        try:
            return super().move_node(request)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return HttpResponseBadRequest(" ".join(error.messages))

    def children_view(self, request, parent_id):
        """treebeard's AJAX list of a page's children; an id that is not a number is a 404, not a 500."""
        try:
            parent_pk = self.model._meta.pk.to_python(parent_id)
        except ValidationError:
            raise Http404 from None
        try:
            return super().children_view(request, str(parent_pk))
        except IncorrectLookupParameters as error:
            raise BadRequest(str(error)) from error

    @admin.display(description=_("address"))
    def address(self, page):
        if not page.url_path:
            return "—"
        return format_html('<a href="{0}">{0}</a>', page.get_absolute_url())

    publish = transition_action(
        services.publish,
        _("Publish the selected pages"),
        ngettext_lazy("%(count)d page published.", "%(count)d pages published.", "count"),
    )
    unpublish = transition_action(
        services.unpublish,
        _("Unpublish the selected pages (make them drafts)"),
        ngettext_lazy("%(count)d page unpublished.", "%(count)d pages unpublished.", "count"),
    )


class PageChoiceField(forms.ModelChoiceField):
    """Pages in tree order, indented by depth, so "History" shows under "About the union"."""

    def label_from_instance(self, page):
        return f"{'— ' * (page.depth - 1)}{page}"


@admin.register(MenuItem)
class MenuItemAdmin(TranslationAdmin):
    # The list, with the header and footer above it as visitors will see them (pages/menus.py).
    change_list_template = "admin/pages/menuitem/change_list.html"
    list_display = ("__str__", "location", "position", "target")
    list_display_links = ("__str__",)
    list_editable = ("position",)
    list_filter = ("location",)
    list_select_related = ("page",)
    fieldsets = [
        (None, {"fields": ("location", "position")}),
        (
            _("Target"),
            {
                "fields": ("section", "page", "url"),
                "description": _(
                    "Choose one: a section of the site, a page, or an address (for example the join "
                    "form, /ky/join/)."
                ),
            },
        ),
        (None, {"fields": ("label",)}),
    ]

    def changelist_view(self, request, extra_context=None):
        preview = menus.preview()
        context = {
            "menu_preview": [
                {"location": location, "title": label, "entries": preview[location]}
                for location, label in MenuLocation.choices
            ],
            "missing_sections": self.missing_sections(request),
            **(extra_context or {}),
        }
        return super().changelist_view(request, context)

    def missing_sections(self, request):
        """The sections not in the header menu, each with the address of the form that adds it."""
        can_add = self.has_add_permission(request)
        add_url = reverse("admin:pages_menuitem_add")
        position = menus.next_position(MenuLocation.HEADER)  # added at the end of the header
        missing = []
        for config in menus.missing_sections(MenuLocation.HEADER):
            query = {"location": MenuLocation.HEADER, "section": config.index_url_name, "position": position}
            missing.append(
                {"label": config.nav_label, "add_url": f"{add_url}?{urlencode(query)}" if can_add else ""}
            )
        return missing

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "page":
            kwargs["form_class"] = PageChoiceField
            kwargs["queryset"] = Page.objects.order_by("path")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description=_("target"))
    def target(self, item):
        if item.page_id:
            return format_html("{}: {}", _("page"), item.page)
        if item.section:
            return format_html("{}: {}", _("section"), item.get_section_display())
        return item.url
