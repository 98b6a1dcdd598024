"""The one rich-text field of the site and its sanitiser.

Every app stores rich text through `RichTextField`. It is django-ckeditor's field today; swapping
the editor means changing this file, its image upload view (unionsite/editor_uploads.py) and the
CKEDITOR_* settings. Whatever the editor sends, the value is cleaned with an allow-list on save,
so stored HTML is safe to render with `|safe`.
"""

import re

import nh3
from ckeditor_uploader.fields import RichTextUploadingField, RichTextUploadingFormField
from ckeditor_uploader.widgets import CKEditorUploadingWidget
from django.forms import Media
from django.urls import reverse
from django.utils.translation import get_language

from unionsite.text import without_controls

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
    # NUL bytes cannot be stored by PostgreSQL; no control character belongs in text or XML.
    html = without_controls(html)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style"},
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        filter_style_properties=ALLOWED_STYLE_PROPERTIES,
        link_rel="noopener noreferrer",
    ).strip()


class RichTextWidget(CKEditorUploadingWidget):
    """CKEditor uploading images to unionsite/editor_uploads.py, with the CSRF token it checks.

    The upload address carries the page's language, for the messages of a refused image.
    """

    def _set_config(self):
        self.config["filebrowserUploadUrl"] = f"{reverse('editor_image_upload')}?language={get_language()}"
        super()._set_config()

    @property
    def media(self):
        # Named after ckeditor.js, so that the merged media keep it after CKEditor itself.
        return super().media + Media(js=["ckeditor/ckeditor/ckeditor.js", "js/editor-uploads.js"])


def comparable_html(html):
    """`html` as the site stores it, without the whitespace between blocks and the entities that
    CKEditor writes back differently from what it was given: for telling a real change."""
    html = sanitize_html(html).replace("\u00a0", " ").replace("&nbsp;", " ")
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", html)).strip()


class RichTextFormField(RichTextUploadingFormField):
    widget = RichTextWidget

    def has_changed(self, initial, data):
        # The editor re-serialises the text it is given; only a different text is a change.
        if self.disabled:
            return False
        return comparable_html(initial or "") != comparable_html(data or "")


class RichTextField(RichTextUploadingField):
    """Rich text edited with CKEditor and sanitised on save."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": RichTextFormField, **kwargs})

    def pre_save(self, model_instance, add):
        # Through __dict__, not getattr/setattr: on a translated model the plain field's
        # descriptor reads the fallback language and writes the active one, which would copy
        # the Kyrgyz text into an empty Russian field (or back) on every save.
        clean = sanitize_html(model_instance.__dict__.get(self.attname))
        model_instance.__dict__[self.attname] = clean
        return clean
