"""Uploaded images are stored re-encoded: upright, in their own format, without their metadata.

A camera photo carries EXIF (the place it was taken, the device's serial number), comments and
XMP; a crafted file can carry a second document after the picture. Saving only the decoded
pixels again drops all of that. `PhotoField` does it for the model fields (covers, gallery
photos, portraits), unionsite/editor_uploads.py for images in rich text.
"""

import io
import os

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.db.models.fields.files import ImageFieldFile
from django.utils.deconstruct import deconstructible
from PIL import ImageOps, ImageSequence, JpegImagePlugin

from unionsite.validators import (
    ALLOWED_IMAGE_EXTENSIONS,
    BAD_FORMAT_MESSAGE,
    DAMAGED_MESSAGE,
    check_upload_size,
    open_whole_image,
)

EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "GIF": ".gif"}
# Other spellings of an extension that the format keeps as it is (a photo named .jpeg stays so).
ACCEPTED_EXTENSIONS = {"JPEG": {".jpg", ".jpeg"}, "PNG": {".png"}, "WEBP": {".webp"}, "GIF": {".gif"}}
# What decoding reports that belongs to the picture itself; everything else in `info` is dropped.
# The colour profile stays: without it a photo from a wide-gamut camera looks washed out.
PICTURE_INFO = {"transparency", "background", "duration", "loop", "disposal", "blend", "icc_profile"}


def _picture_only(image):
    image.info = {key: value for key, value in image.info.items() if key in PICTURE_INFO}
    return image


def reencode_image(file):
    """Check `file` (ValidationError as `open_whole_image`) and return (bytes, format).

    EXIF orientation is applied to the pixels before the EXIF goes, so a portrait taken with the
    phone held upright stays upright. Animations keep their frames and timing.
    """
    with open_whole_image(file) as image:
        try:
            data, image_format = _reencoded(image)
        except Exception as error:
            # A file whose picture decodes can still carry metadata Pillow cannot read (an EXIF
            # chunk that is not TIFF): it is damaged too, never a server error.
            raise ValidationError(DAMAGED_MESSAGE, code="damaged") from error
    # The check done once: the model field stores these bytes (PhotoFieldFile.save).
    file.reencoded = (data, image_format)
    return data, image_format


def _reencoded(image):
    # A phone's MPO is a JPEG followed by extra pictures (a depth map): the first is the photo.
    image_format = "JPEG" if image.format == "MPO" else image.format
    options = {"format": image_format}
    if image_format == "JPEG":
        # The source's own quantisation tables: no visible loss and about the same size.
        # Orientation is applied in place, so the image still has the tables to read.
        ImageOps.exif_transpose(image, in_place=True)
        options.update(qtables=image.quantization, subsampling=JpegImagePlugin.get_sampling(image))
        frames = [_picture_only(image)]
    elif getattr(image, "n_frames", 1) > 1:
        frames = [_picture_only(frame.copy()) for frame in ImageSequence.Iterator(image)]
    else:
        frames = [_picture_only(ImageOps.exif_transpose(image))]
    if image_format == "WEBP":
        options["quality"] = 90
    first, *others = frames
    if others:
        durations = [frame.info.get("duration", 0) for frame in frames]
        options.update(save_all=True, append_images=others, duration=durations)
        if "loop" in first.info:
            options["loop"] = first.info["loop"]
    if "icc_profile" in first.info:
        options["icc_profile"] = first.info["icc_profile"]
    output = io.BytesIO()
    first.save(output, **options)
    return output.getvalue(), image_format


def name_for_format(name, image_format):
    """`name` with the extension of the image's real format (photo.png holding a JPEG -> photo.jpg)."""
    stem, extension = os.path.splitext(name)
    if extension.lower() in ACCEPTED_EXTENSIONS[image_format]:
        return name
    return stem + EXTENSIONS[image_format]


class PhotoFieldFile(ImageFieldFile):
    def save(self, name, content, save=True):
        data, image_format = getattr(content, "reencoded", None) or reencode_image(content)
        super().save(name_for_format(name, image_format), ContentFile(data), save)


class PhotoField(models.ImageField):
    """An ImageField whose new files are stored re-encoded (see the module's docstring).

    Files must pass `validate_image_upload` first (the field's validators, run by its form); a file
    assigned in code that is not a whole image raises ValidationError on save.
    """

    attr_class = PhotoFieldFile

    def deconstruct(self):
        # The database column is an ImageField's; re-encoding changes no migration.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.ImageField", args, kwargs


@deconstructible
class ImageUploadValidator:
    """Refuse what `open_whole_image` and re-encoding refuse, and names that do not end as an image's.

    The stored name keeps the uploader's name, and the web server picks the type from its
    extension: an image with HTML appended, named .html, would be served as a page.
    """

    def __call__(self, file):
        if getattr(file, "_committed", False):
            # A stored file was checked and re-encoded when it was uploaded; re-saving the form
            # must not read it back from the storage.
            return
        check_upload_size(file)
        if os.path.splitext(getattr(file, "name", "") or "")[1].lower() not in ALLOWED_IMAGE_EXTENSIONS:
            raise ValidationError(BAD_FORMAT_MESSAGE, code="bad_extension")
        position = file.tell() if hasattr(file, "tell") else None
        # Re-encoded here, not only on save: what only re-encoding finds (unreadable metadata)
        # must be a form error. The result is kept on the file for the save.
        try:
            reencode_image(file)
        finally:
            if position is not None:
                file.seek(position)

    def __eq__(self, other):
        return isinstance(other, ImageUploadValidator)


validate_image_upload = ImageUploadValidator()
