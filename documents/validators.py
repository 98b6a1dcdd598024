"""The upload check for document files: size, name and, above all, content."""

import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# Longer names are refused: Django cuts names at 255 characters, so a longer one arrives cut.
MAX_FILE_NAME_LENGTH = 200


def file_name_problem(name):
    """Why an uploaded file name is refused, or None. The name is never used to store the file."""
    if not name:
        return None
    if len(name) > MAX_FILE_NAME_LENGTH:
        return gettext(
            "The file name is too long (%(length)s characters; at most %(limit)s). Rename the file."
        ) % {
            "length": len(name),
            "limit": MAX_FILE_NAME_LENGTH,
        }
    if "/" in name or "\\" in name or name.strip() in {".", ".."}:
        return gettext("The file name must not contain a folder path. Rename the file.")
    if any(unicodedata.category(char) in {"Cc", "Cf", "Zl", "Zp"} for char in name):
        return gettext("The file name contains control characters. Rename the file.")
    return None


@deconstructible
class DocumentUploadValidator:
    """Refuse empty, too large, badly named files and any content that is not an allowed format."""

    def __call__(self, value):
        from documents.formats import ALLOWED_FORMATS_TEXT, detect_format

        # A file already stored (an unchanged form) was checked when it was uploaded.
        if getattr(value, "_committed", False):
            return
        size = value.size
        if not size:
            raise ValidationError(_("The file is empty."), code="empty")
        limit = settings.DOCUMENT_MAX_UPLOAD_SIZE
        if size > limit:
            raise ValidationError(
                _("The file is %(size)s; the limit is %(limit)s."),
                code="too_large",
                params={"size": filesizeformat(size), "limit": filesizeformat(limit)},
            )
        uploaded_name = getattr(getattr(value, "file", None), "name", None) or value.name
        problem = file_name_problem(uploaded_name)
        if problem:
            raise ValidationError(problem, code="bad_name")
        if detect_format(value) is None:
            raise ValidationError(
                _("This file is not an allowed document. Upload %(formats)s."),
                code="bad_format",
                params={"formats": ALLOWED_FORMATS_TEXT},
            )

    def __eq__(self, other):
        return isinstance(other, DocumentUploadValidator)


validate_document_upload = DocumentUploadValidator()
