from django import template

from unionsite.qrcodes import qr_svg

register = template.Library()


@register.simple_tag
def qr_code(url, label):
    """`{% qr_code url label %}`: the QR code opening `url` as inline SVG, labelled for screen readers."""
    return qr_svg(url, label)
