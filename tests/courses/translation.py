from modeltranslation.translator import TranslationOptions, register

from tests.courses.models import Course


@register(Course)
class CourseTranslationOptions(TranslationOptions):
    fields = ("title", "summary")
    required_languages = ("ky",)
