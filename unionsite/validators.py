"""Upload validators shared by the apps: photos must be real, reasonably sized images."""

import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

ALLOWED_IMAGE_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
ALLOWED_IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".webp", ".gif"}


@deconstructible
class ImageUploadValidator:
    """Refuse files that are not JPEG/PNG/WebP/GIF images, too large, or decompression bombs.

    The content decides, not the file name: the file is opened with Pillow and verified.
    """

    def __call__(self, file):
        max_size = settings.IMAGE_MAX_UPLOAD_SIZE
        if file.size is not None and file.size > max_size:
            raise ValidationError(
                _("The photo is larger than the limit of %(limit)s."),
                code="too_large",
                params={"limit": filesizeformat(max_size)},
            )
        if file.size == 0:
            raise ValidationError(_("The file is empty."), code="empty")
        # The stored name keeps the extension, and the web server picks the type from it: an
        # image with HTML appended, named .html, would be served as a page.
        if os.path.splitext(getattr(file, "name", "") or "")[1].lower() not in ALLOWED_IMAGE_EXTENSIONS:
            raise ValidationError(_("Upload a photo in JPEG, PNG, WebP or GIF format."), code="bad_extension")
        position = file.tell() if hasattr(file, "tell") else None
        try:
            file.seek(0)
            with Image.open(file) as image:
                width, height = image.size
                if width * height > settings.IMAGE_MAX_PIXELS:
                    raise ValidationError(
                        _("The photo has too many pixels (%(width)s × %(height)s)."),
                        code="too_many_pixels",
                        params={"width": width, "height": height},
                    )
                if image.format not in ALLOWED_IMAGE_FORMATS:
                    raise ValidationError(
                        _("Upload a photo in JPEG, PNG, WebP or GIF format."), code="bad_format"
                    )
                image.verify()
        except (
            UnidentifiedImageError,
            Image.DecompressionBombError,
            OSError,
            SyntaxError,
            ValueError,
        ) as error:
            raise ValidationError(
                _("Upload a photo in JPEG, PNG, WebP or GIF format."), code="bad_format"
            ) from error
        finally:
            if position is not None:
                file.seek(position)

    def __eq__(self, other):
        return isinstance(other, ImageUploadValidator)


validate_image_upload = ImageUploadValidator()
