from modeltranslation.translator import TranslationOptions, register

from events.models import Event


@register(Event)
class EventTranslationOptions(TranslationOptions):
    # No language is required: an event written only in Russian shows with a lang="ru" fallback.
    # Event.clean asks for a title in at least one language.
    fields = ("title", "description", "place", "contact")
