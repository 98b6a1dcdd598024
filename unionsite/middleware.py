import http.client

from csp.constants import HEADER, HEADER_REPORT_ONLY, SELF, UNSAFE_INLINE
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.exceptions import BadRequest
from django.core.signals import setting_changed
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse, QueryDict
from django.template.loader import render_to_string


class StripNulBytesMiddleware:
    """NUL bytes are never meant: drop them from the query string, refuse them in the path.

    PostgreSQL cannot store or compare text containing NUL, so it must not reach a query. A
    search for "от\\x00пуск" then finds "отпуск". Form fields refuse NUL in POSTed text
    themselves (Django's CharField validators).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path:
            raise BadRequest("NUL byte in the path")
        if "\x00" in request.META.get("QUERY_STRING", "") or "%00" in request.META.get("QUERY_STRING", ""):
            cleaned = QueryDict(mutable=True)
            for key, values in request.GET.lists():
                cleaned.setlist(key.replace("\x00", ""), [value.replace("\x00", "") for value in values])
            cleaned._mutable = False
            request.GET = cleaned
        return self.get_response(request)


class DatabaseUnavailableMiddleware:
    """Answer 503 with a friendly page while the database is down, instead of a 500.

    Django opens a new connection on the next request, so the site comes back by itself when
    the database does.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        # Plain DatabaseError is what a broken database file gives; its subclasses such as
        # IntegrityError or ProgrammingError are bugs and stay 500s.
        unavailable = (
            isinstance(exception, (OperationalError, InterfaceError)) or type(exception) is DatabaseError
        )
        if not unavailable:
            return None
        # Rendered without the request: context processors would touch the session, in the database.
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = "60"
        response["Cache-Control"] = "no-store"
        return response


LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


def is_staff_path(path):
    """The admin (/ky/admin/..., /ru/admin/...) and the editor (/ckeditor/...), not a page slugged "admin"."""
    parts = path.split("/")
    return (len(parts) > 2 and parts[2] == "admin" and parts[1] in LANGUAGE_CODES) or path.startswith(
        "/ckeditor/"
    )


class SiteCSPMiddleware(CSPMiddleware):
    """The strict policy of settings.CONTENT_SECURITY_POLICY everywhere, loosened for the admin.

    Scripts come from the site's files everywhere, the admin and the editor included: Django's
    admin has no inline script, and django-ckeditor's widget hands its configuration to
    ckeditor-init.js in a data attribute. What the staff-only pages add for CKEditor 4:
    * inline styles and <style> elements, which it writes everywhere;
    * data: and blob: images (a pasted image, before it is uploaded), and frames of the site;
    * on the pages that show the editor only, inline event handlers (script-src-attr): its
      toolbar, menus and element path are built as onclick="CKEDITOR.tools.callFunction(12,this)",
      numbered as the page runs, so no hash or nonce can allow them one by one. An inline <script>
      element or a javascript: address stays refused there too.
    """

    def process_response(self, request, response):
        if not self._plain(request, response):
            return super().process_response(request, response)
        # The settings' policy as it is for every public page: built once per process, not twice
        # per response (django-csp builds the policy and the report-only one each time).
        if (
            response.status_code in (http.client.INTERNAL_SERVER_ERROR, http.client.NOT_FOUND)
            and settings.DEBUG
        ):
            return response
        for header, report_only, exempt in (
            (HEADER, False, "_csp_exempt"),
            (HEADER_REPORT_ONLY, True, "_csp_exempt_ro"),
        ):
            policy = built_policy(report_only)
            if not policy or header in response or getattr(response, exempt, False):
                continue
            config = (
                getattr(
                    settings,
                    "CONTENT_SECURITY_POLICY_REPORT_ONLY" if report_only else "CONTENT_SECURITY_POLICY",
                    None,
                )
                or {}
            )
            if not request.path_info.startswith(tuple(config.get("EXCLUDE_URL_PREFIXES", None) or ())):
                response[header] = policy
        if getattr(request, "_csp_nonce", None) is None:
            request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response

    def _plain(self, request, response):
        """Whether the response gets the settings' policy unchanged: no nonce, no decorator, not staff."""
        if getattr(request, "_csp_nonce", None) is not None or is_staff_path(request.path_info):
            return False
        return not any(getattr(response, name, None) is not None for name in POLICY_CHANGES)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if is_staff_path(request.path_info) and parts.update is None:
            parts.update = {
                "style-src": [SELF, UNSAFE_INLINE],
                "img-src": [SELF, "data:", "blob:"],
                "frame-src": [SELF],
            }
            if shows_rich_text_editor(response):
                parts.update["script-src-attr"] = [UNSAFE_INLINE]
        return parts


# What django-csp's decorators (@csp_update, @csp_replace, @csp) put on a response.
POLICY_CHANGES = tuple(
    f"_csp_{kind}{suffix}" for kind in ("config", "update", "replace") for suffix in ("", "_ro")
)
_built_policies = {}


def built_policy(report_only):
    """The settings' policy (or report-only policy) as a header value, built on first use."""
    if report_only not in _built_policies:
        _built_policies[report_only] = build_policy(report_only=report_only)
    return _built_policies[report_only]


def _forget_built_policies(setting, **kwargs):
    if setting in ("CONTENT_SECURITY_POLICY", "CONTENT_SECURITY_POLICY_REPORT_ONLY"):
        _built_policies.clear()


setting_changed.connect(_forget_built_policies)


def shows_rich_text_editor(response):
    """Whether the page holds a django-ckeditor widget (ckeditor/widget.html marks its textarea)."""
    return (
        not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
        and b'data-type="ckeditortype"' in response.content
    )
