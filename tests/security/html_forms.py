"""The fields of a page's POST form as a browser would send them untouched: for raw-HTTP probes.

`form_values(html)` reads the page's main POST form (the one with most fields: an admin page also
has the logout form in its header): text inputs and textareas with their
values, checked boxes, and each select's chosen option (or, when none is chosen, its first
non-empty one, as a staff member would pick something). Then a probe overrides a few fields
with hostile values and posts it.
"""

from html.parser import HTMLParser
from urllib.parse import urlencode

SKIPPED_INPUT_TYPES = {"submit", "button", "file", "image", "reset"}


class _FormReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside a POST form while > 0
        self.forms = []
        self.values = []
        self.select = None  # [name, chosen, first non-empty]
        self.textarea = None  # [name, text]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method", "").lower() == "post" and not self.depth:
            self.depth = 1
            self.values = []
            return
        if not self.depth:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text").lower()
            if kind in SKIPPED_INPUT_TYPES:
                return
            if kind in {"checkbox", "radio"}:
                if "checked" in attrs:
                    self.values.append((name, attrs.get("value", "on")))
                return
            self.values.append((name, attrs.get("value", "")))
        elif tag == "select" and name:
            self.select = [name, None, None, "multiple" in attrs]
        elif tag == "option" and self.select is not None:
            value = attrs.get("value", "")
            if "selected" in attrs:
                if self.select[3]:
                    self.values.append((self.select[0], value))
                else:
                    self.select[1] = value
            elif value and self.select[2] is None:
                self.select[2] = value
        elif tag == "textarea" and name:
            self.textarea = [name, ""]

    def handle_endtag(self, tag):
        if not self.depth:
            return
        if tag == "form":
            self.depth = 0
            self.forms.append(self.values)
        elif tag == "select" and self.select is not None:
            name, chosen, first, multiple = self.select
            if not multiple:
                self.values.append((name, chosen if chosen is not None else (first or "")))
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            self.values.append(tuple(self.textarea))
            self.textarea = None

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data


def form_values(html):
    """[(name, value)] of the page's main POST form, as described in the module's docstring."""
    reader = _FormReader()
    reader.feed(html)
    return max(reader.forms, key=len, default=[])


def with_values(values, **overrides):
    """`values` with the named fields replaced (or added); the body to post, urlencoded."""
    names = set(overrides)
    kept = [(name, value) for name, value in values if name not in names]
    return urlencode(kept + list(overrides.items())).encode()
