from modeltranslation.translator import TranslationOptions, register

from faq.models import LegalReference, Question, Topic


@register(Topic)
class TopicTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("ky",)


@register(Question)
class QuestionTranslationOptions(TranslationOptions):
    # No language is required in the database: a draft made from a visitor's Russian question
    # starts in Russian only. The admin form still asks for the Kyrgyz text before saving.
    fields = ("question", "answer", "short_answer")


@register(LegalReference)
class LegalReferenceTranslationOptions(TranslationOptions):
    # The Ministry of Justice's database has a page per language; each language links to its own.
    fields = ("act", "article", "official_url")
