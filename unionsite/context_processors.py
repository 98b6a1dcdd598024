from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.http import urlencode
from django.utils.translation import get_language

from unionsite import registry
from unionsite.links import site_origin


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
