from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import get_language

register = template.Library()


def shown_language(obj, field):
    """The language whose text `obj.<field>` shows now, following modeltranslation's fallback."""
    current = get_language()
    if getattr(obj, f"{field}_{current}", None):
        return current
    fallbacks = settings.MODELTRANSLATION_FALLBACK_LANGUAGES
    for code in fallbacks.get(current, fallbacks["default"]):
        if getattr(obj, f"{field}_{code}", None):
            return code
    return current


@register.simple_tag
def lang_attr(obj, field):
    """Render ` lang="ru"` when a Kyrgyz page shows a Russian fallback (and vice versa)."""
    code = shown_language(obj, field)
    if code == get_language():
        return ""
    return format_html(' lang="{}"', code)


@register.filter
def machine_datetime(value):
    """A `<time datetime>` value: local ISO 8601 to the second (HTML rejects the microseconds of
    the `c` date format, which a report published "now" has)."""
    if not value:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(microsecond=0).isoformat()
