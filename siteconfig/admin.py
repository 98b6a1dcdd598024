from django import forms
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline
from solo.admin import SingletonModelAdmin

from siteconfig.models import Announcement, FeaturedItem, HomeBlock, HomePage, SiteSettings, featurable_models
from unionsite import registry

# How many of each kind of content the featured item's list offers (the newest, in each kind's order).
CHOICES_PER_KIND = 300


@admin.register(SiteSettings)
class SiteSettingsAdmin(SingletonModelAdmin, TabbedTranslationAdmin):
    fieldsets = [
        (_("Names"), {"fields": ("full_name", "short_name")}),
        (_("Contacts"), {"fields": ("address", "reception_hours", "phones", "emails")}),
        (
            _("Social networks"),
            {"fields": ("facebook_url", "instagram_url", "telegram_url", "whatsapp_url", "youtube_url")},
        ),
        (_("Footer and sharing"), {"fields": ("footer_note", "share_image")}),
    ]


def item_choices():
    """The published content staff may pin, grouped by kind: [(kind, [("ct:pk", title), ...]), ...]."""
    groups = []
    for model in featurable_models():
        content_type = ContentType.objects.get_for_model(model)
        items = model._default_manager.published()[:CHOICES_PER_KIND]
        options = [(f"{content_type.pk}:{item.pk}", str(item)[:150]) for item in items]
        if options:
            groups.append((capfirst(model._meta.verbose_name_plural), options))
    return groups


class FeaturedItemForm(forms.ModelForm):
    item_choices = []
    item = forms.ChoiceField(
        label=_("item"),
        help_text=_(
            "A published report, page, document or FAQ answer. It is hidden while it is not published."
        ),
    )

    class Meta:
        model = FeaturedItem
        fields = ("item", "position")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", "---------"), *self.item_choices]
        if self.instance.pk:
            current = f"{self.instance.content_type_id}:{self.instance.object_id}"
            self.initial["item"] = current
            offered = {value for _group, options in self.item_choices for value, _label in options}
            if current not in offered:
                target = self.instance.target
                label = gettext("%(item)s (not published)") % {"item": target if target else current}
                choices.append((current, label))
        self.fields["item"].choices = choices

    def clean_item(self):
        value = self.cleaned_data["item"]
        try:
            content_type_id, object_id = (int(part) for part in value.split(":"))
            content_type = ContentType.objects.get_for_id(content_type_id)
        except (ValueError, ContentType.DoesNotExist):
            raise ValidationError(_("Choose an item from the list."), code="invalid_item") from None
        model = content_type.model_class()
        if model not in featurable_models() or not 0 < object_id < 2**63:
            raise ValidationError(_("Choose an item from the list."), code="invalid_item")
        unchanged = self.instance.pk and value == self.initial.get("item")
        if not unchanged and not model._default_manager.published().filter(pk=object_id).exists():
            raise ValidationError(_("Choose an item from the list."), code="invalid_item")
        self.instance.content_type = content_type
        self.instance.object_id = object_id
        return value


class FeaturedItemInline(admin.TabularInline):
    model = FeaturedItem
    form = FeaturedItemForm
    extra = 1
    verbose_name_plural = _("featured items (pinned to the top of the home page)")

    def get_formset(self, request, obj=None, **kwargs):
        # The list of items is read once per page, not once per row.
        kwargs["form"] = type("FeaturedItemForm", (FeaturedItemForm,), {"item_choices": item_choices()})
        return super().get_formset(request, obj, **kwargs)


class AnnouncementInline(TranslationStackedInline):
    model = Announcement
    extra = 0
    fields = ("text", "link", "starts_at", "ends_at")


class HomeBlockInline(admin.TabularInline):
    model = HomeBlock
    extra = 0
    fields = ("app_label", "position", "is_visible")

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        defaults = ", ".join(
            f"{config.verbose_name} {config.home_position or config.position}"
            for config in registry.content_apps()
            if config.home_block_template
        )
        formset.form.base_fields["position"].help_text = gettext(
            "Smaller numbers come first. Blocks without a row keep their place: %(defaults)s."
        ) % {"defaults": defaults}
        return formset


@admin.register(HomePage)
class HomePageAdmin(SingletonModelAdmin, TabbedTranslationAdmin):
    guide_task = "home"
    fields = ("introduction", "motto")
    inlines = [AnnouncementInline, FeaturedItemInline, HomeBlockInline]
