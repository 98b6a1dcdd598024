"""Links: absolute links and JSON-LD built one way everywhere, and the one policy for links staff type."""

import json

import ada_url
from django.conf import settings
from django.core.exceptions import DisallowedHost, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.deconstruct import deconstructible
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

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


# Links staff type ---------------------------------------------------------------------------------
#
# A link is judged as a browser will read it: by the WHATWG URL standard (ada-url), which turns
# backslashes into slashes, drops tabs and line breaks, and reads `//host` and `user@host`. Python's
# urlsplit reads `/\evil.example/` as a path and `https://evil.example\@facebook.com/` as a link to
# facebook.com; a browser goes to evil.example in both cases.

# Any origin of our own serves as the base: a path on the site resolves to it, anything else not.
_PROBE_ORIGIN = "https://site.invalid"
_WEB_SCHEMES = ("http:", "https:")

BAD_LINK = _(
    "Write a path on this site starting with one slash, such as /ky/join/, or a full address "
    "starting with https://."
)


def browser_url(value):
    """`value` parsed as a browser on a page of this site would parse an href; None if it cannot."""
    try:
        return ada_url.URL(value, base=f"{_PROBE_ORIGIN}/ky/")
    except ValueError:
        return None


def _has_blanks_or_controls(value):
    return any(char.isspace() or not char.isprintable() for char in value)


def is_site_path(value):
    """Does `value` lead to a page of this site, whatever the site's address? (/ky/news/ does.)"""
    if not value or not value.startswith("/") or _has_blanks_or_controls(value):
        return False
    url = browser_url(value)
    return url is not None and url.origin == _PROBE_ORIGIN and not (url.username or url.password)


def web_url(value):
    """`value` parsed, if it is an http(s) address with a host and without a user name or password."""
    if not value or _has_blanks_or_controls(value):
        return None
    try:
        url = ada_url.URL(value)
    except ValueError:
        return None
    if url.protocol in _WEB_SCHEMES and url.hostname and not (url.username or url.password):
        return url
    return None


def is_web_link(value):
    return web_url(value) is not None


@deconstructible
class LinkValidator:
    """Accepts a path on this site or an http(s) link elsewhere (a class: migrations name it)."""

    def __call__(self, value):
        if not value or is_site_path(value):
            return
        if value.startswith(("/", "\\")) or not is_web_link(value):
            raise ValidationError(BAD_LINK, code="bad_link")

    def __eq__(self, other):
        return isinstance(other, LinkValidator)


validate_link = LinkValidator()


def validate_web_link(value):
    """For URL fields: what Django's URLValidator accepted must also be a plain http(s) link to a browser."""
    if value and not is_web_link(value):
        raise ValidationError(_("Enter a full address starting with https://."), code="bad_link")


@deconstructible
class NetworkLinkValidator:
    """An https link to one named network (its own hosts only), read as a browser reads it."""

    def __init__(self, service, hosts, example):
        self.service = service
        self.hosts = tuple(hosts)
        self.example = example

    def __call__(self, value):
        if not value:
            return
        url = web_url(value)
        if url is None or url.protocol != "https:" or url.hostname not in self.hosts:
            raise ValidationError(
                _("Enter a link to %(service)s starting with https://, for example %(example)s."),
                code="wrong_service",
                params={"service": self.service, "example": self.example},
            )

    def __eq__(self, other):
        return isinstance(other, NetworkLinkValidator) and (self.service, self.hosts) == (
            other.service,
            other.hosts,
        )
