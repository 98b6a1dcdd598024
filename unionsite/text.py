"""Plain text typed into public forms, as the visitor meant it."""

import unicodedata

# Kept although they are control characters: line breaks and tabs are part of what was typed.
_KEPT_CONTROLS = {"\n", "\r", "\t"}


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
