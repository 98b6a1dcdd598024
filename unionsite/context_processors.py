from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from unionsite import display
from unionsite.links import site_origin

# The display panel: (parameter, its label, ((value, token, visible text, full name), ...)).
# The parameters are those of unionsite.views.set_display; "" is the default token.
DISPLAY_PANEL = (
    (
        "size",
        _("Text size"),
        (
            ("1", "", "A", _("Normal text")),
            ("2", "size2", "A", _("Large text")),
            ("3", "size3", "A", _("Largest text")),
        ),
    ),
    (
        "contrast",
        _("Colours"),
        (
            # Samples: a letter in the scheme's own colours, named in full for screen readers.
            ("standard", "", "A", _("Site colours")),
            ("bw", "contrast-bw", "A", _("Black on white")),
            ("wb", "contrast-wb", "A", _("White on black")),
            ("blue", "contrast-blue", "A", _("Blue on light blue")),
        ),
    ),
    ("images", _("Images"), (("on", "", _("Show"), ""), ("off", "noimg", _("Hide"), ""))),
    ("spacing", _("Letter spacing"), (("normal", "", _("Normal"), ""), ("wide", "spaced", _("Wide"), ""))),
)


# How the folded panel names a setting that differs from the standard version, where the
# option's own full name above is empty.
DISPLAY_SUMMARY_NAMES = {"noimg": _("Images hidden"), "spaced": _("Wide letter spacing")}


def _display_summary(chosen):
    """The reader's current choices, in words, for the folded panel: ["Largest text", "White on black"]."""
    names = []
    for parameter, _label, options in DISPLAY_PANEL:
        token = chosen.get(parameter, "")
        if token:
            titles = {option_token: title for _value, option_token, _text, title in options}
            names.append(titles[token] or DISPLAY_SUMMARY_NAMES[token])
    return names


def _display_panel(request, chosen, path):
    url = reverse("set_display")
    groups = []
    for parameter, label, options in DISPLAY_PANEL:
        current = chosen.get(parameter, "")
        groups.append(
            {
                "name": parameter,
                "label": label,
                "options": [
                    {
                        "value": value,
                        "text": text,
                        "title": title,
                        "is_current": token == current,
                        "url": f"{url}?{urlencode({parameter: value, 'next': path})}",
                    }
                    for value, token, text, title in options
                ],
            }
        )
    return groups


def site(request):
    """Language switcher links, alternates and canonical address, and the display mode."""
    current = get_language()
    path = request.get_full_path()
    languages = []
    for code, name in settings.LANGUAGES:
        switch_url = reverse("switch_language", args=[code])
        languages.append(
            {
                "code": code,
                "name": name,
                "is_current": code == current,
                "url": translate_url(path, code),
                # Alternates and the canonical address drop the query string; base.html adds the page number.
                "alternate_url": translate_url(request.path, code),
                "switch_url": f"{switch_url}?{urlencode({'next': path})}",
            }
        )
    default_alternate = next(
        (language["alternate_url"] for language in languages if language["code"] == settings.LANGUAGE_CODE),
        languages[0]["alternate_url"],
    )
    chosen = display.current(request)
    display_url = reverse("set_display")
    origin = site_origin(request)
    return {
        "site_languages": languages,
        "site_default_alternate": default_alternate,
        "site_origin": origin,
        "canonical_url": f"{origin}{request.path}",
        "display_classes": " ".join(display.html_classes(chosen)),
        "display_custom": bool(chosen),
        "display_panel": _display_panel(request, chosen, path) if chosen else [],
        "display_summary": _display_summary(chosen),
        "display_panel_anchor": display.PANEL_ANCHOR,
        "display_on_url": f"{display_url}?{urlencode({'size': '2', 'contrast': 'bw', 'next': path})}",
        "display_reset_url": f"{display_url}?{urlencode({'reset': '1', 'next': path})}",
    }
