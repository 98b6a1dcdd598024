from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponsePermanentRedirect, HttpResponseRedirect, JsonResponse
from django.templatetags.static import static
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from unionsite import display
from unionsite.links import absolute_url


@never_cache
@require_safe
def healthz(request):
    """Answer 200 when the database answers a query, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            # A real table, not SELECT 1: SQLite answers that without reading its file at all.
            cursor.execute("SELECT 1 FROM django_migrations LIMIT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def _safe_next_url(request):
    next_url = request.GET.get("next", "")
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return ""


@require_safe
def switch_language(request, language):
    """Remember the chosen language in a cookie and show the same page in it."""
    if language not in dict(settings.LANGUAGES):
        return page_not_found(request, exception=None)
    next_url = _safe_next_url(request)
    if next_url:
        # translate_url resolves the path in the active language, which here comes from the
        # cookie or the browser, not from the page: resolve it in the page's own language.
        page_language = translation.get_language_from_path(next_url) or translation.get_language()
        with translation.override(page_language):
            target = translate_url(next_url, language)
    else:
        with translation.override(language):
            target = reverse("home")
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=settings.LANGUAGE_COOKIE_SECURE,
    )
    return response


# The display view's parameters, named as unionsite/display.py's groups: {value: token, "" for the default}.
DISPLAY_PARAMETERS = {
    "size": {"1": "", "2": "size2", "3": "size3"},
    "contrast": {"standard": "", "bw": "contrast-bw", "wb": "contrast-wb", "blue": "contrast-blue"},
    "images": {"on": "", "off": "noimg"},
    "spacing": {"normal": "", "wide": "spaced"},
}


def _display_response(request, chosen):
    target = _safe_next_url(request) or reverse("home")
    value = display.serialise(chosen)
    if value and "#" not in target:
        # Back on the page, the folded display panel opens at its settings (a browser opens a
        # closed <details> that holds the target of the address): the reader may go on choosing.
        # On the next page it is folded to one line again.
        target += f"#{display.PANEL_ANCHOR}"
    response = HttpResponseRedirect(target)
    if value:
        response.set_cookie(
            settings.DISPLAY_COOKIE_NAME,
            value,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite="Lax",
            secure=settings.LANGUAGE_COOKIE_SECURE,
        )
    else:
        response.delete_cookie(settings.DISPLAY_COOKIE_NAME, samesite="Lax")
    # The one-switch cookie of the old low-vision mode gives way to the display cookie.
    if settings.LOW_VISION_COOKIE_NAME in request.COOKIES:
        response.delete_cookie(settings.LOW_VISION_COOKIE_NAME, samesite="Lax")
    return response


@require_safe
def set_display(request):
    """Change the display mode (text size, colours, images, spacing) and go back; no JavaScript needed.

    Each parameter changes one setting and keeps the others; `reset` returns to the standard
    version. A value the panel never sends is a 400, not a silent guess.
    """
    if "reset" in request.GET:
        return _display_response(request, {})
    chosen = display.current(request)
    for parameter, values in DISPLAY_PARAMETERS.items():
        if parameter not in request.GET:
            continue
        value = request.GET[parameter]
        if value not in values:
            return bad_request(request, exception=None)
        if values[value]:
            chosen[parameter] = values[value]
        else:
            chosen.pop(parameter, None)
    return _display_response(request, chosen)


@require_safe
def switch_low_vision(request, mode):
    """The old low-vision switch: "on" chooses large text in black on white, "off" the standard version."""
    if mode not in ("on", "off"):
        return page_not_found(request, exception=None)
    return _display_response(request, display.parse(display.LEGACY_MODE) if mode == "on" else {})


@require_safe
def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /ky/admin/", "Disallow: /ru/admin/", "Disallow: /ckeditor/"]
    sitemap = absolute_url(request, "/sitemap.xml")
    lines.append(f"Sitemap: {sitemap}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
def favicon(request):
    """/favicon.ico, which feed readers and bots ask for without reading a page: the site's icon."""
    response = HttpResponsePermanentRedirect(static("img/favicon.svg"))
    response["Cache-Control"] = "public, max-age=86400"
    return response


def bad_request(request, exception):
    return defaults.bad_request(request, exception, template_name="400.html")


def permission_denied(request, exception):
    return defaults.permission_denied(request, exception, template_name="403.html")


def page_not_found(request, exception):
    return defaults.page_not_found(request, exception, template_name="404.html")


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out login, in the language of the login page (429)."""
    from axes.helpers import get_cool_off, get_failure_limit
    from django.shortcuts import render

    cool_off = get_cool_off(request)
    minutes = max(1, round(cool_off.total_seconds() / 60)) if cool_off else 0
    context = {"failure_limit": get_failure_limit(request, credentials), "minutes": minutes}
    return render(request, "axes/lockout.html", context, status=429)
