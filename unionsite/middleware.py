from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.core.exceptions import BadRequest
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


def shows_rich_text_editor(response):
    """Whether the page holds a django-ckeditor widget (ckeditor/widget.html marks its textarea)."""
    return (
        not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
        and b'data-type="ckeditortype"' in response.content
    )
