from modeltranslation.translator import TranslationOptions, register

from news.models import Category, Report, ReportPhoto


@register(Category)
class CategoryTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("ky",)


@register(Report)
class ReportTranslationOptions(TranslationOptions):
    # No language is required: a report written only in Russian shows with a lang="ru" fallback.
    # Report.clean asks for a title in at least one language.
    fields = ("title", "lead", "body", "prepared_by_name", "prepared_by_position")


@register(ReportPhoto)
class ReportPhotoTranslationOptions(TranslationOptions):
    fields = ("caption", "alt_text")
