"""Plain text as people meant it: the site's one policy for control characters.

Whatever staff or visitors type ends up in pages, RSS, iCalendar files and mail headers. XML 1.0
refuses most control characters, RFC 5545 excludes them from TEXT values, and a line break in a
mail header is a header injection. So:

* single-line text (titles, names, labels, menu entries, settings) holds no control character
  other than tab: `validate_single_line` refuses them in a form, `single_line` drops them on
  save and in every writer of XML, iCalendar and mail headers (the second line of defence);
* multi-line plain text keeps its line breaks and tabs and loses every other control character
  (`without_controls`), on save and in the writers.

"Control character" is Unicode's category Cc, plus the line and paragraph separators (U+2028,
U+2029), which break a line as surely as LF. Format characters (Cf: zero-width joiners, the
right-to-left marks of mixed scripts) are text and stay.
"""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

# Kept although they are control characters: line breaks and tabs are part of what was typed.
_KEPT_CONTROLS = {"\n", "\r", "\t"}
_LINE_SEPARATORS = "\u2028\u2029"
# Unicode's category Cc is exactly these two ranges (C0 and DEL with C1).
_CONTROL_EXCEPT_TAB_RE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")
_CONTROL_EXCEPT_LINES_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def visible_text(value):
    """`value` without invisible characters, trimmed.

    NUL bytes (which PostgreSQL refuses), other control characters and format characters such
    as the zero-width space or a stray byte-order mark are dropped, so a text made only of them
    counts as empty and the "required" check sees it.
    """
    kept = (
        char
        for char in (value or "")
        if char in _KEPT_CONTROLS or unicodedata.category(char) not in {"Cc", "Cf"}
    )
    return "".join(kept).strip()


def single_line(value):
    """`value` as one line: line breaks become spaces, other control characters (but tab) go."""
    if not value:
        return value
    value = re.sub(rf"[\r\n{_LINE_SEPARATORS}]+", " ", str(value))
    return _CONTROL_EXCEPT_TAB_RE.sub("", value)


def without_controls(value):
    """Multi-line `value` with its line breaks and tabs, and no other control character."""
    if not value:
        return value
    return _CONTROL_EXCEPT_LINES_RE.sub("", str(value).replace("\u2028", "\n").replace("\u2029", "\n"))


def has_controls(value, allow_line_breaks=False):
    pattern = _CONTROL_EXCEPT_LINES_RE if allow_line_breaks else _CONTROL_EXCEPT_TAB_RE
    return bool(value) and bool(pattern.search(str(value)))


@deconstructible
class ControlCharacterValidator:
    """Refuses control characters: all but tab on one line; all but line breaks and tab in a text."""

    def __init__(self, allow_line_breaks=False):
        self.allow_line_breaks = allow_line_breaks

    def __call__(self, value):
        if has_controls(value, self.allow_line_breaks):
            message = (
                _("The text holds an invisible control character. Type it again, without pasting.")
                if self.allow_line_breaks
                else _(
                    "Write this on one line: it holds a line break or an invisible control character. "
                    "Type it again, without pasting."
                )
            )
            raise ValidationError(message, code="control_character")

    def __eq__(self, other):
        return (
            isinstance(other, ControlCharacterValidator) and self.allow_line_breaks == other.allow_line_breaks
        )


validate_single_line = ControlCharacterValidator()
validate_plain_text = ControlCharacterValidator(allow_line_breaks=True)
