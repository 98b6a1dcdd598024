"""Absolute links and structured data (JSON-LD) for pages, built one way everywhere."""

import json

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

# What json_script escapes: the data can never close its <script> element or open a comment.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def site_origin(request):
    """Scheme and host for absolute links: DJANGO_SITE_URL when set, else the request's own.

    Empty for a request whose Host is not allowed, so that the 400 page for it renders without
    absolute links instead of failing on the same host again.
    """
    if settings.SITE_URL:
        return settings.SITE_URL
    try:
        return f"{request.scheme}://{request.get_host()}"
    except DisallowedHost:
        return ""


def absolute_url(request, path):
    return f"{site_origin(request)}{path}"


def json_ld_script(data):
    """`<script type="application/ld+json">` holding `data` (schema.org), escaped like json_script."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308
