"""The one rich-text field of the site and its sanitiser.

Every app stores rich text through `RichTextField`. It is django-ckeditor's field today; swapping
the editor means changing this file only. Whatever the editor sends, the value is cleaned with an
allow-list on save, so stored HTML is safe to render with `|safe`.
"""

import uuid

import nh3
from ckeditor_uploader.fields import RichTextUploadingField
from PIL import Image, UnidentifiedImageError

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "sub", "sup",
    "ul", "ol", "li", "blockquote", "a", "img", "figure", "figcaption",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "span",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height", "style"},
    "p": {"style"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "scope", "style"},
    "table": {"style"},
}
# CKEditor expresses alignment and image size as inline styles; nothing else gets through.
ALLOWED_STYLE_PROPERTIES = {"text-align", "width", "height", "float", "margin-left", "margin-right"}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}


def sanitize_html(html):
    """Return `html` reduced to the allow-list: no scripts, handlers, or dangerous URLs."""
    if not html:
        return ""
    # NUL bytes cannot be stored by PostgreSQL and have no place in text.
    html = html.replace("\x00", "")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style"},
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        filter_style_properties=ALLOWED_STYLE_PROPERTIES,
        link_rel="noopener noreferrer",
    ).strip()


class RichTextField(RichTextUploadingField):
    """Rich text edited with CKEditor and sanitised on save."""

    def pre_save(self, model_instance, add):
        # Through __dict__, not getattr/setattr: on a translated model the plain field's
        # descriptor reads the fallback language and writes the active one, which would copy
        # the Kyrgyz text into an empty Russian field (or back) on every save.
        clean = sanitize_html(model_instance.__dict__.get(self.attname))
        model_instance.__dict__[self.attname] = clean
        return clean


EDITOR_IMAGE_EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}


def editor_upload_filename(filename, request):
    """A random name whose extension follows the image's real format, never the uploader's name.

    django-ckeditor keeps the uploaded name's extension, so an image with HTML appended and
    named .html would be served as a page from /media/. (CKEDITOR_FILENAME_GENERATOR)
    """
    upload = request.FILES.get("upload")
    image_format = None
    if upload is not None:
        try:
            with Image.open(upload) as image:
                image_format = image.format
        except (UnidentifiedImageError, OSError):
            image_format = None
        finally:
            upload.seek(0)
    return f"{uuid.uuid4().hex}.{EDITOR_IMAGE_EXTENSIONS.get(image_format, 'jpg')}"
