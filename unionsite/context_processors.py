from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.http import urlencode
from django.utils.translation import get_language


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
    return {"site_languages": languages}
