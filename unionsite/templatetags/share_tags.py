from django import template
from django.templatetags.static import static

from unionsite.links import site_origin
from unionsite.share import share_image_path

register = template.Library()


@register.simple_tag(takes_context=True)
def share_image_url(context, section=None):
    """Absolute URL of `section`'s branded share image in the current language (og:image)."""
    request = context.get("request")
    origin = site_origin(request) if request is not None else ""
    return f"{origin}{static(share_image_path(section))}"
