from django.utils.text import capfirst
from modeltranslation.admin import TranslationTabularInline


class TabbedTranslationTabularInline(TranslationTabularInline):
    """A tabular inline whose translated columns are headed by the field's own name.

    On a tabbed admin each cell has KY/RU tabs that name the language, and modeltranslation keeps
    one header per field: the last language's label, «Сүрөттүн жазуусу (орусча)» above the
    Kyrgyz tab.
    """

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        translated = getattr(db_field, "translated_field", None)
        if formfield is not None and translated is not None:
            formfield.label = capfirst(translated.verbose_name)
        return formfield
