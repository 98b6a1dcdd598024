"""QR codes for printed pages: drawn on the server as inline SVG (segno) and cached by URL.

A printed sheet leads back to the site through them; no image files and no third-party service.
"""

import hashlib

import segno
from django.core.cache import cache
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

# A QR code for a URL never changes: keep it for a month (the cache may drop it sooner).
CACHE_TIMEOUT = 30 * 24 * 60 * 60
CACHE_KEY_PREFIX = "qrcodes:svg:v1:"


def cache_key(url):
    return CACHE_KEY_PREFIX + hashlib.sha256(url.encode()).hexdigest()


def svg_for(url):
    """The QR code of `url` as an SVG element string (no size: CSS sizes it), from the cache."""
    key = cache_key(url)
    svg = cache.get(key)
    if svg is None:
        # Error correction M: still readable from a creased or partly covered sheet.
        code = segno.make(url, error="m", micro=False)
        svg = code.svg_inline(scale=1, omitsize=True, dark="#000", light="#fff", svgclass="qr-code")
        cache.set(key, svg, CACHE_TIMEOUT)
    return svg


def qr_svg(url, label):
    """Inline SVG of the QR code that opens `url`, named `label` for screen readers."""
    svg = svg_for(url)
    return mark_safe(svg.replace("<svg ", f'<svg role="img" aria-label="{conditional_escape(label)}" ', 1))  # noqa: S308
