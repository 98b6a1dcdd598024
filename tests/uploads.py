"""Real files for upload tests, made in memory."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def image_upload(name="photo.jpg", size=(64, 48), color=(30, 90, 160), image_format="JPEG"):
    """A small real image as an uploaded file."""
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format=image_format)
    content_type = {"JPEG": "image/jpeg", "PNG": "image/png"}.get(image_format, "application/octet-stream")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)
