from modeltranslation.translator import TranslationOptions, register

from siteconfig.models import Announcement, HomePage, SiteSettings


@register(SiteSettings)
class SiteSettingsTranslationOptions(TranslationOptions):
    # Nothing is required: an empty Russian text shows the Kyrgyz one (marked lang="ky"), and an
    # empty name falls back to the interface's translated name.
    fields = ("full_name", "short_name", "address", "reception_hours", "footer_note")


@register(HomePage)
class HomePageTranslationOptions(TranslationOptions):
    fields = ("introduction", "motto")


@register(Announcement)
class AnnouncementTranslationOptions(TranslationOptions):
    # The link too: a page of the site has a different address in each language.
    fields = ("text", "link")
