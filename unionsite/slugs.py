"""Readable Latin addresses made from Kyrgyz or Russian titles, one way for every app."""

import re

from django.utils.text import slugify

# Kyrgyz and Russian letters in Latin.
CYRILLIC_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "ң": "ng", "о": "o", "ө": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ү": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip


def latin_slug(text, max_length=80):
    """A Latin slug from Kyrgyz or Russian text: "Өзгөн семинары" -> "ozgon-seminary"."""
    latin = "".join(CYRILLIC_TO_LATIN.get(char, char) for char in (text or "").lower())
    slug = slugify(latin)[:max_length].strip("-")
    return re.sub(r"-{2,}", "-", slug)
