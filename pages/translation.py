from modeltranslation.translator import TranslationOptions, register

from pages.models import MenuItem, Page


@register(Page)
class PageTranslationOptions(TranslationOptions):
    # No language is required: a page written in one language shows with a lang="…" fallback.
    # Page.clean asks for a title in at least one language; Page.save fills both slugs.
    fields = ("title", "slug", "url_path", "lead", "body")


@register(MenuItem)
class MenuItemTranslationOptions(TranslationOptions):
    fields = ("label",)
