from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.urls import reverse, translate_url
from django.utils.http import urlencode
from django.utils.translation import get_language

from unionsite import registry


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


def site(request):
    """Language switcher links and alternates for the page being shown."""
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
                "switch_url": f"{switch_url}?{urlencode({'next': path})}",
            }
        )
    low_vision = request.COOKIES.get(settings.LOW_VISION_COOKIE_NAME) == "1"
    low_vision_url = reverse("switch_low_vision", args=["off" if low_vision else "on"])
    return {
        "site_languages": languages,
        "site_sections": registry.sections(),
        "site_origin": site_origin(request),
        "low_vision": low_vision,
        "low_vision_switch_url": f"{low_vision_url}?{urlencode({'next': path})}",
    }
