"""The labels of translated fields: «Аталышы (орусча)», «Заголовок (на русском)».

modeltranslation names the field `title_ru` "title [ru]" (MODELTRANSLATION_BUILD_LOCALIZED_VERBOSE_NAME),
and shows it so on every admin form. It calls this function each time the label is read, so the
label follows the staff member's language. With translation switched off (migrations, and the
admin when it records which fields changed), the label stays "title [ru]": the migrations do not
change, and the history can still recognise the language (unionsite/admin_i18n.py).

Imported by the settings: it must not import models.
"""

from django.utils.translation import get_language, gettext, pgettext


def language_adverb(code):
    names = {
        "ky": pgettext("field language", "in Kyrgyz"),
        "ru": pgettext("field language", "in Russian"),
    }
    return names.get(code)


def localized_verbose_name(verbose_name, language):
    if get_language() is None or language not in ("ky", "ru"):
        return f"{verbose_name} [{language}]"
    return gettext("%(field)s (%(language)s)") % {
        "field": verbose_name,
        "language": language_adverb(language),
    }
