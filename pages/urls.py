from django.urls import path, register_converter

from pages.models import MAX_DEPTH, SLUG_MAX_LENGTH
from pages.views import PageDetailView


class SlugPathConverter:
    """One or more slugs, each followed by a slash: about-the-union/history/ (at most MAX_DEPTH levels)."""

    regex = rf"(?:[-a-zA-Z0-9_]{{1,{SLUG_MAX_LENGTH}}}/){{1,{MAX_DEPTH}}}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(SlugPathConverter, "slugpath")

app_name = "pages"

urlpatterns = [
    path("<slugpath:url_path>", PageDetailView.as_view(), name="detail"),
]
