"""The reader's display mode (the version for the visually impaired), read from one cookie.

The choice is four independent settings, kept in ONE cookie (settings.DISPLAY_COOKIE_NAME,
"display") as dot-separated tokens, for example ``size2.contrast-wb.noimg.spaced``:

- text size: ``size2`` or ``size3`` -> ``display-size2`` / ``display-size3`` (default: none);
- colours: ``contrast-bw`` (black on white), ``contrast-wb`` (white on black), ``contrast-blue``
  (dark blue on light blue) -> ``display-contrast`` plus ``display-contrast-bw`` /
  ``display-contrast-wb`` / ``display-contrast-blue`` (default: the site's own colours);
- images: ``noimg`` -> ``display-noimg`` (default: shown);
- spacing: ``spaced`` -> ``display-spaced`` (wider letter and word spacing).

Any non-standard mode also puts ``display-custom`` on <html>. The classes are set on the
server (templates/base.html), so every mode works without JavaScript.

For the other stylesheets:

- ``html.display-noimg`` hides content images: every ``img``, ``picture`` and ``video`` except
  the site logo (``img.brand-logo``) and anything marked ``.display-keep-image``; a figure's
  caption stays. Charts drawn as inline SVG are information, not decoration, and stay.
- ``html.display-contrast`` (any colour scheme): site.css sets every element's text, background
  and border to the scheme's two colours (``--text`` and ``--bg``, which are redefined, as are
  ``--blue``, ``--muted``, ``--line``, ``--bg-soft``, ``--gold``). Use the variables rather than
  fixed colours; an element whose own colours carry meaning (a chart legend swatch) may opt out
  with the class ``display-keep-colour``.
- ``display-size2`` / ``display-size3`` scale the root font size (130 % / 160 %), so rem-based
  sizes follow; layouts must not overflow at 320 px in ``display-size3``.

The page cache keeps one entry per value of page_variant(): the canonical (ordered,
de-duplicated, validated) cookie value, or "standard". Unknown or repeated tokens are dropped,
at most one token per setting is kept, so there are at most 3 x 4 x 2 x 2 = 48 variants per
URL, whatever visitors send.

The old one-switch mode (cookie ``low_vision=1``, URLs /low-vision/on|off/) maps to
``size2.contrast-bw`` when no display cookie is present.
"""

from django.conf import settings

SIZES = ("size2", "size3")
CONTRASTS = ("contrast-bw", "contrast-wb", "contrast-blue")
IMAGES = ("noimg",)
SPACINGS = ("spaced",)
# The settings in their canonical order: (name, non-default tokens).
GROUPS = (("size", SIZES), ("contrast", CONTRASTS), ("images", IMAGES), ("spacing", SPACINGS))
LEGACY_MODE = "size2.contrast-bw"
# The id of the settings inside the display panel (templates/base.html); the panel is folded to
# one line showing the current choice, and opens when an address points here.
PANEL_ANCHOR = "display-settings"
# A real value is under 40 characters; anything much longer is not worth parsing.
MAX_COOKIE_LENGTH = 100


def parse(value):
    """{group name: token} of a cookie value; unknown, repeated or conflicting tokens are ignored."""
    chosen = {}
    if not isinstance(value, str) or len(value) > MAX_COOKIE_LENGTH:
        return chosen
    for token in value.split("."):
        for name, tokens in GROUPS:
            if token in tokens and name not in chosen:
                chosen[name] = token
    return chosen


def serialise(chosen):
    """The canonical cookie value of {group name: token}: "" for the standard mode."""
    return ".".join(chosen[name] for name, _tokens in GROUPS if chosen.get(name))


def current(request):
    """{group name: token} of the request's display mode."""
    value = request.COOKIES.get(settings.DISPLAY_COOKIE_NAME)
    if value is None and request.COOKIES.get(settings.LOW_VISION_COOKIE_NAME) == "1":
        value = LEGACY_MODE
    return parse(value)


def html_classes(chosen):
    """The classes on <html> for {group name: token}, as a list."""
    if not chosen:
        return []
    classes = ["display-custom"]
    for name, _tokens in GROUPS:
        token = chosen.get(name)
        if token:
            if name == "contrast":
                classes.append("display-contrast")
            classes.append(f"display-{token}")
    return classes


def page_variant(request):
    """The page-cache variant of the request's display mode (at most 48 distinct values)."""
    return serialise(current(request)) or "standard"
