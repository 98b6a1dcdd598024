from django import template
from django.templatetags.static import static

from unionsite.share import share_image_path

register = template.Library()


@register.simple_tag
def share_image(section=None):
    """`{{ site_origin }}{% share_image "news" %}`: the section's branded share image (og:image)
    in the current language, else the generic one."""
    return static(share_image_path(section))
