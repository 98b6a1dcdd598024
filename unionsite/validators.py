"""Upload checks shared by the apps: photos must be real, whole, reasonably sized images.

Every image the site stores goes through `open_whole_image`: report covers, gallery photos and
leader portraits through `unionsite.images.validate_image_upload` (their model fields), images in
rich text through the editor's upload view (unionsite/editor_uploads.py). The content decides,
never the file name.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageSequence, UnidentifiedImageError

# MPO is how Pillow names a JPEG from a phone that carries extra pictures (a depth map) after it.
ALLOWED_IMAGE_FORMATS = {"JPEG", "MPO", "PNG", "WEBP", "GIF"}
ALLOWED_IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".webp", ".gif"}

BAD_FORMAT_MESSAGE = _("Upload a photo in JPEG, PNG, WebP or GIF format.")
DAMAGED_MESSAGE = _("The photo is damaged or incomplete. Save it again on your device and upload it anew.")


def check_upload_size(file):
    max_size = settings.IMAGE_MAX_UPLOAD_SIZE
    size = getattr(file, "size", None)
    if size is not None and size > max_size:
        raise ValidationError(
            _("The photo is larger than the limit of %(limit)s."),
            code="too_large",
            params={"limit": filesizeformat(max_size)},
        )
    if size == 0:
        raise ValidationError(_("The file is empty."), code="empty")


def check_pixel_count(image):
    """Refuse more pixels than settings.IMAGE_MAX_PIXELS, counting every frame of an animation."""
    width, height = image.size
    frames = getattr(image, "n_frames", 1)
    if width * height > settings.IMAGE_MAX_PIXELS:
        raise ValidationError(
            _("The photo has too many pixels (%(width)s × %(height)s)."),
            code="too_many_pixels",
            params={"width": width, "height": height},
        )
    if width * height * frames > settings.IMAGE_MAX_PIXELS:
        raise ValidationError(
            _(
                "The animation has too many frames for its size "
                "(%(frames)s frames of %(width)s × %(height)s)."
            ),
            code="too_many_pixels",
            params={"frames": frames, "width": width, "height": height},
        )


def open_whole_image(file):
    """Open an uploaded image, check it and decode all of it; return the loaded Pillow image.

    Refuses (ValidationError) an empty or too large file, a format other than JPEG/PNG/WebP/GIF,
    too many pixels, and a damaged or cut-off file: `verify()` checks the structure (a PNG's
    checksums), and decoding every frame finds what it cannot, such as a JPEG whose end is missing
    (Pillow's LOAD_TRUNCATED_IMAGES stays False, so a short file raises instead of being padded).
    Use the image in a with-block (its close() would close the file too); the file is read from
    its start.
    """
    check_upload_size(file)
    try:
        file.seek(0)
        with Image.open(file) as probe:
            if probe.format not in ALLOWED_IMAGE_FORMATS:
                raise ValidationError(BAD_FORMAT_MESSAGE, code="bad_format")
            check_pixel_count(probe)
            probe.verify()
        # verify() leaves the image unusable: decode from a fresh open.
        file.seek(0)
        image = Image.open(file)
        for frame in ImageSequence.Iterator(image):
            frame.load()
        image.seek(0)
        return image
    except ValidationError:
        raise
    except Image.DecompressionBombError as error:
        raise ValidationError(_("The photo has too many pixels."), code="too_many_pixels") from error
    except UnidentifiedImageError as error:
        raise ValidationError(BAD_FORMAT_MESSAGE, code="bad_format") from error
    except Exception as error:
        # Pillow reports a malformed file with whatever exception its decoder hits (OSError,
        # SyntaxError, ValueError, struct.error, EOFError...); its own fuzzers catch Exception.
        raise ValidationError(DAMAGED_MESSAGE, code="damaged") from error
