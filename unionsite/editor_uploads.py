"""The rich-text editor's image upload, /ckeditor/upload/, in place of django-ckeditor's own view.

django-ckeditor's view skips the CSRF check, writes its CKEditorFuncNum parameter into a script
as given, stores whatever Pillow half-reads and answers 500 to a broken image. This one lets
staff only upload, checks the CSRF token (static/js/editor-uploads.js sends it in a header),
checks and re-encodes the image as every other photo of the site (unionsite/images.py) and
stores it under a random name whose extension is the image's real format.

CKEditor uploads with XMLHttpRequest (filebrowserUploadMethod "xhr": pasted and dropped images
and the Upload tab of the image dialog) and is answered in JSON: {"uploaded": 1, "fileName": ...,
"url": ...}, or {"uploaded": 0, "error": {"message": ...}} with a 4xx status. Its other way, a
form posted into a hidden frame answered by a script page, cannot work here (every response
forbids framing) and is not offered; a CKEditorFuncNum that is not digits is still refused.
Messages are in the language of the `language` parameter that the editor's widget adds to the
address (unionsite/richtext.py), else in the language LocaleMiddleware chose.
"""

import logging
import re
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from unionsite.images import EXTENSIONS, reencode_image
from unionsite.middleware import LANGUAGE_CODES

logger = logging.getLogger("django.security.csrf")

CALLBACK_NUMBER = re.compile(r"[0-9]{1,10}")


class EditorCsrfCheck(CsrfViewMiddleware):
    """Django's CSRF check, refusing in the editor's format so that the editor can say why."""

    def _reject(self, request, reason):
        logger.warning("Forbidden (%s): %s", reason, request.path)
        return refusal(request, 403, _("The page is out of date. Reload it and upload the image again."))


def refusal(request, status, message):
    return JsonResponse({"uploaded": 0, "error": {"message": message}}, status=status)


@csrf_exempt  # checked below by EditorCsrfCheck, which refuses in the editor's format
@require_POST
def upload_image(request):
    language = request.GET.get("language")
    with translation.override(language if language in LANGUAGE_CODES else translation.get_language()):
        return _upload_image(request)


def _upload_image(request):
    if not (request.user.is_active and request.user.is_staff):
        return refusal(request, 403, _("Log in to the site administration again to upload images."))
    rejection = EditorCsrfCheck(lambda request: None).process_view(request, None, (), {})
    if rejection is not None:
        return rejection
    func_num = request.GET.get("CKEditorFuncNum")
    if func_num is not None and not CALLBACK_NUMBER.fullmatch(func_num):
        return refusal(request, 400, _("The editor sent a wrong request. Reload the page and try again."))
    upload = request.FILES.get("upload")
    if upload is None:
        return refusal(request, 400, _("Choose an image to upload."))
    try:
        data, image_format = reencode_image(upload)
    except ValidationError as error:
        return refusal(request, 400, " ".join(error.messages))
    folder = f"{settings.CKEDITOR_UPLOAD_PATH.rstrip('/')}/{timezone.localdate():%Y/%m/%d}"
    name = f"{folder}/{uuid.uuid4().hex}{EXTENSIONS[image_format]}"
    name = default_storage.save(name, ContentFile(data))
    url = default_storage.url(name)
    return JsonResponse({"uploaded": 1, "fileName": name.rsplit("/", 1)[-1], "url": url})
